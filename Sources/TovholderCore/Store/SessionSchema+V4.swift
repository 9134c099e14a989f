import Foundation
import GRDB

extension SessionSchema {
    /// Tables added by v4 whose changes every terminal must reload.
    static let agreementTables = ["agreements", "agreement_rows", "roadmap"]

    /// v4: the groups' agreement forms and the editable roadmap (køreplan).
    /// Dates the groups type are kept as typed and read on load, so a date that cannot be
    /// read yet is never lost. `field_stamps` says when and by whom each agreement text was
    /// last written: one `updated_at` per agreement row cannot tell which of its six fields
    /// changed, and the history needs that per field (see `keepPrevious`).
    static func migrateV4(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE agreements(
                group_id INTEGER PRIMARY KEY,
                perspectives TEXT NOT NULL DEFAULT '',
                involve TEXT NOT NULL DEFAULT '',
                next_date_text TEXT NOT NULL DEFAULT '',
                next_time_text TEXT NOT NULL DEFAULT '',
                next_place TEXT NOT NULL DEFAULT '',
                tovholder TEXT NOT NULL DEFAULT '',
                updated_at REAL);
            CREATE TABLE agreement_rows(
                id INTEGER PRIMARY KEY,
                group_id INTEGER NOT NULL,
                who TEXT NOT NULL DEFAULT '',
                knowledge TEXT NOT NULL DEFAULT '',
                due_text TEXT NOT NULL DEFAULT '',
                position REAL NOT NULL,
                deleted_at REAL);
            CREATE INDEX agreement_rows_group ON agreement_rows(group_id, position);
            CREATE TABLE roadmap(
                id INTEGER PRIMARY KEY,
                from_date TEXT NOT NULL,
                to_date TEXT,
                title TEXT NOT NULL,
                activities TEXT NOT NULL,
                position REAL NOT NULL,
                deleted_at REAL);
            CREATE TABLE field_stamps(
                field TEXT PRIMARY KEY,
                at REAL NOT NULL,
                author TEXT);
            """)
        try createRevisionTriggers(db, tables: agreementTables)
        // A v3 file holds its programme: give it the programme's roadmap. A new file has
        // none yet; `SessionStore.create` seeds after inserting it.
        if let json = try String.fetchOne(db, sql: "SELECT json FROM programme WHERE id = 1"),
           let phases = try? JSONDecoder().decode(RoadmapOnly.self, from: Data(json.utf8)).roadmap {
            try seedRoadmap(db, phases: phases)
        }
    }

    private struct RoadmapOnly: Decodable { var roadmap: [RoadmapPhase]? }

    /// Copies the programme's phases into an empty `roadmap` table, in their order.
    static func seedRoadmap(_ db: Database, phases: [RoadmapPhase]) throws {
        guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM roadmap") == 0 else { return }
        for (i, phase) in phases.enumerated() {
            try db.execute(sql: """
                INSERT INTO roadmap(from_date, to_date, title, activities, position) VALUES (?, ?, ?, ?, ?)
                """, arguments: [phase.from.iso, phase.to?.iso, storable(phase.title),
                                 activitiesJSON(phase.activities), Double(i + 1)])
        }
    }

    /// Activities are stored as a JSON array: an activity may itself hold a line break.
    static func activitiesJSON(_ activities: [String]) -> DatabaseValueConvertible {
        storable(String(decoding: (try? JSONEncoder().encode(activities)) ?? Data("[]".utf8), as: UTF8.self))
    }

    /// Reads what `activitiesJSON` wrote; a hand-edited newline-joined list is read too.
    static func activities(from text: String) -> [String] {
        if let list = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) { return list }
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
