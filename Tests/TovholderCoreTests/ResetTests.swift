import Foundation
import GRDB
import XCTest
@testable import TovholderCore

/// Starting the day afresh after a rehearsal (`SessionStore.reset`).
final class ResetTests: StoreTestCase {
    typealias T = TestProgramme

    /// The evening before: the day moved on and timed, a vote, a part hidden, the projector
    /// blank, a programme change, the sheets locked — and the groups' work written meanwhile.
    func rehearse(_ store: SessionStore) throws {
        var state = try store.load()
        var changes: [SessionChange] = []
        changes += state.goNext(at: T.at(18, 0))
        changes += state.go(to: 3, at: T.at(18, 2))
        changes += state.toggleTimer(at: T.at(18, 5))
        state.projection = Projection(shows: .agenda, blank: true, page: 2)
        state.hiddenParts = [.goals]
        try store.save(changes + [.projection, .hiddenParts], of: state)
        try store.setLocked(true, reason: "Tak for i dag")

        let groups = try store.loadWorkshop().activeGroups.map(\.id)
        let goal = try XCTUnwrap(try store.loadWorkshop().worksheets[groups[0]]?.goals.first)
        try store.setText(entryID: goal.id, text: "Færre sygedage", author: "anna", now: T.at(18, 1))
        try store.setText(entryID: goal.id, text: "Borgeren først", author: "bo", now: T.at(18, 2))
        let mechanism = try store.addEntry(groupID: groups[0], kind: .mechanism, text: "Tillid", now: T.at(18, 3))
        try store.setLinks(entryID: mechanism.id, targets: [goal.id])
        _ = try store.addGroup(name: "Gruppe 3", now: T.at(18, 4))
        try store.setPlenumNote(itemID: "maal", text: "Vi vil færre sygedage", now: T.at(18, 6))
        try store.setItemNote(itemID: "velkommen", text: "Husk kaffe", now: T.at(18, 7))
        try store.setAgreementField(groupID: groups[0], field: .tovholder, text: "Anna", now: T.at(18, 8))
        let row = try store.addAgreementRow(groupID: groups[0])
        try store.setAgreementRow(id: row.id, who: "Bo", knowledge: "Tal", now: T.at(18, 9))
        _ = try store.addRoadmapEntry(from: CalendarDate(year: 2024, month: 3, day: 1)!, title: "Opfølgning")
        let deck = Deck(id: "test", title: "Testkort", cards: [DialogueCard(id: "a", title: "A", questions: ["a1?"])])
        try store.dealCards(groupIDs: [groups[0]], deck: deck, shuffle: { $0 })
        let deal = try XCTUnwrap(try store.loadWorkshop().card(of: groups[0]))
        try store.setCardAnswer(dealID: deal.id, question: 0, text: "Svar", author: "anna", now: T.at(18, 10))
        let vote = try store.startVote(itemID: "maal", part: .goals, scope: .all, dots: 2, now: T.at(18, 11))
        XCTAssertEqual(try store.toggleDot(voteID: vote, terminal: "t1", entryID: goal.id, groupID: nil), .given)
        _ = try store.acquireLease(field: .entry(goal.id), holder: "t1", label: "Gruppe 1")
        try store.announce(TerminalPresence.current(role: .participant, groupID: groups[0]))
        try store.writing { db in
            try db.execute(sql: "INSERT INTO programme_changes(at, change) VALUES (?, 'Pause flyttet')", arguments: [T.at(18, 12)])
            try db.execute(sql: """
                INSERT INTO earlier_agreements(group_id, day, who, knowledge, due_text, position)
                VALUES (?, '2023-11-01', 'Anna', 'Tal', '1/12', 1)
                """, arguments: [groups[0]])
        }
    }

    /// Every table's rows, as text, in rowid order.
    func tables(_ store: SessionStore) throws -> [String: [[String]]] {
        try store.reading { db in
            let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            var all: [String: [[String]]] = [:]
            for name in names {
                all[name] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(name)\" ORDER BY rowid").map { row in
                    row.databaseValues.map(\.description)
                }
            }
            return all
        }
    }

    func testEveryTableIsClassifiedOnce() throws {
        let store = try newStore()
        let lists = SessionStore.runningTables + SessionStore.settingTables + SessionStore.workTables
            + SessionStore.untouchedTables
        XCTAssertEqual(lists.count, Set(lists).count, "no table in two lists")
        XCTAssertEqual(Set(try tables(store).keys).subtracting(["grdb_migrations"]), Set(lists),
                       "a new table must say whether a reset clears it (SessionReset.swift)")
    }

    func testResetKeepsTheWorkAndClearsTheRunningDay() throws {
        let store = try newStore()
        try rehearse(store)
        let before = try tables(store)
        let revisionsBefore = try store.revisions()
        for table in SessionStore.runningTables + SessionStore.workTables {
            XCTAssertFalse(before[table]!.isEmpty, "the rehearsal fills \(table)")
        }

        try store.reset(all: false, now: T.at(19, 0), utcOffsetSeconds: 0)

        let after = try tables(store)
        for table in SessionStore.workTables + SessionStore.untouchedTables where table != "revision" {
            XCTAssertEqual(after[table], before[table], "\(table) kept")
        }
        for table in SessionStore.runningTables { XCTAssertEqual(after[table], [], "\(table) cleared") }
        let fresh = try tables(try newStore("ny.tovholder"))
        for table in SessionStore.settingTables { XCTAssertEqual(after[table], fresh[table], "\(table) as new") }

        let state = try store.load()
        XCTAssertEqual(state.currentIndex, 0)
        XCTAssertEqual(state.currentStep, 0)
        XCTAssertTrue(state.items.isEmpty, "no timers, no actual starts")
        XCTAssertEqual(state.projection, Projection())
        XCTAssertEqual(state.hiddenParts, [])
        XCTAssertFalse(try store.lockState().locked)
        XCTAssertTrue(try store.loadWorkshop().votes.isEmpty)

        // Every other terminal reloads the day and the worksheets (the votes went); the
        // agreements were not touched.
        let revisions = try store.revisions()
        XCTAssertGreaterThan(revisions.total, revisionsBefore.total)
        XCTAssertEqual(revisions.changed(since: revisionsBefore), [.session, .workshop])
    }

    func testResetAllLeavesExactlyWhatCreateLeaves() throws {
        let store = try newStore()
        try rehearse(store)
        let before = try tables(store)
        let revisionsBefore = try store.revisions()

        try store.reset(all: true, now: 0, utcOffsetSeconds: 0)

        let after = try tables(store)
        let fresh = try tables(try newStore("ny.tovholder"))
        for table in Set(after.keys).union(fresh.keys).subtracting(["revision", "terminals", "session_identity"]) {
            XCTAssertEqual(after[table], fresh[table], "\(table) as in a new session")
        }
        XCTAssertEqual(after["terminals"], before["terminals"], "running terminals stay on the list")
        XCTAssertEqual(after["session_identity"], before["session_identity"], "still the same session: its journal belongs")
        XCTAssertEqual(after["programme"], before["programme"], "the programme is kept")
        XCTAssertEqual(try store.loadWorkshop().activeGroups.map(\.name), ["Gruppe 1", "Gruppe 2"])
        XCTAssertEqual(try store.loadRoadmap().map(\.title), ["Udviklingsdag", "Prøvehandlinger"])
        XCTAssertEqual(try store.revisions().changed(since: revisionsBefore), [.session, .workshop, .agreements])
    }

    func testTheSnapshotHoldsTheRehearsalIsNeverThinnedAndBringsItBack() throws {
        let store = try newStore()
        try rehearse(store)
        try store.writing { db in try db.execute(sql: "DELETE FROM terminals") }  // a restore wants none alive
        let snapshot = try store.reset(all: true, now: T.at(19, 0), utcOffsetSeconds: 0)
        XCTAssertEqual(snapshot.name, "2023-12-05 19.00.00 før nulstilling.tovholder")
        XCTAssertEqual(Snapshots.list(session: store.path).map(\.path), [snapshot.path])
        XCTAssertEqual(Snapshots.summary(of: snapshot.path)?.item, 4, "the rehearsal's position")
        let aWeekLater = Snapshot(path: snapshot.path, takenAt: T.at(19, 0), bytes: 1)
        XCTAssertEqual(Snapshots.toThin([aWeekLater, Snapshot(path: "x/2023-12-05 19.01.00.tovholder", takenAt: T.at(19, 1),
                                                               bytes: 1)], now: T.at(19, 0) + 7 * 86_400), [],
                       "a reset's snapshot never takes the place of the day's")
        XCTAssertEqual(try store.reset(all: false, now: T.at(19, 0), utcOffsetSeconds: 0).name,
                       "2023-12-05 19.00.00 før nulstilling-2.tovholder", "a second reset in the same second")

        try Snapshots.restore(session: store.path, from: snapshot.path, now: T.at(19, 5), utcOffsetSeconds: 0)
        let back = try SessionStore.open(path: store.path)
        XCTAssertEqual(try back.load().currentIndex, 3)
        XCTAssertFalse(try back.load().items.isEmpty)
        let sheet = try XCTUnwrap(try back.loadWorkshop().worksheets.values.first { $0.goals.contains { $0.text == "Borgeren først" } })
        XCTAssertEqual(sheet.mechanisms.map(\.text), ["Tillid"])
    }

    func testASnapshotThatCannotBeTakenResetsNothing() throws {
        let store = try newStore()
        try rehearse(store)
        let before = try tables(store)
        // A file where the snapshot folder would be: no snapshot, so no reset.
        _ = FileManager.default.createFile(atPath: Snapshots.folder(of: store.path), contents: Data("x".utf8))
        XCTAssertThrowsError(try store.reset(all: true, now: T.at(19, 0), utcOffsetSeconds: 0)) {
            XCTAssertEqual($0 as? SnapshotError, .cannotTake(store.path))
        }
        XCTAssertEqual(try tables(store), before)
    }
}
