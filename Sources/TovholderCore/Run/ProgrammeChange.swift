/// One change to the programme made during the day, as the minutes list it ("Programmet blev
/// ændret 10.42: Frokost flyttet til 11.45"). Stored as JSON in `programme_changes`.
public enum ProgrammeChange: Codable, Equatable, Sendable {
    case added(title: String, start: ClockTime, minutes: Int)
    case removed(title: String)
    case renamed(from: String, to: String)
    /// The item's length; the items after it moved with it.
    case resized(title: String, from: Int, to: Int)
    /// The item's start; the items after it moved with it.
    case moved(title: String, from: ClockTime, to: ClockTime)
    /// "Start the day now" (`S`): the current item (`title`) was planned at `from` and now
    /// starts at `to`; every item after it moved by the same minutes. One line for the lot.
    case startedNow(title: String, from: ClockTime, to: ClockTime)

    /// "Frokost flyttet til 11.45", worded for the minutes and the console.
    public func text(_ lang: Language) -> String {
        let time = { (c: ClockTime) in c.formatted(separator: lang == .da ? "." : ":") }
        switch self {
        case .added(let title, let start, let minutes):
            return lang == .da ? "\(title) tilføjet kl. \(time(start)) (\(minutes) min)"
                : "\(title) added at \(time(start)) (\(minutes) min)"
        case .removed(let title):
            return lang == .da ? "\(title) fjernet" : "\(title) removed"
        case .renamed(let from, let to):
            return lang == .da ? "\(from) omdøbt til \(to)" : "\(from) renamed to \(to)"
        case .resized(let title, let from, let to):
            return lang == .da ? "\(title) varer nu \(to) min (før \(from))" : "\(title) now lasts \(to) min (was \(from))"
        case .moved(let title, _, let to):
            return lang == .da ? "\(title) flyttet til \(time(to))" : "\(title) moved to \(time(to))"
        case .startedNow(let title, let from, let to):
            let delta = to.minutes - from.minutes
            let minutes = abs(delta)
            if lang == .da {
                return "\(title) startet kl. \(time(to)): resten af dagen flyttet \(minutes) min \(delta >= 0 ? "senere" : "tidligere")"
            }
            return "\(title) started at \(time(to)): the rest of the day moved \(minutes) min \(delta >= 0 ? "later" : "earlier")"
        }
    }
}

/// A change with the moment it was made (seconds since 1970).
public struct LoggedChange: Equatable, Sendable {
    public var at: Double
    public var change: ProgrammeChange
    public init(at: Double, change: ProgrammeChange) { self.at = at; self.change = change }
}
