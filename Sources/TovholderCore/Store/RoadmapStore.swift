import Foundation
import GRDB

/// The roadmap (køreplan) as held in the session: seeded from the programme, then edited by
/// the facilitator. Dates are stored as ISO text; nothing is deleted for real.
extension SessionStore {
    /// The live phases in position order.
    public func loadRoadmap() throws -> [RoadmapEntry] {
        try reading { db in try readRoadmap(db) }
    }

    /// Inside a read transaction, so an export can take everything from one snapshot.
    func readRoadmap(_ db: Database) throws -> [RoadmapEntry] {
        let reference = try programmeDate(db)
        return try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT id, from_date, to_date, title, activities, position, origin_day FROM roadmap
            WHERE deleted_at IS NULL ORDER BY position, id
            """)).map { row in
            let fromText: String = row["from_date"], toText: String? = row["to_date"]
            // Written by this program as ISO; a hand-edited date is read like a typed one,
            // and one that cannot be read falls back to the day itself rather than hiding the phase.
            let from = (try? DanishDate.parse(fromText, near: reference).get()) ?? reference
            let to = toText.flatMap { try? DanishDate.parse($0, near: reference).get() }
            return RoadmapEntry(id: row["id"], from: from, to: to, title: row["title"],
                                activities: SessionSchema.activities(from: row["activities"]),
                                position: row["position"],
                                originDay: (row["origin_day"] as String?).flatMap(CalendarDate.init(iso:)))
        }
    }

    /// Adds a phase right after `after` (a live phase), or last.
    @discardableResult
    public func addRoadmapEntry(after: Int64? = nil, from: CalendarDate, to: CalendarDate? = nil, title: String,
                                activities: [String] = []) throws -> RoadmapEntry {
        let (title, activities) = try Self.validPhase(from: from, to: to, title: title, activities: activities)
        return try writing { db in
            let position = try Self.positionAfter(db, table: "roadmap", list: try Self.liveRoadmap(db), after: after)
            try db.execute(sql: """
                INSERT INTO roadmap(from_date, to_date, title, activities, position) VALUES (?, ?, ?, ?, ?)
                """, arguments: [from.iso, to?.iso, storable(title), SessionSchema.activitiesJSON(activities), position])
            return RoadmapEntry(id: db.lastInsertedRowID, from: from, to: to, title: title, activities: activities,
                                position: position)
        }
    }

    /// Saves a phase's dates, title and activities (its position is changed by `moveRoadmapEntry`).
    public func updateRoadmapEntry(_ entry: RoadmapEntry) throws {
        let (title, activities) = try Self.validPhase(from: entry.from, to: entry.to, title: entry.title,
                                                      activities: entry.activities)
        try writing { db in
            try db.execute(sql: """
                UPDATE roadmap SET from_date = ?, to_date = ?, title = ?, activities = ?
                WHERE id = ? AND deleted_at IS NULL
                """, arguments: [entry.from.iso, entry.to?.iso, storable(title),
                                 SessionSchema.activitiesJSON(activities), entry.id])
            if db.changesCount == 0 { throw AgreementError.roadmapEntryNotFound(entry.id) }
            try Self.keepDateOrder(db)
        }
    }

    /// Phases stay in date order (ISO dates sort as text); phases of one date keep theirs.
    static func keepDateOrder(_ db: Database) throws {
        let ids = try Int64.fetchAll(try db.cachedStatement(sql: """
            SELECT id FROM roadmap WHERE deleted_at IS NULL ORDER BY from_date, position, id
            """))
        for (i, id) in ids.enumerated() {
            try db.execute(sql: "UPDATE roadmap SET position = ? WHERE id = ? AND position != ?",
                           arguments: [Double(i + 1), id, Double(i + 1)])
        }
    }

    /// Moves a phase `by` places (negative is earlier), stopping at the ends.
    public func moveRoadmapEntry(id: Int64, by offset: Int) throws {
        try writing { db in
            let ids = try Self.liveRoadmap(db).map(\.id)
            guard ids.contains(id) else { throw AgreementError.roadmapEntryNotFound(id) }
            try Self.move(db, table: "roadmap", ids: ids, id: id, by: offset)
        }
    }

    /// Soft: the phase leaves the roadmap, its text stays in the file.
    public func deleteRoadmapEntry(id: Int64, now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            try db.execute(sql: "UPDATE roadmap SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                           arguments: [now, id])
            if db.changesCount == 0 { throw AgreementError.roadmapEntryNotFound(id) }
        }
    }

    // MARK: helpers

    static func liveRoadmap(_ db: Database) throws -> [(id: Int64, position: Double)] {
        try Row.fetchAll(try db.cachedStatement(sql: "SELECT id, position FROM roadmap WHERE deleted_at IS NULL ORDER BY position, id"))
            .map { (id: $0["id"], position: $0["position"]) }
    }

    /// The trimmed title and the activities without blank lines, or why the phase is refused.
    static func validPhase(from: CalendarDate, to: CalendarDate?, title: String,
                           activities: [String]) throws -> (String, [String]) {
        let title = trimmed(title)
        guard !title.isEmpty else { throw AgreementError.emptyTitle }
        if let to, to < from { throw AgreementError.endBeforeStart(from: from, to: to) }
        return (title, activities.map(trimmed).filter { !$0.isEmpty })
    }
}
