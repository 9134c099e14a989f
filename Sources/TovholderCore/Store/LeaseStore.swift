import Foundation
import GRDB

/// The answer to asking for a field.
public enum LeaseResult: Equatable, Sendable {
    /// The field is ours until the lease expires; renew it while editing.
    case granted
    /// Another terminal is writing in it; `label` says who (e.g. "Gruppe 2 · anna@10.0.0.7").
    case heldBy(label: String)
}

/// Field leases: the policy against two terminals silently overwriting one field. A terminal
/// asks for a field before editing it and renews the lease while it edits; another terminal
/// is told who has it. A lease expires by itself (a crashed terminal frees its fields after
/// `ttl`), and the facilitator can break one. Leases are advice for the screens: the text
/// paths still accept every write, and the history keeps whatever is overwritten.
/// Field names are `HistoryField` strings. Leases do not bump the revision.
extension SessionStore {
    /// Expired leases older than this are deleted when a lease is asked for.
    static let forgetLeasesAfter = 60.0

    /// Grants the field when it is free, its lease has expired, or it is already ours (then
    /// renewed). One IMMEDIATE transaction reads and writes, so of two terminals asking at
    /// once exactly one is granted.
    public func acquireLease(field: String, holder: String, label: String,
                             now: Double = Date().timeIntervalSince1970, ttl: Double = 15) throws -> LeaseResult {
        try writing { db in
            try db.execute(sql: "DELETE FROM leases WHERE expires_at < ?", arguments: [now - Self.forgetLeasesAfter])
            if let row = try Row.fetchOne(db, sql: "SELECT holder, label, expires_at FROM leases WHERE field = ?",
                                          arguments: [field]),
               (row["holder"] as String) != holder, (row["expires_at"] as Double) > now {
                return .heldBy(label: row["label"])
            }
            try db.execute(sql: """
                INSERT INTO leases(field, holder, label, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(field) DO UPDATE SET holder = excluded.holder, label = excluded.label,
                    expires_at = excluded.expires_at
                """, arguments: [field, holder, label, now + ttl])
            return .granted
        }
    }

    /// Extends our lease. False when it is no longer ours (broken by the facilitator, or
    /// expired and taken by another terminal): ask again with `acquireLease`.
    @discardableResult
    public func renewLease(field: String, holder: String, now: Double = Date().timeIntervalSince1970,
                           ttl: Double = 15) throws -> Bool {
        try writing { db in
            try db.execute(sql: "UPDATE leases SET expires_at = ? WHERE field = ? AND holder = ?",
                           arguments: [now + ttl, field, holder])
            return db.changesCount > 0
        }
    }

    /// Gives the field back (leaving it); does nothing if it is not ours.
    public func releaseLease(field: String, holder: String) throws {
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
    public func breakLease(field: String) throws {
        try writing { db in
            try db.execute(sql: "DELETE FROM leases WHERE field = ?", arguments: [field])
        }
    }

    /// Fields with a lease that has not expired, and who has each.
    public func activeLeases(now: Double = Date().timeIntervalSince1970) throws -> [String: String] {
        try reading { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT field, label FROM leases WHERE expires_at > ?",
                                        arguments: [now]) {
                result[row["field"]] = row["label"]
            }
            return result
        }
    }
}
