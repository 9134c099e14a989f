import Foundation
import XCTest
@testable import TovholderCore

/// What the projector shows and the facilitator's notes: saved in the session, so the
/// projector (another process) follows and nothing the facilitator wrote is lost.
final class ProjectionTests: StoreTestCase {
    func testWhatTheProjectorShowsIsSavedAndReadBack() throws {
        let store = try newStore()
        XCTAssertEqual(try store.load().projection, Projection(), "a new session shows the item")
        let cases: [Projection] = [
            Projection(shows: .agenda), Projection(shows: .worksheet(groupID: 3)), Projection(shows: .agreement(groupID: 4)),
            Projection(shows: .plenum(.signs), page: 2), Projection(shows: .plenum(.agreement)),
            Projection(shows: .example, blank: true), Projection(shows: .roadmap), Projection(shows: .item),
        ]
        for projection in cases {
            var state = try store.load()
            state.projection = projection
            try store.save([.projection], of: state)
            XCTAssertEqual(try store.load().projection, projection)
        }
    }

    func testChangingTheProjectionBumpsTheRevisionSoTheProjectorReloads() throws {
        let store = try newStore()
        let before = try store.revision()
        var state = try store.load()
        state.projection.blank = true
        try store.save([.projection], of: state)
        XCTAssertGreaterThan(try store.revision(), before)
    }

    func testAHandEditedOrNewerProjectionIsReadAsTheItem() throws {
        let store = try newStore()
        try store.writing { db in
            try db.execute(sql: "UPDATE projector SET shows = 'hologram', group_id = NULL, page = -3 WHERE id = 1")
        }
        XCTAssertEqual(try store.load().projection, Projection(shows: .item, page: 0))
        try store.writing { db in try db.execute(sql: "UPDATE projector SET shows = 'worksheet', group_id = NULL") }
        XCTAssertEqual(try store.load().projection.shows, .item, "a sheet without a group is the item")
    }

    func testItemNotesKeepTheirHistoryAndComeBack() throws {
        let store = try newStore()
        let field = FieldRef.itemNote(itemID: "maal")
        XCTAssertEqual(FieldRef(historyName: field.historyName!), field)
        try store.setItemNote(itemID: "maal", text: "Husk post-its", author: "Facilitator", now: 10)
        try store.setItemNote(itemID: "maal", text: "Husk post-its og tuscher", author: "Anden", now: 20)
        XCTAssertEqual(try store.loadWorkshop().itemNotes, ["maal": "Husk post-its og tuscher"])
        XCTAssertEqual(try store.versions(field: field).map(\.text), ["Husk post-its og tuscher", "Husk post-its"])
        try store.restore(field: field, text: "Husk post-its", now: 30)
        XCTAssertEqual(try store.loadWorkshop().itemNotes["maal"], "Husk post-its")
        XCTAssertEqual(try store.loadWorkshop().plenumNotes, [:], "notes are not plenum notes")
    }

    func testNotesComeFromTheTemplateUntilEdited() throws {
        var day = TestProgramme.day()
        day.agenda[2].notes = "Del kuglepenne ud"
        var workshop = Workshop()
        XCTAssertEqual(workshop.notes(for: day.agenda[2]), "Del kuglepenne ud")
        XCTAssertEqual(workshop.notes(for: day.agenda[0]), "")
        workshop.itemNotes[day.agenda[2].id] = ""
        XCTAssertEqual(workshop.notes(for: day.agenda[2]), "", "emptied on purpose stays empty")
    }

    func testTheMinutesHaveTheNotesOnlyWhenAskedFor() throws {
        var day = TestProgramme.day()
        day.agenda[0].notes = "Byd velkommen"
        let store = try SessionStore.create(path: dir + "/noter.tovholder", programme: day, templateName: "test", now: 0)
        try store.setItemNote(itemID: "maal", text: "HEMMELIG plan")
        let without = try MinutesExport.minutes(store: store, language: .da, utcOffsetSeconds: 0, now: 100)
        XCTAssertNil(without.facilitatorNotes)
        for format in ExportFormat.allCases {
            let text = render(without, as: format)
            XCTAssertFalse(text.contains("HEMMELIG") || text.contains("Byd velkommen"), "\(format)")
        }
        let with = try MinutesExport.minutes(store: store, language: .da, utcOffsetSeconds: 0, now: 100, withNotes: true)
        XCTAssertEqual(with.facilitatorNotes?.map(\.itemID), ["velkommen", "maal"])
        XCTAssertEqual(with.facilitatorNotes?.map(\.text), ["Byd velkommen", "HEMMELIG plan"])
        XCTAssertTrue(render(with, as: .markdown).contains("## Facilitatorens noter"))
        XCTAssertTrue(render(with, as: .html).contains("HEMMELIG plan"))
        XCTAssertTrue(render(with, as: .json).contains("\"facilitator_notes\""))
    }

    func testATemplateItemMayHaveNotes() throws {
        let text = replacing(line: 12, with: "    minutes: 30\n    notes: |\n      Husk mikrofonen\n      og vand")
        guard case .success(let day) = TemplateLoader.load(path: temporaryFile(Array(text.utf8))) else {
            return XCTFail("does not load")
        }
        XCTAssertEqual(day.agenda.first?.notes, "Husk mikrofonen\nog vand")
        XCTAssertNil(day.agenda.last?.notes)
    }

    func testTheProjectorAnnouncesItsSize() throws {
        let store = try newStore()
        var p = TerminalPresence.current(role: .projector, groupID: nil, now: 100)
        p.columns = 240; p.rows = 67
        try store.announce(p)
        let seen = try store.terminals(now: 101)
        XCTAssertEqual(seen.first?.role, .projector)
        XCTAssertEqual(seen.first.map { [$0.columns, $0.rows] }, [240, 67])
    }
}
