import Foundation
import GRDB
import XCTest
@testable import TovholderCore

/// Several terminals on one session: revision, presence, lock, schema v3, busy handling.
final class PresenceTests: StoreTestCase {

    func firstGoal(_ store: SessionStore) throws -> Int64 {
        let w = try store.loadWorkshop()
        return w.worksheets[w.groups[0].id]!.goals[0].id
    }

    /// A process number no process has (above any pid_max): its terminal was killed.
    static let gonePID: Int32 = 2_000_000_000

    func terminal(_ id: String, seen: Double, group: Int64? = nil, pid: Int32 = gonePID) -> TerminalPresence {
        TerminalPresence(id: id, role: group == nil ? .facilitator : .participant, groupID: group, user: "kim",
                         host: TerminalPresence.localHost, pid: pid, startedAt: seen, lastSeen: seen)
    }

    // MARK: revision

    func testRevisionMovesOnContentEditsAndNotOnHeartbeatsOrLeases() throws {
        let store = try newStore()
        let other = try SessionStore.open(path: store.path)
        let goal = try firstGoal(store)
        func bumps(_ what: String, _ edit: () throws -> Void) throws {
            let before = try store.revision()
            try edit()
            XCTAssertGreaterThan(try other.revision(), before, what)
        }
        func keeps(_ what: String, _ edit: () throws -> Void) throws {
            let before = try store.revision()
            try edit()
            XCTAssertEqual(try other.revision(), before, what)
        }
        try bumps("entry text") { try store.setText(entryID: goal, text: "Færre sygedage") }
        try bumps("new group") { try store.addGroup(name: "Nye") }
        try bumps("plenum note") { try store.setPlenumNote(itemID: "plenum", text: "Noter") }
        try bumps("position") {
            var s = try store.load()
            try store.save(s.goNext(at: 10), of: s)
        }
        try bumps("lock") { try store.setLocked(true, reason: "Frokost") }

        let t = terminal("t1", seen: 100)
        try keeps("announce") { try store.announce(t) }
        try keeps("heartbeat") { try store.heartbeat(id: "t1", now: 101, field: HistoryField.entry(goal)) }
        try keeps("list") { _ = try store.terminals(now: 500) }   // also forgets the old row
        try keeps("lease") { _ = try store.acquireLease(field: .entry(goal), holder: "t1", label: "Kim", now: 1) }
        try keeps("renew") { try store.renewLease(field: .entry(goal), holder: "t1", now: 2) }
        try keeps("release") { try store.releaseAll(holder: "t1") }
        try keeps("leave") { try store.leave(id: "t1") }

        // A heartbeat is a commit other terminals see (data_version), but not content.
        let version = try other.dataVersion(), revision = try other.revision()
        try store.announce(terminal("t2", seen: 600))
        XCTAssertNotEqual(try other.dataVersion(), version)
        XCTAssertEqual(try other.revision(), revision)
    }

    // MARK: presence

    func testAnIdleTerminalWhoseProcessRunsStaysListedAndAReusedNumberDoesNot() throws {
        let store = try newStore()
        let now = Date().timeIntervalSince1970
        try store.announce(terminal("idle", seen: now, group: 1, pid: getpid()))
        try store.announce(terminal("killed", seen: now, group: 2))
        // Our own process as a terminal that announced itself before this process began:
        // a number reused after the terminal was killed.
        var reused = terminal("reused", seen: now, group: 3, pid: getpid())
        reused.startedAt = now - 3600
        try store.announce(reused)
        XCTAssertEqual(try store.terminals(now: now + 5).map(\.id), ["idle", "killed", "reused"], "seen 5 s ago: listed")
        XCTAssertEqual(try store.terminals(now: now + 3600).map(\.id), ["idle"],
                       "an hour without a write: listed while its process runs; the reused number is not it")
        try store.queue.read { db in
            XCTAssertEqual(Set(try String.fetchAll(db, sql: "SELECT id FROM terminals")), ["idle"], "ended rows forgotten")
        }
    }

    func testATerminalNotSeenFor10SecondsIsGoneAndOneSeenIsListed() throws {
        let store = try newStore()
        try store.announce(terminal("fac", seen: 100))
        try store.announce(terminal("g1", seen: 100, group: 1))
        XCTAssertEqual(try store.terminals(now: 109).map(\.id), ["fac", "g1"], "facilitator first")
        try store.heartbeat(id: "g1", now: 108, field: HistoryField.entry(7))
        let seen = try store.terminals(now: 110)
        XCTAssertEqual(seen.map(\.id), ["g1"], "not seen for 10 s: gone")
        XCTAssertEqual(seen.first?.field, "entry:7")
        XCTAssertEqual(seen.first?.groupID, 1)
        XCTAssertEqual(seen.first?.role, .participant)
        XCTAssertEqual(try store.terminals(now: 130, stale: 30).map(\.id), ["g1"], "stale is a parameter")

        // A minute later the rows are deleted; a heartbeat then says so, and announcing returns.
        XCTAssertEqual(try store.terminals(now: 200), [])
        try store.queue.read { db in XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM terminals"), 0) }
        XCTAssertFalse(try store.heartbeat(id: "g1", now: 200, field: nil))
        try store.announce(terminal("g1", seen: 200, group: 1))
        XCTAssertTrue(try store.heartbeat(id: "g1", now: 201, field: nil))
        try store.leave(id: "g1")
        XCTAssertEqual(try store.terminals(now: 202), [])
    }

    func testCurrentTerminalTakesUserAndHostFromTheEnvironment() {
        let ssh = TerminalPresence.current(role: .participant, groupID: 3, environment: [
            "USER": "anna", "SSH_CONNECTION": "10.0.0.7 51234 10.0.0.1 22"], now: 5)
        XCTAssertEqual(ssh.user, "anna")
        XCTAssertEqual(ssh.host, "10.0.0.7", "the client's address")
        XCTAssertFalse(ssh.isLocal)
        XCTAssertEqual(ssh.pid, getpid())
        XCTAssertEqual(ssh.groupID, 3)
        XCTAssertEqual(ssh.startedAt, 5)
        XCTAssertEqual(ssh.lastSeen, 5)

        let local = TerminalPresence.current(role: .facilitator, groupID: nil, environment: [:], now: 5)
        XCTAssertEqual(local.host, "lokal")
        XCTAssertEqual(local.hostLabel.en, "local")
        XCTAssertFalse(local.user.isEmpty, "from the password database")
        XCTAssertNotEqual(local.id, ssh.id, "a random id each")

        let here = TerminalPresence.current(role: .facilitator, groupID: nil)
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { XCTAssertEqual(here.user, user) }
    }

    // MARK: lock

    func testLockRoundTrip() throws {
        let store = try newStore()
        XCTAssertEqual(try store.lockState().locked, false)
        XCTAssertNil(try store.lockState().reason)
        try store.setLocked(true, reason: "Frokost – vi fortsætter 12.00")
        let other = try SessionStore.open(path: store.path)
        XCTAssertEqual(try other.lockState().locked, true)
        XCTAssertEqual(try other.lockState().reason, "Frokost – vi fortsætter 12.00")
        try other.setLocked(false, reason: "ignored")
        XCTAssertEqual(try store.lockState().locked, false)
        XCTAssertNil(try store.lockState().reason, "unlocking clears the reason")
    }

    // MARK: schema v3

    func testAVersion2FileIsMigratedToVersion3() throws {
        let path = dir + "/v2.tovholder"
        let q = try DatabaseQueue(path: path, configuration: SessionStore.configuration())
        try q.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA application_id = \(SessionStore.applicationID)")
        }
        try SessionSchema.migrator.migrate(q, upTo: "v2")
        let json = String(decoding: try JSONEncoder().encode(TestProgramme.day()), as: UTF8.self)
        try q.write { db in
            try db.execute(sql: "INSERT INTO programme(id, template_name, json, created_at) VALUES (1, 't', ?, 0)",
                           arguments: [json])
            try db.execute(sql: "INSERT INTO position(id, item_index, step) VALUES (1, 1, 0)")
            try db.execute(sql: "INSERT INTO plenum_notes(item_id, text, updated_at) VALUES ('plenum', 'Før', 0)")
        }
        try q.close()

        // Several terminals opening the old file at once all succeed (one migrates).
        let errors = NSLock()
        var failures: [Error] = []
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do { _ = try SessionStore.open(path: path) } catch {
                errors.lock(); failures.append(error); errors.unlock()
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures)")

        let store = try SessionStore.open(path: path)
        try store.queue.read { db in
            XCTAssertEqual(Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")),
                           ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"])
        }
        XCTAssertEqual(try store.load().currentIndex, 1, "v2 data kept")
        XCTAssertEqual(try store.loadWorkshop().plenumNotes["plenum"], "Før")
        XCTAssertEqual(try store.lockState().locked, false)
        XCTAssertEqual(try store.terminals(now: 0), [])
        let before = try store.revision()
        try store.setPlenumNote(itemID: "plenum", text: "Efter")
        XCTAssertGreaterThan(try store.revision(), before, "triggers installed")
    }

    // MARK: busy handling and file systems

    func testBusyIsRetriedAndOtherwiseReportedClearly() throws {
        let store = try newStore()
        var calls = 0
        let value: Int = try store.retryingBusy {
            calls += 1
            if calls < 3 { throw DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked") }
            return 7
        }
        XCTAssertEqual(value, 7)
        XCTAssertEqual(calls, 3)

        calls = 0
        XCTAssertThrowsError(try store.retryingBusy { () -> Int in
            calls += 1
            throw DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked")
        }) { error in
            XCTAssertEqual(error as? SessionError, .busy(path: store.path))
            XCTAssertFalse((error as! SessionError).message.da.contains("locked"))
        }
        XCTAssertEqual(calls, SessionStore.busyAttempts)

        calls = 0
        XCTAssertThrowsError(try store.retryingBusy { () -> Int in
            calls += 1
            throw WorksheetError.emptyGroupName
        })
        XCTAssertEqual(calls, 1, "only busy is retried")
    }

    func testNoNetworkFileSystemWarningForALocalFolder() throws {
        XCTAssertNil(SessionStore.networkFileSystemWarning(path: dir))
        XCTAssertNil(SessionStore.networkFileSystemWarning(path: dir + "/ikke-oprettet.tovholder"))
        let store = try newStore()
        XCTAssertNil(SessionStore.networkFileSystemWarning(path: store.path))
        XCTAssertNil(SessionStore.networkFileSystem(at: dir + "/findes/ikke"), "statfs fails: no warning")
    }
}
