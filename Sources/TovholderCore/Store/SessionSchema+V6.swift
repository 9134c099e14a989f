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
    }
}
