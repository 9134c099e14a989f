import TovholderCore
import XCTest
@testable import TovholderTUI

/// Issue 21, point 6: snapshots at start and every 5 minutes while the day changes; a failure
/// is shown until one succeeds and retried every minute.
final class SnapshotScheduleTests: XCTestCase {
    func testDueAtStartThenEveryFiveMinutesWhenTheDayChanged() {
        var s = SnapshotSchedule()
        XCTAssertTrue(s.isDue(now: 0) { 1 })
        s.started(now: 0, revision: 1)
        XCTAssertFalse(s.isDue(now: 1000) { 2 }, "one at a time")
        s.finished(succeeded: true, now: 0.1)
        XCTAssertFalse(s.isDue(now: 299) { 2 })
        XCTAssertFalse(s.isDue(now: 300) { 1 }, "nothing changed")
        XCTAssertTrue(s.isDue(now: 300) { 2 })
    }

    func testAFailureIsRetriedEveryMinuteUntilOneSucceeds() {
        var s = SnapshotSchedule()
        s.started(now: 0, revision: 1)
        s.finished(succeeded: false, now: 1)
        XCTAssertFalse(s.isDue(now: 60) { 1 })
        XCTAssertTrue(s.isDue(now: 61) { 1 }, "retried though nothing changed")
        s.started(now: 61, revision: 1)
        s.finished(succeeded: false, now: 62)
        XCTAssertFalse(s.isDue(now: 121) { 1 })
        XCTAssertTrue(s.isDue(now: 122) { 1 })
        s.started(now: 122, revision: 1)
        s.finished(succeeded: true, now: 123)
        XCTAssertFalse(s.isDue(now: 183) { 2 }, "back to every 5 minutes")
        XCTAssertTrue(s.isDue(now: 422) { 2 })
    }

    func testTheRetryIntervalCanBeShortenedForTests() {
        XCTAssertEqual(SnapshotSchedule.fromEnvironment([:]).retryEvery, 60)
        XCTAssertEqual(SnapshotSchedule.fromEnvironment(["TOVHOLDER_SNAPSHOT_RETRY": "2"]).retryEvery, 2)
        XCTAssertEqual(SnapshotSchedule.fromEnvironment(["TOVHOLDER_SNAPSHOT_RETRY": "x"]).retryEvery, 60)
    }

    func testTheNoticeStaysThroughKeysUntilASnapshotIsTaken() {
        var s = ScreenFixtures.at(item: 0, .da, size: Size(width: 100, height: 30))
        _ = update(&s, .snapshotFailed(.diskFull))
        let text = "Øjebliksbillede kunne ikke tages: disken er fuld – prøver igen om et minut"
        XCTAssertEqual(s.snapshotTrouble, text)
        _ = update(&s, .key(.char("a")))
        XCTAssertTrue(render(s).text.contains(text), render(s).text)
        _ = update(&s, .snapshotTaken)
        XCTAssertNil(s.snapshotTrouble)
        XCTAssertTrue(render(s).text.contains("Øjebliksbillede taget igen"))

        var en = ScreenFixtures.at(item: 0, .en, size: Size(width: 100, height: 30))
        _ = update(&en, .snapshotFailed(.diskFull))
        XCTAssertEqual(en.snapshotTrouble, "Snapshot could not be taken: the disk is full – trying again in a minute")
    }
}
