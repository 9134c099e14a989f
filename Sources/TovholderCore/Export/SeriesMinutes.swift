/// The minutes of a day in a series: the days before it, which day and group first wrote each
/// entry, how the earlier agreements went, and what changed in each chain since.
public struct EarlierDayMinutes: Codable, Equatable, Sendable {
    public var title: String
    public var date: CalendarDate
    public var dateText: String
}

public struct FirstWrittenMinutes: Codable, Equatable, Sendable {
    public var day: CalendarDate
    public var dayText: String
    public var group: String
}

public struct FollowUpMinutes: Codable, Equatable, Sendable {
    public var day: CalendarDate
    public var dayText: String
    public var who: String
    public var knowledge: String
    public var dueText: String
    /// Nil: not followed up.
    public var status: FollowUpStatus?
    public var statusText: String
    public var note: String
    /// "12/1 er en tirsdag" when the typed date names another weekday (`WeekdayCheck`).
    public var weekdayQuestion: String? = nil
}

public struct ChangedEntryMinutes: Codable, Equatable, Sendable {
    public var label: String
    public var before: String
    public var after: String
}

/// A chain against the day before: entries new today, changed, and deleted.
public struct ChainChangesMinutes: Codable, Equatable, Sendable {
    public var sinceText: String
    public var added: [String]
    public var changed: [ChangedEntryMinutes]
    public var removed: [String]
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }
}

extension Minutes {
    static func earlierDays(_ day: DayTemplate, _ s: ExportStrings) -> [EarlierDayMinutes] {
        day.earlierDays.map { EarlierDayMinutes(title: $0.title, date: $0.date, dateText: s.date($0.date)) }
    }

    static func firstWritten(_ entry: Entry, group: Group, today: CalendarDate, _ s: ExportStrings) -> FirstWrittenMinutes {
        let day = entry.origin?.day ?? today
        return FirstWrittenMinutes(day: day, dayText: s.date(day), group: clean(entry.origin?.group ?? group.name))
    }

    static func followUp(_ agreement: Agreement?, _ s: ExportStrings) -> [FollowUpMinutes] {
        (agreement?.earlier ?? []).map {
            let due = dateWords($0.dueText, $0.due, s)
            return FollowUpMinutes(day: $0.day, dayText: s.date($0.day), who: clean($0.who), knowledge: clean($0.knowledge),
                                   dueText: due.text, status: $0.status,
                                   statusText: $0.status.map { $0.title.text(s.language) } ?? s.notFollowedUp, note: clean($0.note),
                                   weekdayQuestion: due.question)
        }
    }

    /// Nil on a day that is not part of a series.
    static func changes(_ sheet: Worksheet, carriedAway: [Entry], since: EarlierDay?, labels: [Int64: String],
                        _ s: ExportStrings) -> ChainChangesMinutes? {
        guard let since else { return nil }
        let live = sheet.allEntries
        let added = live.filter { $0.origin == nil && !$0.isBlank }.map { (labels[$0.id] ?? "") + ": " + clean($0.text) }
        let changed = live.compactMap { e -> ChangedEntryMinutes? in
            guard let origin = e.origin, clean(origin.carriedText) != clean(e.text) else { return nil }
            return ChangedEntryMinutes(label: labels[e.id] ?? "", before: clean(origin.carriedText), after: clean(e.text))
        }
        let removed = carriedAway.filter { $0.groupID == sheet.group.id && !$0.isBlank }
            .map { $0.kind.title.text(s.language) + ": " + clean($0.text) }
        return ChainChangesMinutes(sinceText: s.date(since.date), added: added, changed: changed, removed: removed)
    }
}
