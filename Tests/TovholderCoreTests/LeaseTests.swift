import Foundation
import GRDB
import XCTest
@testable import TovholderCore

/// Field leases: the policy against two terminals silently overwriting one field.
final class LeaseTests: StoreTestCase {

    func testGrantedHeldExpiredRenewedAndReleased() throws {
        let store = try newStore()
        let f = HistoryField.entry(1), g = HistoryField.plenum("plenum")
        XCTAssertEqual(try store.acquireLease(field: f, holder: "A", label: "Gruppe 1", now: 100), .granted)
        XCTAssertEqual(try store.acquireLease(field: f, holder: "B", label: "Gruppe 2", now: 101), .heldBy(label: "Gruppe 1"))
        XCTAssertEqual(try store.activeLeases(now: 101), [f: "Gruppe 1"])

        // Asking again for our own field renews it.
        XCTAssertEqual(try store.acquireLease(field: f, holder: "A", label: "Gruppe 1", now: 110), .granted)
        XCTAssertEqual(try store.acquireLease(field: f, holder: "B", label: "Gruppe 2", now: 120), .heldBy(label: "Gruppe 1"))
        XCTAssertTrue(try store.renewLease(field: f, holder: "A", now: 124))
        XCTAssertEqual(try store.acquireLease(field: f, holder: "B", label: "Gruppe 2", now: 138), .heldBy(label: "Gruppe 1"))

        // Expired: another terminal may take it, and the old holder learns it lost it.
        XCTAssertEqual(try store.activeLeases(now: 139), [:])
        XCTAssertEqual(try store.acquireLease(field: f, holder: "B", label: "Gruppe 2", now: 139), .granted)
        XCTAssertFalse(try store.renewLease(field: f, holder: "A", now: 140))
        XCTAssertEqual(try store.acquireLease(field: f, holder: "A", label: "Gruppe 1", now: 140), .heldBy(label: "Gruppe 2"))

        // Releasing someone else's lease does nothing; releasing one's own frees it.
        try store.releaseLease(field: f, holder: "A")
        XCTAssertEqual(try store.activeLeases(now: 141), [f: "Gruppe 2"])
        try store.releaseLease(field: f, holder: "B")
        XCTAssertEqual(try store.acquireLease(field: f, holder: "A", label: "Gruppe 1", now: 142), .granted)

        XCTAssertEqual(try store.acquireLease(field: g, holder: "A", label: "Gruppe 1", now: 142, ttl: 5), .granted)
        XCTAssertEqual(try store.activeLeases(now: 146), [f: "Gruppe 1", g: "Gruppe 1"])
        XCTAssertEqual(try store.activeLeases(now: 148), [f: "Gruppe 1"], "ttl is a parameter")
        try store.releaseAll(holder: "A")
        XCTAssertEqual(try store.activeLeases(now: 143), [:])

        // The facilitator breaks a lease; leaving frees a terminal's fields.
        XCTAssertEqual(try store.acquireLease(field: f, holder: "A", label: "Gruppe 1", now: 150), .granted)
        try store.breakLease(field: f)
        XCTAssertEqual(try store.acquireLease(field: f, holder: "B", label: "Gruppe 2", now: 151), .granted)
        try store.leave(id: "B")
        XCTAssertEqual(try store.activeLeases(now: 152), [:])
    }

    func testTwoConnectionsRacingForAFieldAreNeverBothGranted() throws {
        let store = try newStore()
        let stores = [store, try SessionStore.open(path: store.path)]
        let fields = (0..<150).map { HistoryField.entry(Int64($0)) }
        let lock = NSLock()
        var granted: [String: [String]] = [:]
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
        for field in fields { XCTAssertEqual(leases[field], granted[field]?.first) }
    }
}
