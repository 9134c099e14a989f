/// The one wording of dates, date ranges, entry labels and part names, used by the screens
/// and by the minutes alike, so they never disagree.
public enum Wording {
    static let monthsDa = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                           "september", "oktober", "november", "december"]
    static let monthsEn = ["January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December"]

    /// "januar" / "January".
    public static func month(_ m: Int, _ lang: Language) -> String { (lang == .da ? monthsDa : monthsEn)[m - 1] }

    /// "18. januar 2024" / "18 January 2024".
    public static func date(_ d: CalendarDate, _ lang: Language) -> String {
        lang == .da ? "\(d.day). \(month(d.month, lang)) \(d.year)" : "\(d.day) \(month(d.month, lang)) \(d.year)"
    }

    /// "18.–19. januar 2024", "30. januar – 2. februar 2024", across years both in full.
    public static func dateRange(_ from: CalendarDate, _ to: CalendarDate?, _ lang: Language) -> String {
        guard let to, to != from else { return date(from, lang) }
        let dot = lang == .da ? "." : ""
        if from.year == to.year && from.month == to.month { return "\(from.day)\(dot)–" + date(to, lang) }
        if from.year == to.year { return "\(from.day)\(dot) \(month(from.month, lang)) – " + date(to, lang) }
        return date(from, lang) + " – " + date(to, lang)
    }

    /// The short label an entry is referred to by: "Mål 2", "Mek 3", "Prøve 1", "Tegn 4".
    public static func entryLabel(_ kind: EntryKind, _ number: Int, _ lang: Language) -> String {
        let l: Localized
        switch kind {
        case .challenge: l = Localized(da: "Udfordring", en: "Challenge")
        case .goal: l = Localized(da: "Mål \(number)", en: "Goal \(number)")
        case .mechanism: l = Localized(da: "Mek \(number)", en: "Mech \(number)")
        case .trialAction: l = Localized(da: "Prøve \(number)", en: "Trial \(number)")
        case .sign: l = Localized(da: "Tegn \(number)", en: "Sign \(number)")
        }
        return l.text(lang)
    }

    /// An entry's label from its place on its worksheet.
    public static func entryLabel(_ entry: Entry, in sheet: Worksheet, _ lang: Language) -> String {
        let number = (sheet.entries(of: entry.kind).firstIndex { $0.id == entry.id } ?? 0) + 1
        return entryLabel(entry.kind, number, lang)
    }

    /// A part of the chain: "Mål (fremtid)", "Virksomme mekanismer".
    public static func part(_ kind: EntryKind, _ lang: Language) -> String { kind.title.text(lang) }
}
