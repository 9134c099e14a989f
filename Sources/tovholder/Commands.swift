import ArgumentParser
import Foundation
import TovholderCore
import TovholderTUI

/// `tovholder [FILE]`: open a session on the facilitator's screen, creating it from the
/// reference day when it does not exist.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Åbn en session (oprettes fra dagens skabelon hvis den mangler).")

    static let defaultFile = "udviklingsdag.tovholder"
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Sessionsfil / session file") var file: String = Open.defaultFile

    func run() throws {
        try openFacilitatorView(OpenRequest(file: file, lang: global.lang, theme: global.theme))
    }
}

struct OpenRequest {
    var file: String
    var lang: Language
    var theme: String?
}

func openFacilitatorView(_ request: OpenRequest) throws {
    let file = request.file, lang = request.lang
    let localeNote = NcursesBackend.prepareLocale()
    let theme = try loadTheme(request.theme, lang)
    let store: SessionStore
    if try examine(file, lang) == .ordinaryFile {
        store = try openStore(file, lang, checkDamage: !hasTerminal)
    } else {
        store = try createSession(file, template: TemplateCatalog.defaultName, lang)
    }
    let session: SessionState
    do { session = try store.load() } catch let e as SessionError { throw UserError(e.message, lang) }
    try runTerminal(store: store, session: session, seat: .facilitator, file: file, lang: lang, theme: theme,
                    presence: TerminalPresence.current(role: .facilitator, groupID: nil), localeNote: localeNote)
}

/// The loop on a real terminal, for the facilitator and for participants alike.
func runTerminal(store: SessionStore, session: SessionState, workshop: Workshop = Workshop(), seat: Seat,
                 file: String, lang: Language, theme: Theme, presence: TerminalPresence, localeNote: Localized?) throws {
    guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
        throw UserError(Localized(da: "tovholder skal køre i en terminal", en: "tovholder needs a terminal"), lang)
    }
    var notes: [String] = localeNote.map { [$0.text(lang)] } ?? []
    if let warning = SessionStore.networkFileSystemWarning(path: file) { notes.append(warning.text(lang)) }
    let backend = NcursesBackend(theme: theme)
    var state = AppState(session: session, workshop: workshop, language: lang,
                         fileName: (file as NSString).lastPathComponent, now: Date().timeIntervalSince1970,
                         utcOffsetSeconds: localUTCOffset(), size: backend.size)
    state.sit(as: seat)
    if !notes.isEmpty { state.notice = notes.joined(separator: " · ") }
    let runner = Runner(state: state, store: store, backend: backend, presence: presence, checkBeforeWriting: {
        store.damageProblems().map { damaged($0, file, lang) }
    })
    runner.run()
    backend.shutdown()
    if let refusal = runner.refusal { throw UserError(refusal) }
    // Nothing typed is lost in silence: what the file would not take is printed for the user.
    if let report = runner.unsavedReport { FileHandle.standardError.write(Data((report + "\n").utf8)) }
    if let note = localeNote { FileHandle.standardError.write(Data((note.text(lang) + "\n").utf8)) }
    // Not everything saved: 3, so serve can tell the participant (and a script its caller).
    if runner.unsavedReport != nil { Foundation.exit(3) }
    // A participant's view stopped by the facilitator's disconnect (SIGTERM): 128 + 15, as a
    // shell would say, so serve can tell the participant why. Elsewhere a SIGTERM is a clean end.
    if backend.stopSignal == SIGTERM, case .participant = seat { Foundation.exit(143) }
}

/// `tovholder join FILE [--group NAME]`: a participant's terminal on a running session.
struct Join: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tilslut en gruppes terminal til en kørende session (også over ssh).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Sessionsfil / session file") var file: String
    @Option(help: "Gruppens navn eller nummer / the group's name or number") var group: String?

    func run() throws {
        let lang = global.lang
        let localeNote = NcursesBackend.prepareLocale()
        let theme = try loadTheme(global.theme, lang)
        let (store, session) = try openRunning(file, lang)
        let workshop: Workshop
        do { workshop = try store.loadWorkshop() } catch let e as SessionError { throw UserError(e.message, lang) }
        let groups = workshop.activeGroups
        let strings = Strings(lang)
        let names = groups.enumerated().map { "\($0 + 1)) \(VisibleText.visible($1.name))" }.joined(separator: ", ")
        let chosen: TovholderCore.Group
        if let group {
            guard let g = Join.pick(group, from: groups) else { throw UserError(strings.format(.unknownGroup, group, names)) }
            chosen = g
        } else {
            // Asked in the terminal: a wrong answer is asked again, never the end of the program.
            print(strings[.chooseGroup])
            for (i, g) in groups.enumerated() { print("  \(i + 1)) \(VisibleText.visible(g.name))") }
            var picked: TovholderCore.Group?
            while picked == nil {
                print("> ", terminator: "")
                guard let line = readLine() else { throw UserError(strings.format(.unknownGroup, "", names)) }
                let answer = line.trimmingCharacters(in: .whitespaces)
                picked = Join.pick(answer, from: groups)
                if picked == nil, !answer.isEmpty { print(VisibleText.visible(strings.format(.unknownGroup, answer, names))) }
            }
            chosen = picked!
        }
        try runTerminal(store: store, session: session, workshop: workshop, seat: .participant(groupID: chosen.id),
                        file: file, lang: lang, theme: theme,
                        presence: TerminalPresence.current(role: .participant, groupID: chosen.id), localeNote: localeNote)
    }

    /// By number ("2") or by name, ignoring case ("gruppe 2").
    static func pick(_ answer: String, from groups: [TovholderCore.Group]) -> TovholderCore.Group? {
        if let n = Int(answer), groups.indices.contains(n - 1) { return groups[n - 1] }
        return groups.first { $0.name.caseInsensitiveCompare(answer) == .orderedSame }
    }
}

/// `tovholder projector FILE`: the room's view of a running session, in a second terminal
/// (the window on the projector) or over SSH. It follows the facilitator and takes no keys
/// but quit (q, F10, Ctrl-X).
struct Projector: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Vis rummets skærm (store bogstaver) for en kørende session – til projektoren.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Sessionsfil / session file") var file: String

    func run() throws {
        let lang = global.lang
        let localeNote = NcursesBackend.prepareLocale()
        let theme = try loadTheme(global.theme, lang)
        let (store, session) = try openRunning(file, lang)
        try runTerminal(store: store, session: session, seat: .projector, file: file, lang: lang, theme: theme,
                        presence: TerminalPresence.current(role: .projector, groupID: nil), localeNote: localeNote)
    }
}

/// A session another terminal runs (a participant's, the projector's): it must exist.
func openRunning(_ file: String, _ lang: Language) throws -> (SessionStore, SessionState) {
    guard try examine(file, lang) == .ordinaryFile else {
        throw UserError(SessionError.notFound(path: file).message, lang)
    }
    let store = try openStore(file, lang, checkDamage: !hasTerminal)
    do { return (store, try store.load()) } catch let e as SessionError { throw UserError(e.message, lang) }
}

/// `tovholder check PATH`: validate a template, theme or session file without changing it.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Kontrollér en skabelon, et tema eller en session.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Fil / file") var path: String

    func run() throws {
        let lang = global.lang
        guard try examine(path, lang) == .ordinaryFile else {
            throw UserError(SessionError.notFound(path: path).message, lang)
        }
        if path.hasSuffix(".tovholder") || Self.looksLikeSQLite(path) {
            do { try SessionStore.verify(path: path) } catch let e as SessionError { throw UserError(damaged(e, path, lang)) }
        } else if Self.isTheme(path) {
            if case .failure(let errors) = Theme.load(path: path) { throw UserError(errors.text(lang)) }
        } else if Self.isDeck(path) {
            if case .failure(let errors) = DeckLoader.load(path: path) { throw UserError(errors.text(lang)) }
        } else if case .failure(let errors) = TemplateLoader.load(path: path) {
            throw UserError(errors.text(lang))
        }
        print(Localized(da: "\(path): i orden", en: "\(path): valid").text(lang))
    }

    static func looksLikeSQLite(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        return (try? h.read(upToCount: 16)) == Data("SQLite format 3\0".utf8)
    }

    /// Decks of dialogue cards live in a decks/ folder or say `cards:` at the top level.
    static func isDeck(_ path: String) -> Bool {
        if path.contains("decks/") { return true }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { $0.hasPrefix("cards:") }
    }

    /// Themes live in a themes/ folder or say `roles:` at the top level.
    static func isTheme(_ path: String) -> Bool {
        if path.contains("themes/") { return true }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { $0.hasPrefix("roles:") }
    }
}

extension ExportFormat: ExpressibleByArgument {}

/// `tovholder export FILE [--format markdown|html|ics|json] [-o OUT]`: the minutes, read from
/// one consistent snapshot even while other terminals are editing. Markdown to standard
/// output unless -o names a file.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Skriv referatet: Markdown, HTML, ICS eller JSON.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Sessionsfil / session file") var file: String
    @Option(help: "markdown, html, ics eller json") var format: ExportFormat = .markdown
    @Option(name: .shortAndLong, help: "Fil at skrive til / file to write (standard: skærmen)") var output: String?
    @Flag(name: .customLong("with-notes"), help: "Tag facilitatorens noter med / include the facilitator's notes")
    var withNotes = false

    func run() throws {
        let lang = global.lang
        guard try examine(file, lang) == .ordinaryFile else { throw UserError(SessionError.notFound(path: file).message, lang) }
        let store = try openStore(file, lang)
        let text: String
        do {
            let minutes = try MinutesExport.minutes(store: store, language: lang, utcOffsetSeconds: localUTCOffset(),
                                                    now: Date().timeIntervalSince1970, withNotes: withNotes)
            text = render(minutes, as: format)
        } catch let e as SessionError { throw UserError(e.message, lang) }
        if let output {
            do { try MinutesExport.guardTarget(output, session: file, replacement: text) }
            catch let e as ExportError { throw UserError(e.message, lang) }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                FilePermissions.apply(FilePermissions.sharing(forFile: output), to: output)
            }
            catch { throw UserError(Localized(da: "\(output): kan ikke skrives – findes mappen, og må du skrive i den?",
                                              en: "\(output): cannot be written – does the folder exist, and may you write in it?"), lang) }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// `tovholder templates`: the bundled day templates.
struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Vis de medfølgende skabeloner.")
    @OptionGroup var global: GlobalOptions
    func run() throws {
        for t in TemplateCatalog.list() { print(t.name + "\t" + t.path) }
    }
}

/// What FILE is — missing or an ordinary file — with a clear error for anything else.
func examine(_ file: String, _ lang: Language) throws -> SessionFileCheck.PathKind {
    do { return try SessionFileCheck.examine(path: file) } catch let e as SessionError { throw UserError(e.message, lang) }
}

/// `checkDamage: false` where a terminal will draw: the check then runs after its first frame.
func openStore(_ file: String, _ lang: Language, checkDamage: Bool = true) throws -> SessionStore {
    do { return try SessionStore.open(path: file, checkDamage: checkDamage) }
    catch let e as SessionError { throw UserError(damaged(e, file, lang)) }
}

/// Standard input and output are a terminal: the screen will be drawn.
var hasTerminal: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

/// A session error's words; for a damaged session also the snapshot to bring back.
func damaged(_ e: SessionError, _ file: String, _ lang: Language) -> String {
    guard case .problems = e, let newest = Snapshots.list(session: file).first(where: { Snapshots.summary(of: $0.path) != nil })
    else { return e.message.text(lang) }
    return e.message.text(lang) + "\n" + Localized(
        da: "Nyeste øjebliksbillede: \(newest.name) – hent det med: tovholder restore \(file) --from \"\(newest.name)\"",
        en: "Newest snapshot: \(newest.name) – bring it back with: tovholder restore \(file) --from \"\(newest.name)\"").text(lang)
}

func createSession(_ file: String, template: String, _ lang: Language) throws -> SessionStore {
    let (programme, name) = try loadTemplate(template, lang)
    do {
        return try SessionStore.create(path: file, programme: programme, templateName: name, now: Date().timeIntervalSince1970)
    } catch let e as SessionError { throw UserError(e.message, lang) }
}

/// Without --theme: the compiled-in projector theme (a test keeps it equal to
/// themes/projector.yaml), so start-up parses no YAML. --theme NAME|PATH reads the file.
func loadTheme(_ name: String?, _ lang: Language) throws -> Theme {
    if name == nil {
        let noColour = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false  // cheaper than ProcessInfo
        return noColour ? .monochrome : .builtInProjector
    }
    switch ThemeCatalog.load(name) {
    case .success(let theme): return theme
    case .failure(let error): throw UserError(error.text(lang))
    }
}

/// The local time zone's offset now, from the C library (Foundation's TimeZone costs more at start).
func localUTCOffset() -> Int {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return parts.tm_gmtoff
}
