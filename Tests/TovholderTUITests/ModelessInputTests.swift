import TovholderCore
import XCTest
@testable import TovholderTUI

/// Forms are modeless: printable keys type into the focused field and never run commands;
/// commands sit on F-keys and Ctrl keys; unknown keys do nothing.
final class ModelessInputTests: XCTestCase {
    typealias F = ScreenFixtures

    /// Group 100's worksheet (slots: 0 challenge, 1–2 goals, 3–5 mechanisms, 6–8 trial
    /// actions, 9–10 signs), focus on `focus`, the day at the first group work.
    func sheet(_ seat: Seat = .facilitator, focus: Int = 1, size: Size = Size(width: 80, height: 24)) -> AppState {
        var s = F.at(item: F.index(of: .groupWork), size: size)
        s.workshop = WorkshopFixtures.workshop(groups: 2)
        s.seat = seat
        var v = WorksheetView(groupID: 100)
        v.focus = focus
        s.screen = .worksheet(v)
        return s
    }

    func keys(_ text: String) -> [Key] { text.map { .char($0) } }

    func goal(_ s: AppState, _ n: Int = 0) -> Entry { s.workshop.worksheets[100]!.goals[n] }

    func testLettersOnAWorksheetTypeAndNeverMoveTheDayOrQuit() {
        for seat in [Seat.facilitator, .participant(groupID: 100)] {
            var s = sheet(seat)
            let day = s.session.currentIndex, before = goal(s).text
            var effects: [Effect] = []
            for k in keys(" qnpagxeoktL?+-<>") { effects += update(&s, .key(k)) }
            XCTAssertEqual(goal(s).text, before + " qnpagxeoktL?+-<>", "\(seat)")
            XCTAssertEqual(s.session.currentIndex, day)
            XCTAssertFalse(effects.contains(.quit))
            XCTAssertFalse(effects.contains { if case .save = $0 { return true } else { return false } }, "no timer, no day")
            guard case .worksheet = s.screen else { return XCTFail("left the worksheet: \(s.screen)") }
            XCTAssertEqual(effects.first, .acquireLease(.entry(1), takeOver: seat.isFacilitator), "the first key takes the lease")
            XCTAssertEqual(effects.last, .workshop(.setText(.entry(1), before + " qnpagxeoktL?+-<>")))
        }
    }

    func testArrowsOnAFormMoveBetweenFieldsNotTheDay() {
        var s = sheet()
        let day = s.session.currentIndex
        for k in [Key.right, .left, .pageDown, .pageUp, .down, .down] { _ = update(&s, .key(k)) }
        XCTAssertEqual(s.session.currentIndex, day)
        guard case .worksheet(let v) = s.screen else { return XCTFail() }
        XCTAssertEqual(v.focus, 3, "↓↓ from goal 1: goal 2, then mechanism 1")
    }

    func testKeysNobodyKnowsDoNothingAndCtrlKeysAreNeverTyped() {
        var s = sheet()
        _ = update(&s, .key(.char("x")))
        let text = goal(s).text
        for k in [Key.ctrl("b"), .ctrl("o"), .ctrl("t"), .ctrl("r"), .alt("x"), .insert, .function(11), .escape] {
            _ = update(&s, .key(k))
        }
        XCTAssertEqual(goal(s).text, text)
        XCTAssertFalse(goal(s).text.unicodeScalars.contains { $0.value < 0x20 })
    }

    func testCtrlKeysEditAsInNano() {
        var e = TextEditor(text: "første linje\nanden linje her")
        _ = e.handle(.ctrl("a"), width: 40)
        XCTAssertEqual(e.cursor, 13, "start of the line")
        _ = e.handle(.ctrl("e"), width: 40)
        XCTAssertEqual(e.cursor, e.count)
        _ = e.handle(.ctrl("w"), width: 40)
        XCTAssertEqual(e.text, "første linje\nanden linje ")
        _ = e.handle(.ctrl("a"), width: 40); _ = e.handle(.right, width: 40)
        _ = e.handle(.ctrl("k"), width: 40)
        XCTAssertEqual(e.text, "første linje\na")
        _ = e.handle(.ctrl("u"), width: 40)
        XCTAssertEqual(e.text, "første linje\n")
        _ = e.handle(TextEditor.undoKey, width: 40)
        XCTAssertEqual(e.text, "første linje\na")
    }

    func testEnterInAListEndsTheEntryAndStartsANewOneBelowWithItsLease() {
        var s = sheet()
        _ = update(&s, .key(.char("!")))
        XCTAssertEqual(update(&s, .key(.enter)),
                       [.releaseLease(.entry(1)), .workshop(.addEntry(groupID: 100, kind: .goal, after: 1, text: ""))])
        // The shell adds it and reports back: the new entry is focused and typed in.
        let new = Entry(id: 50, groupID: 100, kind: .goal, text: "", position: 0.5)
        s.workshop.worksheets[100]!.goals.insert(new, at: 1)
        XCTAssertEqual(update(&s, .entryAdded(new)), [.acquireLease(.entry(50), takeOver: true)])
        XCTAssertEqual(s.editing?.field, .entry(50))
        guard case .worksheet(let v) = s.screen else { return XCTFail() }
        XCTAssertEqual(v.focus, 2)
        // Enter on the empty entry ends the list: it goes, and the focus moves to mechanisms.
        let effects = update(&s, .key(.enter))
        XCTAssertTrue(effects.contains(.workshop(.deleteEntry(50))), "\(effects)")
        guard case .worksheet(let after) = s.screen else { return XCTFail() }
        XCTAssertEqual(s.workshop.worksheets[100]!.slots[after.focus].kind, .mechanism)
    }

    func testALineBreakInsideAnEntryHasItsOwnKey() {
        var s = sheet()
        let before = goal(s).text
        _ = update(&s, .key(.ctrl("j")))
        _ = update(&s, .key(.char("x")))
        _ = update(&s, .key(.alt("\r")))
        XCTAssertEqual(goal(s).text, before + "\nx\n")
    }

    func testTypingOnAnEmptySectionWritesItsFirstEntry() {
        var s = sheet(focus: 1)
        s.workshop.worksheets[100]!.goals = []
        XCTAssertEqual(update(&s, .key(.char("B"))), [.workshop(.addEntry(groupID: 100, kind: .goal, after: nil, text: "B"))])
        XCTAssertEqual(update(&s, .key(.paste("Borgerne\r\n"))),
                       [.workshop(.addEntry(groupID: 100, kind: .goal, after: nil, text: "Borgerne\n"))])
    }

    func testBackspaceInAnEmptyEntryRemovesIt() {
        var s = sheet(focus: 2)
        s.workshop.worksheets[100]!.goals[1].text = ""
        let id = goal(s, 1).id
        let effects = update(&s, .key(.backspace))
        XCTAssertTrue(effects.contains(.workshop(.deleteEntry(id))), "\(effects)")
        XCTAssertEqual(s.workshop.worksheets[100]!.goals.count, 1)
    }

    func testAParticipantsQuitAsksFirstAndAnyOtherKeyStays() {
        var s = sheet(.participant(groupID: 100))
        XCTAssertEqual(update(&s, .key(.function(10))), [])
        XCTAssertTrue(s.confirmingQuit)
        XCTAssertTrue(render(s).text.contains("Afslutte?"))
        XCTAssertEqual(update(&s, .key(.char("q"))), [], "a letter does not confirm")
        XCTAssertFalse(s.confirmingQuit)
        XCTAssertEqual(update(&s, .key(.ctrl("x"))), [])
        XCTAssertEqual(update(&s, .key(.enter)), [.quit])
    }

    func testTheFacilitatorsQuitAsksFirstOnlyWhileATimerRunsOrTerminalsAreJoined() {
        var s = F.at(item: F.index(of: .groupWork), size: Size(width: 80, height: 24))
        XCTAssertEqual(update(&s, .key(.char("q"))), [.quit])
        s = F.at(item: F.index(of: .groupWork), size: Size(width: 80, height: 24))
        _ = update(&s, .key(.char(" ")))
        XCTAssertEqual(update(&s, .key(.char("q"))), [])
        XCTAssertTrue(render(s).text.contains("Afslutte Tovholder?"))
        XCTAssertEqual(update(&s, .key(.escape)), [])
        XCTAssertFalse(s.confirmingQuit)
        XCTAssertEqual(update(&s, .key(.char("q"))), [])
        XCTAssertEqual(update(&s, .key(.enter)), [.quit])
    }

    func testBelowTheMinimumSizeNothingIsTypedOrMovedOnlyQuit() {
        var s = sheet(.participant(groupID: 100), size: Size(width: 60, height: 20))
        let before = goal(s).text
        var effects: [Effect] = []
        for k in keys("hej q") + [Key.enter, .paste("x"), .function(2), .function(9), .ctrl("n")] {
            effects += update(&s, .key(k))
        }
        XCTAssertEqual(effects, [])
        XCTAssertEqual(goal(s).text, before)
        XCTAssertNil(s.editing)
        XCTAssertEqual(update(&s, .key(.function(10))), [], "a participant is asked, even here")
        XCTAssertTrue(render(s).text.contains("Afslutte?"))
        XCTAssertEqual(update(&s, .key(.enter)), [.quit])
        var f = F.state(size: Size(width: 60, height: 20))
        XCTAssertEqual(update(&f, .key(.char("n"))), [])
        XCTAssertEqual(f.session.currentIndex, 0)
        XCTAssertEqual(update(&f, .key(.char("q"))), [.quit])
    }

    func testTheLockStopsEveryChangeByParticipantsMovingAndLinkingToo() {
        var s = sheet(.participant(groupID: 100), focus: 6)  // trial action 1
        s.live.locked = true
        var effects: [Effect] = []
        for k in [Key.char("x"), .paste("y"), .backspace, .enter, .ctrl("j"), .function(3), .function(7),
                  .function(8), .function(9), .ctrl("z")] {
            effects += update(&s, .key(k))
        }
        XCTAssertEqual(effects, [])
        _ = update(&s, .key(.function(2)))  // the picker opens to look at, but ticks nothing
        XCTAssertEqual(update(&s, .key(.char(" "))), [])
        XCTAssertEqual(s.notice, Strings(.da)[.lockedNotice])
        var f = sheet(focus: 6)
        f.live.locked = true
        XCTAssertFalse(update(&f, .key(.char("x"))).isEmpty, "the facilitator still writes")
    }

    func testSingleLineFieldsStaySingleLine() {
        var s = F.at(item: F.index(of: .agreement), size: Size(width: 80, height: 24))
        s.workshop = WorkshopFixtures.workshop(groups: 1)
        s.agreements = [100: Agreement(groupID: 100)]
        var v = AgreementView(groupID: 100)
        v.focus = s.agreements[100]!.slots.firstIndex(of: .field(.nextPlace))!
        s.screen = .agreement(v)
        _ = update(&s, .key(.paste("Rådhuset\r\nlokale 2\rmødesal\n")))
        XCTAssertEqual(s.agreements[100]?.nextMeeting.place, "Rådhuset lokale 2 mødesal ")
        _ = update(&s, .key(.ctrl("j")))
        XCTAssertEqual(s.agreements[100]?.nextMeeting.place, "Rådhuset lokale 2 mødesal ", "no line break key here")
        _ = update(&s, .key(.enter))
        guard case .agreement(let after) = s.screen else { return XCTFail() }
        XCTAssertEqual(s.agreements[100]!.slots[after.focus], .field(.tovholder), "Enter moves on")
    }

    func testLeasesExpireAreTakenOverAndNameTheFieldAsPeopleSeeIt() {
        var s = sheet(.participant(groupID: 100))
        _ = update(&s, .key(.char("x")))
        XCTAssertEqual(update(&s, .leaseExpired(.entry(1))), [.releaseLease(.entry(1))])
        XCTAssertNil(s.editing)
        _ = update(&s, .key(.char("y")))
        XCTAssertNotNil(s.editing, "the next key takes the field again")
        _ = update(&s, .leaseLost(.entry(1), Lease(label: "Facilitator (kim, lokal)", expiresAt: s.now + 30)))
        XCTAssertNil(s.editing)
        XCTAssertEqual(s.notice, "Facilitator (kim, lokal) har overtaget Gruppe 1 · Mål 1 – det du skrev, er gemt")
        s.live.leases[.entry(1)] = Lease(label: "Gruppe 1 (bo, lokal)", expiresAt: s.now + 25)
        XCTAssertEqual(update(&s, .key(.char("z"))), [])
        XCTAssertEqual(s.notice, "Gruppe 1 · Mål 1 er optaget: Gruppe 1 (bo, lokal) skriver der – ledigt om højst 25 s")
        XCTAssertFalse(render(s).text.contains("entry:"))
    }

    func testAParticipantWhoseGroupIsRemovedIsToldAndPicksAnother() {
        var s = sheet(.participant(groupID: 100))
        _ = update(&s, .key(.char("x")))
        var workshop = s.workshop
        workshop.groups[0].removed = true
        let effects = update(&s, .workshopReloaded(workshop))
        XCTAssertEqual(effects, [.releaseLease(.entry(1))])
        guard case .chooseGroup = s.screen else { return XCTFail("\(s.screen)") }
        XCTAssertTrue(s.notice?.contains("Gruppe 1") == true)
        XCTAssertTrue(render(s).text.contains("Gruppe 2"))
        XCTAssertEqual(update(&s, .key(.char("q"))), [], "a letter does nothing here either")
        XCTAssertEqual(update(&s, .key(.enter)), [.changeGroup(101)])
        XCTAssertEqual(s.seat, .participant(groupID: 101))
        guard case .worksheet(let v) = s.screen else { return XCTFail() }
        XCTAssertEqual(v.groupID, 101)
    }

    func testRemovingAGroupAsksFirst() {
        var s = F.state()
        s.workshop = WorkshopFixtures.workshop(groups: 2)
        s.screen = .groups(GroupsView())
        XCTAssertEqual(update(&s, .key(.delete)), [])
        XCTAssertTrue(render(s).text.contains("Tryk Del igen"))
        XCTAssertEqual(update(&s, .key(.delete)), [.workshop(.removeGroup(100))])
    }
}

final class HostileInputTests: XCTestCase {
    func testAPasteLargerThanAFieldHoldsIsCutWithAMessage() {
        var s = ScreenFixtures.at(item: ScreenFixtures.index(of: .groupWork), size: Size(width: 80, height: 24))
        s.workshop = WorkshopFixtures.workshop(groups: 1)
        var v = WorksheetView(groupID: 100); v.focus = 1
        s.screen = .worksheet(v)
        let before = s.workshop.worksheets[100]!.goals[0].text
        _ = update(&s, .key(.paste(String(repeating: "ø", count: 100_000))))
        XCTAssertEqual(s.workshop.worksheets[100]!.goals[0].text.count, FieldTyping.maxLength)
        XCTAssertTrue(s.workshop.worksheets[100]!.goals[0].text.hasPrefix(before))
        XCTAssertEqual(s.notice, "Den indsatte tekst var for lang til feltet og er afkortet til 20000 tegn")
    }
}
