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
        XCTAssertEqual(update(&s, .key(.char(" "))), [], "no timer from the agenda")
        XCTAssertEqual(update(&s, .key(.paste("hello"))), [])
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
        backend.events += Array(repeating: .key(.char("x")), count: minutes + 5) + [.key(.char("q"))]
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
