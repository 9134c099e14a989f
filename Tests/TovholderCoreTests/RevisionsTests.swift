import Foundation
import GRDB
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

    /// Every table a terminal reads has triggers that move its own area, in a new file and in
    /// one migrated from an old version alike: a table without them would never reload.
    func testEveryReadTableMovesItsAreaInNewAndMigratedFiles() throws {
        try checkTriggers(try newStore())
        // A file made at v5 and opened now runs v6, v7 and v8 in turn.
        let (path, q) = try oldSession("v5.tovholder", upTo: "v5")
        try q.close()
        try checkTriggers(try SessionStore.open(path: path))
    }

    func checkTriggers(_ store: SessionStore, file: StaticString = #filePath, line: UInt = #line) throws {
        try store.queue.read { db in
            for (area, tables) in Revisions.tables {
                for table in tables {
                    for event in ["insert", "update", "delete"] {
                        let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                                      arguments: ["revision_\(table)_\(event)"])
                        XCTAssertTrue(sql?.contains("\(area.rawValue) = \(area.rawValue) + 1") == true, "\(table) \(event)",
                                      file: file, line: line)
                    }
                }
            }
        }
    }
}
