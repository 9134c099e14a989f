import Foundation
import GRDB

/// The SSH server's row and the groups' codes (`SSHService`).
extension SessionStore {
    /// serve starts: its row, and a fresh code for every active group. `startedAt` is when
    /// the serving process began (from /proc), so a later process given the same number is
    /// told apart exactly, however soon after it came.
    public func openService(port: Int, address: String, fingerprint: String,
                            pid: Int32 = getpid(), startedAt: Double? = nil) throws {
        let now = startedAt ?? Self.processStart(pid) ?? Date().timeIntervalSince1970
        try writing { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO ssh_service(id, port, address, fingerprint, pid, started_at)
                VALUES (1, ?, ?, ?, ?, ?)
                """, arguments: [port, address, fingerprint, pid, now])
            try db.execute(sql: "DELETE FROM ssh_notices")
            try Self.writeNewCodes(db)
        }
    }

    /// New codes for every active group (the facilitator's "new codes"); joined terminals stay.
    public func renewCodes() throws {
        try writing { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM ssh_service)") == true else { return }
            try Self.writeNewCodes(db)
        }
    }

    /// serve stops: no code is valid any more. Only serve's own row goes (a second serve on
    /// the same file refused to start, but a row left by a killed one is replaced).
    public func closeService(pid: Int32 = getpid()) throws {
        try writing { db in
            guard try Int32.fetchOne(db, sql: "SELECT pid FROM ssh_service WHERE id = 1") == pid else { return }
            try db.execute(sql: "DELETE FROM ssh_service; DELETE FROM ssh_codes; DELETE FROM ssh_notices")
        }
    }

    /// The running service, or nil (none, or its process is gone: a killed serve's row).
    public func service() throws -> SSHService? {
        try reading { db in try Self.readService(db) }
    }

    static func readService(_ db: Database) throws -> SSHService? {
        guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM ssh_service WHERE id = 1")) else {
            return nil
        }
        let pid: Int32 = row["pid"]
        // By number and start time: a number reused by another process is no serve.
        guard isRunning(pid: pid) else { return nil }
        if let began = processStart(pid), abs(began - (row["started_at"] as Double)) > 0.05 { return nil }
        let codes = try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM ssh_codes ORDER BY group_id")).map {
            SSHService.GroupCode(groupID: $0["group_id"], user: $0["user"], code: $0["code"])
        }
        let notices = try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM ssh_notices ORDER BY id")).compactMap { r in
            ServeNotice.Kind(rawValue: r["kind"]).map { ServeNotice(at: r["at"], kind: $0, text: Localized(da: r["da"], en: r["en"])) }
        }
        return SSHService(port: row["port"], address: row["address"], fingerprint: row["fingerprint"], pid: pid,
                          startedAt: row["started_at"], codes: codes, notices: notices)
    }

    /// serve tells the console something; only the newest few are kept.
    public func addServeNotice(_ notice: ServeNotice) throws {
        try writing { db in
            try db.execute(sql: "INSERT INTO ssh_notices(at, kind, da, en) VALUES (?, ?, ?, ?)",
                           arguments: [notice.at, notice.kind.rawValue, notice.text.da, notice.text.en])
            try db.execute(sql: "DELETE FROM ssh_notices WHERE id <= (SELECT max(id) FROM ssh_notices) - ?",
                           arguments: [ServeNotice.kept])
        }
    }

    /// A notice no longer true (somebody reached serve after all).
    public func clearServeNotices(_ kind: ServeNotice.Kind) throws {
        try writing { db in try db.execute(sql: "DELETE FROM ssh_notices WHERE kind = ?", arguments: [kind.rawValue]) }
    }

    private static func writeNewCodes(_ db: Database) throws {
        let groups = try readWorkshop(db).activeGroups
        try db.execute(sql: "DELETE FROM ssh_codes")
        var taken = Set<String>()
        for (group, code) in zip(groups, JoinCode.distinct(groups.count)) {
            let user = SSHUserName.make(for: group.name, position: group.position, taken: taken)
            taken.insert(user)
            try db.execute(sql: "INSERT INTO ssh_codes(group_id, user, code) VALUES (?, ?, ?)",
                           arguments: [group.id, user, code])
        }
    }
}
