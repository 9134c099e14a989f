import TovholderCore
import XCTest
@testable import TovholderTUI

/// The facilitator changes the programme on the agenda; a participant cannot.
final class AgendaEditTests: XCTestCase {
    typealias F = ScreenFixtures
    let lunch = F.referenceDay.agenda.firstIndex { $0.kind == .lunch }!

    func onAgenda(_ selected: Int) -> AppState {
        var state = F.at(item: 2, .da, size: Size(width: 120, height: 30))
        state.screen = .agenda(selected: selected)
        return state
    }

    func key(_ state: inout AppState, _ k: Key) -> [Effect] { update(&state, .key(k)) }

    func testLunchFifteenMinutesLaterMovesTheRestOfTheDay() {
        var state = onAgenda(lunch)
        var effects: [Effect] = []
        for _ in 0..<3 { effects += key(&state, .char(">")) }
        XCTAssertEqual(effects.count, 3)
        XCTAssertEqual(state.session.programme.agenda[lunch].start, ClockTime(hour: 11, minute: 45))
        XCTAssertEqual(state.session.programme.agenda[lunch + 1].start, ClockTime(hour: 12, minute: 15))
        XCTAssertEqual(state.session.programme.agenda[lunch - 1].start, ClockTime(hour: 11, minute: 15), "what came before stays")
        XCTAssertEqual(effects.last, .save([.programme(.moved(title: "Frokost", from: ClockTime(hour: 11, minute: 40)!,
                                                                to: ClockTime(hour: 11, minute: 45)!))]))
        XCTAssertEqual(state.notice, "Programmet er ændret: Frokost flyttet til 11.45")
        XCTAssertEqual(key(&state, .char("]")).count, 1)
        XCTAssertEqual(state.session.programme.agenda[lunch].minutes, 35)
    }

    func testRenameAndAddByTyping() {
        var state = onAgenda(lunch)
        _ = key(&state, .char("r"))
        XCTAssertEqual(state.editing?.field, .itemTitle(itemID: "frokost"))
        _ = key(&state, .ctrl("u"))
        _ = key(&state, .paste("Frokost i kantinen"))
        XCTAssertEqual(key(&state, .enter), [.save([.programme(.renamed(from: "Frokost", to: "Frokost i kantinen"))])])
        XCTAssertNil(state.editing)
        _ = key(&state, .char("i"))
        _ = key(&state, .paste("Gåtur"))
        let effects = key(&state, .enter)
        XCTAssertEqual(effects, [.save([.programme(.added(title: "Gåtur", start: ClockTime(hour: 12, minute: 0)!, minutes: 15))])])
        XCTAssertEqual(state.session.programme.agenda[lunch + 1].title, "Gåtur")
        XCTAssertEqual(state.screen, .agenda(selected: lunch + 1))
        _ = key(&state, .char("i"))
        _ = key(&state, .char("x"))
        XCTAssertEqual(key(&state, .escape), [], "Esc drops the new item")
        XCTAssertEqual(state.session.programme.agenda.count, F.referenceDay.agenda.count + 1)
    }

    func testRemovingAsksFirstAndNeverTheCurrentItem() {
        var state = onAgenda(lunch)
        XCTAssertEqual(key(&state, .delete), [])
        XCTAssertEqual(state.notice, "Tryk Del igen for at fjerne »Frokost«.")
        XCTAssertEqual(key(&state, .delete), [.save([.programme(.removed(title: "Frokost"))])])
        XCTAssertFalse(state.session.programme.agenda.contains { $0.id == "frokost" })
        var current = onAgenda(2)
        _ = key(&current, .delete); _ = key(&current, .delete)
        XCTAssertEqual(current.notice, current.strings[.cannotRemoveCurrent])
        XCTAssertEqual(current.session.programme.agenda.count, F.referenceDay.agenda.count)
    }

    func testAParticipantCannotChangeTheProgramme() {
        var state = onAgenda(lunch)
        state.sit(as: .participant(groupID: 1))
        state.screen = .agenda(selected: lunch)
        for k: Key in [.char(">"), .char("]"), .char("r"), .char("i"), .delete, .char("K")] { XCTAssertEqual(key(&state, k), []) }
        XCTAssertEqual(state.session.programme, F.referenceDay)
    }

    func testANewItemGetsItsPointsOneLineEach() {
        var state = onAgenda(lunch)
        _ = key(&state, .char("c"))
        XCTAssertEqual(state.editing?.field, .itemContent(itemID: "frokost"))
        _ = key(&state, .paste("Spis i kantinen"))
        _ = key(&state, .enter)
        _ = key(&state, .paste("Tilbage kl. 12"))
        XCTAssertEqual(key(&state, .escape), [.save([.programme(nil)])])
        XCTAssertEqual(state.session.programme.agenda[lunch].bullets, ["Spis i kantinen", "Tilbage kl. 12"])
        _ = key(&state, .char("c"))
        XCTAssertEqual(key(&state, .escape), [], "nothing changed, nothing saved")
    }
}
