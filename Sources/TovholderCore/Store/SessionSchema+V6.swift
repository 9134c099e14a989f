import GRDB

extension SessionSchema {
    /// v6: `tovholder serve`, the built-in SSH server. Where groups connect and each group's
    /// code, while it runs (deleted when it stops). Content for every terminal: the console
    /// and the projector show the join lines, and renewing codes must reach them.
    static func migrateV6(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE ssh_service(
                id INTEGER PRIMARY KEY CHECK (id = 1),
                port INTEGER NOT NULL,
                address TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                pid INTEGER NOT NULL,
                started_at REAL NOT NULL);
            CREATE TABLE ssh_codes(
                group_id INTEGER PRIMARY KEY,
                user TEXT NOT NULL,
                code TEXT NOT NULL);
            """)
        try createRevisionTriggers(db, tables: ["ssh_service", "ssh_codes"])
        try countRevisionsByArea(db)
    }

    /// A counter per area beside the total: a keystroke in a worksheet makes a hundred
    /// terminals reload the worksheets only, not the day and the agreements too.
    static func countRevisionsByArea(_ db: Database) throws {
        for area in Revisions.Area.allCases {
            try db.execute(sql: "ALTER TABLE revision ADD COLUMN \(area.rawValue) INTEGER NOT NULL DEFAULT 0")
        }
        for (area, tables) in Revisions.tables {
            // Tables of later versions do not exist yet: their migrations make their own triggers.
            let existing = try tables.filter { try db.tableExists($0) }
            for table in existing {
                for event in ["insert", "update", "delete"] { try db.execute(sql: "DROP TRIGGER IF EXISTS \"revision_\(table)_\(event)\"") }
            }
            try createRevisionTriggers(db, tables: existing, area: area.rawValue)
        }
    }
}
