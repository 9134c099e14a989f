import Foundation
import GRDB

/// One consistent copy of a session, as word processors keep them: in a folder beside it
/// ("dag.tovholder.snapshots/"), named by the local time it was taken.
public struct Snapshot: Equatable, Sendable {
    public var path: String
    /// Seconds since 1970.
    public var takenAt: Double
    public var bytes: Int
    public var name: String { (path as NSString).lastPathComponent }
    public init(path: String, takenAt: Double, bytes: Int) { self.path = path; self.takenAt = takenAt; self.bytes = bytes }
}

/// What a snapshot holds, to say what changed between two.
public struct SnapshotSummary: Equatable, Sendable {
    public var groups: Int
    public var entries: Int
    public var agreementRows: Int
    public var item: Int
}

/// Taking, listing, thinning and restoring snapshots. A damaged or foreign -wal file costs
/// at most the minutes since the last snapshot.
public enum Snapshots {
    public static func folder(of session: String) -> String { session + ".snapshots" }

    /// Takes a snapshot with `VACUUM INTO` (one read transaction: other terminals go on
    /// writing), with the session's permissions, then thins the older ones. A `label` ("før
    /// nulstilling") ends the name and keeps the snapshot from ever being thinned away.
    @discardableResult
    public static func take(_ store: SessionStore, now: Double, utcOffsetSeconds: Int, label: String? = nil) throws -> Snapshot {
        try take(session: store.path, now: now, utcOffsetSeconds: utcOffsetSeconds, label: label) { path in
            try store.queue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
        }
    }

    /// The same on a connection and thread of its own, so the typing loop never waits for it
    /// (a snapshot of a full day takes ~20 ms, more than a frame). `done` runs on that thread
    /// with the snapshot or why there is none.
    public static func takeInBackground(session: String, now: Double, utcOffsetSeconds: Int,
                                        done: @escaping @Sendable (Result<Snapshot, SnapshotFailure>) -> Void = { _ in }) {
        DispatchQueue.global(qos: .utility).async {
            do {
                var config = Configuration()
                config.readonly = true
                config.busyMode = .timeout(5)
                let queue = try DatabaseQueue(path: session, configuration: config)
                defer { try? queue.close() }
                let snapshot = try take(session: session, now: now, utcOffsetSeconds: utcOffsetSeconds) { path in
                    try queue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
                }
                done(.success(snapshot))
            } catch {
                done(.failure(SnapshotFailure(error)))
            }
        }
    }

    /// Leftover `.partial` files are removed first and after a success; a failure leaves
    /// none of its own and throws a `SnapshotFailure`.
    static func take(session: String, now: Double, utcOffsetSeconds: Int, label: String? = nil,
                     free: (String) -> Int? = Snapshots.freeBytes, copy: (String) throws -> Void) throws -> Snapshot {
        let folder = folder(of: session)
        let sharing = FilePermissions.sharing(forFile: session)
        if !FileManager.default.fileExists(atPath: folder) {
            mkdir(folder, sharing.mode | 0o100 | (sharing.mode & 0o060 != 0 ? 0o010 : 0))  // x for whoever may read
            if let group = sharing.group { _ = chown(folder, uid_t.max, group) }
        }
        removeLeftovers(in: folder, olderThan: now)
        try requireRoom(session: session, folder: folder, free: free)
        let named = label.map { " " + $0 } ?? ""
        var path = (folder as NSString).appendingPathComponent(fileName(now, utcOffsetSeconds, suffix: named))
        var n = 2
        while FileManager.default.fileExists(atPath: path) {
            path = (folder as NSString).appendingPathComponent(fileName(now, utcOffsetSeconds, suffix: named + "-\(n)")); n += 1
        }
        // Not in a transaction (VACUUM refuses one); it reads one consistent state of the file.
        // Written under a partial name and renamed: a program ending meanwhile leaves no
        // half snapshot among the good ones.
        // Made empty with the session's mode and group first: never readable by others, even
        // while it is written (VACUUM INTO takes an empty file).
        let partial = path + ".partial"
        unlink(partial)
        do {
            try FilePermissions.createEmpty(partial, sharing)
            try copy(partial)
            guard rename(partial, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(partial)
            throw SnapshotFailure(error)
        }
        FilePermissions.apply(sharing, to: path)
        thin(folder: folder, now: now)
        removeLeftovers(in: folder, olderThan: now)
        return Snapshot(path: path, takenAt: now, bytes: size(path))
    }

    /// "2026-11-25 10.42.00.tovholder": sorts by time, reads as a time.
    static func fileName(_ t: Double, _ offset: Int, suffix: String = "") -> String {
        var seconds = time_t(t + Double(offset))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02d %02d.%02d.%02d%@.tovholder", parts.tm_year + 1900, parts.tm_mon + 1,
                      parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, suffix)
    }

    /// Newest first.
    public static func list(session: String) -> [Snapshot] {
        let folder = folder(of: session)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".tovholder") }.compactMap { name -> Snapshot? in
            let path = (folder as NSString).appendingPathComponent(name)
            guard let attrs = try? FileManager.default.attributesOfItem(atPath: path),
                  let date = attrs[.modificationDate] as? Date else { return nil }
            return Snapshot(path: path, takenAt: date.timeIntervalSince1970, bytes: size(path))
        }.sorted { $0.takenAt > $1.takenAt }
    }

    /// The snapshots to delete: the last two hours are all kept (one every few minutes),
    /// then one per hour for the last day, then one per day.
    public static func toThin(_ snapshots: [Snapshot], now: Double) -> [Snapshot] {
        var keptBuckets: Set<String> = []
        var drop: [Snapshot] = []
        for s in snapshots.sorted(by: { $0.takenAt > $1.takenAt }) where !isLabelled(s) {
            let age = now - s.takenAt
            if age < 2 * 3600 { continue }
            let bucket = age < 86_400 ? "h\(Int(s.takenAt / 3600))" : "d\(Int(s.takenAt / 86_400))"
            if keptBuckets.contains(bucket) { drop.append(s) } else { keptBuckets.insert(bucket) }
        }
        return drop
    }

    /// A name with words after its time ("… 18.15.00 før nulstilling"): taken on purpose, kept.
    static func isLabelled(_ s: Snapshot) -> Bool { s.name.dropFirst(19).hasPrefix(" ") }

    static func thin(folder: String, now: Double) {
        let session = String(folder.dropLast(".snapshots".count))
        for s in toThin(list(session: session), now: now) { unlink(s.path) }
    }

    /// Groups, entries, agreements and where the day was, read from a snapshot (read-only).
    public static func summary(of path: String) -> SnapshotSummary? {
        var config = Configuration()
        config.readonly = true
        guard let q = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        defer { try? q.close() }
        return try? q.read { db in
            SnapshotSummary(
                groups: try Int.fetchOne(db, sql: "SELECT count(*) FROM groups WHERE removed_at IS NULL") ?? 0,
                entries: try Int.fetchOne(db, sql: "SELECT count(*) FROM entries WHERE deleted_at IS NULL AND text != ''") ?? 0,
                agreementRows: try Int.fetchOne(db, sql: "SELECT count(*) FROM agreement_rows WHERE deleted_at IS NULL") ?? 0,
                item: (try Int.fetchOne(db, sql: "SELECT item_index FROM position") ?? 0) + 1)
        }
    }

    /// Brings a snapshot back: it is checked first, the current file is kept as a snapshot
    /// too (when it can be read), and no terminal may have the session open.
    public static func restore(session: String, from snapshot: String, now: Double, utcOffsetSeconds: Int,
                               force: Bool = false) throws {
        try SessionStore.verify(path: snapshot)
        // Another session's journal: no terminal can have this one open, and read through it
        // the terminals would be the other session's.
        let foreignJournal = JournalIdentity.foreign(path: session)
        if !foreignJournal, !force, let open = try? OpenTerminals.holders(of: session, now: now), !open.isEmpty {
            throw SnapshotError.sessionInUse(session, open.map(\.description))
        }
        if foreignJournal {
            // The file alone is this session as last written to it: kept as a snapshot. The
            // journal is someone's work: kept too, under a name SQLite pairs with no file.
            mkdir(folder(of: session), 0o700)
            let kept = (folder(of: session) as NSString).appendingPathComponent(
                fileName(now, utcOffsetSeconds, suffix: " før gendannelse"))
            try? FileManager.default.copyItem(atPath: session, toPath: kept)
            guard rename(session + "-wal", kept + ".fremmed-wal") == 0 else { throw SnapshotError.cannotRestore(session) }
        } else if let current = try? SessionStore.open(path: session) {
            try take(current, now: now, utcOffsetSeconds: utcOffsetSeconds)
            try? current.queue.close()
        } else if FileManager.default.fileExists(atPath: session) {
            // Damaged: keep its bytes as they are, beside the snapshots.
            let keep = (folder(of: session) as NSString).appendingPathComponent(fileName(now, utcOffsetSeconds, suffix: " skadet"))
            mkdir(folder(of: session), 0o700)
            try? FileManager.default.copyItem(atPath: session, toPath: keep)
        }
        let temp = session + ".restore-\(getpid())"
        unlink(temp)
        try FileManager.default.copyItem(atPath: snapshot, toPath: temp)
        FilePermissions.apply(FilePermissions.sharing(forFile: session), to: temp)
        // The old -wal belongs to the old file: SQLite must never apply it to the restored one.
        unlink(session + "-wal"); unlink(session + "-shm")
        guard rename(temp, session) == 0 else { unlink(temp); throw SnapshotError.cannotRestore(session) }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

public enum SnapshotError: Error, Equatable, UserFacingError {
    case sessionInUse(String, [String])
    case cannotRestore(String)
    case notFound(String)
    /// Before a reset: without the snapshot nothing is reset.
    case cannotTake(String)

    public var message: Localized {
        switch self {
        case .sessionInUse(let p, let holders):
            let list = holders.prefix(6).joined(separator: "; ") + (holders.count > 6 ? "; …" : "")
            return Localized(
                da: "\(p): sessionen er åben (\(list)) – luk terminalerne og stop serve først, eller brug --force, hvis du ved, at de er lukket; intet er ændret",
                en: "\(p): the session is open (\(list)) – close the terminals and stop serve first, or use --force if you know they are closed; nothing was changed")
        case .cannotRestore(let p):
            return Localized(da: "\(p): øjebliksbilledet kunne ikke lægges på plads; sessionen er som før",
                             en: "\(p): the snapshot could not be put in place; the session is as it was")
        case .cannotTake(let p):
            return Localized(da: "\(p): øjebliksbilledet kunne ikke tages (fuld disk, eller må du ikke skrive i mappen?); intet er ændret",
                             en: "\(p): the snapshot could not be taken (a full disk, or may you not write in the folder?); nothing was changed")
        case .notFound(let p):
            return Localized(da: "\(p): intet øjebliksbillede af det navn (se: tovholder backups)",
                             en: "\(p): no snapshot of that name (see: tovholder backups)")
        }
    }
}
