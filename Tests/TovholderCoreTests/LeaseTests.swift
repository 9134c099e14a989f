import Foundation
import GRDB
import XCTest
@testable import TovholderCore

/// Field leases: the policy against two terminals silently overwriting one field.
final class LeaseTests: StoreTestCase {
    func lease(_ label: String, _ until: Double) -> Lease { Lease(label: label, expiresAt: until) }

    func testGrantedHeldExpiredRenewedAndReleased() throws {
        let store = try newStore()
        let f = FieldRef.entry(1), g = FieldRef.plenumNote(itemID: "plenum")
        XCTAssertEqual(try store.acquireLease(field: f, holder: "A", label: "Gruppe 1", now: 100, ttl: 15), .granted)
        XCTAssertEqual(try store.acquireLease(field: f, holder: "B", label: "Gruppe 2", now: 101, ttl: 15),
                       .heldBy(lease("Gruppe 1", 115)), "says who and until when")
        XCTAssertEqual(try store.activeLeases(now: 101), [f: lease("Gruppe 1", 115)])

        // Asking again for our own field renews it.
        XCTAssertEqual(try store.acquireLease(field: f, holder: "A", label: "Gruppe 1", now: 110, ttl: 15), .granted)
        XCTAssertEqual(try store.acquireLease(field: f, holder: "B", label: "Gruppe 2", now: 120, ttl: 15),
                       .heldBy(lease("Gruppe 1", 125)))
        XCTAssertTrue(try store.renewLease(field: f, holder: "A", now: 124, ttl: 15))
        XCTAssertEqual(try store.acquireLease(field: f, holder: "B", label: "Gruppe 2", now: 138, ttl: 15),
                       .heldBy(lease("Gruppe 1", 139)))

        // Expired: another terminal may take it, and the old holder learns it lost it.
        XCTAssertEqual(try store.activeLeases(now: 139), [:])
        XCTAssertEqual(try store.acquireLease(field: f, holder: "B", label: "Gruppe 2", now: 139, ttl: 15), .granted)
        XCTAssertFalse(try store.renewLease(field: f, holder: "A", now: 140, ttl: 15))
        XCTAssertEqual(try store.acquireLease(field: f, holder: "A", label: "Gruppe 1", now: 140, ttl: 15),
                       .heldBy(lease("Gruppe 2", 154)))

        // Releasing someone else's lease does nothing; releasing one's own frees it.
        try store.releaseLease(field: f, holder: "A")
        XCTAssertEqual(try store.activeLeases(now: 141).keys.sorted { "\($0)" < "\($1)" }, [f])
        try store.releaseLease(field: f, holder: "B")
        XCTAssertEqual(try store.acquireLease(field: f, holder: "A", label: "Gruppe 1", now: 142, ttl: 15), .granted)

        XCTAssertEqual(try store.acquireLease(field: g, holder: "A", label: "Gruppe 1", now: 142, ttl: 5), .granted)
        XCTAssertEqual(Set(try store.activeLeases(now: 146).keys), [f, g])
        XCTAssertEqual(Set(try store.activeLeases(now: 148).keys), [f], "ttl is a parameter")
        try store.releaseAll(holder: "A")
        XCTAssertEqual(try store.activeLeases(now: 143), [:])

        // The facilitator breaks a lease; leaving frees a terminal's fields.
        XCTAssertEqual(try store.acquireLease(field: f, holder: "A", label: "Gruppe 1", now: 150), .granted)
        try store.breakLease(field: f)
        XCTAssertEqual(try store.acquireLease(field: f, holder: "B", label: "Gruppe 2", now: 151), .granted)
        try store.leave(id: "B")
        XCTAssertEqual(try store.activeLeases(now: 152), [:])
    }

    func testALeaseLastsThirtySecondsByDefault() throws {
        let store = try newStore()
        XCTAssertEqual(try store.acquireLease(field: .entry(1), holder: "A", label: "Gruppe 1", now: 100), .granted)
        XCTAssertEqual(try store.activeLeases(now: 129.9)[.entry(1)]?.expiresAt, 130)
        XCTAssertEqual(try store.activeLeases(now: 130), [:], "given back 30 s after the last keystroke")
    }

    func testTheFacilitatorTakesOverAndAReconnectedParticipantGetsItsOwnFieldBack() throws {
        let store = try newStore()
        let f = FieldRef.agreement(groupID: 1, .tovholder)
        XCTAssertEqual(try store.acquireLease(field: f, holder: "old", label: "Gruppe 1 (anna, lokal)", now: 100), .granted)
        // The same group, user and host from a new process: the old lease is its own.
        XCTAssertEqual(try store.acquireLease(field: f, holder: "new", label: "Gruppe 1 (anna, lokal)", now: 101), .granted)
        XCTAssertFalse(try store.renewLease(field: f, holder: "old", now: 102), "the old process lost it")
        XCTAssertEqual(try store.acquireLease(field: f, holder: "other", label: "Gruppe 1 (bo, lokal)", now: 103),
                       .heldBy(lease("Gruppe 1 (anna, lokal)", 131)))
        XCTAssertEqual(try store.acquireLease(field: f, holder: "fac", label: "Facilitator (kim, lokal)", now: 104,
                                              takeOver: true), .granted)
        XCTAssertEqual(try store.heldLeases(now: 105)[f]?.holder, "fac")
    }

    func testALeaseOfATerminalThatStoppedShowingSignsOfLifeCountsForNothing() throws {
        let store = try newStore()
        let killed = TerminalPresence(id: "killed", role: .participant, groupID: 1, user: "anna", host: "lokal", pid: 1,
                                      startedAt: 100, lastSeen: 100)
        try store.announce(killed)
        XCTAssertEqual(try store.acquireLease(field: .entry(3), holder: "killed", label: "Gruppe 1", now: 100), .granted)
        XCTAssertEqual(try store.activeLeases(now: 109).count, 1, "alive until 10 s without a heartbeat")
        XCTAssertEqual(try store.activeLeases(now: 111), [:])
        XCTAssertEqual(try store.acquireLease(field: .entry(3), holder: "B", label: "Gruppe 2", now: 111), .granted)
    }

    func testFieldNamesRoundTripThroughTheirHistoryNames() {
        let fields: [FieldRef] = [.entry(4), .plenumNote(itemID: "plenum-1"), .agreement(groupID: 2, .nextDate),
                                  .agreementRow(id: 9, .dueText)]
        for f in fields { XCTAssertEqual(FieldRef(historyName: f.historyName!), f) }
        XCTAssertNil(FieldRef.groupName(1).historyName)
        XCTAssertNil(FieldRef(historyName: "entry:x"))
        XCTAssertNil(FieldRef(historyName: "agreement:1:nope"))
    }

    func testTwoConnectionsRacingForAFieldAreNeverBothGranted() throws {
        let store = try newStore()
        let stores = [store, try SessionStore.open(path: store.path)]
        let fields = (0..<150).map { FieldRef.entry(Int64($0)) }
        let lock = NSLock()
        var granted: [FieldRef: [String]] = [:]
        var failures: [Error] = []
        DispatchQueue.concurrentPerform(iterations: 4) { w in
            let holder = "T\(w)"
            for field in fields {
                do {
                    if try stores[w % 2].acquireLease(field: field, holder: holder, label: holder, now: 1000) == .granted {
                        lock.lock(); granted[field, default: []].append(holder); lock.unlock()
                    }
                } catch {
                    lock.lock(); failures.append(error); lock.unlock()
                }
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures)")
        for field in fields { XCTAssertEqual(granted[field]?.count, 1, "\(field): \(granted[field] ?? [])") }
        let leases = try store.activeLeases(now: 1000)
        for field in fields { XCTAssertEqual(leases[field]?.label, granted[field]?.first) }
    }
}
