import CStatfs
import Foundation

/// Wakes a terminal when another process writes the session: an inotify watch on the
/// session's folder, for the session file itself. Every writer touches it once its commit
/// can be read (`CommitBell`); the `-wal` is not watched, as its writes come before
/// SQLite marks the commit done, and SQLite's `-shm` is written through a mapping, which
/// inotify does not report, so readers do not wake each other. A terminal then polls only
/// its own keyboard and the clock, instead of asking SQLite 25 times a second.
public final class SessionWatcher {
    /// Readable when something happened; poll it beside the keyboard.
    public let fd: Int32
    private let names: Set<String>

    /// Nil where inotify is not available (another system, or the user's limit of inotify
    /// instances reached): the caller falls back to polling.
    public init?(sessionPath: String) {
        #if os(Linux)
        let url = URL(fileURLWithPath: sessionPath).standardizedFileURL.resolvingSymlinksInPath()
        let folder = url.deletingLastPathComponent().path
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        // IN_ATTRIB: the touch a writer gives the session after each commit (StoreAccess).
        let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE)
        guard inotify_add_watch(fd, folder, mask) >= 0 else { close(fd); return nil }
        self.fd = fd
        names = [url.lastPathComponent]
        #else
        return nil
        #endif
    }

    /// Reads every pending event; true when one was about the session.
    public func drain() -> Bool {
        var concerned = false
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            var offset = 0
            while offset + 16 <= n {
                // struct inotify_event: wd, mask, cookie (3 × 4 bytes), len (4), then the name.
                let length = buffer.withUnsafeBytes { Int($0.load(fromByteOffset: offset + 12, as: UInt32.self)) }
                if length > 0, offset + 16 + length <= n {
                    let nameBytes = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                    if names.contains(String(decoding: nameBytes, as: UTF8.self)) { concerned = true }
                }
                offset += 16 + length
            }
        }
        return concerned
    }

    deinit { close(fd) }
}
