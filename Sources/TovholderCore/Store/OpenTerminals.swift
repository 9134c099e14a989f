import Foundation
import GRDB

/// Who has a session open, for what must not run under them (`reset --all`, `restore`):
/// every terminal whose own process still runs here — told by number and start time, not by
/// its heartbeat: a participant stopped for 13 s once counted as gone, and its later words
/// went into a file that had been replaced — and a running `tovholder serve`, whose
/// participants may still be connecting.
public enum OpenTerminals {
    public struct Holder: Equatable, Sendable {
        public var description: String
    }

    /// Read-only: asking must not write a byte of the file.
    public static func holders(of session: String, now: Double = Date().timeIntervalSince1970) throws -> [Holder] {
        var config = Configuration()
        config.readonly = true
        let q = try DatabaseQueue(path: session, configuration: config)
        defer { try? q.close() }
        return try q.read { db in
            var found: [Holder] = []
            if let service = try SessionStore.readService(db) {
                found.append(Holder(description: "tovholder serve (port \(service.port), proces \(service.pid))"))
            }
            for row in try Row.fetchAll(db, sql: "SELECT role, user, host, pid, started_at, last_seen FROM terminals") {
                let pid: Int32 = row["pid"] ?? 0
                let started: Double = row["started_at"] ?? 0
                let heard: Double = row["last_seen"] ?? 0
                guard SessionStore.isAlive(pid: pid, startedAt: started) || heard > now - SessionStore.holderGoneAfter else { continue }
                let who = [row["role"] as String?, row["user"] as String?, row["host"] as String?].compactMap { $0 }
                    .filter { !$0.isEmpty }.joined(separator: " ")
                found.append(Holder(description: "\(who) (proces \(pid))"))
            }
            return found
        }
    }
}
