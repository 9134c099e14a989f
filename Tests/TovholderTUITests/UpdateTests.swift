import TovholderCore
import XCTest
@testable import TovholderTUI

final class UpdateTests: XCTestCase {
    typealias F = ScreenFixtures

    func testTheDesignKeysDoWhatTheContractSays() {
        for key in [Key.right, .pageDown, .char("n")] {
            var s = F.state()
            XCTAssertEqual(update(&s, .key(key)), [.save([.position, .item(s.session.programme.agenda[1].id)])])
            XCTAssertEqual(s.session.currentIndex, 1)
        }
        for key in [Key.left, .pageUp, .char("p")] {
            var s = F.at(item: 3, size: Size(width: 80, height: 24))
            _ = update(&s, .key(key))
            XCTAssertLessThan(s.session.currentIndex * 10 + s.session.currentStep, 30)
        }
        for key in [Key.char("q"), .function(10)] {
            var s = F.state()
            XCTAssertEqual(update(&s, .key(key)), [.quit])
        }
        for key in [Key.char("?"), .function(1)] {
            var s = F.state()
            _ = update(&s, .key(key))
            XCTAssertEqual(s.screen, .help(returnTo: .item))
        }
    }

    func testSpaceStartsAndPausesAndPlusMinusChangeTheTime() {
        var s = F.at(item: F.index(of: .groupWork), size: Size(width: 80, height: 24))
        let id = s.session.currentItem.id
        XCTAssertEqual(update(&s, .key(.char(" "))), [.save([.item(id)])])
        XCTAssertTrue(s.session.currentProgress.countdown.isRunning)
        _ = update(&s, .key(.char("+")))
        XCTAssertEqual(s.session.currentProgress.countdown.durationSeconds, (s.session.currentItem.minutes + 1) * 60)
        _ = update(&s, .key(.char("-"))); _ = update(&s, .key(.char("-")))
        XCTAssertEqual(s.session.currentProgress.countdown.durationSeconds, (s.session.currentItem.minutes - 1) * 60)
        _ = update(&s, .key(.char(" ")))
        XCTAssertFalse(s.session.currentProgress.countdown.isRunning)
    }

    func testTheBellRingsOnceWhenTheTimeRunsOut() {
        var s = F.at(item: F.index(of: .groupWork), size: Size(width: 80, height: 24))
        _ = update(&s, .key(.char(" ")))
        let end = s.now + Double(s.session.currentItem.minutes * 60)
        XCTAssertEqual(update(&s, .tick(now: end - 1)), [])
        XCTAssertEqual(update(&s, .tick(now: end)), [.bell, .save([.item(s.session.currentItem.id)])])
        XCTAssertEqual(update(&s, .tick(now: end + 1)), [])
    }

    func testAgendaPicksAnItemAndEscGoesBack() {
        var s = F.state()
        _ = update(&s, .key(.char("a")))
        XCTAssertEqual(s.screen, .agenda(selected: 0))
        _ = update(&s, .key(.down)); _ = update(&s, .key(.down)); _ = update(&s, .key(.up)); _ = update(&s, .key(.down))
        XCTAssertEqual(s.screen, .agenda(selected: 2))
        _ = update(&s, .key(.enter))
        XCTAssertEqual(s.screen, .item)
        XCTAssertEqual(s.session.currentIndex, 2)
        _ = update(&s, .key(.char("a"))); _ = update(&s, .key(.escape))
        XCTAssertEqual(s.screen, .item)
    }

    func testKeysOfOtherScreensDoNothingHere() {
        var s = F.state()
        _ = update(&s, .key(.char("a")))
        XCTAssertEqual(update(&s, .key(.paste("hello"))), [], "nothing to paste into")
        XCTAssertEqual(update(&s, .key(.function(2))), [], "a form's key")
        XCTAssertEqual(update(&s, .key(.ctrl("n"))), [])
        XCTAssertEqual(s.screen, .agenda(selected: 0))
    }

    func testTheKeyBarIsDrawnFromTheKeymapTable() {
        // Wide: every key of the screen's bar; narrow: the most important ones stay.
        let wide = render(F.state(size: Size(width: 240, height: 67)))
        let wideBar = String(wide.text.split(separator: "\n").last!)
        for binding in Keymap.bar(for: .item) {
            XCTAssertTrue(wideBar.contains(binding.label.da + " " + Strings(.da)[binding.description]),
                          "\(binding.label.da) missing from the bar: \(wideBar)")
        }
        let bar = String(render(F.state()).text.split(separator: "\n").last!)
        for must in ["→ Næste", "← Forrige", "? Hjælp", "q Afslut", "Mellemrum Start/pause"] {
            XCTAssertTrue(bar.contains(must), "\(must) missing at 80 columns: \(bar)")
        }
        XCTAssertLessThanOrEqual(DisplayWidth.of(bar), 80)
    }

    func testEveryStringHasBothLanguages() {
        for key in StringKey.allCases {
            XCTAssertFalse(Strings(.da)[key].isEmpty); XCTAssertFalse(Strings(.en)[key].isEmpty)
        }
        XCTAssertNotEqual(Strings(.da)[.keyQuit], Strings(.en)[.keyQuit])
    }
}

final class RunnerTests: XCTestCase {
    func testRunnerSavesEveryChangeRingsOnceAndSurvivesAResize() throws {
        let dir = NSTemporaryDirectory() + "tovholder-runner-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try SessionStore.create(path: dir + "/d.tovholder", programme: ScreenFixtures.referenceDay,
                                            templateName: "t", now: 0)
        let backend = TestBackend(size: Size(width: 80, height: 24))
        var clock = ScreenFixtures.at(9, 0)
        let state = AppState(session: try store.load(), language: .da, fileName: "d.tovholder", now: clock,
                             utcOffsetSeconds: 0, size: backend.size)
        let groupWork = ScreenFixtures.index(of: .groupWork)
        backend.events = [.key(.char("a"))] + Array(repeating: .key(.down), count: groupWork)
            + [.key(.enter), .key(.char(" ")), .resized(Size(width: 40, height: 12)), .resized(Size(width: 100, height: 30))]
        let runner = Runner(state: state, store: store, backend: backend, clock: {
            clock += 60   // every loop turn is a minute: the group work runs out
            return clock
        })
        // Stop once the time is well past the end.
        let minutes = ScreenFixtures.referenceDay.agenda[groupWork].minutes
        // Unbound keys pass the time; quitting while the timer runs asks first, Enter confirms.
        backend.events += Array(repeating: .key(.char("z")), count: minutes + 5) + [.key(.char("q")), .key(.enter)]
        runner.run()
        XCTAssertEqual(backend.bells, 1, "one bell at zero")
        XCTAssertTrue(backend.frames.contains { $0.size == Size(width: 40, height: 12) && $0.text.contains("80×24") })
        XCTAssertEqual(backend.frames.last?.size, Size(width: 100, height: 30))
        let saved = try SessionStore.open(path: dir + "/d.tovholder").load()
        XCTAssertEqual(saved.currentIndex, groupWork)
        XCTAssertTrue(saved.currentProgress.countdown.isRunning)
        XCTAssertTrue(saved.currentProgress.countdown.bellRung, "a restart does not ring again")
    }
}

final class DispatchTests: XCTestCase {
    /// The shell's own results go back through `update`, and the effects returned for them
    /// are performed: Enter on a goal adds an entry (the shell), whose `.entryAdded` starts
    /// typing there (update), whose lease must then be taken (the shell again).
    func testAnEffectReturnedForAFeedbackMessageIsPerformed() throws {
        let dir = NSTemporaryDirectory() + "tovholder-dispatch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try SessionStore.create(path: dir + "/d.tovholder", programme: ScreenFixtures.referenceDay,
                                            templateName: "t", now: 0)
        let group = try XCTUnwrap(store.loadWorkshop().activeGroups.first)
        // A new day has one empty goal per group: the participant's sheet opens on it.
        let goal = try XCTUnwrap(store.loadWorkshop().worksheets[group.id]?.goals.first)
        try store.setText(entryID: goal.id, text: "Færre sygedage")
        let backend = TestBackend(size: Size(width: 80, height: 24))
        var state = AppState(session: try store.load(), workshop: try store.loadWorkshop(), language: .da,
                             fileName: "d.tovholder", now: ScreenFixtures.at(9, 0), utcOffsetSeconds: 0, size: backend.size)
        state.sit(as: .participant(groupID: group.id))
        let presence = TerminalPresence(id: "p1", role: .participant, groupID: group.id, user: "anna", host: "lokal",
                                        pid: 1, startedAt: 0, lastSeen: 0)
        var leasesWhileTyping: [FieldRef: Lease] = [:]
        var now = ScreenFixtures.at(9, 0)
        let runner = Runner(state: state, store: store, backend: backend, presence: presence, clock: { now += 0.01; return now })
        backend.events = [.key(.char("!")), .key(.enter), .key(.char("N"))]
        // Look at the file after the last key, before the script ends (and the runner leaves).
        backend.onEmpty = { leasesWhileTyping = (try? store.activeLeases(now: now)) ?? [:] }
        runner.run()
        let entries = try store.loadWorkshop().worksheets[group.id]!.goals
        XCTAssertEqual(entries.map(\.text), ["Færre sygedage!", "N"])
        XCTAssertEqual(entries.first?.id, goal.id)
        XCTAssertEqual(leasesWhileTyping[.entry(entries[1].id)]?.label, "Gruppe 1 (anna, lokal)",
                       "the new entry's lease, returned for .entryAdded, was taken: \(leasesWhileTyping)")
        XCTAssertNil(leasesWhileTyping[.entry(goal.id)], "the old one was given back")
        XCTAssertEqual(try store.activeLeases(now: now), [:], "leaving gives every field back")
    }
}

final class FieldGeometryTests: XCTestCase {
    typealias F = ScreenFixtures
    static let text = "Borgeren oplever at blive mødt af en medarbejder der kender sagen og tager sig tid til at lytte "
        + "og forklare hvad der skal ske, og hvorfor, og hvornår der sker noget nyt i sagen igen; og det samme gælder, "
        + "når sagen skifter hænder, for så ved den nye medarbejder allerede, hvad borgeren har fortalt, og hvad der er aftalt"

    /// For each kind of field: the lines drawn are the editor's lines at `FieldGeometry`'s
    /// width, and after ↑ the cursor sits on the drawn line above, in the same text column.
    func testTheCursorMovesOnTheLinesThatAreDrawn() throws {
        for size in [Size(width: 80, height: 24), Size(width: 240, height: 67)] {
            var base = F.at(item: F.index(of: .groupWork), size: size)
            base.workshop = WorkshopFixtures.workshop(groups: 1)
            base.workshop.plenumNotes[base.session.currentItem.id] = Self.text
            base.workshop.worksheets[100]!.goals[0].text = Self.text
            base.agreements = [100: Agreement(groupID: 100, perspectives: Self.text, rows: [AgreementRow(id: 7, knowledge: Self.text)])]
            base.roadmap = [RoadmapEntry(id: 1, from: CalendarDate(year: 2024, month: 1, day: 18)!, title: "Del 2",
                                         activities: [Self.text], position: 1)]
            var sheet = WorksheetView(groupID: 100); sheet.focus = 1
            var perspectives = AgreementView(groupID: 100); perspectives.focus = 0
            var row = AgreementView(groupID: 100); row.focus = 3
            var roadmap = RoadmapView(returnTo: .item); roadmap.focus = 3
            var plenum = PlenumView(part: .goals); plenum.writing = true  // the notes entered (Enter or m)
            let cases: [(Screen, FieldRef)] = [
                (.worksheet(sheet), .entry(1)),
                (.plenum(plenum), .plenumNote(itemID: base.session.currentItem.id)),
                (.agreement(perspectives), .agreement(groupID: 100, .perspectives)),
                (.agreement(row), .agreementRow(id: 7, .knowledge)),
                (.roadmap(roadmap), .roadmap(id: 1, .activities)),
            ]
            for (screen, field) in cases {
                var s = base
                s.screen = screen
                _ = update(&s, .key(.end))  // starts editing; the cursor at the end of the last line
                XCTAssertEqual(s.editing?.field, field, "\(field)")
                let width = FieldGeometry.width(of: field, s)
                let lines = s.editing!.editor.layout(width: width).map { s.editing!.editor.text(of: $0) }
                XCTAssertGreaterThan(lines.count, 1, "\(field) at \(size.width)")
                let canvas = render(s)
                let drawn = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                // The last lines (a short field scrolls to show the cursor's end of the text).
                for line in lines.suffix(3) {
                    XCTAssertTrue(drawn.contains { $0.contains(line) }, "\(field) \(size.width): \(line)")
                }
                let before = try XCTUnwrap(canvas.cursor, "\(field) at \(size.width)")
                _ = update(&s, .key(.up))
                if FieldTyping.isSingleLine(field) {
                    XCTAssertNil(s.editing, "\(field): one line, however wrapped: ↑ goes to the field above")
                    continue
                }
                let after = try XCTUnwrap(render(s).cursor, "\(field) at \(size.width) after ↑")
                XCTAssertEqual(after.y, before.y - 1, "\(field) at \(size.width): ↑ goes to the drawn line above")
                let pos = s.editing!.editor.cursorPosition(width: width)
                XCTAssertEqual(after.x - before.x, pos.column - (lines.last!.count), "\(field): same column offset")
            }
        }
    }
}
