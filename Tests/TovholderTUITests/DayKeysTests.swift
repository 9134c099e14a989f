import TovholderCore
import XCTest
@testable import TovholderTUI

/// Issue 22 point 1: the day keys move the day on every facilitator screen of the day, the
/// plenum included; the plenum notes are entered with Enter or `m` and left with Esc.
final class DayKeysTests: XCTestCase {
    typealias F = ScreenFixtures

    func plenum() -> AppState {
        var s = F.at(item: F.index(of: .plenum), size: Size(width: 80, height: 24))
        s.workshop = WorkshopFixtures.workshop(groups: 3)
        followAgenda(&s)
        _ = ProjectorFollow.follow(&s)  // as after the `n` that arrived here
        return s
    }

    func testEveryDayKeyMovesTheDayOnTheItemAgendaAndPlenum() {
        for key: Key in [.char("n"), .right, .pageDown] {
            for open in ["item", "agenda", "plenum"] {
                var s = plenum()
                if open == "item" { _ = update(&s, .key(.function(5))) }
                if open == "agenda" { _ = update(&s, .key(.char("a"))) }
                let before = s.session.currentIndex
                _ = update(&s, .key(key))
                XCTAssertEqual(s.session.currentIndex, before + 1, "\(key) on \(open)")
                XCTAssertNil(s.editing, "\(key) on \(open) types nowhere")
                XCTAssertNil(s.workshop.plenumNotes[s.session.programme.agenda[before].id], "no notes written")
            }
        }
        for key: Key in [.char("p"), .left, .pageUp] {
            var s = plenum()
            let before = s.session.currentIndex
            _ = update(&s, .key(key))
            XCTAssertEqual(s.session.currentIndex, before - 1, "\(key) on the plenum")
        }
    }

    func testSpaceStartsTheItemsCountdownOnThePlenum() {
        var s = plenum()
        XCTAssertFalse(s.session.currentProgress.countdown.isRunning)
        _ = update(&s, .key(.char(" ")))
        XCTAssertTrue(s.session.currentProgress.countdown.isRunning)
        XCTAssertNil(s.editing)
    }

    func testTheNotesAreEnteredWithEnterOrMAndLeftWithEscStayingOnThePlenum() {
        for enter: Key in [.enter, .char("m")] {
            var s = plenum()
            let id = s.session.currentItem.id
            let shown = s.session.projection.shows
            XCTAssertEqual(shown, .plenum(currentPart(s)))
            guard case .plenum(let v) = s.screen, !v.writing else { return XCTFail("the notes never have the focus at first") }
            _ = update(&s, .key(enter))
            XCTAssertEqual(s.editing?.field, .plenumNote(itemID: id))
            _ = update(&s, .key(.char("n")))
            XCTAssertEqual(s.workshop.plenumNotes[id], "n", "while writing, n is a letter")
            XCTAssertEqual(s.session.projection.shows, shown, "the projector keeps the groups' work")
            _ = update(&s, .key(.escape))
            XCTAssertNil(s.editing)
            guard case .plenum(let after) = s.screen, !after.writing else { return XCTFail("Esc stays on the plenum") }
            XCTAssertEqual(s.session.projection.shows, shown, "leaving the notes leaves the projector alone")
            _ = update(&s, .key(.escape))
            guard case .plenum = s.screen else { return XCTFail("the plenum item's own plenum stays on Esc") }
            _ = update(&s, .key(.char("n")))
            XCTAssertEqual(s.workshop.plenumNotes[id], "n", "n moves the day again, types nothing")
            XCTAssertNotEqual(s.session.currentItem.id, id)
        }
    }

    func testF5LeavesThePlenumForTheItem() {
        var s = plenum()
        _ = update(&s, .key(.function(5)))
        XCTAssertEqual(s.screen, .item)
        XCTAssertEqual(s.session.projection.shows, .item)
        var w = plenum()
        _ = update(&w, .key(.enter))
        _ = update(&w, .key(.function(5)))
        XCTAssertEqual(w.screen, .item, "F5 also from the notes")
        XCTAssertNil(w.editing)
    }

    func testArrowsAndBracketsPageTheGroupsAndTheKeyBarSaysSo() {
        var s = plenum()
        _ = update(&s, .key(.down))
        _ = update(&s, .key(.char("]")))
        XCTAssertEqual(s.session.projection.page, 2)
        _ = update(&s, .key(.up))
        _ = update(&s, .key(.char("[")))
        XCTAssertEqual(s.session.projection.page, 0)
        let bar = Keymap.bar(for: .plenum).map(\.label.da)
        XCTAssertTrue(bar.contains("↑↓"), "\(bar)")
        XCTAssertTrue(bar.contains("→") && bar.contains("Enter"), "\(bar)")
    }

    func testAParticipantOnThePlenumMovesNothingAndWritesNothing() {
        var s = plenum()
        s.seat = .participant(groupID: 100)
        let before = s.session.currentIndex
        for key: Key in [.char("n"), .right, .enter, .char("m"), .char(" ")] { _ = update(&s, .key(key)) }
        XCTAssertEqual(s.session.currentIndex, before)
        XCTAssertNil(s.editing)
        XCTAssertEqual(update(&s, .key(.down)), [], "a participant pages only its own screen")
    }
}
