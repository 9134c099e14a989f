import Foundation
import XCTest
@testable import TovholderCore

/// A counter per area (schema v6): a terminal reloads only what another one changed.
final class RevisionsTests: StoreTestCase {
    func testEachEditMovesItsOwnAreaAndTheTotal() throws {
        let store = try newStore()
        let other = try SessionStore.open(path: store.path)
        let w = try store.loadWorkshop()
        let group = w.groups[0].id
        let goal = w.worksheets[group]!.goals[0].id
        func moves(_ what: String, _ areas: Set<Revisions.Area>, _ edit: () throws -> Void) throws {
            let before = try other.revisions()
            try edit()
            let after = try other.revisions()
            XCTAssertGreaterThan(after.total, before.total, what)
            XCTAssertEqual(after.changed(since: before), areas, what)
        }
        try moves("entry text", [.workshop]) { try store.setText(entryID: goal, text: "Færre sygedage") }
        try moves("new group", [.workshop]) { _ = try store.addGroup(name: "Nye") }
        try moves("plenum note", [.workshop]) { try store.setPlenumNote(itemID: "plenum", text: "Noter") }
        try moves("position", [.session]) {
            var s = try store.load()
            try store.save(s.goNext(at: 10), of: s)
        }
        try moves("agreement", [.agreements]) { try store.setAgreementField(groupID: group, field: .perspectives, text: "Borgerne") }
        try moves("serve starts", [.session]) { try store.openService(port: 2222, address: "10.0.0.5", fingerprint: "SHA256:x") }
        try moves("new codes", [.session]) { try store.renewCodes() }
        try moves("lock", []) { try store.setLocked(true, reason: "Frokost") }
    }

    func testNothingEarlierMeansEverything() {
        let r = Revisions(total: 3, session: 1, workshop: 1, agreements: 1)
        XCTAssertEqual(r.changed(since: nil), Set(Revisions.Area.allCases))
        XCTAssertEqual(r.changed(since: r), [])
    }
}
