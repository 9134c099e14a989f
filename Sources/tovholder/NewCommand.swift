import ArgumentParser
import Foundation
import TovholderCore

/// `tovholder new FILE [--template NAME|PATH] [--from EARLIER] [--date YYYY-MM-DD]`: a new
/// session. With --from it is the next day of a series: the earlier day's groups, chains,
/// agreements (to follow up) and roadmap are carried in; the earlier file is only read.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Opret en ny session fra en skabelon.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Ny sessionsfil / new session file") var file: String
    @Option(help: "Skabelonens navn eller sti / template name or path (med --from: udviklingsdag-2)") var template: String?
    @Option(help: "Den forrige dags session / the earlier day's session") var from: String?
    @Option(help: "Datoen, dagen holdes / the date the day is held (2024-01-18)") var date: String?

    /// The bundled second day, used with --from when no template is named.
    static let secondDay = "udviklingsdag-2"

    func run() throws {
        let lang = global.lang
        guard try examine(file, lang) == .missing else { throw UserError(SessionError.exists(path: file).message, lang) }
        var earlier: EarlierSession?
        if let from {
            guard try examine(from, lang) == .ordinaryFile else { throw UserError(SessionError.notFound(path: from).message, lang) }
            do { earlier = try EarlierSession.read(path: from) } catch let e as SessionError { throw UserError(e.message, lang) }
        }
        let name = template ?? (from == nil ? TemplateCatalog.defaultName : Self.secondDay)
        var (programme, templateName) = try loadTemplate(name, lang)
        // The next day of a series is proposed when the earlier day's roadmap planned it.
        let planned = earlier.flatMap {
            NextDayDate.proposed(roadmap: $0.roadmap, earlierDay: $0.state.programme.date, template: programme)
        } ?? programme.date
        programme.date = try heldOn(planned, byRoadmap: planned != programme.date, lang)
        if let earlier {
            programme.groups = earlier.workshop.activeGroups.map(\.name)
            programme.earlierDays = earlier.asEarlierDays
        }
        let started = Date()
        do {
            _ = try SessionStore.create(path: file, programme: programme, templateName: templateName,
                                        now: Date().timeIntervalSince1970, carrying: earlier)
        } catch let e as SessionError { throw UserError(e.message, lang) }
        print(Localized(da: "Oprettet: \(file)", en: "Created: \(file)").text(lang))
        if let earlier, let from {
            let entries = earlier.workshop.worksheets.values.filter { !$0.group.removed }.map { $0.allEntries.count }.reduce(0, +)
            let agreements = earlier.agreements.values.map { a in a.rows.filter { !$0.isBlank }.count + a.earlier.filter { $0.status != .done }.count }
                .reduce(0, +)
            let ms = Int(Date().timeIntervalSince(started) * 1000)
            print(Localized(
                da: "Fra \(from): \(programme.groups.count) grupper, \(entries) punkter i kæderne, \(agreements) aftaler at følge op og køreplanen (\(ms) ms).",
                en: "From \(from): \(programme.groups.count) groups, \(entries) chain entries, \(agreements) agreements to follow up and the roadmap (\(ms) ms)."
            ).text(lang))
        }
    }

    /// The date the day is held: --date, else asked when the template's date is not today and
    /// someone is at the terminal, else the template's (with a word on how to change it).
    /// `byRoadmap`: `planned` is the earlier day's roadmap's date for this day, not the template's.
    func heldOn(_ planned: CalendarDate, byRoadmap: Bool = false, _ lang: Language) throws -> CalendarDate {
        let today = Minutes.localDateTime(Date().timeIntervalSince1970, utcOffsetSeconds: localUTCOffset()).date
        if let date {
            switch DanishDate.parse(date, near: today) {
            case .success(let d): return d
            case .failure(let e): throw UserError(Localized(da: "--date: ", en: "--date: ").text(lang) + UserFacing.message(for: e).text(lang))
            }
        }
        guard planned != today else { return planned }
        let plannedText = Wording.date(planned, lang)
        guard hasTerminal else {
            FileHandle.standardError.write(Data((byRoadmap
                ? Localized(da: "Dagen får køreplanens dato fra den forrige dag, \(plannedText). En anden dato: --date ÅÅÅÅ-MM-DD.\n",
                            en: "The day gets the date the earlier day's roadmap gave it, \(plannedText). Another date: --date YYYY-MM-DD.\n")
                : Localized(da: "Dagen får skabelonens dato, \(plannedText). En anden dato: --date ÅÅÅÅ-MM-DD.\n",
                            en: "The day gets the template's date, \(plannedText). Another date: --date YYYY-MM-DD.\n")).text(lang).utf8))
            return planned
        }
        let said = byRoadmap ? Localized(da: "Køreplanen fra den forrige dag siger \(plannedText).", en: "The earlier day's roadmap says \(plannedText).")
            : Localized(da: "Skabelonen er til \(plannedText).", en: "The template is for \(plannedText).")
        while true {
            print(said.text(lang) + Localized(da: " Hvilken dato holdes dagen? (Enter: \(plannedText); \"i dag\": \(Wording.date(today, lang))) ",
                            en: " Which date is the day held? (Enter: \(plannedText); \"today\": \(Wording.date(today, lang))) ").text(lang),
                  terminator: "")
            guard let line = readLine()?.trimmingCharacters(in: .whitespaces) else { return planned }
            if line.isEmpty { return planned }
            if ["i dag", "idag", "today"].contains(line.lowercased()) { return today }
            switch DanishDate.parse(line, near: today) {
            case .success(let d): return d
            case .failure(let e): print(UserFacing.message(for: e).text(lang))
            }
        }
    }
}

/// A template by name or path, validated; its file name for the session.
func loadTemplate(_ template: String, _ lang: Language) throws -> (DayTemplate, String) {
    guard let path = TemplateCatalog.resolve(template) else {
        throw UserError(Localized(da: "skabelonen \"\(template)\" findes ikke (se: tovholder templates)",
                                  en: "template \"\(template)\" not found (see: tovholder templates)"), lang)
    }
    switch TemplateLoader.load(path: path) {
    case .failure(let errors): throw UserError(errors.text(lang))
    case .success(let programme): return (programme, (path as NSString).lastPathComponent)
    }
}
