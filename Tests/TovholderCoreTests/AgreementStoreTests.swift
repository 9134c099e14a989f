import Foundation
import GRDB
import XCTest
@testable import TovholderCore

final class AgreementStoreTests: StoreTestCase {
    func groupIDs(_ store: SessionStore) throws -> [Int64] { try store.loadWorkshop().groups.map(\.id) }
    func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    // MARK: agreements

    func testANewSessionHasAnEmptyAgreementForEachGroupAndTheProgrammesRoadmap() throws {
        let store = try newStore()
        let ids = try groupIDs(store)
        XCTAssertEqual(try store.loadAgreements(), Dictionary(uniqueKeysWithValues: ids.map { ($0, Agreement(groupID: $0)) }))
        let roadmap = try store.loadRoadmap()
        XCTAssertEqual(roadmap.map(\.title), ["Udviklingsdag", "Prøvehandlinger"])
        XCTAssertEqual(roadmap.map(\.from), [date(2023, 12, 5), date(2024, 1, 8)])
        XCTAssertEqual(roadmap.map(\.to), [nil, date(2024, 2, 16)])
        XCTAssertEqual(roadmap.map(\.activities), [["Mål og mekanismer"], ["Afprøv", "Saml tegn"]])
    }

    func testFieldsRoundTripExactlyAndDatesAreReadAgainstTheDayOfTheSession() throws {
        let store = try newStore()
        let g = try groupIDs(store)[0]
        let hostile = "før\0NUL æøå ÆØÅ 👩‍⚕️ \u{1B}[31m\nny linje"
        for (i, field) in AgreementField.allCases.enumerated() {
            try store.setAgreementField(groupID: g, field: field, text: hostile + "\(i)", author: "kim")
        }
        var a = try XCTUnwrap(try store.loadAgreements()[g])
        XCTAssertEqual([a.perspectives, a.involve, a.nextMeeting.dateText, a.nextMeeting.timeText,
                        a.nextMeeting.place, a.tovholder], (0..<6).map { hostile + "\($0)" })
        XCTAssertNil(a.nextMeeting.date, "unreadable date kept as typed")
        XCTAssertNil(a.nextMeeting.time)

        try store.setAgreementField(groupID: g, field: .nextDate, text: "18/1")
        try store.setAgreementField(groupID: g, field: .nextTime, text: "kl. 14.30")
        a = try XCTUnwrap(try store.loadAgreements()[g])
        XCTAssertEqual(a.nextMeeting.date, date(2024, 1, 18), "5 Dec 2023 session: next 18 January")
        XCTAssertEqual(a.nextMeeting.time, ClockTime(hour: 14, minute: 30))
        XCTAssertEqual(a.nextMeeting.dateText, "18/1")
        XCTAssertEqual(try store.loadAgreements()[try groupIDs(store)[1]], Agreement(groupID: try groupIDs(store)[1]),
                       "the other group untouched")
    }

    func testReplacedAgreementTextsAreKeptInTheHistory() throws {
        let store = try newStore()
        let g = try groupIDs(store)[0]
        let field = HistoryField.agreement(g, .perspectives)
        XCTAssertEqual(field, "agreement:\(g):perspectives")
        try store.setAgreementField(groupID: g, field: .perspectives, text: "Borgerne", author: "kim", now: 10)
        try store.setAgreementField(groupID: g, field: .perspectives, text: "Borgernes", author: "kim", now: 10.5)
        XCTAssertEqual(try store.history(field: field).map(\.text), [], "typing on keeps no versions")
        try store.setAgreementField(groupID: g, field: .perspectives, text: "Lederne", author: "kim", now: 11)
        XCTAssertEqual(try store.history(field: field).map(\.text), ["Borgernes"], "a replacement is kept")
        // Another field written meanwhile does not change when this one's text was written.
        try store.setAgreementField(groupID: g, field: .involve, text: "MED-udvalget", author: "kim", now: 30)
        try store.setAgreementField(groupID: g, field: .perspectives, text: "Lederne og", author: "kim", now: 31)
        XCTAssertEqual(try store.history(field: field).map(\.text), ["Borgernes", "Lederne"], "it stood 20 s")
        XCTAssertEqual(try store.history(field: field).last?.at, 11)
        // Another terminal's text is always kept.
        try store.setAgreementField(groupID: g, field: .perspectives, text: "Lederne og MED", author: "sara", now: 31.5)
        XCTAssertEqual(try store.history(field: field).last?.text, "Lederne og")
        XCTAssertEqual(try store.history(field: field).last?.author, "kim")
    }

    func testAnUnknownGroupIsRefused() throws {
        let store = try newStore()
        XCTAssertThrowsError(try store.setAgreementField(groupID: 999, field: .tovholder, text: "x")) {
            XCTAssertEqual($0 as? WorksheetError, .groupNotFound(999))
        }
        XCTAssertThrowsError(try store.addAgreementRow(groupID: 999))
    }

    func testARemovedGroupHasNoAgreementUntilRestored() throws {
        let store = try newStore()
        let g = try groupIDs(store)[1]
        try store.setAgreementField(groupID: g, field: .tovholder, text: "Sara")
        try store.removeGroup(id: g)
        XCTAssertNil(try store.loadAgreements()[g])
        try store.restoreGroup(id: g)
        XCTAssertEqual(try store.loadAgreements()[g]?.tovholder, "Sara")
    }

    // MARK: rows

    func testRowsAddEditDeleteAndOrder() throws {
        let store = try newStore()
        let g = try groupIDs(store)[0]
        let a = try store.addAgreementRow(groupID: g)
        let c = try store.addAgreementRow(groupID: g)
        let b = try store.addAgreementRow(groupID: g, after: a.id)
        XCTAssertEqual(try store.loadAgreements()[g]?.rows.map(\.id), [a.id, b.id, c.id])
        XCTAssertEqual(try store.loadAgreements()[g]?.rows.first, AgreementRow(id: a.id))

        try store.setAgreementRow(id: a.id, who: "Kim", knowledge: "Sygefravær 2023 😷\0", dueText: "18/1")
        try store.setAgreementRow(id: a.id, knowledge: "Sygefravær 2022–23")
        try store.setAgreementRow(id: b.id, dueText: "31/2")
        var rows = try XCTUnwrap(try store.loadAgreements()[g]?.rows)
        XCTAssertEqual(rows[0], AgreementRow(id: a.id, who: "Kim", knowledge: "Sygefravær 2022–23", dueText: "18/1",
                                             due: date(2024, 1, 18)), "nil leaves a text as it is")
        XCTAssertEqual(rows[1].dueText, "31/2")
        XCTAssertNil(rows[1].due)
        XCTAssertEqual(try store.history(field: HistoryField.agreementRow(a.id, .knowledge)).map(\.text),
                       ["Sygefravær 2023 😷\0"])

        try store.moveAgreementRow(id: c.id, by: -5)
        XCTAssertEqual(try store.loadAgreements()[g]?.rows.map(\.id), [c.id, a.id, b.id])
        try store.deleteAgreementRow(id: a.id)
        rows = try XCTUnwrap(try store.loadAgreements()[g]?.rows)
        XCTAssertEqual(rows.map(\.id), [c.id, b.id])
        XCTAssertThrowsError(try store.deleteAgreementRow(id: a.id)) {
            XCTAssertEqual($0 as? AgreementError, .rowNotFound(a.id))
        }
        XCTAssertThrowsError(try store.addAgreementRow(groupID: g, after: a.id)) {
            XCTAssertEqual($0 as? AgreementError, .notInSameList(a.id))
        }
        // A terminal that has not seen the deletion may still type into the row.
        XCTAssertNoThrow(try store.setAgreementRow(id: a.id, who: "Kim og Sara"))
        XCTAssertThrowsError(try store.setAgreementRow(id: 999, who: "x")) {
            XCTAssertEqual($0 as? AgreementError, .rowNotFound(999))
        }
        // Rows belong to their group.
        XCTAssertEqual(try store.loadAgreements()[try groupIDs(store)[1]]?.rows, [])
    }

    func testManyRowsInsertedAtOnePlaceKeepTheirOrder() throws {
        let store = try newStore()
        let g = try groupIDs(store)[0]
        let first = try store.addAgreementRow(groupID: g)
        let last = try store.addAgreementRow(groupID: g)
        var expected = [first.id]
        for _ in 0..<60 {   // halving runs out of precision and renumbers
            expected.append(try store.addAgreementRow(groupID: g, after: expected.last!).id)
        }
        XCTAssertEqual(try store.loadAgreements()[g]?.rows.map(\.id), expected + [last.id])
    }

    // MARK: roadmap

    func testRoadmapAddChangeReorderRemove() throws {
        let store = try newStore()
        let seeded = try store.loadRoadmap()
        let added = try store.addRoadmapEntry(after: seeded[0].id, from: date(2023, 12, 18), title: "  Opsamling  ",
                                              activities: ["Del noterne", " ", "Book lokale\nmed kaffe"])
        XCTAssertEqual(added.title, "Opsamling")
        XCTAssertEqual(try store.loadRoadmap().map(\.id), [seeded[0].id, added.id, seeded[1].id])
        XCTAssertEqual(try store.loadRoadmap()[1].activities, ["Del noterne", "Book lokale\nmed kaffe"])

        var changed = added
        changed.to = date(2023, 12, 20); changed.title = "Opsamling i gruppen"; changed.activities = ["Ét"]
        try store.updateRoadmapEntry(changed)
        let reloaded = try store.loadRoadmap()[1]
        XCTAssertEqual([reloaded.title], ["Opsamling i gruppen"])
        XCTAssertEqual(reloaded.to, date(2023, 12, 20))
        XCTAssertEqual(reloaded.activities, ["Ét"])

        try store.moveRoadmapEntry(id: seeded[1].id, by: -1)
        XCTAssertEqual(try store.loadRoadmap().map(\.id), [seeded[0].id, seeded[1].id, added.id])
        try store.moveRoadmapEntry(id: seeded[0].id, by: 10)
        XCTAssertEqual(try store.loadRoadmap().map(\.id), [seeded[1].id, added.id, seeded[0].id])
        try store.deleteRoadmapEntry(id: seeded[1].id)
        XCTAssertEqual(try store.loadRoadmap().map(\.id), [added.id, seeded[0].id])
        XCTAssertThrowsError(try store.deleteRoadmapEntry(id: seeded[1].id)) {
            XCTAssertEqual($0 as? AgreementError, .roadmapEntryNotFound(seeded[1].id))
        }
        XCTAssertThrowsError(try store.updateRoadmapEntry(seeded[1])) {
            XCTAssertEqual($0 as? AgreementError, .roadmapEntryNotFound(seeded[1].id))
        }
        let end = try store.addRoadmapEntry(from: date(2024, 3, 1), to: date(2024, 3, 1), title: "Evaluering")
        XCTAssertEqual(try store.loadRoadmap().last, end)
    }

    func testRoadmapRefusesAPhaseEndingBeforeItStartsOrWithoutTitle() throws {
        let store = try newStore()
        XCTAssertThrowsError(try store.addRoadmapEntry(from: date(2024, 2, 1), to: date(2024, 1, 31), title: "Bagvendt")) {
            XCTAssertEqual($0 as? AgreementError, .endBeforeStart(from: date(2024, 2, 1), to: date(2024, 1, 31)))
            XCTAssertEqual(($0 as? AgreementError)?.message.da,
                           "Fasen slutter (31. januar 2024) før den begynder (1. februar 2024). "
                           + "Ret slutdatoen, eller lad den stå tom for en enkelt dag")
            XCTAssertEqual(($0 as? AgreementError)?.message.en,
                           "The phase ends (31 January 2024) before it starts (1 February 2024). "
                           + "Correct the end date, or leave it empty for a single day")
        }
        XCTAssertThrowsError(try store.addRoadmapEntry(from: date(2024, 2, 1), title: " \n")) {
            XCTAssertEqual($0 as? AgreementError, .emptyTitle)
            XCTAssertEqual(($0 as? AgreementError)?.message,
                           Localized(da: "Fasen skal have en overskrift", en: "The phase needs a title"))
        }
        var entry = try store.loadRoadmap()[1]
        entry.to = date(2024, 1, 1)
        XCTAssertThrowsError(try store.updateRoadmapEntry(entry))
        XCTAssertEqual(try store.loadRoadmap()[1].to, date(2024, 2, 16), "nothing changed")
    }

    // MARK: revision and schema

    func testRevisionMovesOnAgreementAndRoadmapEdits() throws {
        let store = try newStore()
        let other = try SessionStore.open(path: store.path)
        let g = try groupIDs(store)[0]
        func bumps(_ what: String, _ edit: () throws -> Void) throws {
            let before = try store.revision()
            try edit()
            XCTAssertGreaterThan(try other.revision(), before, what)
        }
        var row: AgreementRow!
        try bumps("field") { try store.setAgreementField(groupID: g, field: .involve, text: "Borgere") }
        try bumps("field again") { try store.setAgreementField(groupID: g, field: .involve, text: "Borgere og MED") }
        try bumps("add row") { row = try store.addAgreementRow(groupID: g) }
        try bumps("row text") { try store.setAgreementRow(id: row.id, who: "Kim") }
        try bumps("delete row") { try store.deleteAgreementRow(id: row.id) }
        let phase = try store.loadRoadmap()[0]
        try bumps("add phase") { try store.addRoadmapEntry(from: date(2024, 4, 1), title: "Ny") }
        try bumps("change phase") { var p = phase; p.title = "Dagen"; try store.updateRoadmapEntry(p) }
        try bumps("move phase") { try store.moveRoadmapEntry(id: phase.id, by: 1) }
        try bumps("delete phase") { try store.deleteRoadmapEntry(id: phase.id) }
    }

    func testAVersion3FileIsMigratedToVersion4WithTheRoadmapSeeded() throws {
        let (path, q) = try oldSession("v3.tovholder", upTo: "v3", itemIndex: 2)  // v2 seeds the groups
        try q.close()

        let store = try SessionStore.open(path: path)
        try store.queue.read { db in
            XCTAssertEqual(Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")),
                           ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"])
        }
        XCTAssertEqual(try store.load().currentIndex, 2, "v3 data kept")
        XCTAssertEqual(try store.loadRoadmap().map(\.title), ["Udviklingsdag", "Prøvehandlinger"])
        XCTAssertEqual(try store.loadAgreements().count, 2)
        // Opened again: migrated once, not seeded twice.
        XCTAssertEqual(try SessionStore.open(path: path).loadRoadmap().count, 2)
        let before = try store.revision()
        try store.setAgreementField(groupID: try groupIDs(store)[0], field: .tovholder, text: "Kim")
        XCTAssertGreaterThan(try store.revision(), before, "triggers installed")
    }
}
