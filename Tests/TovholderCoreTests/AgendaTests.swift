import XCTest
@testable import TovholderCore

final class AgendaTests: XCTestCase {
    typealias P = TestProgramme

    func plan(_ s: SessionState, _ now: Double) -> AgendaPlan {
        AgendaPlan(state: s, now: now, minuteOfDay: P.minuteOfDay)
    }

    func testNotStartedDayHasNoDelay() {
        let s = SessionState(programme: P.day())
        let p = plan(s, P.at(8, 30))
        XCTAssertFalse(p.started)
        XCTAssertEqual(p.delayMinutes, 0)
        XCTAssertEqual(p.rows.map(\.status), [.now, .next, .later, .later, .later])
    }

    func testLateStartShiftsTheRestOfTheDay() {
        var s = SessionState(programme: P.day())
        _ = s.goNext(at: P.at(9, 17))  // the exercise planned 09.10 begins 09.17
        let p = plan(s, P.at(9, 18))
        XCTAssertTrue(p.started)
        XCTAssertEqual(p.delayMinutes, 7)
        XCTAssertEqual(p.rows[1].actualStart, P.t(9, 17))
        XCTAssertEqual(p.rows[2].projectedStart, P.t(9, 27))
        XCTAssertEqual(p.rows[4].projectedStart, P.t(10, 7))
        XCTAssertEqual(p.rows[0].status, .held)
    }

    func testEarlyStartIsAhead() {
        var s = SessionState(programme: P.day())
        _ = s.goNext(at: P.at(9, 5))
        XCTAssertEqual(plan(s, P.at(9, 6)).delayMinutes, -5)
    }

    func testRunningOverAnItemGrowsTheDelay() {
        var s = SessionState(programme: P.day())
        _ = s.go(to: 3, at: P.at(9, 50))  // the break, on time
        XCTAssertEqual(plan(s, P.at(9, 55)).delayMinutes, 0)
        XCTAssertEqual(plan(s, P.at(10, 4)).delayMinutes, 4, "still in the break 4 min after it should end")
    }

    func testTimerExtraMinutesAndPausesCount() {
        var s = SessionState(programme: P.day())
        _ = s.go(to: 2, at: P.at(9, 20))
        _ = s.toggleTimer(at: P.at(9, 20))
        _ = s.adjustTimer(minutes: 5, at: P.at(9, 21))
        XCTAssertEqual(plan(s, P.at(9, 21)).delayMinutes, 5)
        _ = s.toggleTimer(at: P.at(9, 30))  // pause for 3 minutes
        XCTAssertEqual(plan(s, P.at(9, 33)).delayMinutes, 8)
    }

    func testExerciseStepsComeBeforeTheNextItem() {
        var s = SessionState(programme: P.day(), currentIndex: 1)
        XCTAssertEqual(s.goNext(at: 0), [.position]); XCTAssertEqual(s.currentStep, 1)
        _ = s.goNext(at: 0); XCTAssertEqual(s.currentStep, 2)
        _ = s.goNext(at: 0); XCTAssertEqual(s.currentIndex, 2); XCTAssertEqual(s.currentStep, 0)
        _ = s.goPrevious(at: 0); XCTAssertEqual(s.currentIndex, 1); XCTAssertEqual(s.currentStep, 2,
                                                                                    "back lands on the last step")
    }

    func testLeavingAnItemPausesItsTimerAndRecordsStarts() {
        var s = SessionState(programme: P.day(), currentIndex: 2)
        _ = s.toggleTimer(at: 100)
        let changes = s.goNext(at: 200)
        XCTAssertEqual(changes, [.item("maal"), .position, .item("pause")])
        XCTAssertFalse(s.items["maal"]!.countdown.isRunning)
        XCTAssertEqual(s.items["maal"]!.countdown.accumulatedSeconds, 100)
        XCTAssertEqual(s.items["pause"]!.actualStart, 200)
    }

    func testCannotGoPastTheEnds() {
        var s = SessionState(programme: P.day())
        XCTAssertEqual(s.goPrevious(at: 0), [])
        _ = s.go(to: 4, at: 0)
        XCTAssertEqual(s.goNext(at: 0), [])
        XCTAssertEqual(s.currentIndex, 4)
    }
}
