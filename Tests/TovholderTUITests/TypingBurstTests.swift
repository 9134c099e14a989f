import Foundation
import TovholderCore
import XCTest
@testable import TovholderTUI

/// A burst of keys read at once (a paste without markers, a burst over SSH) is applied as
/// one edit and written once: the last text of the field, one transaction.
final class TypingBurstTests: XCTestCase {
    func testABurstIntoOneFieldIsOneWriteWithTheWholeText() throws {
        let dir = NSTemporaryDirectory() + "tovholder-burst-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (store, group, goal, backend, runner) = try Self.participant(in: dir)
        let text = String(repeating: "Færre sygedage på plejecentret. ", count: 1125)  // 36,000: typing is not cut at 20,000
        backend.arrivesAtOnce = true
        backend.events = [.key(.end)] + text.map { .key(.char($0)) }
        var revisions = 0
        let before = try store.revision()
        backend.onEmpty = { revisions = ((try? store.revision()) ?? 0) - before }
        let started = Date()
        runner.run()
        let took = Date().timeIntervalSince(started)
        let saved = try store.loadWorkshop().worksheets[group.id]?.goals.first { $0.id == goal.id }?.text
        XCTAssertEqual(saved?.hasSuffix(text), true)
        XCTAssertEqual(saved?.count, goal.text.count + text.count)
        XCTAssertLessThanOrEqual(revisions, 3, "\(text.count) keys, one write (and the lease), not one each")
        XCTAssertLessThan(took, 30, "each key rebuilt the field: 36 kB took minutes")
        XCTAssertEqual(backend.frames.count { $0.text.contains("plejecentret") } >= 1, true)
    }

    func testKeysThatDoMoreThanTypeRunInOrderBetweenTheRuns() throws {
        let dir = NSTemporaryDirectory() + "tovholder-burst-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (store, group, goal, backend, runner) = try Self.participant(in: dir)
        // Into the first goal, out of it, then a word typed where the focus went: the Escape
        // between the runs ends the first edit before the second key runs.
        backend.arrivesAtOnce = true
        backend.events = [.key(.end)] + " og mere".map { .key(.char($0)) } + [.key(.escape)]
        runner.run()
        let sheet = try XCTUnwrap(store.loadWorkshop().worksheets[group.id])
        XCTAssertEqual(sheet.goals.first { $0.id == goal.id }?.text, goal.text + " og mere")
        XCTAssertNil(runner.currentState.editing, "Escape read in the same burst left the field")
        XCTAssertTrue(try store.heldLeases(now: 0).isEmpty, "and gave its lease back")
    }

    func testTheTextsOfOneFieldBecomeItsLastAndOtherEffectsKeepTheirPlace() {
        let field = FieldRef.entry(7)
        let coalesced = Runner.coalesced([.workshop(.setText(field, "a")), .save([.position]), .workshop(.setText(field, "ab")),
                                          .workshop(.setText(.entry(8), "x")), .save([.position])])
        XCTAssertEqual(coalesced, [.workshop(.setText(field, "ab")), .workshop(.setText(.entry(8), "x")), .save([.position])])
        XCTAssertFalse(Runner.isTyping(.save([.programme(nil)])), "a programme change has its own log line")
        XCTAssertFalse(Runner.isTyping(.workshop(.addEntry(groupID: 1, kind: .goal, after: nil, text: "N"))))
    }

    /// A participant of group 100 at its sheet (in memory), the focus on the first goal.
    static func atSheet() -> AppState {
        var state = ScreenFixtures.state()
        state.workshop = WorkshopFixtures.workshop(groups: 2)
        state.sit(as: .participant(groupID: 100))
        WorksheetUpdate.open(groupID: 100, returnTo: .item, &state)
        return state
    }

    func testARunIsOneUndoStepAndIsNotCutAtAPastesLength() throws {
        var state = Self.atSheet()
        let goal = try XCTUnwrap(state.workshop.worksheets[100]?.goals.first)
        state.editing = FieldEditing(field: .entry(goal.id), text: "Mål")
        let run = String(repeating: "a", count: FieldTyping.maxLength + 10)
        let effects = update(&state, .typed(run))
        XCTAssertEqual(state.editing?.editor.text, "Mål" + run)
        XCTAssertEqual(effects, [.workshop(.setText(.entry(goal.id), "Mål" + run))])
        XCTAssertNil(state.notice, "typing is never cut the way a paste is")
        _ = update(&state, .key(.ctrl("z")))
        XCTAssertEqual(state.editing?.editor.text, "Mål")
    }

    func testARunWhereNothingIsOpenIsKeyByKey() {
        var byKeys = Self.atSheet()
        var byRun = byKeys
        let keyEffects = "ab".flatMap { update(&byKeys, .key(.char($0))) }
        let runEffects = update(&byRun, .typed("ab"))
        XCTAssertEqual(runEffects, keyEffects)
        XCTAssertEqual(byRun, byKeys)
    }

    /// A participant of the first group at its sheet, the first goal's entry, and its runner.
    static func participant(in dir: String) throws -> (SessionStore, TovholderCore.Group, Entry, TestBackend, Runner) {
        let store = try SessionStore.create(path: dir + "/d.tovholder", programme: ScreenFixtures.referenceDay,
                                            templateName: "t", now: 0)
        let group = try XCTUnwrap(store.loadWorkshop().activeGroups.first)
        let goal = try XCTUnwrap(store.loadWorkshop().worksheets[group.id]?.goals.first)
        let backend = TestBackend(size: Size(width: 80, height: 24))
        var state = AppState(session: try store.load(), workshop: try store.loadWorkshop(), language: .da,
                             fileName: "d.tovholder", now: ScreenFixtures.at(9, 0), utcOffsetSeconds: 0, size: backend.size)
        state.sit(as: .participant(groupID: group.id))
        let presence = TerminalPresence(id: "p1", role: .participant, groupID: group.id, user: "anna", host: "lokal",
                                        pid: 1, startedAt: 0, lastSeen: 0)
        var now = ScreenFixtures.at(9, 0)
        let runner = Runner(state: state, store: store, backend: backend, presence: presence, clock: { now += 0.01; return now })
        return (store, group, goal, backend, runner)
    }
}
