import XCTest
@testable import TovholderCore

/// The bundled second day ("Udviklingsdage del 2") is a real, valid case: it loads like any
/// template, opens with the follow-up, asks about trial actions only from their group work on,
/// and its roadmap goes on from day 1's.
final class SecondDayTemplateTests: XCTestCase {
    func testTheSecondDayLoadsAndFollowsTheMethod() throws {
        let path = try XCTUnwrap(TemplateCatalog.resolve("udviklingsdag-2"))
        guard case .success(let day) = TemplateLoader.load(path: path) else {
            if case .failure(let e) = TemplateLoader.load(path: path) { XCTFail(e.text(.en)) }
            return
        }
        XCTAssertEqual(day.date, CalendarDate(year: 2024, month: 1, day: 18))
        XCTAssertEqual(day.agenda.map(\.kind).prefix(2), [.welcome, .followUp], "the follow-up opens the day")
        XCTAssertEqual(day.decks.map(\.id), ["syv-principper"])
        var state = SessionState(programme: day)
        XCTAssertEqual(state.reachedParts, [.challenge, .goals, .mechanisms, .signs], "day 2 starts where day 1 ended")
        state.currentIndex = try XCTUnwrap(day.agenda.firstIndex { $0.id == "kaeden" })
        XCTAssertFalse(state.reachedParts.contains(.trialActions), "revisiting the chain asks nothing of trial actions")
        state.currentIndex = try XCTUnwrap(day.agenda.firstIndex { $0.kind == .groupWork && $0.part == .trialActions })
        XCTAssertTrue(state.reachedParts.contains(.trialActions))
        XCTAssertEqual(day.roadmap.map(\.title), ["Udviklingsdage del 2", "Arbejdet med målplaner kan igangsættes på arbejdspladser"])
        XCTAssertTrue(TemplateCatalog.list().map(\.name).contains("udviklingsdag-2"))
    }
}
