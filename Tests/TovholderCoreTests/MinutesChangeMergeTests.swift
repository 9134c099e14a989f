import Foundation
import XCTest
@testable import TovholderCore

/// The minutes say each item's net change once, and the small wrongs of issue 22: a welcome
/// stood on without its timer is held, a typed time range gets one "kl.".
final class MinutesChangeMergeTests: XCTestCase {
    /// 5 December 2023 at hh:mm, UTC (the minutes are made at offset 0 here).
    func at(_ h: Int, _ m: Int, _ s: Double = 0) -> Double { 1_701_734_400 + Double(h * 3600 + m * 60) + s }

    /// The test programme with `presses` moves of item `index` by `step` minutes, one every
    /// `every` seconds from `start`; each logged as the store would log it.
    func session(_ presses: [(index: Int, minutes: Int)], from start: Double, every: Double = 2,
                 _ configure: (inout SessionState) -> Void = { _ in }) -> SessionState {
        var s = SessionState(programme: TestProgramme.day())
        for (n, p) in presses.enumerated() {
            if let c = s.moveItem(at: p.index, byMinutes: p.minutes) {
                s.changeLog.append(LoggedChange(at: start + Double(n) * every, change: c))
            }
        }
        configure(&s)
        return s
    }

    func minutes(_ s: SessionState, _ lang: Language = .da) -> Minutes {
        Minutes(session: s, workshop: Workshop(), agreements: [:], roadmap: [], utcOffsetSeconds: 0,
                exportedAt: at(16, 0), language: lang)
    }

    func testThereAndBackAgainLeavesNoLine() {
        let s = session([(3, 5), (3, 5), (3, 5), (3, -5), (3, -5), (3, -5)], from: at(9, 40))
        XCTAssertEqual(s.changeLog.count, 6, "the log keeps every press")
        XCTAssertEqual(minutes(s).agenda.changes, [])
    }

    func testSixtyNinePressesAreOneLine() {
        let s = session(Array(repeating: (1, 1), count: 69), from: at(9, 5), every: 1)
        let changes = minutes(s).agenda.changes
        XCTAssertEqual(changes.count, 1)
        XCTAssertEqual(changes.first?.text, "Programmet blev ændret 09.05: Kan I tælle til 3? flyttet 69 min senere, til 10.19")
        XCTAssertEqual(changes.first?.change, .moved(title: "Kan I tælle til 3?", from: ClockTime(minutes: 550), to: ClockTime(minutes: 619)))
        XCTAssertEqual(minutes(s, .en).agenda.changes.first?.text,
                       "The programme was changed at 09:05: Kan I tælle til 3? moved 69 min later, to 10:19")
    }

    func testEarlierIsSaidSoAndTheNetChangeIsWhatRemains() {
        var s = SessionState(programme: TestProgramme.day())
        let later = s.moveItem(at: 3, byMinutes: 20)!  // 9.00: pause at 10.10
        let back = [s.moveItem(at: 3, byMinutes: -5)!, s.moveItem(at: 3, byMinutes: 10)!, s.moveItem(at: 3, byMinutes: -20)!]
        s.changeLog = [LoggedChange(at: at(9, 0), change: later)]
            + back.enumerated().map { LoggedChange(at: at(9, 30) + Double($0.offset), change: $0.element) }
        XCTAssertEqual(minutes(s).agenda.changes.map(\.text), [
            "Programmet blev ændret 09.00: Pause flyttet 20 min senere, til 10.10",
            "Programmet blev ændret 09.30: Pause flyttet 15 min tidligere, til 09.55",
        ])
    }

    func testChangesMoreThanTenMinutesApartOrWithAnotherBetweenStaySeparate() {
        // Apart: 9.30 and 9.45.
        var s = session([(3, 5), (3, 5)], from: at(9, 30), every: 15 * 60)
        XCTAssertEqual(minutes(s).agenda.changes.map(\.text), [
            "Programmet blev ændret 09.30: Pause flyttet 5 min senere, til 09.55",
            "Programmet blev ændret 09.45: Pause flyttet 5 min senere, til 10.00",
        ])
        // Within ten minutes of the one before, each: one run, though 12 minutes in all.
        s = session([(3, 5), (3, 5), (3, 5)], from: at(9, 30), every: 6 * 60)
        XCTAssertEqual(minutes(s).agenda.changes.count, 1)
        // Another item between.
        s = session([(3, 5), (4, 5), (3, 5)], from: at(9, 30))
        XCTAssertEqual(minutes(s).agenda.changes.map { $0.change.text(.da) },
                       ["Pause flyttet til 09.55", "Tak for i dag flyttet til 10.10", "Pause flyttet til 10.00"])
    }

    func testResizesMergeAndRenamesAreKept() {
        var s = SessionState(programme: TestProgramme.day())
        var log: [ProgrammeChange] = []
        for m in [35, 40, 30] { log.append(s.resizeItem(at: 2, minutes: m)!) }
        log.append(s.renameItem(at: 2, to: "Mål")!)
        for m in [35, 30] { log.append(s.resizeItem(at: 2, minutes: m)!) }
        s.changeLog = log.enumerated().map { LoggedChange(at: at(9, 0) + Double($0.offset), change: $0.element) }
        XCTAssertEqual(minutes(s).agenda.changes.map { $0.change.text(.da) }, ["Drøm målene større omdøbt til Mål"],
                       "30 → 40 → 30 and 30 → 35 → 30 leave only the rename")
    }

    func testStartingTheDayNowIsOneLineAboutTheWholeDay() throws {
        // S pressed at 9.25: the first item, planned at 9.00, starts now and the rest follows.
        var s = SessionState(programme: TestProgramme.day())
        let c = try XCTUnwrap(s.startNow(atMinute: 9 * 60 + 25))
        s.changeLog = [LoggedChange(at: at(9, 25, 20), change: c)]
        XCTAssertEqual(minutes(s).agenda.changes.map(\.text), ["Dagen startet kl. 09.25: resten af dagen flyttet 25 min senere"])
        XCTAssertEqual(minutes(s, .en).agenda.changes.map(\.text), ["The day started at 09:25: the rest of the day moved 25 min later"])
        // Later in the day: the current item starts now and the rest follows.
        var later = SessionState(programme: TestProgramme.day())
        _ = later.go(to: 3, at: at(10, 0))
        let pause = try XCTUnwrap(later.startNow(atMinute: 10 * 60 + 15))
        later.changeLog = [LoggedChange(at: at(10, 15, 5), change: pause)]
        XCTAssertEqual(minutes(later).agenda.changes.map(\.text).count, 1)
        XCTAssertTrue(minutes(later).agenda.changes[0].text.hasSuffix("startet kl. 10.15: resten af dagen flyttet 25 min senere"),
                      minutes(later).agenda.changes[0].text)
        // A move with > that happens to land at the moment it was made is an ordinary move.
        var moved = SessionState(programme: TestProgramme.day())
        let m = try XCTUnwrap(moved.moveItem(at: 0, byMinutes: 25))
        moved.changeLog = [LoggedChange(at: at(9, 25, 20), change: m)]
        XCTAssertEqual(minutes(moved).agenda.changes.map(\.text), ["Programmet blev ændret 09.25: Velkommen flyttet 25 min senere, til 09.25"])
    }

    func testAWelcomeStoodOnWithoutItsTimerIsHeld() {
        var s = SessionState(programme: TestProgramme.day())
        let count = TestProgramme.day().agenda[1]
        // Space never pressed on the welcome; the day moved on at 9.12 (planned 9.00).
        s.items[count.id] = ItemProgress(actualStart: at(9, 12), countdown: Countdown(durationSeconds: count.minutes * 60))
        s.currentIndex = 1
        XCTAssertEqual(minutes(s).agenda.items[0].status, .held)
        XCTAssertEqual(minutes(s).agenda.items[0].statusText, "afholdt")
        // Clicked past before its time (8.40): never stood on at its time.
        s.items[count.id]?.actualStart = at(8, 40)
        XCTAssertEqual(minutes(s).agenda.items[0].status, .skipped)
        // Later items never arrived at still count as skipped.
        s.items[count.id]?.actualStart = at(9, 12)
        s.currentIndex = 3
        XCTAssertEqual(minutes(s).agenda.items[2].status, .skipped)
    }

    func testATimeIsSaidWithOneKl() {
        let s = ExportStrings(.da)
        let cases: [(String, ClockTime?, String)] = [
            ("kl. 13.30-15", nil, "kl. 13.30–15.00"),
            ("13.30-15", nil, "kl. 13.30–15.00"),
            ("kl. 14", ClockTime(hour: 14, minute: 0), "kl. 14.00"),
            ("kl. efter frokost", nil, "kl. efter frokost"),
            ("klokken halv to", nil, "klokken halv to"),
            ("efter frokost", nil, "kl. efter frokost"),
            ("", nil, ""),
        ]
        for (typed, time, expected) in cases {
            XCTAssertEqual(Minutes.timeWords(typed, time, s), expected, typed)
        }
        let a = Agreement(groupID: 1, nextMeeting: NextMeeting(dateText: "18/1", date: CalendarDate(year: 2024, month: 1, day: 18),
                                                               timeText: "kl. 13.30-15", place: "Rådhuset"))
        let words = Minutes.agreement(a, s).nextMeeting
        XCTAssertEqual(words.text, "18. januar 2024 kl. 13.30–15.00, Rådhuset")
        XCTAssertEqual(words.timeText, "kl. 13.30-15", "the field keeps what was typed")
        XCTAssertFalse(words.text.contains("kl. kl."))
    }
}
