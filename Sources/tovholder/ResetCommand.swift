import ArgumentParser
import Foundation
import TovholderCore

/// `tovholder reset FILE [--all] [--yes]`: the day starts afresh after a rehearsal. A snapshot
/// is taken first; running terminals follow at once.
struct Reset: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start dagen forfra efter en prøve (et øjebliksbillede tages først).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Sessionsfil / session file") var file: String
    @Flag(help: "Slet også gruppernes arbejde / also delete the groups' work") var all = false
    @Flag(help: "Spørg ikke først / do not ask first") var yes = false
    @Flag(help: "Også når terminaler ser ud til at have dagen åben (--all) / even when terminals seem to have the day open")
    var force = false

    func run() throws {
        let lang = global.lang
        guard try examine(file, lang) == .ordinaryFile else { throw UserError(SessionError.notFound(path: file).message, lang) }
        // Opened (and checked) before asking: a file that is no session is refused untouched.
        let store = try openStore(file, lang)
        // Deleting the groups' work under people who are typing loses what they type next:
        // refused while a terminal of the day runs (a plain reset keeps their fields).
        if all && !force, let open = try? OpenTerminals.holders(of: file), !open.isEmpty {
            throw UserError(SnapshotError.sessionInUse(file, open.map(\.description)).message, lang)
        }
        if !yes { try confirm(lang) }
        let snapshot: Snapshot
        do { snapshot = try store.reset(all: all, now: Date().timeIntervalSince1970, utcOffsetSeconds: localUTCOffset()) }
        catch { throw UserError(UserFacing.message(for: error), lang) }
        print(done.text(lang))
        print(Localized(da: "Øjebliksbillede af prøven: \(snapshot.name)", en: "Snapshot of the rehearsal: \(snapshot.name)").text(lang))
        print(Localized(da: "Hent den tilbage med (luk først alle terminaler): tovholder restore \(file) --from \"\(snapshot.name)\"",
                        en: "Bring it back with (close every terminal first): tovholder restore \(file) --from \"\(snapshot.name)\"")
                .text(lang))
    }

    /// Asked in a terminal; without one, --yes must say it (a script never resets by accident).
    func confirm(_ lang: Language) throws {
        guard isatty(STDIN_FILENO) == 1 else {
            throw UserError(Localized(da: "\(file): nulstilling skal bekræftes – tilføj --yes; intet er ændret",
                                      en: "\(file): a reset must be confirmed – add --yes; nothing was changed"), lang)
        }
        let question = all
            ? Localized(da: "Start dagen forfra i \(file)? Tider og fremdrift nulstilles, og gruppernes arbejde slettes også "
                            + "(grupper, ark, aftaler, køreplan). Et øjebliksbillede tages først. [j/N] ",
                        en: "Start the day afresh in \(file)? Times and progress are reset, and the groups' work is deleted "
                            + "too (groups, sheets, agreements, roadmap). A snapshot is taken first. [y/N] ")
            : Localized(da: "Start dagen forfra i \(file)? Tider og fremdrift nulstilles; gruppernes arbejde bevares. "
                            + "Et øjebliksbillede tages først. [j/N] ",
                        en: "Start the day afresh in \(file)? Times and progress are reset; the groups' work is kept. "
                            + "A snapshot is taken first. [y/N] ")
        print(question.text(lang), terminator: "")
        fflush(stdout)
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard ["j", "ja", "y", "yes"].contains(answer) else {
            throw UserError(Localized(da: "\(file): intet er ændret", en: "\(file): nothing was changed"), lang)
        }
    }

    var done: Localized {
        let day = Localized(
            da: "\(file): dagen starter forfra ved punkt 1 – nedtællinger, faktiske starttider, programændringer, "
                + "afstemninger og skjulte dele er nulstillet, projektoren viser punktet, arkene er låst op.",
            en: "\(file): the day starts afresh at item 1 – countdowns, actual start times, programme changes, "
                + "votes and hidden parts are reset, the projector shows the item, the sheets are unlocked.")
        let work = all
            ? Localized(da: " Gruppernes arbejde er slettet: grupperne og køreplanen er programmets igen.",
                        en: " The groups' work is deleted: the groups and the roadmap are the programme's again.")
            : Localized(da: " Gruppernes arbejde er bevaret.", en: " The groups' work is kept.")
        return Localized(da: day.da + work.da, en: day.en + work.en)
    }
}
