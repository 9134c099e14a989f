import Foundation

/// Reading dates the way a Dane types them: "18/1", "18.01.24", "18. januar 2024",
/// "torsdag den 18. januar", ISO "2024-01-18", and English month names too.
public enum DanishDate {
    /// Reads `text` as a date. Without a year it is the next such date on or after
    /// `reference` (the day of the session): "18/1" typed on 5 December 2023 is 18 January 2024.
    public static func parse(_ text: String, near reference: CalendarDate) -> Result<CalendarDate, DateError> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        guard let tokens = tokens(trimmed.lowercased()) else { return .failure(.unreadable(trimmed)) }

        // Weekday words, "den" and ordinal endings are what people add around a date; ignore them.
        let kept = tokens.filter {
            if case .word(let w) = $0 { return !ignoredWords.contains(w) }
            return true
        }
        // The shape of what is left ("n w n": number, word, number) says which part is which.
        let shape = kept.map { if case .number = $0 { return "n" } else { return "w" } }.joined()
        let v = kept.map { switch $0 { case .number(let s), .word(let s): return s } }
        var day: Int, month: Int, yearText: String?
        switch shape {
        case "nnn" where v[0].count == 4:                   // ISO 2024-01-18
            day = Int(v[2])!; month = Int(v[1])!; yearText = v[0]
        case "nn", "nnn":                                   // 18/1, 18.01.2024
            day = Int(v[0])!; month = Int(v[1])!; yearText = v.count == 3 ? v[2] : nil
        case "nw", "nwn":                                   // 18. januar 2024
            guard let m = monthNumber(v[1]) else { return .failure(.unreadable(trimmed)) }
            day = Int(v[0])!; month = m; yearText = v.count == 3 ? v[2] : nil
        case "wn", "wnn":                                   // January 18, 2024
            guard let m = monthNumber(v[0]) else { return .failure(.unreadable(trimmed)) }
            day = Int(v[1])!; month = m; yearText = v.count == 3 ? v[2] : nil
        default:
            return .failure(.unreadable(trimmed))
        }
        guard (1...12).contains(month) else { return .failure(.noSuchMonth(trimmed, month)) }
        guard let yearText else { return inferYear(day: day, month: month, text: trimmed, near: reference) }
        guard let year = self.year(yearText) else { return .failure(.badYear(trimmed, yearText)) }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            return .failure(.noSuchDay(trimmed, day: day, month: month, year: year))
        }
        return .success(date)
    }

    /// "18. januar 2024" / "18 January 2024".
    public static func format(_ d: CalendarDate, _ lang: Language) -> String { Wording.date(d, lang) }

    /// The month's name in the language, "januar" / "January".
    public static func monthName(_ month: Int, _ lang: Language) -> String { Wording.month(month, lang) }

    // MARK: internals

    enum Token: Equatable {
        case number(String)
        case word(String)
    }

    /// Splits into runs of digits and runs of letters; space . / - , are separators.
    /// Nil for anything else (a stray character means we would only be guessing).
    static func tokens(_ s: String) -> [Token]? {
        var result: [Token] = []
        var current = "", isNumber = false
        func flush() {
            if !current.isEmpty { result.append(isNumber ? .number(current) : .word(current)) }
            current = ""
        }
        for c in s {
            if c.isASCII && c.isNumber {
                if !isNumber { flush() }
                isNumber = true; current.append(c)
            } else if c.isLetter {
                if isNumber { flush() }
                isNumber = false; current.append(c)
            } else if c.isWhitespace || ".,/-".contains(c) {
                flush()
            } else {
                return nil
            }
        }
        flush()
        // A number of more than four digits is no part of a date.
        return result.contains { if case .number(let n) = $0 { return n.count > 4 }; return false } ? nil : result
    }

    /// Two digits mean this century ("24" → 2024); four are taken as written.
    static func year(_ text: String) -> Int? {
        guard let n = Int(text) else { return nil }
        switch text.count {
        case 2: return 2000 + n
        case 4 where (1900...2999).contains(n): return n
        default: return nil
        }
    }

    /// The next day/month on or after `reference`; 29 February waits for a leap year.
    static func inferYear(day: Int, month: Int, text: String, near reference: CalendarDate)
        -> Result<CalendarDate, DateError> {
        guard (1...CalendarDate.daysIn(month: month, year: 2024)).contains(day) else {
            return .failure(.noSuchDay(text, day: day, month: month, year: nil))
        }
        for year in reference.year...(reference.year + 8) {
            if let d = CalendarDate(year: year, month: month, day: day), d >= reference { return .success(d) }
        }
        return .failure(.unreadable(text))
    }

    static func monthNumber(_ word: String) -> Int? { monthWords[word] }

    static let monthWords: [String: Int] = {
        var words: [String: Int] = [:]
        for (i, name) in Wording.monthsDa.enumerated() { words[name] = i + 1 }
        for (i, name) in Wording.monthsEn.enumerated() { words[name.lowercased()] = i + 1 }
        let short = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "maj": 5, "may": 5, "jun": 6, "jul": 7, "aug": 8,
                     "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12]
        words.merge(short) { a, _ in a }
        return words
    }()

    static let ignoredWords: Set<String> = [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
        "man", "tir", "tirs", "ons", "tor", "tors", "fre", "lør", "søn",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "den", "d", "the", "of", "st", "nd", "rd", "th",
    ]
}

/// Why a typed date could not be read, with a message that shows how to write one.
public enum DateError: Error, Equatable, Sendable {
    case empty
    case unreadable(String)
    case noSuchMonth(String, Int)
    /// `year` nil when none was typed (then only days no year has are refused).
    case noSuchDay(String, day: Int, month: Int, year: Int?)
    case badYear(String, String)

    public var message: Localized {
        let exampleDa = "Skriv fx 18/1 eller 18. januar 2024", exampleEn = "Write e.g. 18/1 or 18 January 2024"
        func cannotRead(_ text: String, _ da: String, _ en: String) -> Localized {
            let q = TemplateMessage.q(text)
            return Localized(da: "Datoen kunne ikke læses: \(q) – \(da). \(exampleDa)",
                             en: "The date could not be read: \(q) – \(en). \(exampleEn)")
        }
        switch self {
        case .empty:
            return Localized(da: "Der mangler en dato. \(exampleDa)", en: "A date is missing. \(exampleEn)")
        case .unreadable(let text):
            let q = TemplateMessage.q(text)
            return Localized(da: "Datoen kunne ikke læses: \(q). \(exampleDa)",
                             en: "The date could not be read: \(q). \(exampleEn)")
        case .noSuchMonth(let text, let m):
            return cannotRead(text, "der er ingen måned \(m), kun 1–12", "there is no month \(m), only 1–12")
        case .noSuchDay(let text, let day, let month, let year):
            let da = DanishDate.monthName(month, .da), en = DanishDate.monthName(month, .en)
            if day == 0 { return cannotRead(text, "der er ingen dag 0", "there is no day 0") }
            if let year, month == 2, day == 29 {
                return cannotRead(text, "\(year) er ikke et skudår, så februar har kun 28 dage",
                                  "\(year) is not a leap year, so February has only 28 days")
            }
            return cannotRead(text, "\(da) har ikke \(day) dage", "\(en) does not have \(day) days")
        case .badYear(let text, let year):
            return cannotRead(text, "årstallet \(year) kan ikke bruges; skriv fx 2024 eller 24",
                              "the year \(year) cannot be used; write e.g. 2024 or 24")
        }
    }
}
