import Foundation
import GRDB

public enum TerminalRole: String, Sendable, Equatable {
    case facilitator, participant
    /// The room's view (`tovholder projector`): follows, never edits.
    case projector
}

/// One terminal with the session open: who, from where, and which field it is in.
public struct TerminalPresence: Equatable, Sendable {
    /// Stored as `host` for a terminal on the session's own machine (not over SSH).
    public static let localHost = "lokal"

    public var id: String
    public var role: TerminalRole
    public var groupID: Int64?
    public var user: String
    public var host: String
    public var pid: Int32
    public var startedAt: Double
    public var lastSeen: Double
    /// The `HistoryField` name of the field being edited, if any.
    public var field: String?
    /// The terminal's size in columns and rows (the projector check reads the projector's).
    public var columns: Int?
    public var rows: Int?

    public init(id: String, role: TerminalRole, groupID: Int64? = nil, user: String, host: String, pid: Int32,
                startedAt: Double, lastSeen: Double, field: String? = nil, columns: Int? = nil, rows: Int? = nil) {
        self.id = id; self.role = role; self.groupID = groupID; self.user = user; self.host = host
        self.pid = pid; self.startedAt = startedAt; self.lastSeen = lastSeen; self.field = field
        self.columns = columns; self.rows = rows
    }

    public var isLocal: Bool { host == Self.localHost }

    /// The host for a screen: "lokal"/"local" or the SSH client's address.
    public var hostLabel: Localized { isLocal ? Localized(da: "lokal", en: "local") : Localized(da: host, en: host) }

    /// This process: user from `$USER` (else the password database), host the SSH client's
    /// address (first field of `$SSH_CONNECTION`) or "lokal", a random id.
    public static func current(role: TerminalRole, groupID: Int64?,
                               now: Double = Date().timeIntervalSince1970) -> TerminalPresence {
        current(role: role, groupID: groupID, environment: ProcessInfo.processInfo.environment, now: now)
    }

    static func current(role: TerminalRole, groupID: Int64?, environment: [String: String],
                        now: Double) -> TerminalPresence {
        var user = environment["USER"] ?? ""
        if user.isEmpty, let pw = getpwuid(getuid()), let name = pw.pointee.pw_name {
            user = String(cString: name)
        }
        if user.isEmpty { user = "uid \(getuid())" }
        let client = environment["SSH_CONNECTION"]?.split(separator: " ").first.map(String.init)
        return TerminalPresence(id: UUID().uuidString.lowercased(), role: role, groupID: groupID, user: user,
                                host: client ?? localHost, pid: getpid(), startedAt: now, lastSeen: now)
    }
}

/// Presence, the revision counter and the lock. Presence is written every second or so by
/// every terminal, so it lives in tables the revision triggers do not watch.
extension SessionStore {
    /// Rows not seen for this long are deleted, so the table stays small.
    static let forgetTerminalsAfter = 90.0

    // MARK: revision

    /// Bumped by triggers on every content change: a terminal that saw `data_version` move
    /// reloads only when this moved too.
    public func revision() throws -> Int {
        try reading { db in try Int.fetchOne(try db.cachedStatement(sql: "SELECT n FROM revision WHERE id = 1")) ?? 0 }
    }

    /// The total and each area's counter: what changed since a terminal last looked.
    public func revisions() throws -> Revisions {
        try reading { db in
            guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM revision WHERE id = 1")) else {
                return Revisions(total: 0, session: 0, workshop: 0, agreements: 0)
            }
            return Revisions(total: row["n"], session: row["session"], workshop: row["workshop"], agreements: row["agreements"])
        }
    }

    // MARK: presence

    /// Registers (or re-registers) a terminal.
    public func announce(_ t: TerminalPresence) throws {
        try writing { db in
            try db.execute(sql: """
                INSERT INTO terminals(id, role, group_id, user, host, pid, started_at, last_seen, field, columns, rows)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET role = excluded.role, group_id = excluded.group_id,
                    user = excluded.user, host = excluded.host, pid = excluded.pid,
                    started_at = excluded.started_at, last_seen = excluded.last_seen, field = excluded.field,
                    columns = excluded.columns, rows = excluded.rows
                """, arguments: [t.id, t.role.rawValue, t.groupID, t.user, t.host, t.pid, t.startedAt,
                                 t.lastSeen, t.field, t.columns, t.rows])
        }
    }

    /// Says the terminal is still there, and which field it is in. False when its row is
    /// gone (it was away over a minute): announce again.
    @discardableResult
    public func heartbeat(id: String, now: Double = Date().timeIntervalSince1970, field: String?) throws -> Bool {
        try writing { db in
            try db.execute(sql: "UPDATE terminals SET last_seen = ?, field = ? WHERE id = ?",
                           arguments: [now, field, id])
            return db.changesCount > 0
        }
    }

    /// The terminal quits: it is no longer listed and its fields are free for others.
    public func leave(id: String) throws {
        try writing { db in
            try db.execute(sql: "DELETE FROM terminals WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM leases WHERE holder = ?", arguments: [id])
        }
    }

    /// Terminals seen within `stale` seconds, or whose process still runs: an idle terminal
    /// writes nothing (each write wakes every other terminal, and a hundred idle ones must
    /// stay idle). Every terminal of a session runs on the session's machine (over SSH too),
    /// so `kill(pid, 0)` tells whether it runs, and the process's start time tells its own
    /// process from a later one that got the same number. The facilitator first, then by group
    /// and age. Rows of ended terminals older than `forgetTerminalsAfter` are deleted.
    public func terminals(now: Double = Date().timeIntervalSince1970, stale: Double = 10) throws -> [TerminalPresence] {
        let forgetBefore = now - max(Self.forgetTerminalsAfter, stale)
        let rows = try reading { db in
            try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT * FROM terminals ORDER BY role = 'facilitator' DESC, group_id, started_at, id
                """))
        }
        var listed: [TerminalPresence] = [], ended: [String] = []
        for row in rows {
            let t = TerminalPresence(id: row["id"], role: TerminalRole(rawValue: row["role"]) ?? .participant,
                                     groupID: row["group_id"], user: row["user"] ?? "", host: row["host"] ?? "",
                                     pid: row["pid"] ?? 0, startedAt: row["started_at"] ?? 0, lastSeen: row["last_seen"],
                                     field: row["field"], columns: row["columns"], rows: row["rows"])
            guard t.lastSeen > now - stale || Self.isAlive(pid: t.pid, startedAt: t.startedAt) else {
                if t.lastSeen < forgetBefore { ended.append(t.id) }
                continue
            }
            // A role this program does not know was written by a newer one: skip it.
            if TerminalRole(rawValue: row["role"]) != nil { listed.append(t) }
        }
        // Only write when there is something to forget: this is called every second.
        if !ended.isEmpty {
            try writing { db in
                for id in ended { try db.execute(sql: "DELETE FROM terminals WHERE id = ?", arguments: [id]) }
            }
        }
        return listed
    }

    /// A process of that number runs here (signal 0 checks without sending anything).
    static func isRunning(pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// The terminal's own process runs: the number runs, and that process began before the
    /// terminal announced itself (a later process with a reused number began after).
    static func isAlive(pid: Int32, startedAt: Double) -> Bool {
        guard isRunning(pid: pid) else { return false }
        guard let began = processStart(pid) else { return true }  // no /proc: the number must do
        return began <= startedAt + 2
    }

    /// Seconds since 1970 when the process began, from /proc (field 22 of its stat is clock
    /// ticks after boot; `btime` in /proc/stat is the boot).
    static func processStart(_ pid: Int32) -> Double? {
        guard let boot = bootTime, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        return boot + ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static let bootTime: Double? = {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = stat.split(separator: "\n").first(where: { $0.hasPrefix("btime ") }) else { return nil }
        return Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
    }()

    // MARK: lock

    /// Locks or unlocks the session (e.g. the facilitator closes the worksheets). Unlocking
    /// clears the reason. Every terminal sees it: it bumps the revision.
    public func setLocked(_ locked: Bool, reason: String? = nil) throws {
        try writing { db in
            try db.execute(sql: """
                INSERT INTO session_flags(id, locked, lock_reason) VALUES (1, ?, ?)
                ON CONFLICT(id) DO UPDATE SET locked = excluded.locked, lock_reason = excluded.lock_reason
                """, arguments: [locked, locked ? reason.map(storable) : nil])
        }
    }

    public func lockState() throws -> (locked: Bool, reason: String?) {
        try reading { db in
            guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT locked, lock_reason FROM session_flags WHERE id = 1")) else {
                return (false, nil)
            }
            return (row["locked"], row["lock_reason"])
        }
    }
}
