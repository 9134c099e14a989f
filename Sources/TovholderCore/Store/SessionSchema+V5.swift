import GRDB

extension SessionSchema {
    /// v5: the projector and the presenter console. The facilitator's notes per agenda item
    /// (seeded from the template's `notes:` on first edit, kept with history like plenum
    /// notes), what the projector shows, and each terminal's size, so the console can say
    /// whether the projector's text is large enough for the room.
    static func migrateV5(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE item_notes(
                item_id TEXT PRIMARY KEY,
                text TEXT NOT NULL,
                updated_at REAL NOT NULL,
                updated_by TEXT);
            CREATE TABLE projector(
                id INTEGER PRIMARY KEY CHECK (id = 1),
                shows TEXT NOT NULL,
                group_id INTEGER,
                part TEXT,
                blank INTEGER NOT NULL DEFAULT 0,
                page INTEGER);
            INSERT INTO projector(id, shows) VALUES (1, 'item');
            ALTER TABLE terminals ADD COLUMN columns INTEGER;
            ALTER TABLE terminals ADD COLUMN rows INTEGER;
            """)
        try createRevisionTriggers(db, tables: ["item_notes", "projector"])
    }
}
