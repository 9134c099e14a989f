import GRDB

/// Writes an earlier day's work into a new session (inside `SessionStore.create`'s
/// transaction): the active groups with their whole chains and links, each entry marked with
/// the day and group it was first written by and the text it had; the agreement forms'
/// perspectives, whom to involve and the coordinator; the concrete agreements to follow up
/// (and those of still earlier days not yet done); the roadmap as held, then any phase of
/// the new programme it lacks. Votes, cards, plenum notes and the history stay with the
/// earlier day's minutes.
enum CarryOver {
    static func insert(_ db: Database, _ earlier: EarlierSession, programme: DayTemplate, now: Double) throws {
        let day = earlier.state.programme.date
        for (index, group) in earlier.workshop.activeGroups.enumerated() {
            try db.execute(sql: "INSERT INTO groups(name, position) VALUES (?, ?)", arguments: [group.name, index + 1])
            let groupID = db.lastInsertedRowID
            let sheet = earlier.workshop.worksheets[group.id] ?? Worksheet(group: group)
            var ids: [Int64: Int64] = [:]
            for entry in sheet.allEntries {
                try db.execute(sql: """
                    INSERT INTO entries(group_id, kind, text, position, created_at, updated_at, origin_day, origin_group, carried_text)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [groupID, entry.kind.rawValue, storable(entry.text), entry.position, now, now,
                                     (entry.origin?.day ?? day).iso, entry.origin?.group ?? group.name, storable(entry.text)])
                ids[entry.id] = db.lastInsertedRowID
            }
            for entry in sheet.allEntries {
                for target in entry.links {
                    guard let from = ids[entry.id], let to = ids[target] else { continue }
                    try db.execute(sql: "INSERT OR IGNORE INTO entry_links(entry_id, target_id) VALUES (?, ?)", arguments: [from, to])
                }
            }
            // Something to type into, as a new session's groups have.
            if sheet.challenge == nil { try insertEmpty(db, groupID, .challenge, now) }
            if sheet.goals.isEmpty { try insertEmpty(db, groupID, .goal, now) }
            guard let form = earlier.agreements[group.id] else { continue }
            if !(form.perspectives + form.involve + form.tovholder).isEmpty {
                try db.execute(sql: """
                    INSERT INTO agreements(group_id, perspectives, involve, tovholder, updated_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [groupID, storable(form.perspectives), storable(form.involve), storable(form.tovholder), now])
            }
            var position = 0.0
            func followUp(_ day: CalendarDate, _ who: String, _ knowledge: String, _ due: String,
                          _ status: FollowUpStatus?, _ note: String) throws {
                position += 1
                try db.execute(sql: """
                    INSERT INTO earlier_agreements(group_id, day, who, knowledge, due_text, position, status, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [groupID, day.iso, storable(who), storable(knowledge), storable(due), position,
                                     status?.rawValue, storable(note)])
            }
            // Still open from the days before: followed up again, with what was said last time.
            for open in form.earlier where open.status != .done {
                try followUp(open.day, open.who, open.knowledge, open.dueText, open.status, open.note)
            }
            for row in form.rows where !row.isBlank {
                try followUp(day, row.who, row.knowledge, row.dueText, nil, "")
            }
        }
        try carryRoadmap(db, earlier, programme: programme, day: day)
    }

    static func insertEmpty(_ db: Database, _ groupID: Int64, _ kind: EntryKind, _ now: Double) throws {
        try db.execute(sql: """
            INSERT INTO entries(group_id, kind, text, position, created_at, updated_at) VALUES (?, ?, '', 1, ?, ?)
            """, arguments: [groupID, kind.rawValue, now, now])
    }

    /// The roadmap is one plan for the whole series: as the earlier day left it, then the new
    /// programme's phases it does not have yet, in date order. A carried phase replaces the
    /// template's phase of the same title (ignoring case and spaces), whatever its dates: the
    /// template's dates are its author's guess, the carried ones what the series agreed, and
    /// one phase listed twice would reach the minutes and the calendar twice.
    static func carryRoadmap(_ db: Database, _ earlier: EarlierSession, programme: DayTemplate, day: CalendarDate) throws {
        var phases: [(from: CalendarDate, to: CalendarDate?, title: String, activities: [String], origin: String?)] =
            earlier.roadmap.map { ($0.from, $0.to, $0.title, $0.activities, ($0.originDay ?? day).iso) }
        let carried = Set(phases.map { sameTitle($0.title) })
        for phase in programme.roadmap where !carried.contains(sameTitle(phase.title)) {
            phases.append((phase.from, phase.to, phase.title, phase.activities, nil))
        }
        for (i, phase) in phases.enumerated().sorted(by: { ($0.element.from, $0.offset) < ($1.element.from, $1.offset) }).map(\.element).enumerated() {
            try db.execute(sql: """
                INSERT INTO roadmap(from_date, to_date, title, activities, position, origin_day) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [phase.from.iso, phase.to?.iso, storable(phase.title),
                                 SessionSchema.activitiesJSON(phase.activities), Double(i + 1), phase.origin])
        }
    }

    /// A title as compared: trimmed, inner runs of space as one, ignoring case.
    static func sameTitle(_ title: String) -> String {
        title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
