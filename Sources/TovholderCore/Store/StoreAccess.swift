import CStatfs
import Foundation
import GRDB

/// The one place every read and write of a session goes through, so "database is locked"
/// never reaches a user. The busy timeout (10 s) covers ordinary waits; SQLITE_BUSY can
/// still escape it (e.g. BEGIN IMMEDIATE while another process runs WAL recovery, or a
/// checkpoint holds a lock the busy handler is not asked about), so such a failure is
/// retried a few times after a short random pause before a clear message is given instead.
extension SessionStore {
    /// Attempts in all; a pause of 5–20 ms times the attempt number between them.
    static let busyAttempts = 5
    /// Stop retrying once this long has passed: then the busy timeout itself ran out and
    /// another round would only keep the user waiting.
    static let busyGiveUpSeconds = 15.0

    /// One IMMEDIATE write transaction (so two processes never both act on what they read),
    /// retried whole on SQLITE_BUSY: a failed transaction was rolled back, so retrying is safe.
    /// Each also sets the session's tag again, which puts page 1 into the journal with every
    /// commit (`JournalIdentity`).
    func writing<T>(_ updates: (Database) throws -> T) throws -> T {
        try retryingBusy {
            try queue.writeWithoutTransaction { db in
                try Self.transaction(db, .immediate) { db in
                    let result = try updates(db)
                    if let journalTag { try db.cachedStatement(sql: "PRAGMA user_version = \(journalTag)").execute() }
                    return result
                }
            }
        }
    }

    /// One consistent snapshot read (a deferred transaction), retried on SQLITE_BUSY like
    /// writes. Not GRDB's `read`: it switches `PRAGMA query_only` on and off around every
    /// read, and changing a flag pragma expires every prepared statement, so each of a
    /// hundred terminals re-parsed all its SQL on every other terminal's keystroke.
    func reading<T>(_ value: (Database) throws -> T) throws -> T {
        try retryingBusy { try queue.inDatabase { db in try Self.transaction(db, .deferred, value) } }
    }

    /// `body` in one transaction of that kind, committed; its result.
    private static func transaction<T>(_ db: Database, _ kind: Database.TransactionKind,
                                       _ body: (Database) throws -> T) throws -> T {
        var result: T?
        try db.inTransaction(kind) {
            result = try body(db)
            return .commit
        }
        return result!
    }

    /// Runs `body`, retrying on SQLITE_BUSY; gives `SessionError.busy` when it keeps failing.
    func retryingBusy<T>(_ body: () throws -> T) throws -> T {
        let start = Date()
        var attempt = 1
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                if attempt >= Self.busyAttempts || Date().timeIntervalSince(start) > Self.busyGiveUpSeconds {
                    throw SessionError.busy(path: path)
                }
                // Random, so two processes that collided do not collide again in step.
                usleep(UInt32.random(in: 5_000...20_000) * UInt32(attempt))
                attempt += 1
            }
        }
    }

    // MARK: network file systems

    /// A warning when `path` (or, if it does not exist yet, its folder) is on NFS or SMB/CIFS:
    /// SQLite's locking is not reliable there, so several terminals could damage the session.
    /// Nil on a local disk or when the file system cannot be asked.
    public static func networkFileSystemWarning(path: String) -> Localized? {
        var target = path
        if !FileManager.default.fileExists(atPath: target) {
            target = (path as NSString).deletingLastPathComponent
            if target.isEmpty { target = "." }
        }
        guard let kind = networkFileSystem(at: target) else { return nil }
        return Localized(
            da: "\(path) ligger på et netværksdrev (\(kind)). Der kan SQLite ikke låse filen sikkert, så flere "
                + "terminaler på én gang kan ødelægge sessionen. Læg filen på maskinens egen disk, og lad "
                + "deltagerne komme ind med SSH.",
            en: "\(path) is on a network drive (\(kind)). SQLite cannot lock the file safely there, so several "
                + "terminals at once could damage the session. Put the file on the machine's own disk and let "
                + "participants in over SSH.")
    }

    /// The name of the network file system `path` is on, or nil.
    static func networkFileSystem(at path: String) -> String? {
        var info = statfs()
        guard statfs(path, &info) == 0 else { return nil }
        #if os(Linux)
        // f_type magic numbers from linux/magic.h and the cifs/smb client sources.
        switch UInt32(truncatingIfNeeded: info.f_type) {
        case 0x6969: return "NFS"
        case 0x517B: return "SMB"
        case 0xFF53_4D42: return "CIFS"
        case 0xFE53_4D42: return "SMB2"
        default: return nil
        }
        #else
        let name = withUnsafeBytes(of: &info.f_fstypename) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        switch name {
        case "nfs": return "NFS"
        case "smbfs": return "SMB"
        case "afpfs": return "AFP"
        case "webdav": return "WebDAV"
        default: return nil
        }
        #endif
    }
}
