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

    func testTheConsoleSaysWhatTheProjectorShowsWithItsPage() {
        var state = F.at(item: F.index(of: .plenum), .da, size: Size(width: 160, height: 45))
        state.session.projection = Projection(shows: .plenum(.goals))
        var projector = TerminalPresence(id: "p", role: .projector, user: "kim", host: "lokal", pid: 1, startedAt: 0,
                                         lastSeen: state.now)
        projector.columns = 160; projector.rows = 45
        projector.field = ProjectorStatus.field(fellBack: false, page: 0, of: 2)
        state.live.terminals = [projector]
        func said() -> String { PresenterConsole.projectorLines(state).map(\.0).joined(separator: "\n") }
        XCTAssertTrue(said().contains("Projektoren viser: plenum · Mål (fremtid) · side 1/2"), said())
        XCTAssertTrue(screen(state).contains("side 1/2"), screen(state))
        projector.field = ProjectorStatus.field(fellBack: true, page: 2, of: 3)
        state.live.terminals = [projector]
        XCTAssertTrue(said().contains("· side 3/3"), said())
        XCTAssertTrue(ProjectorStatus.fellBack(in: projector.field))
        XCTAssertNil(ProjectorStatus.field(fellBack: false, page: 0, of: 1), "one page: nothing to tell, nothing written")
    }
}
