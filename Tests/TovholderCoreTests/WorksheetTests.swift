import Foundation
import GRDB
import XCTest
@testable import TovholderCore

final class WorksheetTests: StoreTestCase {

    /// The first group's worksheet.
    func sheet(_ store: SessionStore, _ index: Int = 0) throws -> Worksheet {
        let w = try store.loadWorkshop()
        return w.worksheets[w.groups[index].id]!
    }

    func testTextAnotherTerminalWroteIsKeptEvenWhenReplacedAtOnce() throws {
        let store = try newStore()
        let goal = try sheet(store).goals[0]
        try store.setText(entryID: goal.id, text: "w1-e4", author: "terminal A", now: 10)
        try store.setText(entryID: goal.id, text: "w12-e4", author: "terminal B", now: 10.5)
        XCTAssertTrue(try store.history(field: HistoryField.entry(goal.id)).contains { $0.text == "w1-e4" })
        // The same terminal typing on within the pause keeps no intermediate versions.
        try store.setText(entryID: goal.id, text: "w12-e45", author: "terminal B", now: 11)
        XCTAssertFalse(try store.history(field: HistoryField.entry(goal.id)).contains { $0.text == "w12-e4" })
    }

    func testTextWithControlCharactersAndNULIsKeptExactly() throws {
        let store = try newStore()
        let goal = try sheet(store).goals[0]
        let hostile = "før\u{1B}]2;pwned\u{07}midt\0NUL\u{9B}C1\u{202E}BIDI slut 👩‍⚕️"
        try store.setText(entryID: goal.id, text: hostile, now: 10)
        XCTAssertEqual(try sheet(store).goals[0].text, hostile)
        try store.setText(entryID: goal.id, text: "ny", now: 20)
        XCTAssertTrue(try store.history(field: HistoryField.entry(goal.id)).contains { $0.text == hostile })
        let item = TestProgramme.day().agenda[0].id
        try store.setPlenumNote(itemID: item, text: hostile)
        XCTAssertEqual(try store.loadWorkshop().plenumNotes[item], hostile)
    }

    func testANewSessionHasTheProgrammesGroupsEachWithAnEmptyChallengeAndGoal() throws {
        let w = try newStore().loadWorkshop()
        XCTAssertEqual(w.groups.map(\.name), ["Gruppe 1", "Gruppe 2"])
        XCTAssertEqual(w.groups.map(\.removed), [false, false])
        for g in w.groups {
            let s = try XCTUnwrap(w.worksheets[g.id])
            XCTAssertEqual(s.challenge?.text, "")
            XCTAssertEqual(s.goals.map(\.text), [""])
            XCTAssertEqual(s.mechanisms + s.trialActions + s.signs, [])
        }
        XCTAssertEqual(w.plenumNotes, [:])
    }

    func testAddRenameRemoveAndRestoreGroups() throws {
        let store = try newStore()
        let g3 = try store.addGroup(name: "  Borgerservice ")
        XCTAssertEqual(g3.name, "Borgerservice")
        let g4 = try store.addGroup(name: "")
        XCTAssertEqual(g4.name, "Gruppe 4")
        try store.renameGroup(id: g4.id, name: "Jobcenter")
        let first = try store.loadWorkshop().groups[0]
        let goal = try sheet(store).goals[0]
        try store.setText(entryID: goal.id, text: "Færre skemaer")
        let mechanism = try store.addEntry(groupID: first.id, kind: .mechanism, text: "Tillid")
        try store.removeGroup(id: first.id)
        var w = try store.loadWorkshop()
        XCTAssertEqual(w.activeGroups.map(\.name), ["Gruppe 2", "Borgerservice", "Jobcenter"])
        XCTAssertEqual(w.groups.first?.removed, true)
        XCTAssertEqual(w.worksheets[first.id]?.mechanisms.map(\.text), ["Tillid"], "the work is kept")

        try store.restoreGroup(id: first.id)
        w = try store.loadWorkshop()
        XCTAssertEqual(w.activeGroups.map(\.name), ["Gruppe 1", "Gruppe 2", "Borgerservice", "Jobcenter"])
        XCTAssertEqual(w.worksheets[first.id]?.goals.map(\.text), ["Færre skemaer"])
        XCTAssertEqual(w.worksheets[first.id]?.mechanisms.map(\.id), [mechanism.id])
        let added = try XCTUnwrap(w.worksheets[g3.id])
        XCTAssertEqual(added.challenge?.text, "")
        XCTAssertEqual(added.goals.count, 1)
    }

    func testDuplicateAndEmptyNamesAreRefused() throws {
        let store = try newStore()
        let groups = try store.loadWorkshop().groups
        XCTAssertThrowsError(try store.addGroup(name: "gruppe 1")) {
            XCTAssertEqual($0 as? WorksheetError, .duplicateGroupName("gruppe 1"))
            XCTAssertEqual(($0 as? WorksheetError)?.message.da, "Der er allerede en gruppe, der hedder »gruppe 1«")
        }
        XCTAssertThrowsError(try store.renameGroup(id: groups[1].id, name: " GRUPPE 1 ")) {
            XCTAssertEqual($0 as? WorksheetError, .duplicateGroupName("GRUPPE 1"))
        }
        XCTAssertThrowsError(try store.renameGroup(id: groups[1].id, name: " \n ")) {
            XCTAssertEqual($0 as? WorksheetError, .emptyGroupName)
        }
        XCTAssertThrowsError(try store.renameGroup(id: 999, name: "X")) {
            XCTAssertEqual($0 as? WorksheetError, .groupNotFound(999))
        }
        try store.renameGroup(id: groups[0].id, name: "gruppe 1")   // its own name, another case: fine
        // A removed group's name may be reused; restoring it then is refused, not merged.
        try store.removeGroup(id: groups[1].id)
        let other = try store.addGroup(name: "Gruppe 2")
        XCTAssertThrowsError(try store.restoreGroup(id: groups[1].id)) {
            XCTAssertEqual($0 as? WorksheetError, .duplicateGroupName("Gruppe 2"))
        }
        try store.renameGroup(id: other.id, name: "Gruppe 2b")
        try store.restoreGroup(id: groups[1].id)
        XCTAssertEqual(try store.loadWorkshop().activeGroups.map(\.name), ["gruppe 1", "Gruppe 2", "Gruppe 2b"])
    }

    func testEntriesLandAfterTheGivenEntryAndMove() throws {
        let store = try newStore()
        let g = try store.loadWorkshop().groups[0].id
        let a = try store.addEntry(groupID: g, kind: .mechanism, text: "A")
        let c = try store.addEntry(groupID: g, kind: .mechanism, text: "C")
        _ = try store.addEntry(groupID: g, kind: .mechanism, after: a.id, text: "B")
        _ = try store.addEntry(groupID: g, kind: .mechanism, after: c.id, text: "D")
        XCTAssertEqual(try sheet(store).mechanisms.map(\.text), ["A", "B", "C", "D"])
        // Many inserts at one spot exhaust halving; positions are renumbered, order holds.
        var last = a.id
        for i in 0..<70 { last = try store.addEntry(groupID: g, kind: .mechanism, after: last, text: "a\(i)").id }
        let texts = try sheet(store).mechanisms.map(\.text)
        XCTAssertEqual(texts, ["A"] + (0..<70).map { "a\($0)" } + ["B", "C", "D"])
        for id in try sheet(store).mechanisms.dropFirst().map(\.id) { try store.deleteEntry(id: id) }

        XCTAssertEqual(try sheet(store).mechanisms.map(\.text), ["A"])
        let b = try store.addEntry(groupID: g, kind: .mechanism, text: "B")
        try store.moveEntry(id: b.id, by: -1)
        XCTAssertEqual(try sheet(store).mechanisms.map(\.text), ["B", "A"])
        try store.moveEntry(id: b.id, by: -1)   // already first: stays
        try store.moveEntry(id: b.id, by: 1)
        XCTAssertEqual(try sheet(store).mechanisms.map(\.text), ["A", "B"])

        let other = try store.loadWorkshop().groups[1].id
        XCTAssertThrowsError(try store.addEntry(groupID: other, kind: .mechanism, after: a.id, text: "")) {
            XCTAssertEqual($0 as? WorksheetError, .notInSameList(a.id))
        }
        XCTAssertThrowsError(try store.addEntry(groupID: g, kind: .challenge)) {
            XCTAssertEqual($0 as? WorksheetError, .challengeExists)
        }
    }

    func testLinksSurviveEditsAndReorderingAndAreValidated() throws {
        let store = try newStore()
        let groups = try store.loadWorkshop().groups
        let g = groups[0].id
        let goal = try sheet(store).goals[0]
        let m1 = try store.addEntry(groupID: g, kind: .mechanism, text: "M1")
        let m2 = try store.addEntry(groupID: g, kind: .mechanism, text: "M2")
        let t = try store.addEntry(groupID: g, kind: .trialAction, text: "T")
        let s = try store.addEntry(groupID: g, kind: .sign, text: "S")
        try store.setLinks(entryID: t.id, targets: [m2.id, m1.id, m2.id])
        try store.setLinks(entryID: s.id, targets: [goal.id])
        try store.setLinks(entryID: m1.id, targets: [goal.id])
        try store.setLinks(entryID: m2.id, targets: [goal.id])
        try store.setText(entryID: goal.id, text: "G")
        try store.setText(entryID: t.id, text: "T, skrevet om")
        try store.setText(entryID: m1.id, text: "M1, skrevet om")
        try store.moveEntry(id: m2.id, by: -1)
        var ws = try sheet(store)
        XCTAssertEqual(ws.trialActions[0].links, [m2.id, m1.id], "in the mechanisms' order")
        XCTAssertEqual(ws.signs[0].links, [goal.id])
        XCTAssertEqual(ws.mechanisms.map(\.links), [[goal.id], [goal.id]], "mechanisms serve goals")
        XCTAssertEqual(ChainCheck(ws).count, 1, "only the challenge is still empty")

        let otherMechanism = try store.addEntry(groupID: groups[1].id, kind: .mechanism, text: "X")
        for (entry, targets, bad) in [(t.id, [m1.id, otherMechanism.id], otherMechanism.id),
                                      (t.id, [goal.id], goal.id), (s.id, [m1.id], m1.id), (t.id, [999], 999),
                                      (m1.id, [t.id], t.id)] {
            XCTAssertThrowsError(try store.setLinks(entryID: entry, targets: targets)) {
                XCTAssertEqual($0 as? WorksheetError, .invalidLinkTarget(bad))
            }
        }
        XCTAssertThrowsError(try store.setLinks(entryID: goal.id, targets: [])) {
            XCTAssertEqual($0 as? WorksheetError, .kindHasNoLinks(.goal))
        }
        ws = try sheet(store)
        XCTAssertEqual(ws.trialActions[0].links, [m2.id, m1.id], "a refused change changes nothing")
    }

    func testDeletingAMechanismShowsTrialActionsThatOnlyTriedIt() throws {
        let store = try newStore()
        let g = try store.loadWorkshop().groups[0].id
        let m1 = try store.addEntry(groupID: g, kind: .mechanism, text: "M1")
        let m2 = try store.addEntry(groupID: g, kind: .mechanism, text: "M2")
        let only = try store.addEntry(groupID: g, kind: .trialAction, text: "kun M1")
        let both = try store.addEntry(groupID: g, kind: .trialAction, text: "M1 og M2")
        try store.setLinks(entryID: only.id, targets: [m1.id])
        try store.setLinks(entryID: both.id, targets: [m1.id, m2.id])
        XCTAssertEqual(ChainCheck(try sheet(store)).trialActionsWithoutMechanism, [])
        try store.deleteEntry(id: m1.id)
        let ws = try sheet(store)
        XCTAssertEqual(ws.mechanisms.map(\.id), [m2.id])
        XCTAssertEqual(ws.trialActions.map(\.links), [[], [m2.id]])
        XCTAssertEqual(ChainCheck(ws).trialActionsWithoutMechanism, [only.id])
        XCTAssertThrowsError(try store.setLinks(entryID: both.id, targets: [m1.id])) {
            XCTAssertEqual($0 as? WorksheetError, .invalidLinkTarget(m1.id))
        }
        XCTAssertThrowsError(try store.deleteEntry(id: m1.id)) {
            XCTAssertEqual($0 as? WorksheetError, .entryNotFound(m1.id))
        }
    }

    func testTextHistoryKeepsEarlierVersions() throws {
        let store = try newStore()
        let id = try sheet(store).goals[0].id
        try store.setText(entryID: id, text: "a", author: "Anne", now: 10)
        try store.setText(entryID: id, text: "ab", author: "Anne", now: 15)
        try store.setText(entryID: id, text: "abc", author: "Bo", now: 20)
        XCTAssertEqual(try sheet(store).goals[0].text, "abc")
        var h = try store.history(field: HistoryField.entry(id))
        XCTAssertEqual(h.map(\.text), ["a", "ab"])
        XCTAssertEqual(h.map(\.at), [10, 15])
        XCTAssertEqual(h.map(\.author), ["Anne", "Anne"])

        // Quick typing keeps the text from before the pause only…
        for (i, text) in ["abcd", "abcde", "abcdef", "abcdefg"].enumerated() {
            try store.setText(entryID: id, text: text, now: 30 + Double(i) * 0.5)
        }
        h = try store.history(field: HistoryField.entry(id))
        XCTAssertEqual(h.map(\.text), ["a", "ab", "abc"])
        // …a run of deletions keeps the text before it once…
        for text in ["abcdef", "abcde", "abcd"] { try store.setText(entryID: id, text: text, now: 32) }
        h = try store.history(field: HistoryField.entry(id))
        XCTAssertEqual(h.map(\.text), ["a", "ab", "abc", "abcdefg"])
        // …and text replaced at once, e.g. by another terminal, is always kept.
        try store.setText(entryID: id, text: "helt andet", now: 32.1)
        try store.setText(entryID: id, text: "noget tredje", now: 32.2)
        h = try store.history(field: HistoryField.entry(id))
        XCTAssertEqual(h.map(\.text), ["a", "ab", "abc", "abcdefg", "helt andet"], "abcd is inside abcdefg")
        try store.setText(entryID: id, text: "noget tredje", now: 40)   // unchanged: nothing happens
        XCTAssertEqual(try store.history(field: HistoryField.entry(id)).count, 5)
    }

    func testAnotherWritersTextContainingMineIsNoReasonToDropMine() throws {
        let store = try newStore()
        let w = try store.loadWorkshop()
        let goal = w.worksheets[w.groups[0].id]!.goals[0].id
        try store.setText(entryID: goal, text: "w11-e0", author: "w11", now: 1)
        try store.setText(entryID: goal, text: "w1-e0", author: "w1", now: 1.1)
        try store.setText(entryID: goal, text: "w1-e1", author: "w1", now: 1.2)
        // "w1-e0" is "w11-e0" less a letter, but not a step of w11's typing: it is kept.
        XCTAssertEqual(try store.history(field: HistoryField.entry(goal)).map(\.text), ["w11-e0", "w1-e0"])
    }

    func testPlenumNotesKeepHistoryToo() throws {
        let store = try newStore()
        try store.setPlenumNote(itemID: "opsamling-1", text: "Første udkast", author: "Facilitator", now: 1)
        try store.setPlenumNote(itemID: "opsamling-1", text: "Noget helt andet", now: 100)
        XCTAssertEqual(try store.loadWorkshop().plenumNotes, ["opsamling-1": "Noget helt andet"])
        let h = try store.history(field: HistoryField.plenum("opsamling-1"))
        XCTAssertEqual(h.map(\.text), ["Første udkast"])
        XCTAssertEqual(h.first?.author, "Facilitator")
    }

    func testReopeningGivesTheSameWorkshopAndASecondConnectionSeesEdits() throws {
        let store = try newStore()
        let other = try SessionStore.open(path: store.path)
        let g = try store.loadWorkshop().groups[0].id
        let m = try store.addEntry(groupID: g, kind: .mechanism, text: "Tillid æøå 🚀")
        let t = try other.addEntry(groupID: g, kind: .trialAction, text: "Prøv det")
        try store.setLinks(entryID: t.id, targets: [m.id])
        try other.setPlenumNote(itemID: "plenum", text: "Noter")
        _ = try other.addGroup(name: "Ny")
        let seen = try store.loadWorkshop()
        XCTAssertEqual(seen, try other.loadWorkshop())
        XCTAssertEqual(seen.worksheets[g]?.trialActions.first?.links, [m.id])
        XCTAssertEqual(seen.activeGroups.count, 3)
        XCTAssertEqual(seen.plenumNotes["plenum"], "Noter")
        XCTAssertEqual(try SessionStore.open(path: store.path).loadWorkshop(), seen)
    }

    func testAVersion1FileIsMigratedWithGroupsFromItsProgramme() throws {
        let path = dir + "/gammel.tovholder"
        var programme = TestProgramme.day()
        programme.groups = ["Rød", "Grøn", "Blå"]
        let q = try DatabaseQueue(path: path, configuration: SessionStore.configuration())
        try q.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA application_id = \(SessionStore.applicationID)")
        }
        try SessionSchema.migrator.migrate(q, upTo: "v1")
        let json = String(decoding: try JSONEncoder().encode(programme), as: UTF8.self)
        try q.write { db in
            try db.execute(sql: "INSERT INTO programme(id, template_name, json, created_at) VALUES (1, 't', ?, 0)",
                           arguments: [json])
            try db.execute(sql: "INSERT INTO position(id, item_index, step) VALUES (1, 2, 0)")
        }
        try q.close()

        let store = try SessionStore.open(path: path)
        let w = try store.loadWorkshop()
        XCTAssertEqual(w.groups.map(\.name), ["Rød", "Grøn", "Blå"])
        XCTAssertTrue(w.worksheets.values.allSatisfy { $0.challenge != nil && $0.goals.count == 1 })
        XCTAssertEqual(try store.load().currentIndex, 2, "v1 data kept")
        try store.queue.read { db in
            XCTAssertEqual(Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")), ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"])
        }
        XCTAssertEqual(try SessionStore.open(path: path).loadWorkshop(), w, "migrated once")
    }

    func testTwoConnectionsWritingOneFieldAtOnceLoseNothing() throws {
        let store = try newStore()
        let id = try sheet(store).goals[0].id
        let stores = [store, try SessionStore.open(path: store.path)]
        let errors = NSLock()
        var failures: [Error] = []
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            for i in 0..<100 {
                do { try stores[w].setText(entryID: id, text: String(format: "%@%03d", w == 0 ? "A" : "B", i)) } catch {
                    errors.lock(); failures.append(error); errors.unlock()
                }
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures)")
        let kept = Set(try store.history(field: HistoryField.entry(id)).map(\.text) + [try sheet(store).goals[0].text])
        for w in ["A", "B"] {
            for i in 0..<100 { XCTAssertTrue(kept.contains(String(format: "%@%03d", w, i))) }
        }
    }

    func testInsertionDetection() {
        XCTAssertTrue(SessionStore.isInsertion(of: "ac", into: "abc"))
        XCTAssertTrue(SessionStore.isInsertion(of: "", into: "x"))
        XCTAssertTrue(SessionStore.isInsertion(of: "æø", into: "æxø"))
        XCTAssertFalse(SessionStore.isInsertion(of: "ac", into: "bac d"))
        XCTAssertFalse(SessionStore.isInsertion(of: "abc", into: "ab"))
    }
}
