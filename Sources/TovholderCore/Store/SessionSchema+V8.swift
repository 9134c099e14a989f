import GRDB

extension SessionSchema {
    /// v8: a series of days. Entries and roadmap phases remember the day (and group) they were
    /// first written on, and an entry the text it had when carried into this day, so the
    /// minutes can say what changed since; the concrete agreements of earlier days, carried in
    /// to be followed up (done, partly, not done, with a note); and the log of changes to the
    /// programme made during the day.
    static func migrateV8(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE entries ADD COLUMN origin_day TEXT;
            ALTER TABLE entries ADD COLUMN origin_group TEXT;
            ALTER TABLE entries ADD COLUMN carried_text TEXT;
            ALTER TABLE roadmap ADD COLUMN origin_day TEXT;
            CREATE TABLE earlier_agreements(
                id INTEGER PRIMARY KEY,
                group_id INTEGER NOT NULL,
                day TEXT NOT NULL,
                who TEXT NOT NULL,
                knowledge TEXT NOT NULL,
                due_text TEXT NOT NULL,
                position REAL NOT NULL,
                status TEXT,
                note TEXT NOT NULL DEFAULT '',
                updated_at REAL,
                updated_by TEXT);
            CREATE TABLE programme_changes(
                id INTEGER PRIMARY KEY,
                at REAL NOT NULL,
                change TEXT NOT NULL);
            """)
        try createRevisionTriggers(db, tables: ["earlier_agreements"], area: "agreements")
        // The programme itself changes during the day from v8 on (added, moved, renamed items).
        try createRevisionTriggers(db, tables: ["programme_changes", "programme"], area: "session")
    }
}
