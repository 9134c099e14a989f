import Foundation
import XCTest
@testable import TovholderCore

/// What must not run under people (`reset --all`, `restore`) asks who has the day open by
/// process, not by heartbeat: a participant stopped for 13 s is still there.
final class OpenTerminalsTests: StoreTestCase {
    func testAStoppedParticipantWhoseProcessRunsStillHoldsTheDay() throws {
        let store = try newStore()
        let (pid, began) = try runningProcess()
        let now = Date().timeIntervalSince1970
        try store.announce(TerminalPresence(id: "anna", role: .participant, groupID: 1, user: "anna", host: "10.0.0.7",
                                            pid: pid, startedAt: began, lastSeen: now - 13))
        let holders = try OpenTerminals.holders(of: store.path, now: now)
        XCTAssertEqual(holders.count, 1)
        XCTAssertTrue(holders[0].description.contains("anna") && holders[0].description.contains("10.0.0.7"), "\(holders)")
    }

    func testAGoneTerminalAndAReusedNumberHoldNothing() throws {
        let store = try newStore()
        let now = Date().timeIntervalSince1970
        try store.announce(TerminalPresence(id: "gone", role: .participant, groupID: 1, user: "kim", host: "lokal",
                                            pid: PresenceTests.gonePID, startedAt: now - 600, lastSeen: now - 60))
        // The row's terminal began 100 s before this test's process did: the number was reused.
        let began = try XCTUnwrap(SessionStore.processStart(getpid()))
        try store.announce(TerminalPresence(id: "reused", role: .participant, groupID: 2, user: "bo", host: "lokal",
                                            pid: getpid(), startedAt: began - 100, lastSeen: now - 60))
        XCTAssertEqual(try OpenTerminals.holders(of: store.path, now: now), [])
    }

    func testARunningServeHoldsTheDay() throws {
        let store = try newStore()
        try store.openService(port: 2222, address: "10.0.0.5", fingerprint: "SHA256:x")
        XCTAssertTrue(try OpenTerminals.holders(of: store.path).contains { $0.description.contains("tovholder serve (port 2222") })
    }
}
