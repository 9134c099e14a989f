/// Dates in a template's text that follow the day: `{dato}`, `{ugedag}`, `{dato+N}` and
/// `{dato-N}` (N days later or earlier), worded in Danish ("5. december 2023", "tirsdag");
/// `{date}`, `{weekday}`, `{date+N}`, `{date-N}` are the same worded in English, for an
/// English template. `{ugedag+N}`/`{weekday+N}` name the weekday N days later. Anything
/// else in braces is left as written: a template's text may hold braces of its own.
public enum DatePlaceholders {
    /// `text` with every placeholder replaced by its date counted from `day`.
    public static func resolve(_ text: String, on day: CalendarDate) -> String {
        guard text.contains("{") else { return text }
        var out = "", rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"),
                  let word = replacement(String(rest[rest.index(after: open)..<close]), day) else {
                out.append("{"); rest = rest[rest.index(after: open)...]; continue
            }
            out += word
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The words for one placeholder's inside ("dato+7"), or nil when it is none of ours.
    static func replacement(_ inside: String, _ day: CalendarDate) -> String? {
        let key = inside.filter { $0 != " " }.lowercased()
        let names: [(String, Language, weekday: Bool)] = [
            ("dato", .da, false), ("ugedag", .da, true), ("date", .en, false), ("weekday", .en, true),
        ]
        for (name, lang, weekday) in names where key.hasPrefix(name) {
            let tail = key.dropFirst(name.count)
            var days = 0
            if !tail.isEmpty {
                guard let sign = tail.first, sign == "+" || sign == "-",
                      (1...4).contains(tail.count - 1), tail.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }),
                      let n = Int(tail.dropFirst()) else { return nil }
                days = sign == "-" ? -n : n
            }
            guard let date = day.adding(days: days) else { return nil }
            return weekday ? Wording.weekday(date.weekday, lang) : Wording.date(date, lang)
        }
        return nil
    }
}
