import Foundation
import XCTest
@testable import TovholderCore

/// Day 2's date and roadmap from day 1's: the date proposed from day 1's phase for day 2,
/// and a carried phase replacing the template's phase of the same name.
final class SeriesDatesTests: StoreTestCase {
    func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }
    var templates: URL { packageRoot().appendingPathComponent("sessions") }

    /// The reference day made for `day`, held and closed.
    func day1(on day: CalendarDate) throws -> EarlierSession {
        var programme = try TemplateLoader.load(path: templates.appendingPathComponent("udviklingsdag.yaml").path).get()
        programme.date = day
        let store = try SessionStore.create(path: dir + "/dag1.tovholder", programme: programme, templateName: "udviklingsdag.yaml", now: 0)
        try store.close()
        return try EarlierSession.read(path: dir + "/dag1.tovholder")
    }

    func testDay2IsProposedFromDay1sRoadmap() throws {
        let earlier = try day1(on: date(2027, 3, 2))
        let template = try TemplateLoader.load(path: templates.appendingPathComponent("udviklingsdag-2.yaml").path).get()
        XCTAssertEqual(NextDayDate.proposed(roadmap: earlier.roadmap, earlierDay: earlier.state.programme.date, template: template),
                       date(2027, 4, 15), "day 1's \"Udviklingsdage del 2\", 44 days after it")
        // A day 1 that moved its phase by hand is followed.
        var moved = earlier.roadmap
        moved[1].from = date(2027, 4, 22)
        XCTAssertEqual(NextDayDate.proposed(roadmap: moved, earlierDay: earlier.state.programme.date, template: template), date(2027, 4, 22))
        // No phase of that name, or only one before day 1: nothing proposed.
        XCTAssertNil(NextDayDate.proposed(roadmap: [earlier.roadmap[0]], earlierDay: earlier.state.programme.date, template: template))
        moved[1].from = date(2027, 2, 1)
        XCTAssertNil(NextDayDate.proposed(roadmap: moved, earlierDay: earlier.state.programme.date, template: template))
    }

    func testACarriedRoadmapReplacesTheTemplatesPhasesOfTheSameName() throws {
        let earlier = try day1(on: date(2027, 3, 2))
        var day2 = try TemplateLoader.load(path: templates.appendingPathComponent("udviklingsdag-2.yaml").path).get()
        day2.date = date(2027, 4, 15)
        day2.roadmap.append(RoadmapPhase(from: date(2027, 9, 1), title: "  arbejdet MED målplaner kan igangsættes på arbejdspladser "))
        day2.roadmap.append(RoadmapPhase(from: date(2027, 10, 1), title: "Evaluering"))
        let store = try SessionStore.create(path: dir + "/dag2.tovholder", programme: day2, templateName: "udviklingsdag-2.yaml",
                                            now: 0, carrying: earlier)
        let roadmap = try store.loadRoadmap()
        XCTAssertEqual(roadmap.map(\.title), ["Udviklingsdage del 1", "Udviklingsdage del 2",
                                              "Arbejdet med målplaner kan igangsættes på arbejdspladser", "Evaluering"],
                       "each phase once; the template's own new phase after them")
        XCTAssertEqual(roadmap.map(\.from.iso), ["2027-03-01", "2027-04-15", "2027-05-28", "2027-10-01"])
        XCTAssertEqual(roadmap.map { $0.originDay != nil }, [true, true, true, false])

        // The calendar has each phase once.
        let m = Minutes(session: try store.load(), workshop: try store.loadWorkshop(), agreements: [:], roadmap: roadmap,
                        utcOffsetSeconds: 0, exportedAt: 0, language: .da)
        let ics = ICSMinutes.render(m)
        XCTAssertEqual(ics.components(separatedBy: "UID:roadmap-").count - 1, 4)
        XCTAssertFalse(ics.contains("2024"), "nothing of the template's own year")
    }
}
