import Foundation

/// Finds and loads the dialogue card decks a template asks for. A name is looked up in the
/// `decks/` folder beside the template, then in the bundled templates' `decks/`; a path
/// (anything with a slash) is taken from the template's folder. Issues name files as the
/// user would find them: relative to the template's name as it was given.
struct TemplateDecks {
    /// The deck a template without `decks:` gets: the seven principles.
    static let defaultDeck = "syv-principper"

    let templatePath: String
    /// The template's name in issues; deck files are named relative to it.
    let displayName: String
    /// The folder of bundled templates (`TemplateCatalog.directory()`).
    let catalog: String?

    /// A file on disk and the name issues give it.
    struct Place: Equatable {
        let path: String
        let display: String
    }

    func load(_ selection: DeckSelection) -> (decks: [Deck], issues: [TemplateIssue]) {
        switch selection {
        case .bundled:
            // Not finding the bundled deck is no error: the day then simply has no cards.
            guard let place = folders().lazy.compactMap({ self.file(Self.defaultDeck, in: $0) }).first else {
                return ([], [])
            }
            return load(place)
        case let .named(references):
            var decks: [Deck] = [], issues: [TemplateIssue] = []
            for reference in references {
                switch locate(reference) {
                case let .success(place):
                    let found = load(place)
                    decks += found.decks; issues += found.issues
                case let .failure(issue):
                    issues.append(issue)
                }
            }
            return (decks, issues)
        }
    }

    private func load(_ place: Place) -> (decks: [Deck], issues: [TemplateIssue]) {
        switch DeckLoader.load(path: place.path, displayName: place.display) {
        case let .success(deck): return ([deck], [])
        case let .failure(errors): return ([], errors.issues)
        }
    }

    /// The file a `decks:` entry means, or the issue to report at the entry.
    func locate(_ reference: DeckSelection.Reference) -> Result<Place, TemplateIssue> {
        func missing(_ message: Localized) -> Result<Place, TemplateIssue> {
            .failure(TemplateIssue(file: displayName, line: reference.line, column: reference.column, message: message))
        }
        if reference.isPath {
            let place = beside(reference.entry)
            return Self.isFile(place.path) ? .success(place) : missing(DeckMessage.deckFileNotFound(reference.entry, path: place.display))
        }
        let folders = folders()
        if let place = folders.lazy.compactMap({ self.file(reference.entry, in: $0) }).first { return .success(place) }
        return missing(DeckMessage.deckNotFound(reference.entry, folders: folders.map(\.display)))
    }

    // MARK: Places

    /// Where named decks are looked for, first match wins: beside the template, then bundled.
    func folders() -> [Place] {
        var places = [beside("decks")]
        if let catalog {
            let bundled = Place(path: catalog + "/decks", display: catalog + "/decks")
            if Self.standardized(bundled.path) != Self.standardized(places[0].path) { places.append(bundled) }
        }
        return places
    }

    private func file(_ name: String, in folder: Place) -> Place? {
        let file = name.hasSuffix(".yaml") ? name : name + ".yaml"
        let place = Place(path: folder.path + "/" + file, display: folder.display + "/" + file)
        return Self.isFile(place.path) ? place : nil
    }

    /// `relative` taken from the template's folder, both on disk and as the user named the template.
    private func beside(_ relative: String) -> Place {
        if relative.hasPrefix("/") { return Place(path: relative, display: relative) }
        let rest = relative.hasPrefix("./") ? String(relative.dropFirst(2)) : relative
        return Place(path: Self.join(Self.folder(of: templatePath), rest),
                     display: Self.join(Self.folder(of: displayName), rest))
    }

    private static func folder(of path: String) -> String { (path as NSString).deletingLastPathComponent }

    private static func join(_ folder: String, _ rest: String) -> String {
        folder.isEmpty || folder == "." ? rest : (folder.hasSuffix("/") ? folder + rest : folder + "/" + rest)
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private static func isFile(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
    }
}
