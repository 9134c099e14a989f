import Foundation
import GRDB

/// Why a snapshot was not taken, in words the facilitator's console can show.
public enum SnapshotFailure: Error, Equatable, Sendable, UserFacingError {
    /// Not started: less free space than twice the session's size.
    case noRoom(free: Int, needed: Int)
    case diskFull
    /// The folder or the file may not be written (permissions, a read-only disk).
    case cannotWrite
    case other

    /// What went wrong with a copy, from SQLite's or the system's error.
    public init(_ error: Error) {
        if let known = error as? SnapshotFailure { self = known; return }
        let code = (error as? DatabaseError)?.resultCode
        let errno = (error as? POSIXError)?.code
        if code == .SQLITE_FULL || errno == .ENOSPC || errno == .EDQUOT {
            self = .diskFull
        } else if [.SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN].contains(code) || [.EACCES, .EPERM, .EROFS].contains(errno) {
            self = .cannotWrite
        } else {
            self = .other
        }
    }

    /// "disken er fuld": the part after "Øjebliksbillede kunne ikke tages: ".
    public var reason: Localized {
        switch self {
        case .noRoom(let free, let needed):
            return Localized(da: "der er \(Self.megabytes(free)) fri, og det kræver \(Self.megabytes(needed))",
                             en: "\(Self.megabytes(free)) is free, and it needs \(Self.megabytes(needed))")
        case .diskFull: return Localized(da: "disken er fuld", en: "the disk is full")
        case .cannotWrite: return Localized(da: "mappen kan ikke skrives (rettigheder)", en: "the folder cannot be written (permissions)")
        case .other: return Localized(da: "kopien mislykkedes", en: "the copy failed")
        }
    }

    public var message: Localized {
        Localized(da: "Øjebliksbillede kunne ikke tages: " + reason.da, en: "Snapshot could not be taken: " + reason.en)
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 10_000_000 ? "\(bytes / 1_000_000) MB" : String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}

extension Snapshots {
    /// Bytes free to an ordinary user on the disk holding `path` (statvfs), nil if unknown.
    public static func freeBytes(_ path: String) -> Int? {
        var s = statvfs()
        guard statvfs(path, &s) == 0 else { return nil }
        return Int(s.f_bavail) * Int(s.f_frsize)
    }

    /// A snapshot is about the size of the session with its -wal: with less than twice that
    /// free it would fill the disk the groups' typing needs, so it is not started.
    static func requireRoom(session: String, folder: String, free: (String) -> Int?) throws {
        let needed = 2 * (size(session) + size(session + "-wal"))
        if let available = free(folder), available < needed { throw SnapshotFailure.noRoom(free: available, needed: needed) }
    }

    /// Removes `.partial` files last written before `moment` (the start of the running
    /// snapshot): copies a killed or failed program left behind. One another process is
    /// writing right now has a newer time and stays. Returns the paths removed.
    @discardableResult
    public static func removeLeftovers(in folder: String, olderThan moment: Double) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".partial") }.compactMap { name -> String? in
            let path = (folder as NSString).appendingPathComponent(name)
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
            let modified = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
            guard modified < moment, unlink(path) == 0 else { return nil }
            return path
        }
    }
}
