import GRDB

extension SessionSchema {
    /// v9: what serve tells the facilitator's console — connections that failed before
    /// login, and that nobody has reached it yet — so `t` shows it beside the join lines.
    /// Content of the session area: a new notice must reach the console within a second.
    /// And the session's identity (`JournalIdentity`), so a `-wal` from another session is
    /// refused instead of applied: a new random id for every file made or migrated here.
    static func migrateV9(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE ssh_notices(
                id INTEGER PRIMARY KEY,
                at REAL NOT NULL,
                kind TEXT NOT NULL,
                da TEXT NOT NULL,
                en TEXT NOT NULL);
            """)
        try createRevisionTriggers(db, tables: ["ssh_notices"], area: Revisions.Area.session.rawValue)
        try db.execute(sql: """
            CREATE TABLE session_identity(
                id INTEGER PRIMARY KEY CHECK (id = 1),
                uuid TEXT NOT NULL);
            """)
        let uuid = JournalIdentity.newUUID()
        try db.execute(sql: "INSERT INTO session_identity(id, uuid) VALUES (1, ?)", arguments: [uuid])
        try db.execute(sql: "PRAGMA user_version = \(JournalIdentity.tag(of: uuid))")
    }
}
