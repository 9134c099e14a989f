import Foundation
import GRDB
import GRDBSQLite

/// Tells every other terminal that a commit can be read: the writer touches the session file
/// (IN_ATTRIB, which `SessionWatcher` follows) from SQLite's WAL hook, which runs once the
/// commit is complete — and before the automatic checkpoint that the same hook otherwise
/// runs, whose fsync of the whole file could keep a hundred terminals waiting (a 0.2 s tail
/// with 100 terminals, Benchmarks/serve.py). The checkpoint still runs, right after.
/// The WAL's own writes are not watched: they come before SQLite marks the commit done.
enum CommitBell {
    /// SQLite's default: checkpoint once the WAL holds this many pages.
    static let checkpointPages: Int32 = 1000

    /// Installs the hook on a connection (at open, for every connection).
    static func install(on db: Database, path: String) {
        let box = Unmanaged.passRetained(Box(path)).toOpaque()  // lives as long as the process
        sqlite3_wal_hook(db.sqliteConnection, { arg, connection, name, pages in
            if let arg {
                // A file that cannot be touched (another's, read-only) is no error.
                _ = utimensat(AT_FDCWD, Unmanaged<Box>.fromOpaque(arg).takeUnretainedValue().path, nil, 0)
            }
            if pages >= CommitBell.checkpointPages { sqlite3_wal_checkpoint(connection, name) }
            return SQLITE_OK
        }, box)
    }

    final class Box {
        let path: String
        init(_ path: String) { self.path = path }
    }
}
