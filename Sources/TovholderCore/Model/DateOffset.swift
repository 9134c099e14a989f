/// A date relative to the day, as a template's roadmap may write it: `+6w` six weeks after,
/// `+3m` three months after, `-1d` the day before, `+0d` the day itself. Units: `d` days,
/// `w` or `u` (uger) weeks, `m` months. Fixed to a calendar date when the session is made,
/// so a template's roadmap follows the day it is used for.
public struct DateOffset: Codable, Equatable, Sendable {
    public enum Unit: String, Codable, Sendable { case days = "d", weeks = "w", months = "m" }
    public var amount: Int
    public var unit: Unit
    public init(amount: Int, unit: Unit) { self.amount = amount; self.unit = unit }

    /// Reads "+6w", "-1d", "+3m", "+2u"; nil for anything else (a sign is required, so an ISO
    /// date or a typo is never taken for an offset).
    public init?(parsing text: String) {
        var s = Substring(text.trimmingSpaces.lowercased())
        guard let sign = s.first, sign == "+" || sign == "-" else { return nil }
        s = s.dropFirst()
        guard let last = s.last else { return nil }
        let unit: Unit
        switch last {
        case "d": unit = .days
        case "w", "u": unit = .weeks
        case "m": unit = .months
        default: return nil
        }
        let digits = s.dropLast()
        guard (1...4).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        self.init(amount: sign == "-" ? -n : n, unit: unit)
    }

    /// The date this far from `day`; nil beyond the years a date may have.
    public func applied(to day: CalendarDate) -> CalendarDate? {
        switch unit {
        case .days: return day.adding(days: amount)
        case .weeks: return day.adding(days: amount * 7)
        case .months: return day.adding(months: amount)
        }
    }

    /// "+6w" as a template writes it.
    public var text: String { (amount < 0 ? "-" : "+") + "\(abs(amount))" + unit.rawValue }
}
