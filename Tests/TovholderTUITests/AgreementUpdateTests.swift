import TovholderCore
import XCTest
@testable import TovholderTUI

final class AgreementUpdateTests: XCTestCase {
    typealias F = ScreenFixtures

    func state() -> AppState {
        var s = F.at(item: F.index(of: .agreement), size: Size(width: 80, height: 24))
        s.workshop = WorkshopFixtures.workshop(groups: 2)
        s.agreements = [100: Agreement(groupID: 100, rows: [AgreementRow(id: 7)])]
        s.roadmap = [RoadmapEntry(id: 1, from: CalendarDate(year: 2023, month: 12, day: 4)!, title: "Del 1", position: 1),
                     RoadmapEntry(id: 2, from: CalendarDate(year: 2024, month: 1, day: 18)!, title: "Del 2", position: 2)]
        return s
    }

    func testTypingADueDateReadsItTheDanishWayAndSavesTheText() {
        var s = state()
        var view = AgreementView(groupID: 100)
        view.focus = 4  // perspectives, involve, who, knowledge, due
        s.screen = .agreement(view)
        XCTAssertEqual(update(&s, .key(.enter)), [])  // row cells take no lease
        let effects = ["1", "8", "/", "1"].flatMap { update(&s, .key(.char(Character($0)))) }
        XCTAssertEqual(effects.last, .workshop(.setText(.agreementRow(id: 7, .due), "18/1")))
        XCTAssertEqual(s.agreements[100]?.rows[0].due, CalendarDate(year: 2024, month: 1, day: 18), "the next 18 January")
        let screen = render(s).text
        XCTAssertTrue(screen.contains("18. januar 2024"), screen)
    }

    func testAnUnreadableDateIsSaidAtOnce() {
        var s = state()
        var view = AgreementView(groupID: 100)
        view.focus = 4
        s.screen = .agreement(view)
        _ = update(&s, .key(.enter))
        _ = update(&s, .key(.paste("31/2")))
        XCTAssertNil(s.agreements[100]?.rows[0].due)
        XCTAssertTrue(render(s).text.contains("februar har ikke 31 dage"))
    }

    func testTheFourthQuestionsFieldsAreOneLineAndTabMovesOn() {
        var s = state()
        var view = AgreementView(groupID: 100)
        view.focus = 6  // next date
        s.screen = .agreement(view)
        _ = update(&s, .key(.enter))
        XCTAssertEqual(s.editing?.field, .agreement(groupID: 100, .nextDate))
        _ = update(&s, .key(.paste("18. januar")))
        _ = update(&s, .key(.tab))
        XCTAssertEqual(s.editing?.field, .agreement(groupID: 100, .nextTime), "Tab goes on typing in the next field")
    }

    func testRoadmapKeysAddMoveAndDeleteOnlyForTheFacilitator() {
        var s = state()
        s.screen = .roadmap(RoadmapView(returnTo: .item))
        XCTAssertEqual(update(&s, .key(.char("+"))), [.workshop(.addRoadmapEntry(after: 1))])
        XCTAssertEqual(update(&s, .key(.char(">"))), [.workshop(.moveRoadmapEntry(1, by: 1))])
        XCTAssertEqual(update(&s, .key(.delete)), [], "the first Delete asks again")
        XCTAssertEqual(update(&s, .key(.delete)), [.workshop(.deleteRoadmapEntry(1))])
        var p = state()
        p.seat = .participant(groupID: 100)
        XCTAssertEqual(update(&p, .key(.char("k"))), [], "participants cannot open the roadmap editor")
        XCTAssertEqual(update(&p, .key(.char("x"))), [], "nor export")
    }

    func testARoadmapDateIsSavedOnlyWhenItCanBeRead() {
        var s = state()
        s.screen = .roadmap(RoadmapView(returnTo: .item))
        _ = update(&s, .key(.enter))  // the first phase's "from"
        for _ in 0..<10 { _ = update(&s, .key(.backspace)) }
        XCTAssertEqual(update(&s, .key(.paste("5/12"))).count, 1)
        XCTAssertEqual(s.roadmap[0].from, CalendarDate(year: 2023, month: 12, day: 5))
        XCTAssertEqual(update(&s, .key(.char("x"))), [], "an unreadable date is not saved")
    }
}
