import Foundation
import GRDB

/// A session's identity, and the check that its journal (the `-wal` beside it, which SQLite
/// applies on opening) was written by this session and not copied in from another one.
///
/// The identity is a random 128-bit id in `session_identity` (schema v9). Its first 32 bits,
/// the tag, are also the file's `user_version`, which lives in page 1, and every write
/// transaction sets it again (`SessionStore.writing`): so every commit puts page 1 into the
/// journal, and any journal a session wrote carries its tag at the one page number all files
/// share. The id's own row alone would not do: its page is at different numbers in different
/// files, and in a journal only when written since the last checkpoint — which it never is.
enum JournalIdentity {
    /// What a file says about itself, read one way or the other.
    struct Seen: Equatable {
        var applicationID: Int32
        var migrations: Set<String>
        var uuid: String?
        var tag: Int32
    }

    /// 32 hex digits from the system's random source; never one whose tag is 0, the
    /// `user_version` every older file has.
    static func newUUID() -> String {
        while true {
            var g = SystemRandomNumberGenerator()
            let uuid = (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max, using: &g)) }.joined()
            if tag(of: uuid) != 0 { return uuid }
        }
    }

    static func tag(of uuid: String) -> Int32 {
        Int32(bitPattern: UInt32(uuid.prefix(8), radix: 16) ?? 0)
    }

    /// Refuses a `-wal` beside `path` that another session wrote, before anything applies it
    /// to the file: `SessionError.foreignJournal`, with both files left byte-for-byte.
    /// Reads only. The main file is read alone (SQLite's `immutable=1` ignores the journal),
    /// then with its journal through a read-only connection (which never checkpoints or
    /// writes either file); their identity, tag and schema must agree. When the main file has
    /// no identity yet (older than v9, or its v9 migration is still only in the journal),
    /// there is nothing to compare and the journal is accepted; so it is when either read
    /// fails for any other reason than damage (the open that follows says why).
    static func requireOwnJournal(path: String) throws {
        guard foreign(path: path) else { return }
        let newest = Snapshots.list(session: path).first { Snapshots.summary(of: $0.path) != nil }
        throw SessionError.foreignJournal(path: path, snapshot: newest?.name)
    }

    /// Whether the `-wal` beside `path` was written by another session (see `requireOwnJournal`).
    static func foreign(path: String) -> Bool {
        var st = stat()
        guard stat(path + "-wal", &st) == 0, st.st_size > 0 else { return false }  // nothing to apply
        // Without URI support in SQLite this names no file and fails: then nothing is compared.
        guard let alone = try? seen(URL(fileURLWithPath: path).absoluteString + "?immutable=1"),
              alone.applicationID == SessionStore.applicationID, alone.uuid != nil else { return false }
        do {
            return !belongs(alone: alone, with: try seen(path))
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            return true  // the main file reads well alone and not with the journal: it does not fit
        } catch {
            return false
        }
    }

    /// A journal of this session only adds: the same id and tag, the same kind of file, and
    /// every migration the main file has (perhaps more, when one is still only in the journal).
    static func belongs(alone: Seen, with journal: Seen) -> Bool {
        journal.applicationID == alone.applicationID && journal.uuid == alone.uuid && journal.tag == alone.tag
            && journal.migrations.isSuperset(of: alone.migrations)
    }

    /// The identity, tag and schema of the file at `location` (a path or a `file:` URI), read-only.
    static func seen(_ location: String) throws -> Seen {
        var config = SessionStore.configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: location, configuration: config)
        defer { try? queue.close() }
        return try queue.read { db in  // one transaction: one state of the file
            let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            return Seen(
                applicationID: try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                migrations: tables.contains("grdb_migrations")
                    ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : [],
                uuid: tables.contains("session_identity")
                    ? try String.fetchOne(db, sql: "SELECT uuid FROM session_identity WHERE id = 1") : nil,
                tag: try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
        }
    }
}
