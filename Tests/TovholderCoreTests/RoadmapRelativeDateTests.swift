import Foundation
import XCTest
@testable import TovholderCore

/// Roadmap dates relative to the day (`+6w`, `+3m`, `-1d`), fixed when the session is made;
/// and the calendar arithmetic under them.
final class RoadmapRelativeDateTests: XCTestCase {
    func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    func testCountingDaysAndWeekdays() {
        XCTAssertEqual(date(1970, 1, 1).dayNumber, 0)
        XCTAssertEqual(date(2023, 12, 5).weekday, 2, "the reference day was a Tuesday")
        XCTAssertEqual(date(2024, 1, 18).weekday, 4, "day 2 a Thursday")
        XCTAssertEqual(date(2027, 3, 2).weekday, 2)
        XCTAssertEqual(date(2023, 12, 5).adding(days: 44), date(2024, 1, 18))
        XCTAssertEqual(date(2024, 2, 28).adding(days: 1), date(2024, 2, 29))
        XCTAssertEqual(date(2023, 2, 28).adding(days: 1), date(2023, 3, 1))
        XCTAssertEqual(date(2024, 1, 1).adding(days: -1), date(2023, 12, 31))
        var d = date(1999, 12, 25)
        for _ in 0..<4000 {  // every day round trips and the weekday steps by one
            let next = d.adding(days: 1)!
            XCTAssertEqual(next.dayNumber, d.dayNumber + 1)
            XCTAssertEqual(next.weekday, d.weekday % 7 + 1)
            d = next
        }
        XCTAssertEqual(date(2024, 1, 31).adding(months: 1), date(2024, 2, 29), "the month's last day, not 2 March")
        XCTAssertEqual(date(2023, 12, 5).adding(months: 3), date(2024, 3, 5))
        XCTAssertEqual(date(2024, 3, 31).adding(months: -1), date(2024, 2, 29))
        XCTAssertNil(date(2999, 12, 1).adding(months: 1))
    }

    func testOffsetsAreReadStrictly() {
        XCTAssertEqual(DateOffset(parsing: "+6w"), DateOffset(amount: 6, unit: .weeks))
        XCTAssertEqual(DateOffset(parsing: "+6u"), DateOffset(amount: 6, unit: .weeks), "uger")
        XCTAssertEqual(DateOffset(parsing: " -1d "), DateOffset(amount: -1, unit: .days))
        XCTAssertEqual(DateOffset(parsing: "+3M"), DateOffset(amount: 3, unit: .months))
        for bad in ["6w", "+w", "+6", "+6y", "2024-01-18", "+6 w", "++6w", "+12345d", ""] {
            XCTAssertNil(DateOffset(parsing: bad), bad)
        }
        XCTAssertEqual(DateOffset(amount: -1, unit: .days).text, "-1d")
    }

    let yaml = appending("""
    roadmap:
      - from: -1d
        to: +0d
        title: Del 1
      - from: +6w
        to: +6w
        title: Del 2
      - from: +3m
        title: Målplaner
      - from: 2024-06-01
        title: Fast dato
    """)

    func testATemplateWithRelativeDatesLoadsCountedFromItsDate() throws {
        let day = try TemplateLoader.parse(bytes: Array(yaml.utf8), file: "t.yaml").get()
        XCTAssertEqual(day.date, date(2024, 1, 18))
        XCTAssertEqual(day.roadmap.map(\.from), [date(2024, 1, 17), date(2024, 2, 29), date(2024, 4, 18), date(2024, 6, 1)])
        XCTAssertEqual(day.roadmap[0].to, date(2024, 1, 18))
        XCTAssertEqual(day.roadmap[1].fromOffset, DateOffset(amount: 6, unit: .weeks))
        XCTAssertNil(day.roadmap[3].fromOffset)
    }

    func testDatingFixesRelativeDatesAndLeavesAbsoluteOnes() throws {
        let day = try TemplateLoader.parse(bytes: Array(yaml.utf8), file: "t.yaml").get().dated(date(2027, 3, 2))
        XCTAssertEqual(day.roadmap.map(\.from), [date(2027, 3, 1), date(2027, 4, 13), date(2027, 6, 2), date(2024, 6, 1)])
        XCTAssertEqual(day.roadmap.map(\.to), [date(2027, 3, 2), date(2027, 4, 13), nil, nil])
        XCTAssertTrue(day.roadmap.allSatisfy { $0.fromOffset == nil && $0.toOffset == nil }, "fixed: nothing relative is stored")
        let json = String(decoding: try JSONEncoder().encode(day.roadmap), as: UTF8.self)
        XCTAssertFalse(json.contains("Offset"), json)
    }

    func testAnEndBeforeItsStartIsStillAnError() {
        let bad = appending("""
        roadmap:
          - from: +2w
            to: +1w
            title: Baglæns
        """)
        let found = issues(of: Array(bad.utf8))
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.text(.da).contains("før startdatoen") ?? false, "\(found)")
    }

    func testAProgrammeStoredBeforeOffsetsStillDecodes() throws {
        let old = #"{"from":"2024-01-18","title":"Del 2","activities":[]}"#
        let phase = try JSONDecoder().decode(RoadmapPhase.self, from: Data(old.utf8))
        XCTAssertEqual(phase, RoadmapPhase(from: date(2024, 1, 18), title: "Del 2"))
    }
}
