import Foundation
import GRDB
import XCTest
@testable import TovholderCore

/// The SSH service's row and codes in the session file (schema v6).
final class SSHServiceStoreTests: StoreTestCase {
    func testOpeningGivesEveryActiveGroupAUserAndADistinctCode() throws {
        let store = try newStore()
        let removed = try store.addGroup(name: "Væk")
        try store.removeGroup(id: removed.id)
        try store.openService(port: 2222, address: "10.0.0.5", fingerprint: "SHA256:abc")
        let service = try XCTUnwrap(try store.service())
        let groups = try store.loadWorkshop().activeGroups
        XCTAssertEqual(service.codes.map(\.groupID), groups.map(\.id), "a code per active group, none for a removed one")
        XCTAssertEqual(Set(service.codes.map(\.code)).count, groups.count)
        XCTAssertEqual(service.port, 2222)
        XCTAssertEqual(service.pid, getpid())
        XCTAssertEqual(try store.load().service, service, "loaded with the session, for the console and projector")
    }

    func testRenewingChangesEveryCodeAndKeepsTheService() throws {
        let store = try newStore()
        try store.openService(port: 2222, address: "10.0.0.5", fingerprint: "SHA256:abc")
        let before = try XCTUnwrap(try store.service())
        let revision = try store.revision()
        try store.renewCodes()
        let after = try XCTUnwrap(try store.service())
        XCTAssertEqual(after.codes.map(\.user), before.codes.map(\.user))
        for (a, b) in zip(after.codes, before.codes) { XCTAssertNotEqual(a.code, b.code) }
        XCTAssertGreaterThan(try store.revision(), revision, "other terminals reload the join lines")
    }

    /// A serve killed with -9 leaves its row; a later process with the same number (a shell,
    /// a sleep) is no serve: its start time is after the row's.
    func testARowWhosePidWasReusedIsNoService() throws {
        let store = try newStore()
        let (pid, began) = try runningProcess()
        try store.openService(port: 2222, address: "10.0.0.5", fingerprint: "SHA256:abc", pid: pid, startedAt: began - 0.2)
        XCTAssertNil(try store.service(), "a process begun 0.2 s after the one that wrote the row is not it")
        try store.openService(port: 2222, address: "10.0.0.5", fingerprint: "SHA256:abc", pid: pid)
        XCTAssertNotNil(try store.service(), "the same process: running")
    }

    /// serve's notices: kept in the file for the console, the newest few, gone when it stops.
    func testNoticesAreKeptNewestLastAndGoWithTheService() throws {
        let store = try newStore()
        try store.openService(port: 2222, address: "10.0.0.5", fingerprint: "SHA256:abc")
        let revision = try store.revision()
        for n in 1...25 {
            try store.addServeNotice(ServeNotice(at: Double(n), kind: .failure, text: Localized(da: "fejl \(n)", en: "failure \(n)")))
        }
        try store.addServeNotice(ServeNotice(at: 26, kind: .silent, text: Localized(da: "ingen", en: "nobody")))
        XCTAssertGreaterThan(try store.revision(), revision, "the console reloads and shows them")
        let service = try XCTUnwrap(try store.service())
        XCTAssertEqual(service.notices.count, 20, "a flood of failures does not grow the file")
        XCTAssertEqual(service.recentFailures.map(\.text.en), (21...25).map { "failure \($0)" })
        XCTAssertTrue(service.isUnreached)
        try store.clearServeNotices(.silent)
        XCTAssertFalse(try XCTUnwrap(try store.service()).isUnreached)
        try store.closeService()
        try store.queue.read { db in XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ssh_notices"), 0) }
    }

    func testRenewingWithoutAServiceWritesNoCodes() throws {
        let store = try newStore()
        try store.renewCodes()
        try store.queue.read { db in XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ssh_codes"), 0) }
    }

    func testClosingRemovesEveryCodeButOnlyForTheServingProcess() throws {
        let store = try newStore()
        try store.openService(port: 2222, address: "10.0.0.5", fingerprint: "SHA256:abc")
        try store.closeService(pid: getpid() + 1)
        XCTAssertNotNil(try store.service(), "another process's close leaves it")
        try store.closeService()
        XCTAssertNil(try store.service())
        try store.queue.read { db in XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ssh_codes"), 0) }
    }

    func testAKilledServersRowIsNoService() throws {
        let store = try newStore()
        try store.openService(port: 2222, address: "10.0.0.5", fingerprint: "SHA256:abc", pid: PresenceTests.gonePID)
        XCTAssertNil(try store.service(), "its codes are not valid: no process answers them")
    }
}
