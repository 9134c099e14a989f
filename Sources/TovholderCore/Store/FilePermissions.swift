import Foundation

/// Who may read and write a session and everything made from it: the owner, and the folder's
/// group when the folder is a shared one (setgid or group-writable, as the README's recipe
/// for groups' own accounts sets up) — never others. Applied to the session, its -wal and
/// -shm (SQLite gives them the session's mode) and the minutes.
public enum FilePermissions {
    /// 0660 in a shared folder, else 0600.
    public static func mode(forFileIn folder: String) -> mode_t {
        var st = stat()
        guard stat(folder.isEmpty ? "." : folder, &st) == 0 else { return 0o600 }
        let shared = (st.st_mode & S_ISGID) != 0 || (st.st_mode & S_IWGRP) != 0
        return shared ? 0o660 : 0o600
    }

    public static func mode(forFile path: String) -> mode_t {
        mode(forFileIn: (path as NSString).deletingLastPathComponent)
    }

    /// Sets a file's mode (whatever the umask made of it).
    public static func apply(_ mode: mode_t, to path: String) {
        _ = chmod(path, mode)
    }

    /// Creates an empty file with exactly `mode`, so SQLite opens a file with the right
    /// permissions from the first byte (and gives them to its -wal and -shm).
    static func createEmpty(_ path: String, mode: mode_t) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        fchmod(fd, mode)
        close(fd)
    }
}
