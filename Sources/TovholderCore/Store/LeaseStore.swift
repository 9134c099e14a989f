import Foundation
import GRDB

/// Who holds a field and until when (unless they type again).
public struct Lease: Equatable, Sendable {
    /// How people see the holder: "Gruppe 2 (anna, lokal)".
    public var label: String
    public var expiresAt: Double
    public init(label: String, expiresAt: Double) { self.label = label; self.expiresAt = expiresAt }
}

/// The answer to asking for a field.
public enum LeaseResult: Equatable, Sendable {
    /// The field is ours until the lease expires; renew it while typing.
    case granted
    /// Another terminal is writing in it.
    case heldBy(Lease)
}

/// Field leases: the policy against two terminals silently overwriting one field. A terminal
/// asks for a field before editing it and renews the lease while it types; another terminal
/// is told who has it and until when. A lease expires by itself (30 s after the last
/// keystroke), and counts for nothing once its holder's terminal has stopped showing signs
/// of life (a killed terminal frees its fields within the 10 s it takes to drop off the
/// list). The facilitator can take any field over; a terminal with the same label (the same
/// group, user and host: a participant who reconnected) takes its own old lease back once
/// the process that held it has ended.
/// Leases are advice for the screens: the text paths still accept every write, and the
/// history keeps whatever is overwritten. Leases do not bump the revision.
extension SessionStore {
    /// Expired leases older than this are deleted when a lease is asked for.
    static let forgetLeasesAfter = 60.0
    /// A holder whose terminal was last seen longer ago than this holds nothing.
    public static let holderGoneAfter = 10.0

    /// The condition for a lease row that counts at `?` (now) given twice.
    private static let liveLease = """
        expires_at > ? AND NOT EXISTS (SELECT 1 FROM terminals t WHERE t.id = leases.holder AND t.last_seen < ?)
        """

    /// Grants the field when it is free, expired, held by a vanished terminal, already ours
    /// or our own from before a reconnect (same label, its process ended), or when
    /// `takeOver` is set. Two terminals of one group from one address share a label; while
    /// both run, each is another terminal to the other (told apart by process and start time). One
    /// IMMEDIATE transaction reads and writes, so of two terminals asking at once exactly
    /// one is granted.
    public func acquireLease(field ref: FieldRef, holder: String, label: String,
                             now: Double = Date().timeIntervalSince1970, ttl: Double = 30,
                             takeOver: Bool = false) throws -> LeaseResult {
        guard let field = ref.historyName else { return .granted }
        return try writing { db in
            try db.execute(sql: "DELETE FROM leases WHERE expires_at < ?", arguments: [now - Self.forgetLeasesAfter])
            if !takeOver, let row = try Row.fetchOne(try db.cachedStatement(sql: """
                SELECT holder, label, expires_at FROM leases WHERE field = ? AND \(Self.liveLease)
                """), arguments: [field, now, now - Self.holderGoneAfter]),
               (row["holder"] as String) != holder,
               try (row["label"] as String) != label || Self.holderRuns(db, row["holder"]) {
                return .heldBy(Lease(label: row["label"], expiresAt: row["expires_at"]))
            }
            try db.execute(sql: """
                INSERT INTO leases(field, holder, label, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(field) DO UPDATE SET holder = excluded.holder, label = excluded.label,
                    expires_at = excluded.expires_at
                """, arguments: [field, holder, label, now + ttl])
            return .granted
        }
    }

    /// Extends our lease. False when it is no longer ours (taken over by the facilitator, or
    /// expired and taken by another terminal): ask again with `acquireLease`.
    @discardableResult
    public func renewLease(field ref: FieldRef, holder: String, now: Double = Date().timeIntervalSince1970,
                           ttl: Double = 30) throws -> Bool {
        guard let field = ref.historyName else { return true }
        return try writing { db in
            try db.execute(sql: "UPDATE leases SET expires_at = ? WHERE field = ? AND holder = ?",
                           arguments: [now + ttl, field, holder])
            return db.changesCount > 0
        }
    }

    /// Whether the terminal `holder` still runs here, told by process number and start time
    /// (not by its heartbeat). A holder with no terminal row (a view without presence) counts
    /// as ended.
    public func holderRuns(_ holder: String) throws -> Bool {
        try reading { db in try Self.holderRuns(db, holder) }
    }

    static func holderRuns(_ db: Database, _ holder: String) throws -> Bool {
        guard let row = try Row.fetchOne(db, sql: "SELECT pid, started_at FROM terminals WHERE id = ?", arguments: [holder])
        else { return false }
        return isAlive(pid: row["pid"] ?? 0, startedAt: row["started_at"] ?? 0)
    }

    /// Gives the field back (leaving it); does nothing if it is not ours.
    public func releaseLease(field ref: FieldRef, holder: String) throws {
        guard let field = ref.historyName else { return }
        try writing { db in
            try db.execute(sql: "DELETE FROM leases WHERE field = ? AND holder = ?", arguments: [field, holder])
        }
    }

    /// Gives back every field `holder` has (the terminal quits or changes screen).
    public func releaseAll(holder: String) throws {
        try writing { db in
            try db.execute(sql: "DELETE FROM leases WHERE holder = ?", arguments: [holder])
        }
    }

    /// The facilitator frees a field whoever has it (e.g. a terminal left in the room).
    public func breakLease(field ref: FieldRef) throws {
        guard let field = ref.historyName else { return }
        try writing { db in
            try db.execute(sql: "DELETE FROM leases WHERE field = ?", arguments: [field])
        }
    }

    /// Fields with a lease that counts, and who has each until when; `holder` with each,
    /// so a terminal can tell its own from others'.
    public func activeLeases(now: Double = Date().timeIntervalSince1970) throws -> [FieldRef: Lease] {
        try heldLeases(now: now).mapValues(\.lease)
    }

    public func heldLeases(now: Double = Date().timeIntervalSince1970) throws -> [FieldRef: (lease: Lease, holder: String)] {
        try reading { db in
            var result: [FieldRef: (lease: Lease, holder: String)] = [:]
            for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT field, holder, label, expires_at FROM leases WHERE \(Self.liveLease)"),
                                        arguments: [now, now - Self.holderGoneAfter]) {
                guard let field = FieldRef(historyName: row["field"]) else { continue }
                result[field] = (Lease(label: row["label"], expiresAt: row["expires_at"]), row["holder"])
            }
            return result
        }
    }
}
