import SnapshotTesting
import TovholderCore
import XCTest
@testable import TovholderTUI

/// Every screen at 80×24 and 240×67, in Danish and English, stored as text next to the tests.
/// Re-record on purpose only: delete the file and run the tests once.
final class ScreenSnapshotTests: XCTestCase {
    typealias F = ScreenFixtures
    static let sizes = [Size(width: 80, height: 24), Size(width: 240, height: 67)]

    func check(_ name: String, file: StaticString = #filePath, testName: String = #function, line: UInt = #line,
               _ make: (Language, Size) -> AppState) {
        for lang in Language.allCases {
            for size in Self.sizes {
                let state = make(lang, size)
                assertSnapshot(of: render(state), as: .screen, named: "\(name)-\(lang.rawValue)-\(size.width)x\(size.height)",
                               file: file, testName: testName, line: line)
            }
        }
    }

    func testWelcomeBeforeTheDayStarts() {
        check("welcome") { F.state($0, size: $1) }
    }

    func testIntro() {
        check("intro") { F.at(item: F.index(of: .intro), late: 3, $0, size: $1) }
    }

    func testExerciseSecondStepWithCountdownRunning() {
        check("exercise-step2") { lang, size in
            var s = F.at(item: F.index(of: .exercise), late: 5, lang, size: size)
            _ = s.session.goNext(at: s.now)
            _ = s.session.toggleTimer(at: s.now)
            s.now += 125
            return s
        }
    }

    func testGroupWorkInTheLastFifthOfItsTime() {
        check("groupwork-warning") { lang, size in
            var s = F.at(item: F.index(of: .groupWork), lang, size: size)
            _ = s.session.toggleTimer(at: s.now)
            s.now += Double(s.session.currentItem.minutes * 60) * 0.85
            return s
        }
    }

    func testPlenumInItsLastFivePercent() {
        check("plenum-critical") { lang, size in
            var s = F.at(item: F.index(of: .plenum), lang, size: size)
            _ = s.session.toggleTimer(at: s.now)
            s.now += Double(s.session.currentItem.minutes * 60) * 0.97
            return s
        }
    }

    func testBreakInOverrun() {
        check("break-overrun") { lang, size in
            var s = F.at(item: F.index(of: .break), late: 2, lang, size: size)
            _ = s.session.toggleTimer(at: s.now)
            s.now += Double(s.session.currentItem.minutes * 60) + 135
            return s
        }
    }

    func testLunchPaused() {
        check("lunch-paused") { lang, size in
            var s = F.at(item: F.index(of: .lunch), lang, size: size)
            _ = s.session.toggleTimer(at: s.now)
            _ = s.session.toggleTimer(at: s.now + 300)
            s.now += 900
            return s
        }
    }

    func testTalk() { check("talk") { F.at(item: F.index(of: .talk), late: -2, $0, size: $1) } }
    func testReflection() { check("reflection") { F.at(item: F.index(of: .reflection), $0, size: $1) } }
    func testWorkedExample() { check("example") { F.at(item: F.index(of: .example), $0, size: $1) } }
    func testRoadmap() { check("roadmap") { F.at(item: F.index(of: .roadmap), $0, size: $1) } }
    func testAgreement() { check("agreement") { F.at(item: F.index(of: .agreement), $0, size: $1) } }
    func testClosing() { check("closing") { F.at(item: F.index(of: .closing), late: 12, $0, size: $1) } }

    func testAgendaSevenMinutesBehind() {
        check("agenda-behind") { lang, size in
            var s = F.at(item: F.index(of: .groupWork), late: 7, lang, size: size)
            s.screen = .agenda(selected: s.session.currentIndex)
            return s
        }
    }

    func testHelp() {
        check("help") { lang, size in
            var s = F.state(lang, size: size)
            s.screen = .help(returnTo: .item)
            return s
        }
    }

    func testTooSmall() {
        for lang in Language.allCases {
            var s = F.state(lang, size: Size(width: 40, height: 12))
            s.size = Size(width: 40, height: 12)
            assertSnapshot(of: render(s), as: .screen, named: "too-small-\(lang.rawValue)-40x12")
        }
    }
}
