/// A typed date that names a weekday the date does not fall on ("fredag den 12/1" when 12/1
/// is a Tuesday). The text is kept as typed and the date still counts as written by its
/// numbers (the calendar event falls on 12/1): which of the two was meant only the group
/// knows, so the form and the minutes ask rather than guess: "12/1 er en tirsdag".
public enum WeekdayCheck {
    /// The weekday each word names (1 = Monday), Danish and English, full and short, as
    /// `DanishDate` drops them when reading.
    static let words: [String: Int] = {
        var w: [String: Int] = [:]
        let lists: [[String]] = [
            ["mandag", "man", "monday", "mon"],
            ["tirsdag", "tir", "tirs", "tuesday", "tue", "tues"],
            ["onsdag", "ons", "wednesday", "wed"],
            ["torsdag", "tor", "tors", "thursday", "thu", "thur", "thurs"],
            ["fredag", "fre", "friday", "fri"],
            ["lørdag", "lør", "saturday", "sat"],
            ["søndag", "søn", "sunday", "sun"],
        ]
        for (i, list) in lists.enumerated() { for word in list { w[word] = i + 1 } }
        return w
    }()

    /// The weekdays `text` names (usually none or one).
    static func named(in text: String) -> [Int] {
        guard let tokens = DanishDate.tokens(text.lowercased()) else { return [] }
        return tokens.compactMap { if case .word(let w) = $0 { return words[w] } else { return nil } }
    }

    /// "12/1 er en tirsdag" when `text`, read as `date`, names another weekday; nil when it
    /// names none or the right one.
    public static func question(_ text: String, date: CalendarDate, _ lang: Language) -> String? {
        let named = named(in: text)
        guard !named.isEmpty, named.contains(where: { $0 != date.weekday }) else { return nil }
        let day = Wording.shortDate(date, lang), weekday = Wording.weekday(date.weekday, lang)
        return lang == .da ? "\(day) er en \(weekday)" : "\(day) is a \(weekday)"
    }
}
