import Yams

/// The decks a template asks for with its `decks:` key, as written: checked for form when the
/// template is parsed, looked up on disk by `TemplateDecks` when it is loaded from a file.
enum DeckSelection: Equatable {
    /// No `decks:` key: the bundled seven principles, when they can be found.
    case bundled
    /// The entries of `decks:` in order; `[]` for `decks: []`, a day without cards.
    case named([Reference])

    /// One entry: a bundled deck's name ("syv-principper") or a path from the template's folder.
    struct Reference: Equatable {
        let entry: String
        let line: Int
        let column: Int

        /// With a slash it is a path; otherwise a name looked up in the `decks` folders.
        var isPath: Bool { entry.contains("/") }
        /// The deck's id, known before the file is read: its file name without `.yaml`.
        var deckID: String { DeckLoader.id(ofPath: entry) }
    }
}

extension NodeReader {
    /// `decks:` — a list of deck names or paths, each naming a different deck.
    func readDeckSelection(_ field: Field?) -> DeckSelection {
        guard let field, !NodeReader.isNull(field.value) else { return .bundled }
        var seen: [String: Int] = [:]
        var references: [DeckSelection.Reference] = []
        for entry in list(field) {
            guard let text = text(Field(name: field.name, key: entry, value: entry)) else { continue }
            let (line, column) = NodeReader.position(entry)
            let reference = DeckSelection.Reference(entry: text, line: line, column: column)
            // Two decks with one id could not be told apart in the session.
            if let first = seen[reference.deckID] {
                report(entry, DeckMessage.duplicateDeck(reference.deckID, firstLine: first)); continue
            }
            seen[reference.deckID] = line
            references.append(reference)
        }
        return .named(references)
    }
}
