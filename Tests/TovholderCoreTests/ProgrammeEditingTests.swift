import XCTest
@testable import TovholderCore

/// Changing the programme during the day: the pure edits, and their log in a real file.
final class ProgrammeEditingTests: StoreTestCase {
    func day() -> SessionState { SessionState(programme: TestProgramme.day()) }
    func starts(_ s: SessionState) -> [String] { s.programme.agenda.map { $0.start.formatted(separator: ".") } }

    func testMovingAnItemMovesTheRestOfTheDayAndNeverBeforeThePreviousEnd() {
        var s = day()
        XCTAssertEqual(starts(s), ["09.00", "09.10", "09.20", "09.50", "10.00"])
        XCTAssertEqual(s.moveItem(at: 3, byMinutes: 15), .moved(title: "Pause", from: ClockTime(hour: 9, minute: 50)!, to: ClockTime(hour: 10, minute: 5)!))
        XCTAssertEqual(starts(s), ["09.00", "09.10", "09.20", "10.05", "10.15"], "the pause and what follows")
        XCTAssertEqual(s.moveItem(at: 3, byMinutes: -30), .moved(title: "Pause", from: ClockTime(hour: 10, minute: 5)!, to: ClockTime(hour: 9, minute: 50)!),
                       "not before the group work ends")
        XCTAssertNil(s.moveItem(at: 3, byMinutes: -5), "already as early as it can be")
        XCTAssertNil(s.moveItem(at: 1, byMinutes: 14 * 60), "past midnight")
        XCTAssertEqual(starts(s), ["09.00", "09.10", "09.20", "09.50", "10.00"], "a refused edit changes nothing")
    }

    func testLengthRenameAddAndRemove() {
        var s = day()
        s.currentIndex = 2
        XCTAssertEqual(s.resizeItem(at: 2, minutes: 45), .resized(title: "Drøm målene større", from: 30, to: 45))
        XCTAssertEqual(starts(s).suffix(2), ["10.05", "10.15"])
        XCTAssertNil(s.resizeItem(at: 2, minutes: 0))
        XCTAssertEqual(s.renameItem(at: 3, to: "  Kaffe  "), .renamed(from: "Pause", to: "Kaffe"))
        XCTAssertNil(s.renameItem(at: 3, to: "Kaffe"), "the same title is no change")
        XCTAssertEqual(s.addItem(after: 0, title: "Ekstra øvelse", kind: .exercise, minutes: 10),
                       .added(title: "Ekstra øvelse", start: ClockTime(hour: 9, minute: 10)!, minutes: 10))
        XCTAssertEqual(s.programme.agenda[1].id, "ekstra-oevelse")
        XCTAssertEqual(s.currentIndex, 3, "the day stays at its item")
        XCTAssertEqual(s.currentItem.title, "Drøm målene større")
        XCTAssertNil(s.removeItem(at: 3), "not the item the day is at")
        XCTAssertEqual(s.removeItem(at: 1), .removed(title: "Ekstra øvelse"))
        XCTAssertEqual(s.currentIndex, 2)
        XCTAssertEqual(SessionState.freshID("Pause", taken: ["pause"]), "pause-2")
    }

    func testChangesAreSavedLoggedAndInTheMinutes() throws {
        let store = try newStore()
        var s = try store.load()
        let change = try XCTUnwrap(s.moveItem(at: 3, byMinutes: 15))
        try store.save([.programme(change)], of: s)
        let renamed = try XCTUnwrap(s.renameItem(at: 4, to: "Farvel"))
        try store.save([.programme(renamed)], of: s)
        _ = s.cycleKind(at: 0)
        try store.save([.programme(nil)], of: s)
        let loaded = try SessionStore.open(path: store.path).load()
        XCTAssertEqual(loaded.programme.agenda.map(\.title).last, "Farvel")
        XCTAssertEqual(loaded.programme.agenda[3].start, ClockTime(hour: 10, minute: 5))
        XCTAssertEqual(loaded.programme.agenda[0].kind, .intro)
        XCTAssertEqual(loaded.changeLog.map(\.change), [change, renamed], "a kind is not logged")
        let m = Minutes(session: loaded, workshop: try store.loadWorkshop(), agreements: [:], roadmap: [],
                        utcOffsetSeconds: 0, exportedAt: 0, language: .da)
        XCTAssertEqual(m.agenda.changes.map { $0.text.hasPrefix("Programmet blev ændret ") }, [true, true])
        XCTAssertTrue(m.agenda.changes[0].text.hasSuffix(": Pause flyttet 15 min senere, til 10.05"), m.agenda.changes[0].text)
        XCTAssertTrue(m.agenda.changes[1].text.hasSuffix(": Tak for i dag omdøbt til Farvel"))
        XCTAssertEqual(m.agenda.items.map(\.plannedText)[3], "10.05–10.15")
    }
}
