import Foundation
import GRDB

/// The SSH server's row and the groups' codes (`SSHService`).
extension SessionStore {
    /// serve starts: its row, and a fresh code for every active group.
    public func openService(port: Int, address: String, fingerprint: String,
                            pid: Int32 = getpid(), now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO ssh_service(id, port, address, fingerprint, pid, started_at)
                VALUES (1, ?, ?, ?, ?, ?)
                """, arguments: [port, address, fingerprint, pid, now])
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
            try db.execute(sql: "DELETE FROM ssh_service; DELETE FROM ssh_codes")
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
        guard isRunning(pid: pid) else { return nil }
        let codes = try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM ssh_codes ORDER BY group_id")).map {
            SSHService.GroupCode(groupID: $0["group_id"], user: $0["user"], code: $0["code"])
        }
        return SSHService(port: row["port"], address: row["address"], fingerprint: row["fingerprint"], pid: pid,
                          startedAt: row["started_at"], codes: codes)
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
