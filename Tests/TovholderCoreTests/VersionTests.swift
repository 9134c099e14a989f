import Foundation
import XCTest
@testable import TovholderCore

/// Bringing back an earlier version of a field: nothing it replaces is lost.
final class VersionTests: StoreTestCase {

    func firstGoal(_ store: SessionStore) throws -> Int64 {
        let w = try store.loadWorkshop()
        return w.worksheets[w.groups[0].id]!.goals[0].id
    }

    func testRestoringKeepsTheReplacedTextAndVersionsListsIt() throws {
        let store = try newStore()
        let goal = try firstGoal(store), field = FieldRef.entry(goal)
        try store.setText(entryID: goal, text: "Færre sygedage", author: "Anna", now: 10)
        try store.setText(entryID: goal, text: "Trivsel på arbejdet", author: "Bo", now: 20)
        XCTAssertEqual(try store.versions(field: field).map(\.text), ["Trivsel på arbejdet", "Færre sygedage"])

        try store.restore(field: field, text: "Færre sygedage", author: "Kim", now: 30)
        let versions = try store.versions(field: field)
        XCTAssertEqual(versions.map(\.text), ["Færre sygedage", "Trivsel på arbejdet", "Færre sygedage"], "newest first")
        XCTAssertEqual(versions.map(\.author), ["Kim", "Bo", "Anna"])
        XCTAssertEqual(versions.map(\.at), [30, 20, 10])
        XCTAssertTrue(try store.history(field: field.historyName!).map(\.text).contains("Trivsel på arbejdet"))

        // Even a version that holds the current text keeps it (typing on would not).
        try store.setText(entryID: goal, text: "Færre", now: 40)
        try store.restore(field: field, text: "Færre sygedage\0!", now: 40.5)
        XCTAssertEqual(try store.versions(field: field).prefix(2).map(\.text), ["Færre sygedage\0!", "Færre"])
        XCTAssertEqual(try store.loadWorkshop().worksheets.values.compactMap { $0.goals.first { $0.id == goal } }.first?.text,
                       "Færre sygedage\0!", "NUL kept")
    }

    func testRestoringAPlenumNoteAndUnknownFields() throws {
        let store = try newStore()
        let field = FieldRef.plenumNote(itemID: "plenum")
        XCTAssertEqual(try store.versions(field: field).count, 0, "no note yet")
        try store.setPlenumNote(itemID: "plenum", text: "Første runde", now: 10)
        try store.setPlenumNote(itemID: "plenum", text: "Anden runde", now: 20)
        try store.restore(field: field, text: "Første runde", now: 30)
        XCTAssertEqual(try store.loadWorkshop().plenumNotes["plenum"], "Første runde")
        XCTAssertEqual(try store.versions(field: field).map(\.text), ["Første runde", "Anden runde", "Første runde"])

        XCTAssertThrowsError(try store.restore(field: .groupName(1), text: "x"), "a name has no history") {
            XCTAssertEqual($0 as? WorksheetError, .unknownField(""))
        }
        XCTAssertNil(FieldRef(historyName: "noget:1"))
        XCTAssertThrowsError(try store.restore(field: .entry(9999), text: "x")) {
            XCTAssertEqual($0 as? WorksheetError, .entryNotFound(9999))
        }
    }
}
