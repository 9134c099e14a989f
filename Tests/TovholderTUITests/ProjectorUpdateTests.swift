import TovholderCore
import XCTest
@testable import TovholderTUI

/// The projector follows what the facilitator opens, goes dark on `b`, takes no keys but
/// quit; the facilitator's notes are written on the console and never shown to the room.
final class ProjectorUpdateTests: XCTestCase {
    typealias F = ScreenFixtures

    func testTheProjectorFollowsTheScreensTheFacilitatorOpens() {
        var s = F.at(item: F.index(of: .groupWork), size: Size(width: 80, height: 24))
        XCTAssertEqual(update(&s, .key(.char("a"))), [.save([.projection])])
        XCTAssertEqual(s.session.projection.shows, .agenda)
        XCTAssertEqual(update(&s, .key(.char("a"))), [.save([.projection])])
        XCTAssertEqual(s.session.projection.shows, .item)
        _ = update(&s, .key(.char("o")))
        XCTAssertEqual(s.session.projection.shows, .plenum(.goals))
        _ = update(&s, .key(.char("]")))  // PgDn is a day key on the plenum now: ] and ↓ page
        _ = update(&s, .key(.down))
        XCTAssertEqual(s.session.projection.page, 2, "the facilitator turns the projector's pages")
        _ = update(&s, .key(.function(5)))  // back to the item
        XCTAssertEqual(s.session.projection, Projection(shows: .item), "a new screen pages by itself again")
        _ = update(&s, .key(.char("e")))
        XCTAssertEqual(s.session.projection.shows, .example)
        // The facilitator's own screens leave the projector where it was.
        _ = update(&s, .key(.escape))
        XCTAssertEqual(update(&s, .key(.char("?"))), [])
        XCTAssertEqual(update(&s, .key(.char("t"))), [])
        XCTAssertEqual(s.session.projection.shows, .item)
    }

    func testBBlanksTheProjectorAndBringsItBack() {
        var s = F.at(item: 2, size: Size(width: 80, height: 24))
        XCTAssertEqual(update(&s, .key(.char("b"))), [.save([.projection])])
        XCTAssertTrue(s.session.projection.blank)
        XCTAssertEqual(s.notice, s.strings[.projectorBlanked])
        _ = update(&s, .key(.char("b")))
        XCTAssertFalse(s.session.projection.blank)
        var p = F.at(item: 2, size: Size(width: 80, height: 24))
        p.sit(as: .participant(groupID: 100))
        p.screen = .item
        XCTAssertEqual(update(&p, .key(.char("b"))), [], "only the facilitator blanks the room's screen")
    }

    func testTheProjectorTakesNoKeysButQuit() {
        var s = F.at(item: 2, size: Size(width: 240, height: 67))
        s.sit(as: .projector)
        let before = s
        for key in [Key.char("n"), .char("b"), .char(" "), .enter, .right, .escape, .function(5), .ctrl("z"), .paste("hej")] {
            XCTAssertEqual(update(&s, .key(key)), [], "\(key)")
        }
        XCTAssertEqual(s, before)
        for key in [Key.char("q"), .function(10), .ctrl("x")] {
            var p = s
            XCTAssertEqual(update(&p, .key(key)), [.quit], "\(key)")
        }
    }

    func testNotesAreTypedOnTheirOwnScreenAndSavedPerKeystroke() {
        var s = F.at(item: 2, size: Size(width: 80, height: 24))
        let item = s.session.currentItem.id
        XCTAssertEqual(update(&s, .key(.char("m"))), [])
        XCTAssertEqual(s.screen, .notes(returnTo: .item))
        XCTAssertEqual(update(&s, .key(.char("H"))),
                       [.acquireLease(.itemNote(itemID: item), takeOver: true), .workshop(.setText(.itemNote(itemID: item), "H"))])
        _ = update(&s, .key(.paste("usk bolde")))
        _ = update(&s, .key(.enter))  // a new line: notes are a free text
        _ = update(&s, .key(.char("x")))
        XCTAssertEqual(s.workshop.itemNotes[item], "Husk bolde\nx")
        XCTAssertEqual(update(&s, .key(.escape)), [.releaseLease(.itemNote(itemID: item))])
        XCTAssertEqual(s.screen, .item)
        XCTAssertTrue(render(s).text.contains("Husk bolde"), "the console shows the notes")
        XCTAssertEqual(s.session.projection.shows, .item, "the notes never go to the projector")
    }

    func testTheProjectorCheckSaysWhatToDoInWords() {
        let da = Strings(.da), en = Strings(.en)
        XCTAssertEqual(PresenterConsole.sizeCheck(columns: 240, rows: 67, da)?.0,
                       "Gør skriften større: 67 rækker er for småt til et stort lokale (højst 50)")
        XCTAssertEqual(PresenterConsole.sizeCheck(columns: 240, rows: 67, en)?.0,
                       "Make the font larger: 67 rows is too small for a large room (at most 50)")
        XCTAssertEqual(PresenterConsole.sizeCheck(columns: 160, rows: 45, da)?.1, .ahead)
        XCTAssertEqual(PresenterConsole.sizeCheck(columns: 100, rows: 20, da)?.0.hasPrefix("Gør skriften mindre: 20 rækker"), true)
        XCTAssertEqual(PresenterConsole.sizeCheck(columns: 70, rows: 30, da)?.0.hasPrefix("Gør skriften mindre: 70 kolonner"), true)
        XCTAssertNil(PresenterConsole.sizeCheck(columns: nil, rows: nil, da))
    }

    func testTheConsoleShowsTheProjectorItsSizeAndAFallBack() {
        var s = F.at(item: 2, size: Size(width: 140, height: 40))
        XCTAssertTrue(render(s).text.contains("Projektor: ingen tilsluttet"))
        var projector = TerminalPresence(id: "p", role: .projector, user: "sal", host: TerminalPresence.localHost, pid: 1,
                                         startedAt: 0, lastSeen: s.now, columns: 240, rows: 67)
        s.live.terminals = [projector]
        var text = render(s).text
        XCTAssertTrue(text.contains("Gør skriften større: 67"), text)
        XCTAssertFalse(text.contains("almindelig"))
        projector.field = ProjectorStatus.fellBack
        s.live.terminals = [projector]
        s.session.projection = Projection(shows: .plenum(.signs), blank: true)
        text = render(s).text
        XCTAssertTrue(text.contains("almindelig"), text)
        XCTAssertTrue(text.contains("SORT"))
        s.screen = .terminals(TerminalsView(returnTo: .item))
        text = render(s).text
        XCTAssertTrue(text.contains("▶ Projektor       sal"), "the t list names the projector, not the facilitator: \(text)")
    }

    func testTheConsoleShowsEachGroupsProgressAndWhoIsTyping() {
        var s = F.at(item: F.index(of: .groupWork), size: Size(width: 120, height: 30))
        s.workshop = WorkshopFixtures.workshop(groups: 4)
        let goal = s.workshop.worksheets[101]!.goals[0].id
        s.live.terminals = [TerminalPresence(id: "x", role: .participant, groupID: 101, user: "anna", host: "lokal", pid: 2,
                                             startedAt: 0, lastSeen: s.now, field: FieldRef.entry(goal).historyName)]
        let text = render(s).text
        XCTAssertTrue(text.contains("Gruppe 1  2 skrevet"), text)
        XCTAssertTrue(text.contains("skriver: anna"))
        XCTAssertTrue(text.contains("Gruppe 4  0 skrevet"))
    }
}
