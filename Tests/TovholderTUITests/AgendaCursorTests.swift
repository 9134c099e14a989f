import TovholderCore
import XCTest
@testable import TovholderTUI

/// Issue 22 points 2 and 3: the agenda's keys act on the highlighted row (the cursor); now and
/// next are words; `S` starts the day now in one change.
final class AgendaCursorTests: XCTestCase {
    typealias F = ScreenFixtures

    func testGreaterThanMovesTheRowUnderTheCursorNotTheNextItem() {
        var s = F.at(item: F.index(of: .plenum), size: Size(width: 100, height: 30))
        _ = update(&s, .key(.char("a")))
        let lunch = F.index(of: .lunch)
        let plenumStart = s.session.programme.agenda[F.index(of: .plenum)].start
        let lunchStart = s.session.programme.agenda[lunch].start
        _ = update(&s, .key(.down))
        XCTAssertEqual(s.screen, .agenda(selected: lunch))
        let effects = update(&s, .key(.char(">")))
        XCTAssertEqual(s.session.programme.agenda[lunch].start.minutes, lunchStart.minutes + 5)
        XCTAssertEqual(s.session.programme.agenda[F.index(of: .plenum)].start, plenumStart, "the plenum stays")
        XCTAssertEqual(effects, [.save([.programme(.moved(title: s.session.programme.agenda[lunch].title,
                                                          from: lunchStart, to: s.session.programme.agenda[lunch].start))])])
    }

    func testNowAndNextAreWordsAndOnlyTheCursorHasTheGlyph() {
        var s = F.at(item: F.index(of: .plenum), size: Size(width: 100, height: 30))
        _ = update(&s, .key(.char("a")))
        _ = update(&s, .key(.down))
        let lines = render(s).text.split(separator: "\n").map(String.init)
        let plenum = s.session.programme.agenda[F.index(of: .plenum)].title
        let lunch = s.session.programme.agenda[F.index(of: .lunch)].title
        let nowLine = lines.first { $0.contains(plenum) } ?? ""
        let nextLine = lines.first { $0.contains(lunch) } ?? ""
        XCTAssertTrue(nowLine.contains(" Nu "), nowLine)
        XCTAssertFalse(nowLine.contains("▶"), nowLine)
        XCTAssertTrue(nextLine.contains("▶") && nextLine.contains("Næste"), nextLine)
        XCTAssertEqual(lines.filter { $0.contains("▶") }.count, 1, "one cursor")
        XCTAssertFalse(lines.dropLast().contains { $0.contains("→ ") }, "no arrow glyph marks next (the key bar's → is a key)")
    }

    func testEveryAgendaKeyActsOnTheCursorRow() {
        var s = F.at(item: F.index(of: .plenum), size: Size(width: 100, height: 30))
        _ = update(&s, .key(.char("a")))
        _ = update(&s, .key(.down))
        let lunch = F.index(of: .lunch)
        let minutes = s.session.programme.agenda[lunch].minutes
        _ = update(&s, .key(.char("]")))
        XCTAssertEqual(s.session.programme.agenda[lunch].minutes, minutes + 5)
        _ = update(&s, .key(.char("[")))
        XCTAssertEqual(s.session.programme.agenda[lunch].minutes, minutes)
        _ = update(&s, .key(.char("r")))
        XCTAssertEqual(s.editing?.field, .itemTitle(itemID: s.session.programme.agenda[lunch].id))
        _ = update(&s, .key(.escape))
        _ = update(&s, .key(.enter))
        XCTAssertEqual(s.session.currentIndex, lunch, "Enter goes to the cursor's item")
    }

    func testTheDayKeysWorkOnTheAgenda() {
        var s = F.at(item: 1, size: Size(width: 100, height: 30))
        _ = update(&s, .key(.char("a")))
        _ = update(&s, .key(.char("n")))
        XCTAssertEqual(s.session.currentIndex, 2)
        _ = update(&s, .key(.char("p")))
        XCTAssertEqual(s.session.currentIndex, 1)
        guard case .agenda = s.screen else { return XCTFail("stays on the agenda") }
    }

    func testStartNowAsksThenMovesTheRestOfTheDayInOneChange() {
        var s = F.state(size: Size(width: 100, height: 30))
        s.now = F.at(9, 25)  // the welcome was planned at 9.00
        _ = update(&s, .key(.char("a")))
        let planned = s.session.programme.agenda.map(\.start.minutes)
        XCTAssertEqual(update(&s, .key(.char("S"))), [])
        XCTAssertTrue(s.confirmingStartNow)
        XCTAssertTrue(render(s).text.contains("Start dagen nu?"))
        let effects = update(&s, .key(.enter))
        let first = s.session.programme.agenda[0]
        let change = ProgrammeChange.startedNow(title: first.title, from: ClockTime(minutes: planned[0]), to: ClockTime(minutes: 9 * 60 + 25))
        XCTAssertEqual(effects, [.save([.programme(change)])], "one change, one line in the log")
        XCTAssertEqual(s.session.programme.agenda.map(\.start.minutes), planned.map { $0 + 25 })
        XCTAssertEqual(change.text(.da), "\(first.title) startet kl. 09.25: resten af dagen flyttet 25 min senere")
    }

    func testStartNowAnsweredNoChangesNothing() {
        var s = F.state(size: Size(width: 100, height: 30))
        s.now = F.at(9, 25)
        _ = update(&s, .key(.char("a")))
        let before = s.session.programme
        _ = update(&s, .key(.char("S")))
        XCTAssertEqual(update(&s, .key(.escape)), [])
        XCTAssertEqual(s.session.programme, before)
        XCTAssertFalse(s.confirmingStartNow)
        guard case .agenda = s.screen else { return XCTFail("still on the agenda") }
    }

    func testStartNowOnTimeSaysSoAndAsksNothing() {
        var s = F.state(size: Size(width: 100, height: 30))
        s.now = F.at(9, 0)
        _ = update(&s, .key(.char("a")))
        XCTAssertEqual(update(&s, .key(.char("S"))), [])
        XCTAssertFalse(s.confirmingStartNow)
        XCTAssertNotNil(s.notice)
    }
}
