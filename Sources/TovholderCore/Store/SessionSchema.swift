import Foundation
import GRDB

/// The session file's schema, one migration per version. A file with a migration this
/// program does not know was written by a newer Tovholder and is refused.
enum SessionSchema {
    static let currentVersion = 8

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE programme(
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    template_name TEXT NOT NULL,
                    json TEXT NOT NULL,
                    created_at REAL NOT NULL);
                CREATE TABLE position(
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    item_index INTEGER NOT NULL,
                    step INTEGER NOT NULL);
                CREATE TABLE item_progress(
                    item_id TEXT PRIMARY KEY,
                    actual_start REAL,
                    duration_seconds INTEGER NOT NULL,
                    accumulated_seconds REAL NOT NULL,
                    running_since REAL,
                    bell_rung INTEGER NOT NULL);
                """)
        }
        m.registerMigration("v2") { db in
            // The groups' worksheets. Nothing is ever deleted for real: removed groups and
            // deleted entries keep their text, and `text_history` keeps earlier texts.
            // `updated_by` names who wrote the current text, so history can say it later.
            try db.execute(sql: """
                CREATE TABLE groups(
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    removed_at REAL);
                CREATE TABLE entries(
                    id INTEGER PRIMARY KEY,
                    group_id INTEGER NOT NULL REFERENCES groups,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                    position REAL NOT NULL,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    deleted_at REAL,
                    updated_by TEXT);
                CREATE INDEX entries_group ON entries(group_id, kind, position);
                CREATE TABLE entry_links(
                    entry_id INTEGER NOT NULL,
                    target_id INTEGER NOT NULL,
                    PRIMARY KEY(entry_id, target_id));
                CREATE TABLE plenum_notes(
                    item_id TEXT PRIMARY KEY,
                    text TEXT NOT NULL,
                    updated_at REAL NOT NULL,
                    updated_by TEXT);
                CREATE TABLE text_history(
                    id INTEGER PRIMARY KEY,
                    field TEXT NOT NULL,
                    text TEXT NOT NULL,
                    at REAL NOT NULL,
                    author TEXT);
                CREATE INDEX text_history_field ON text_history(field, at);
                """)
            // A v1 file already holds its programme: give it the programme's groups. A new
            // file has none yet; `SessionStore.create` seeds after inserting it.
            if let json = try String.fetchOne(db, sql: "SELECT json FROM programme WHERE id = 1"),
               let names = try? JSONDecoder().decode(GroupNames.self, from: Data(json.utf8)).groups {
                try seedGroups(db, names: names, now: Date().timeIntervalSince1970)
            }
        }
        m.registerMigration("v3") { db in
            try migrateV3(db)
        }
        m.registerMigration("v4") { db in
            try migrateV4(db)
        }
        m.registerMigration("v5") { db in
            try migrateV5(db)
        }
        m.registerMigration("v6") { db in
            try migrateV6(db)
        }
        m.registerMigration("v7") { db in
            try migrateV7(db)
        }
        m.registerMigration("v8") { db in
            try migrateV8(db)
        }
        m.registerMigration("v9") { db in
            try migrateV9(db)
        }
        return m
    }

    /// The migrations in order; a file with any other was written by a newer program.
    static let versions = ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"]
    static var knownMigrations: Set<String> { Set(versions) }

    /// Tables whose changes are content every terminal must reload. Presence and leases are
    /// not among them: a heartbeat every second must not make every screen reload.
    /// (v3's triggers; later migrations add their own tables with `createRevisionTriggers`.)
    static let contentTables = ["position", "item_progress", "groups", "entries", "entry_links",
                                "plenum_notes", "session_flags"]

    /// v3: several terminals at once. A revision counter bumped by triggers (so no code path
    /// can forget it), who is connected, who is writing in which field, and the lock.
    static func migrateV3(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE revision(
                id INTEGER PRIMARY KEY CHECK (id = 1),
                n INTEGER NOT NULL);
            INSERT INTO revision(id, n) VALUES (1, 0);
            CREATE TABLE session_flags(
                id INTEGER PRIMARY KEY CHECK (id = 1),
                locked INTEGER NOT NULL DEFAULT 0,
                lock_reason TEXT);
            INSERT INTO session_flags(id, locked) VALUES (1, 0);
            CREATE TABLE terminals(
                id TEXT PRIMARY KEY,
                role TEXT NOT NULL,
                group_id INTEGER,
                user TEXT,
                host TEXT,
                pid INTEGER,
                started_at REAL,
                last_seen REAL NOT NULL,
                field TEXT);
            CREATE TABLE leases(
                field TEXT PRIMARY KEY,
                holder TEXT NOT NULL,
                label TEXT NOT NULL,
                expires_at REAL NOT NULL);
            """)
        try createRevisionTriggers(db, tables: contentTables)
    }

    /// AFTER INSERT/UPDATE/DELETE triggers that bump `revision.n` (and from v6 the counter of
    /// the table's area, `Revisions.Area`), so other terminals reload what changed.
    static func createRevisionTriggers(_ db: Database, tables: [String], area: String? = nil) throws {
        let bump = area.map { "n = n + 1, \($0) = \($0) + 1" } ?? "n = n + 1"
        for table in tables {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER "revision_\(table)_\(event.lowercased())" AFTER \(event) ON "\(table)"
                    BEGIN UPDATE revision SET \(bump) WHERE id = 1; END
                    """)
            }
        }
    }

    private struct GroupNames: Decodable { var groups: [String] }

    /// Gives a file with no groups yet the programme's groups, each with an empty challenge
    /// and an empty goal so there is something to type into.
    static func seedGroups(_ db: Database, names: [String], now: Double) throws {
        guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM groups") == 0 else { return }
        for (i, name) in names.enumerated() {
            try db.execute(sql: "INSERT INTO groups(name, position) VALUES (?, ?)", arguments: [name, i + 1])
            try insertStarterEntries(db, groupID: db.lastInsertedRowID, now: now)
        }
    }

    static func insertStarterEntries(_ db: Database, groupID: Int64, now: Double) throws {
        for kind in [EntryKind.challenge, .goal] {
            try db.execute(sql: """
                INSERT INTO entries(group_id, kind, text, position, created_at, updated_at)
                VALUES (?, ?, '', 1, ?, ?)
                """, arguments: [groupID, kind.rawValue, now, now])
        }
    }
}
