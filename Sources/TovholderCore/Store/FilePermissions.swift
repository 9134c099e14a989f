import Foundation

/// Who may read and write a session and everything made from it: the owner, and the folder's
/// group when the folder is shared on purpose — never others. Applied to the session, its
/// -wal and -shm, its snapshots and the minutes.
public enum FilePermissions {
    /// The mode for a file, and the group to give it (nil: leave the group as it is).
    public struct Sharing: Equatable, Sendable {
        public var mode: mode_t
        public var group: gid_t?
        public static let privateFile = Sharing(mode: 0o600, group: nil)
    }

    /// A folder is shared when it is setgid, or group-writable and not world-writable (the
    /// README's recipe makes one). A sticky or world-writable folder (/tmp) is not, even when
    /// group-writable or setgid: its group says nothing about who should read the day.
    public static func sharing(folderMode: mode_t, folderGroup: gid_t) -> Sharing {
        if folderMode & (S_ISVTX | S_IWOTH) != 0 { return .privateFile }
        let shared = folderMode & S_ISGID != 0 || folderMode & S_IWGRP != 0
        return shared ? Sharing(mode: 0o660, group: folderGroup) : .privateFile
    }

    public static func sharing(forFileIn folder: String) -> Sharing {
        var st = stat()
        guard stat(folder.isEmpty ? "." : folder, &st) == 0 else { return .privateFile }
        return sharing(folderMode: st.st_mode, folderGroup: st.st_gid)
    }

    public static func sharing(forFile path: String) -> Sharing {
        sharing(forFileIn: (path as NSString).deletingLastPathComponent)
    }

    /// 0660 in a shared folder, else 0600.
    public static func mode(forFile path: String) -> mode_t { sharing(forFile: path).mode }

    /// Gives a file the folder's group and the mode (whatever the umask made of it). When the
    /// group cannot be set (the owner is not in it) the file stays 0600: never readable by
    /// the owner's own primary group by accident.
    public static func apply(_ sharing: Sharing, to path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { _ = chmod(path, sharing.mode & 0o600); return }
        apply(sharing, fd: fd)
        close(fd)
    }

    static func apply(_ sharing: Sharing, fd: Int32) {
        var mode = sharing.mode
        if let group = sharing.group {
            var st = stat()
            if fstat(fd, &st) != 0 || (st.st_gid != group && (fchown(fd, uid_t.max, group) != 0)) { mode &= 0o600 }
        }
        fchmod(fd, mode)
    }

    /// Creates an empty file with exactly this mode and group, so SQLite opens a file with
    /// the right permissions from the first byte.
    static func createEmpty(_ path: String, _ sharing: Sharing) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, sharing.mode & 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        apply(sharing, fd: fd)
        close(fd)
    }

    /// Run before every open of a session. SQLite makes the -wal and -shm with the session's
    /// mode but the group of whichever process opens it first: in a shared folder that is not
    /// setgid, that process's primary group (often `users`). So they are made here first,
    /// empty (as SQLite would make them; it treats empty ones as new), with the folder's
    /// group; ones that exist and are ours get the group too. A session an older version made
    /// 0660 in a folder that is not shared (/tmp) is narrowed to 0600: bits are only taken away.
    public static func secure(session: String) {
        var st = stat()
        guard stat(session, &st) == 0 else { return }
        let sharing = sharing(forFile: session)
        for path in [session, session + "-wal", session + "-shm"] {
            var own = stat()
            if lstat(path, &own) == 0, own.st_uid == geteuid(), own.st_mode & 0o077 & ~sharing.mode != 0 {
                _ = chmod(path, own.st_mode & 0o777 & sharing.mode)
            }
        }
        guard let group = sharing.group else { return }  // not shared: SQLite's defaults are right
        let wanted = Sharing(mode: st.st_mode & 0o777 & sharing.mode, group: group)
        let wal = isWAL(session)  // SQLite deletes a -wal beside a file not (yet) in WAL mode
        for path in [session + "-wal", session + "-shm"] {
            var side = stat()
            if lstat(path, &side) == 0 {
                if side.st_uid == geteuid(), side.st_gid != group { apply(wanted, to: path) }
                continue
            }
            guard wal else { continue }
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, wanted.mode & 0o600)
            if fd >= 0 { apply(wanted, fd: fd); close(fd) }
        }
    }

    /// Bytes 18 and 19 of the header are 2 in a WAL-mode database.
    static func isWAL(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let header = (try? h.read(upToCount: 20)) ?? Data()
        return header.count == 20 && header[18] == 2 && header[19] == 2
    }
}
