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

    func form(focus slot: AgreementSlot, _ s: inout AppState) {
        var view = AgreementView(groupID: 100)
        view.focus = s.agreements[100]!.slots.firstIndex(of: slot)!
        s.screen = .agreement(view)
    }

    func focusedSlot(_ s: AppState) -> AgreementSlot? {
        guard case .agreement(let v) = s.screen else { return nil }
        return s.agreements[100]?.slots[v.focus]
    }

    func testTypingADueDateReadsItTheDanishWayAndSavesTheText() {
        var s = state()
        form(focus: .row(7, .dueText), &s)
        let effects = ["1", "8", "/", "1"].flatMap { update(&s, .key(.char(Character($0)))) }
        XCTAssertEqual(effects.first, .acquireLease(.agreementRow(id: 7, .dueText), takeOver: true))
        XCTAssertEqual(effects.last, .workshop(.setText(.agreementRow(id: 7, .dueText), "18/1")))
        XCTAssertEqual(s.agreements[100]?.rows[0].due, CalendarDate(year: 2024, month: 1, day: 18), "the next 18 January")
        let screen = render(s).text
        XCTAssertTrue(screen.contains("18. januar 2024"), screen)
    }

    func testAnUnreadableDateIsSaidAtOnce() {
        var s = state()
        form(focus: .row(7, .dueText), &s)
        _ = update(&s, .key(.paste("31/2")))
        XCTAssertNil(s.agreements[100]?.rows[0].due)
        XCTAssertTrue(render(s).text.contains("februar har ikke 31 dage"))
    }

    func testTabMovesOnWithoutTypingAndNeverMakesARowOrPilesTextIntoOneField() {
        var s = state()
        form(focus: .field(.nextDate), &s)
        _ = update(&s, .key(.paste("18. januar")))
        XCTAssertEqual(update(&s, .key(.tab)), [.releaseLease(.agreement(groupID: 100, .nextDate))])
        XCTAssertEqual(focusedSlot(s), .field(.nextTime))
        XCTAssertNil(s.editing, "the next field waits for a key")
        _ = update(&s, .key(.paste("10.00")))
        XCTAssertEqual(s.agreements[100]?.nextMeeting.dateText, "18. januar")
        XCTAssertEqual(s.agreements[100]?.nextMeeting.timeText, "10.00")
        // Tab past the last field stays there: no new row, no empty agreement.
        var effects: [Effect] = []
        for _ in 0..<10 { effects += update(&s, .key(.tab)) }
        XCTAssertEqual(focusedSlot(s), .field(.tovholder))
        XCTAssertFalse(effects.contains { if case .workshop(.addAgreementRow) = $0 { return true } else { return false } })
        // Back through the rows to the "new agreement" line: Tab passes it, typing there makes a row.
        for _ in 0..<4 { _ = update(&s, .key(.backTab)) }
        XCTAssertEqual(focusedSlot(s), .addRow)
        XCTAssertEqual(update(&s, .key(.char("A"))), [.workshop(.addAgreementRow(groupID: 100, after: 7, who: "A"))])
        s.agreements[100]!.rows.append(AgreementRow(id: 8, who: "A"))
        XCTAssertEqual(update(&s, .agreementRowAdded(groupID: 100, AgreementRow(id: 8, who: "A"))),
                       [.acquireLease(.agreementRow(id: 8, .who), takeOver: true)])
        _ = update(&s, .key(.char("n")))
        XCTAssertEqual(s.agreements[100]?.rows[1].who, "An")
    }

    func testRoadmapKeysAddAndDeleteOnlyForTheFacilitator() {
        var s = state()
        s.screen = .roadmap(RoadmapView(returnTo: .item))
        XCTAssertEqual(update(&s, .key(.function(3))), [.workshop(.addRoadmapEntry(after: 1))])
        XCTAssertEqual(update(&s, .key(.function(9))), [], "the first F9 asks again")
        XCTAssertEqual(update(&s, .key(.function(9))), [.workshop(.deleteRoadmapEntry(1))])
        var p = state()
        p.seat = .participant(groupID: 100)
        XCTAssertEqual(update(&p, .key(.char("k"))), [], "participants cannot open the roadmap editor")
        XCTAssertEqual(update(&p, .key(.char("x"))), [], "nor export")
    }

    func testARoadmapDateIsSavedOnlyWhenItCanBeReadAndWhenTheFieldIsLeft() {
        var s = state()
        s.screen = .roadmap(RoadmapView(returnTo: .item))  // the first phase's "from"
        XCTAssertEqual(s.editing, nil)
        _ = update(&s, .key(.ctrl("u")))
        XCTAssertEqual(update(&s, .key(.paste("1x"))), [], "nothing saved while typing")
        XCTAssertTrue(render(s).text.contains("Datoen kunne ikke læses"), render(s).text)
        XCTAssertEqual(update(&s, .key(.tab)), [], "an unreadable date is not saved")
        XCTAssertEqual(s.roadmap[0].from, CalendarDate(year: 2023, month: 12, day: 4))
        XCTAssertTrue(s.notice?.hasPrefix("Datoen er ikke gemt") == true)
        // The end before the start is refused with a message.
        _ = update(&s, .key(.ctrl("u")))
        XCTAssertEqual(update(&s, .key(.paste("1/12 2023"))), [])
        XCTAssertEqual(update(&s, .key(.tab)), [])
        XCTAssertNil(s.roadmap[0].to)
        XCTAssertTrue(s.notice?.contains("slutter") == true, s.notice ?? "")
    }

    func testPhasesKeepDateOrderAndANewPhaseGetsTheFocus() {
        var s = state()
        s.screen = .roadmap(RoadmapView(returnTo: .item))
        _ = update(&s, .key(.ctrl("u")))
        _ = update(&s, .key(.paste("1. februar 2024")))
        let effects = update(&s, .key(.tab))
        XCTAssertEqual(effects.count, 1)
        XCTAssertEqual(s.roadmap.map(\.id), [2, 1], "moved after the phase of 18 January")
        let added = RoadmapEntry(id: 3, from: CalendarDate(year: 2024, month: 3, day: 1)!, title: "Ny fase", position: 3)
        s.roadmap.append(added)
        _ = update(&s, .roadmapPhaseAdded(added))
        guard case .roadmap(let v) = s.screen else { return XCTFail() }
        XCTAssertEqual(RoadmapScreen.slots(s.roadmap)[v.focus].id, 3)
        XCTAssertEqual(RoadmapScreen.slots(s.roadmap)[v.focus].field, .title)
        _ = update(&s, .key(.char("M")))
        XCTAssertEqual(s.editing?.editor.text, "M", "the placeholder title is typed over")
    }
}
