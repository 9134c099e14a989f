import TovholderCore
import XCTest
@testable import TovholderTUI

/// Issue 23, point 6: the presenter console shows what the room reads — the challenge and its
/// bullets, an exercise step, the item's questions — in ordinary letters above the notes, so
/// the facilitator can speak to it without turning to the wall.
final class PresenterConsoleRoomTextTests: XCTestCase {
    typealias F = ScreenFixtures

    func screen(_ state: AppState) -> String {
        var canvas = Canvas(size: state.size)
        render(state, into: &canvas)
        return canvas.text
    }

    func testTheFirstIntroShowsTheChallengeAndItsBulletsAboveTheNotes() throws {
        let state = F.at(item: F.index(of: .intro), .da, size: Size(width: 160, height: 45))
        let text = screen(state)
        let day = F.referenceDay
        XCTAssertTrue(text.contains(String(day.challenge.question.prefix(40))), text)
        let bullet = try XCTUnwrap(day.challenge.bullets.first)
        XCTAssertTrue(text.contains("• " + bullet.prefix(30)), text)
        let notes = try XCTUnwrap(text.range(of: "Dine noter"))
        let question = try XCTUnwrap(text.range(of: String(day.challenge.question.prefix(40))))
        XCTAssertLessThan(question.lowerBound, notes.lowerBound, "the room's text stands above the notes")
    }

    func testAnExerciseShowsItsStepAndExample() throws {
        let state = F.at(item: F.index(of: .exercise), .en, size: Size(width: 120, height: 34))
        let step = try XCTUnwrap(state.session.currentItem.steps.first)
        let text = screen(state)
        XCTAssertTrue(text.contains(try XCTUnwrap(step.instruction)), text)
        XCTAssertTrue(text.contains(step.example.joined(separator: " · ")), text)
    }
}
