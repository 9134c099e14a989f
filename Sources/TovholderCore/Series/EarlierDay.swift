/// A day before this one in a series of development days (day 1 for day 2, days 1 and 2 for
/// day 3): what the minutes call it.
public struct EarlierDay: Codable, Equatable, Sendable {
    public var title: String
    public var subtitle: String?
    public var date: CalendarDate
    public init(title: String, subtitle: String? = nil, date: CalendarDate) {
        self.title = title; self.subtitle = subtitle; self.date = date
    }
}

/// Where an entry of the chain was first written, when that was on an earlier day, and the
/// text it had when it was carried into this day (so the minutes can say what changed).
public struct EntryOrigin: Equatable, Sendable {
    public var day: CalendarDate
    public var group: String
    public var carriedText: String
    public init(day: CalendarDate, group: String, carriedText: String) {
        self.day = day; self.group = group; self.carriedText = carriedText
    }
}
