import GRDB

/// The session file's schema, one migration per version. A file with a migration this
/// program does not know was written by a newer Tovholder and is refused.
enum SessionSchema {
    static let currentVersion = 1

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
        return m
    }

    static var knownMigrations: Set<String> { ["v1"] }
}
