import TovholderCore
import XCTest
@testable import TovholderTUI

/// A participant's screen follows the day, but never while they type: once the field is
/// left, it goes on to where the day is. Typed keys now reach the file before the Escape
/// that ends them is read, so a move landing in between was lost (the participant stayed
/// at the worksheet of an item that was over).
final class FollowTheDayTests: XCTestCase {
    func testADayMovedWhileTypingIsFollowedWhenTheFieldIsLeft() throws {
        var state = TypingBurstTests.atSheet()
        let goal = try XCTUnwrap(state.workshop.worksheets[100]?.goals.first)
        _ = update(&state, .key(.end))
        XCTAssertEqual(state.editing?.field, .entry(goal.id))
        var moved = state.session
        _ = moved.go(to: ScreenFixtures.index(of: .plenum), at: state.now)
        _ = update(&state, .sessionReloaded(moved))
        guard case .worksheet = state.screen else { return XCTFail("typing is never interrupted: \(state.screen)") }
        _ = update(&state, .typed(" og mere"))
        _ = update(&state, .key(.escape))
        XCTAssertNil(state.editing)
        guard case .plenum = state.screen else { return XCTFail("left behind at \(state.screen)") }
        XCTAssertFalse(state.leftBehindByTheDay)
    }

    func testAFieldGivenBackAfterThirtySecondsAlsoCatchesUp() throws {
        var state = TypingBurstTests.atSheet()
        let goal = try XCTUnwrap(state.workshop.worksheets[100]?.goals.first)
        _ = update(&state, .key(.end))
        var moved = state.session
        _ = moved.go(to: ScreenFixtures.index(of: .plenum), at: state.now)
        _ = update(&state, .sessionReloaded(moved))
        _ = update(&state, .leaseExpired(.entry(goal.id)))
        guard case .plenum = state.screen else { return XCTFail("left behind at \(state.screen)") }
    }

    func testWithoutAMoveLeavingAFieldStaysOnTheSheet() {
        var state = TypingBurstTests.atSheet()
        _ = update(&state, .key(.end))
        _ = update(&state, .key(.escape))
        guard case .worksheet = state.screen else { return XCTFail("moved without a move: \(state.screen)") }
    }
}
