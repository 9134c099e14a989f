import Foundation

/// A time of day typed as a span: "13.30–15", "13:30-15:00", "kl. 9-11", "fra 9 til 11".
/// Each end is read as `DanishTime` reads one time; anything else is not a range.
public struct TimeRange: Equatable, Sendable {
    public var start: ClockTime
    public var end: ClockTime

    public init(start: ClockTime, end: ClockTime) { self.start = start; self.end = end }

    /// The range in `text`, or nil when it holds no range both of whose ends can be read
    /// (a single time, words, or an end not after the start: a meeting across midnight
    /// is more likely a typo than a plan, and is not guessed at).
    public static func parse(_ text: String) -> TimeRange? {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if s.hasPrefix("fra ") { s = String(s.dropFirst(4)) }
        // Exactly one separator: "9-11-13" is not a range.
        let separators = ["–", "—", "-", " til "]
        let found = separators.filter { s.contains($0) }
        guard found.count == 1, let separator = found.first else { return nil }
        let parts = s.components(separatedBy: separator)
        guard parts.count == 2,
              case .success(let start) = DanishTime.parse(parts[0]),
              case .success(let end) = DanishTime.parse(parts[1]),
              start < end else { return nil }
        return TimeRange(start: start, end: end)
    }
}
