import XCTest
@testable import TovholderCore

final class CountdownTests: XCTestCase {
    func testRemainingComesFromWallClockNotTicks() {
        var c = Countdown(durationSeconds: 600)
        c.start(at: 1000)
        XCTAssertEqual(c.remaining(at: 1000), 600)
        XCTAssertEqual(c.remaining(at: 1250.5), 349.5)
        XCTAssertEqual(c.remaining(at: 1700), -100, "counts on past zero as overrun")
    }

    func testPauseKeepsTimeLeftAndPausedTimeDoesNotCount() {
        var c = Countdown(durationSeconds: 600)
        c.start(at: 0)
        c.pause(at: 100)
        XCTAssertFalse(c.isRunning)
        XCTAssertEqual(c.remaining(at: 5000), 500, "paused: time stands still however long")
        c.start(at: 5000)
        XCTAssertEqual(c.remaining(at: 5100), 400)
    }

    func testAdjustByMinutesNeverBelowOneMinute() {
        var c = Countdown(durationSeconds: 120)
        c.adjust(minutes: 1, at: 0)
        XCTAssertEqual(c.durationSeconds, 180)
        c.adjust(minutes: -1, at: 0); c.adjust(minutes: -1, at: 0); c.adjust(minutes: -1, at: 0)
        XCTAssertEqual(c.durationSeconds, 60)
    }

    func testPhasesAtTwentyAndFivePercentAndOverrun() {
        var c = Countdown(durationSeconds: 1000)
        c.start(at: 0)
        XCTAssertEqual(c.phase(at: 799), .plenty)
        XCTAssertEqual(c.phase(at: 800), .warning)
        XCTAssertEqual(c.phase(at: 949), .warning)
        XCTAssertEqual(c.phase(at: 950), .critical)
        XCTAssertEqual(c.phase(at: 1001), .overrun)
    }

    func testBellRingsOnceAtZeroAndAgainOnlyAfterMoreTime() {
        var state = SessionState(programme: TestProgramme.day(), currentIndex: 2)
        _ = state.toggleTimer(at: 0)
        XCTAssertFalse(state.takeBell(at: 1799))
        XCTAssertTrue(state.takeBell(at: 1800))
        XCTAssertFalse(state.takeBell(at: 1801), "only one bell")
        _ = state.adjustTimer(minutes: 1, at: 1802)
        XCTAssertFalse(state.takeBell(at: 1803))
        XCTAssertTrue(state.takeBell(at: 1860), "the extra minute ran out: one more bell")
    }

    func testUntimedItemsNeverRing() {
        var state = SessionState(programme: TestProgramme.day(), currentIndex: 0)
        _ = state.toggleTimer(at: 0)
        XCTAssertFalse(state.takeBell(at: 10_000))
    }
}
