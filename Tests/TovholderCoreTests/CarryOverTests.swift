import Foundation
import GRDB
import XCTest
@testable import TovholderCore

/// From day 1 to day 2 and on: `SessionStore.create(carrying:)` with real files.
final class CarryOverTests: StoreTestCase {
    let day2Date = CalendarDate(year: 2024, month: 1, day: 18)!

    /// The file's bytes (compared whole: stronger than comparing their sha256).
    func sha256(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func day2Programme(_ earlier: EarlierSession) -> DayTemplate {
        var p = TestProgramme.day()
        p.title = "Dag 2"
        p.date = day2Date
        p.groups = earlier.workshop.activeGroups.map(\.name)
        p.earlierDays = earlier.asEarlierDays
        p.roadmap = [RoadmapPhase(from: CalendarDate(year: 2024, month: 3, day: 1)!, title: "Målplaner")]
        return p
    }

    /// Day 1: two groups' chains with links, an agreement form with a dated, an undated and a
    /// blank row, and a third group that was removed.
    func holdDay1() throws -> (SessionStore, path: String) {
        let store = try newStore("dag1.tovholder")
        let groups = try store.loadWorkshop().groups
        let g1 = groups[0].id
        let sheet = try store.loadWorkshop().worksheets[g1]!
        try store.setText(entryID: sheet.challenge!.id, text: "Lange sagsforløb")
        try store.setText(entryID: sheet.goals[0].id, text: "Én indgang")
        let goal2 = try store.addEntry(groupID: g1, kind: .goal, text: "Kort ventetid")
        let mechanism = try store.addEntry(groupID: g1, kind: .mechanism, text: "Faste teams")
        try store.setLinks(entryID: mechanism.id, targets: [sheet.goals[0].id, goal2.id])
        let sign = try store.addEntry(groupID: g1, kind: .sign, text: "Færre henvendelser")
        try store.setLinks(entryID: sign.id, targets: [goal2.id])
        try store.setAgreementField(groupID: g1, field: .perspectives, text: "Borgerrådgiveren")
        let row = try store.addAgreementRow(groupID: g1)
        try store.setAgreementRow(id: row.id, who: "Anne", knowledge: "Erfaringer fra Ballerup", dueText: "18/1")
        let undated = try store.addAgreementRow(groupID: g1)
        try store.setAgreementRow(id: undated.id, who: "Bo", knowledge: "Tal for ventetider", dueText: "efter jul")
        _ = try store.addAgreementRow(groupID: g1)  // blank: nothing to follow up
        let removed = try store.addGroup(name: "Gruppe 3")
        try store.removeGroup(id: removed.id)
        return (store, dir + "/dag1.tovholder")
    }

    func testDay2CarriesTheWholeChainLinksAgreementsAndRoadmapAndDay1IsOnlyRead() throws {
        let (store1, path1) = try holdDay1()
        try store1.close()
        let before = try sha256(path1)
        let earlier = try EarlierSession.read(path: path1)
        XCTAssertEqual(try sha256(path1), before, "reading day 1 leaves it byte for byte")
        let day2 = try SessionStore.create(path: dir + "/dag2.tovholder", programme: day2Programme(earlier),
                                           templateName: "dag2", now: 1_705_564_800, carrying: earlier)
        XCTAssertEqual(try sha256(path1), before, "making day 2 leaves day 1 byte for byte")

        let w = try day2.loadWorkshop()
        XCTAssertEqual(w.groups.map(\.name), ["Gruppe 1", "Gruppe 2"], "the removed group stays behind")
        let sheet = w.worksheets[w.groups[0].id]!
        XCTAssertEqual(sheet.challenge?.text, "Lange sagsforløb")
        XCTAssertEqual(sheet.goals.map(\.text), ["Én indgang", "Kort ventetid"])
        XCTAssertEqual(sheet.mechanisms.map(\.links), [sheet.goals.map(\.id)], "links point at day 2's own entries")
        XCTAssertEqual(sheet.signs[0].links, [sheet.goals[1].id])
        let day1 = TestProgramme.day().date
        XCTAssertTrue(sheet.allEntries.allSatisfy { $0.origin == EntryOrigin(day: day1, group: "Gruppe 1", carriedText: $0.text) })
        // Group 2 wrote nothing on day 1: its empty challenge and goal came along.
        XCTAssertEqual(w.worksheets[w.groups[1].id]!.allEntries.map(\.kind), [.challenge, .goal])

        let form = try day2.loadAgreements()[w.groups[0].id]!
        XCTAssertEqual(form.perspectives, "Borgerrådgiveren")
        XCTAssertEqual(form.rows, [], "today's concrete agreements start empty")
        XCTAssertEqual(form.earlier.map(\.who), ["Anne", "Bo"], "the blank row is not followed up")
        XCTAssertEqual(form.earlier.map(\.day), [day1, day1])
        XCTAssertEqual(form.earlier[0].due, day2Date, "18/1 read against day 1")
        XCTAssertEqual(form.earlier.map(\.status), [nil, nil])

        let roadmap = try day2.loadRoadmap()
        XCTAssertEqual(roadmap.map(\.title), ["Udviklingsdag", "Prøvehandlinger", "Målplaner"])
        XCTAssertEqual(roadmap.map(\.originDay), [day1, day1, nil], "day 1's phases, then the new programme's own")
        XCTAssertEqual(try day2.load().programme.earlierDays, [EarlierDay(title: "Testdag", date: day1)])
        // What stays with day 1's minutes: votes, cards, plenum notes, the history, the day's progress.
        let left = try day2.queue.read { db in
            try ["votes", "card_deals", "plenum_notes", "item_notes", "text_history", "item_progress", "agreement_rows"]
                .map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
        XCTAssertEqual(left, [0, 0, 0, 0, 0, 0, 0])
    }

    func testFollowUpAndADay3FromDay2() throws {
        let (store1, path1) = try holdDay1()
        try store1.close()
        let day2 = try SessionStore.create(path: dir + "/dag2.tovholder", programme: day2Programme(try EarlierSession.read(path: path1)),
                                           templateName: "dag2", now: 1_705_564_800, carrying: try EarlierSession.read(path: path1))
        var w = try day2.loadWorkshop()
        let g1 = w.groups[0].id
        let earlier = try day2.loadAgreements()[g1]!.earlier
        try day2.setFollowUpStatus(id: earlier[0].id, .done, author: "Gruppe 1")
        try day2.setFollowUpStatus(id: earlier[1].id, .partly, author: "Gruppe 1")
        try day2.setFollowUpNote(id: earlier[1].id, text: "Halvdelen af tallene", author: "Gruppe 1")
        XCTAssertEqual(try day2.loadAgreements()[g1]!.earlier.map(\.status), [.done, .partly])
        XCTAssertEqual(try day2.versions(field: .followUpNote(earlier[1].id)).map(\.text), ["Halvdelen af tallene"])
        // Day 2's own work: a trial action, a changed goal, a deleted sign, a new agreement.
        let sheet = w.worksheets[g1]!
        let action = try day2.addEntry(groupID: g1, kind: .trialAction, text: "Pilot i Jobcentret")
        try day2.setLinks(entryID: action.id, targets: [sheet.mechanisms[0].id])
        try day2.setText(entryID: sheet.goals[1].id, text: "Kort ventetid – under 14 dage")
        try day2.deleteEntry(id: sheet.signs[0].id)
        let row = try day2.addAgreementRow(groupID: g1)
        try day2.setAgreementRow(id: row.id, who: "Karim", knowledge: "Pilotens første uge", dueText: "1/2")
        w = try day2.loadWorkshop()
        XCTAssertEqual(w.carriedAway.map(\.text), ["Færre henvendelser"])

        // The minutes of day 2 say what changed since day 1 and how the agreements went.
        let m = Minutes(session: try day2.load(), workshop: w, agreements: try day2.loadAgreements(), roadmap: try day2.loadRoadmap(),
                        utcOffsetSeconds: 0, exportedAt: 1_705_600_000, language: .da)
        let g = m.groups[0]
        XCTAssertEqual(g.changes?.sinceText, "5. december 2023")
        XCTAssertEqual(g.changes?.added, ["Prøve 1: Pilot i Jobcentret"])
        XCTAssertEqual(g.changes?.changed, [ChangedEntryMinutes(label: "Mål 2", before: "Kort ventetid", after: "Kort ventetid – under 14 dage")])
        XCTAssertEqual(g.changes?.removed, ["Tegn: Færre henvendelser"])
        XCTAssertEqual(g.followUp.map(\.statusText), ["Gjort", "Delvist"])
        XCTAssertEqual(g.followUp[1].note, "Halvdelen af tallene")
        XCTAssertEqual(g.goals[0].firstWritten, FirstWrittenMinutes(day: TestProgramme.day().date, dayText: "5. december 2023", group: "Gruppe 1"))
        XCTAssertEqual(g.trialActions[0].firstWritten?.dayText, "18. januar 2024", "written today")
        XCTAssertEqual(m.earlierDays.map(\.dateText), ["5. december 2023"])
        XCTAssertTrue(MarkdownMinutes.render(m).contains("*(fra 5. december 2023)*"))

        // Day 3 from day 2: the first day and group stay; open agreements come along again.
        try day2.close()
        let earlier2 = try EarlierSession.read(path: dir + "/dag2.tovholder")
        var p3 = day2Programme(earlier2)
        p3.date = CalendarDate(year: 2024, month: 3, day: 1)!
        let day3 = try SessionStore.create(path: dir + "/dag3.tovholder", programme: p3, templateName: "dag3",
                                           now: 1_709_251_200, carrying: earlier2)
        let w3 = try day3.loadWorkshop()
        let s3 = w3.worksheets[w3.groups[0].id]!
        XCTAssertEqual(s3.goals[0].origin?.day, TestProgramme.day().date, "first written on day 1")
        XCTAssertEqual(s3.goals[1].origin?.carriedText, "Kort ventetid – under 14 dage", "as day 2 left it")
        XCTAssertEqual(s3.trialActions[0].origin?.day, day2Date, "first written on day 2")
        XCTAssertEqual(s3.trialActions[0].links, [s3.mechanisms[0].id])
        let followUp3 = try day3.loadAgreements()[w3.groups[0].id]!.earlier
        XCTAssertEqual(followUp3.map(\.who), ["Bo", "Karim"], "done is done; partly comes again, with day 2's own")
        XCTAssertEqual(followUp3.map(\.status), [.partly, nil])
        XCTAssertEqual(followUp3.map(\.day), [TestProgramme.day().date, day2Date])
        XCTAssertEqual(try day3.load().programme.earlierDays.map(\.date), [TestProgramme.day().date, day2Date])
    }

    func testAnOlderDay1IsReadAsItIsAndNeverWritten() throws {
        let (path, q) = try oldSession("v6.tovholder", upTo: "v6")
        try q.write { db in try db.execute(sql: "UPDATE entries SET text = 'Gammelt mål' WHERE kind = 'goal'") }
        try q.close()
        let before = try sha256(path)
        let earlier = try EarlierSession.read(path: path)
        XCTAssertEqual(earlier.workshop.worksheets.values.flatMap(\.goals).map(\.text), ["Gammelt mål", "Gammelt mål"])
        XCTAssertEqual(try sha256(path), before)
        let migrated = try DatabaseQueue(path: path, configuration: { var c = SessionStore.configuration(); c.readonly = true; return c }())
        XCTAssertEqual(try migrated.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }.last, "v6",
                       "still at v6 on disk")
    }

    func testSomethingThatIsNotASessionIsRefusedAndLeftAsItWas() throws {
        let path = dir + "/noter.txt"
        try "ikke en session".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try EarlierSession.read(path: path)) { XCTAssertTrue($0 is SessionError) }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "ikke en session")
    }
}
