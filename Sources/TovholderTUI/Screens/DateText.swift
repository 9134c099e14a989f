import TovholderCore

/// Dates as a Danish (or English) reader writes them: "5. december 2023".
/// Dates as the screens show them: the one wording the minutes use too.
enum DateText {
    static func long(_ d: CalendarDate, _ lang: Language) -> String { Wording.date(d, lang) }
    static func range(_ from: CalendarDate, _ to: CalendarDate?, _ lang: Language) -> String {
        Wording.dateRange(from, to, lang)
    }
}
