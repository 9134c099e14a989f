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
        for (area, tables) in areaTablesV6 {
            for table in tables {
                for event in ["insert", "update", "delete"] { try db.execute(sql: "DROP TRIGGER IF EXISTS \"revision_\(table)_\(event)\"") }
            }
            try createRevisionTriggers(db, tables: tables, area: area.rawValue)
        }
    }

    /// The areas' tables as they were at v6, fixed: later versions make their own tables'
    /// triggers (`Revisions.tables` lists them all, for reading).
    static let areaTablesV6: [(Revisions.Area, [String])] = [
        (.session, ["position", "item_progress", "projector", "ssh_service", "ssh_codes"]),
        (.workshop, ["groups", "entries", "entry_links", "plenum_notes", "item_notes"]),
        (.agreements, ["agreements", "agreement_rows", "roadmap"]),
    ]
}
