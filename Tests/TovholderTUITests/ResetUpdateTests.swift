import TovholderCore
import XCTest
@testable import TovholderTUI

/// `R` on the agenda: start the day afresh after a rehearsal, asked first.
final class ResetUpdateTests: XCTestCase {
    typealias F = ScreenFixtures

    /// The facilitator on the agenda, the day well under way.
    func agenda(_ lang: Language = .da) -> AppState {
        var s = F.at(item: F.index(of: .groupWork), lang, size: Size(width: 100, height: 30))
        _ = update(&s, .key(.char("a")))
        XCTAssertEqual(s.keyContext, .agenda)
        return s
    }

    func testRAsksAndEscSaysNo() {
        var s = agenda()
        XCTAssertEqual(update(&s, .key(.char("R"))), [])
        XCTAssertTrue(s.confirmingReset)
        XCTAssertEqual(s.keyContext, .confirmReset)
        let screen = render(s).text
        XCTAssertTrue(screen.contains("Start dagen forfra?"), screen)
        XCTAssertTrue(screen.contains("Enter Start dagen forfra") && screen.contains("Esc Tilbage"), "the bar answers")
        let day = s.session
        XCTAssertEqual(update(&s, .key(.escape)), [])
        XCTAssertFalse(s.confirmingReset)
        XCTAssertEqual(s.session, day)
        XCTAssertEqual(s.keyContext, .agenda, "still on the agenda")
        XCTAssertFalse(render(s).text.contains("Start dagen forfra?"))
    }

    func testAnyOtherKeySaysNoTooAndALowercaseRIsNothing() {
        var s = agenda()
        XCTAssertFalse(update(&s, .key(.char("r"))).contains(.resetDay))
        XCTAssertFalse(s.confirmingReset, "r is not R")
        s = agenda()
        _ = update(&s, .key(.char("R")))
        for key in [Key.char("j"), .char("y"), .char(" ")] {
            XCTAssertEqual(update(&s, .key(key)), [], "\(key)")
            XCTAssertFalse(s.confirmingReset)
            _ = update(&s, .key(.char("R")))
        }
        XCTAssertEqual(update(&s, .key(.down)), [])
        XCTAssertEqual(s.screen, .agenda(selected: F.index(of: .groupWork)), "the answer is not also a move")
    }

    func testEnterResetsAndTheReloadShowsTheFirstItemNamingTheSnapshot() {
        var s = agenda()
        _ = update(&s, .key(.char("R")))
        XCTAssertEqual(update(&s, .key(.enter)), [.resetDay])
        XCTAssertFalse(s.confirmingReset)
        // What the shell does after the reset: the day read back, then the notice.
        var fresh = s.session
        fresh.currentIndex = 0; fresh.currentStep = 0; fresh.items = [:]
        _ = update(&s, .sessionReloaded(fresh))
        XCTAssertEqual(update(&s, .dayReset(snapshot: "2023-12-05 19.00.00 før nulstilling.tovholder")), [])
        XCTAssertEqual(s.screen, .item)
        XCTAssertEqual(s.session.currentIndex, 0)
        XCTAssertEqual(s.notice, "Dagen starter forfra. Øjebliksbillede: 2023-12-05 19.00.00 før nulstilling.tovholder")
        _ = update(&s, .key(.char("?")))
        XCTAssertNotNil(s.notice, "the notice stays a while")
    }

    func testInEnglish() {
        var s = agenda(.en)
        _ = update(&s, .key(.char("R")))
        XCTAssertTrue(render(s).text.contains("Start the day afresh?"))
        _ = update(&s, .dayReset(snapshot: "x.tovholder"))
        XCTAssertEqual(s.notice, "The day starts afresh. Snapshot: x.tovholder")
    }

    func testRIsOnlyOnTheAgendaAndInItsHelp() {
        var s = F.at(item: F.index(of: .groupWork), size: Size(width: 100, height: 30))
        XCTAssertEqual(update(&s, .key(.char("R"))), [])
        XCTAssertFalse(s.confirmingReset, "not from the item screen")
        s = agenda()
        _ = update(&s, .key(.char("?")))
        XCTAssertTrue(render(s).text.contains("Start dagen forfra"), "help from the agenda lists R")
    }

    func testAParticipantCanNeverReset() {
        XCTAssertTrue(Seat.facilitatorOnly.contains(.resetDay))
        let seat = Seat.participant(groupID: 100)
        XCTAssertFalse(Keymap.bar(for: .agenda, seat: seat).contains { $0.command == .resetDay })
        // Even on the agenda (a participant never gets there): nothing is asked, nothing done.
        var s = agenda()
        s.workshop = WorkshopFixtures.workshop(groups: 2)
        s.seat = seat
        XCTAssertEqual(update(&s, .key(.char("R"))), [])
        XCTAssertFalse(s.confirmingReset)
        XCTAssertEqual(update(&s, .key(.enter)), [])
        // On their own sheet R is a letter typed, never a reset.
        s.sit(as: seat)
        let effects = update(&s, .key(.char("R")))
        XCTAssertFalse(effects.contains(.resetDay))
        XCTAssertFalse(s.confirmingReset)
    }

    func testNotAskedWhileChangesWaitForTheFile() {
        var s = agenda()
        s.unsaved = "Disken er fuld"
        XCTAssertEqual(update(&s, .key(.char("R"))), [])
        XCTAssertFalse(s.confirmingReset)
    }
}
