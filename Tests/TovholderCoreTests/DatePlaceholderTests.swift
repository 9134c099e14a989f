import Foundation
import XCTest
@testable import TovholderCore

/// `{dato}`, `{ugedag}`, `{dato+N}` (and `{date}`, `{weekday}`, `{date+N}`) in a template's
/// text follow the day the session is made for.
final class DatePlaceholderTests: XCTestCase {
    let tuesday = CalendarDate(year: 2027, month: 3, day: 2)!

    func testDanishAndEnglishPlaceholders() {
        let r = { DatePlaceholders.resolve($0, on: self.tuesday) }
        XCTAssertEqual(r("{ugedag} den {dato}"), "tirsdag den 2. marts 2027")
        XCTAssertEqual(r("{weekday} {date}"), "Tuesday 2 March 2027")
        XCTAssertEqual(r("fra {dato+44}"), "fra 15. april 2027")
        XCTAssertEqual(r("lederdag den {dato-7}"), "lederdag den 23. februar 2027")
        XCTAssertEqual(r("{date+30}, a {weekday+3}"), "1 April 2027, a Friday")
        XCTAssertEqual(r("{ Dato + 1 }"), "3. marts 2027", "spaces and case inside the braces do not matter")
    }

    func testOtherBracesAreLeftAsWritten() {
        let r = { DatePlaceholders.resolve($0, on: self.tuesday) }
        for text in ["{navn}", "{dato+}", "{dato+x}", "{datoer}", "{dato", "dato}", "{}", "{{dato}}", "a { b } c", "{dato+99999}"] {
            let expected = text == "{{dato}}" ? "{2. marts 2027}" : text
            XCTAssertEqual(r(text), expected, text)
        }
        XCTAssertEqual(r("æøå {dato} 👍🏽"), "æøå 2. marts 2027 👍🏽")
    }

    func testCrossingAYearAndALeapDay() {
        let day = CalendarDate(year: 2027, month: 12, day: 30)!
        XCTAssertEqual(DatePlaceholders.resolve("{dato+2}", on: day), "1. januar 2028")
        XCTAssertEqual(DatePlaceholders.resolve("{dato+61}", on: day), "29. februar 2028")
    }

    func testTheReferenceDayRedatedHasNoOldYearAnywhere() throws {
        let day = try TemplateLoader.load(path: referenceDayPath).get().dated(tuesday)
        XCTAssertEqual(day.date, tuesday)
        XCTAssertEqual(day.subtitle, "Udviklingsuge del 1 – tirsdag den 2. marts 2027")
        XCTAssertEqual(day.challenge.bullets.first, "På lederdag den 23. februar 2027 har I arbejdet med at formulere mål til givne målsætninger")
        let json = String(decoding: try JSONEncoder().encode(day), as: UTF8.self)
        for old in ["2023", "2024", "december", "januar", "{dato", "{ugedag"] {
            XCTAssertFalse(json.contains(old), "\(old) is left in the re-dated reference day")
        }
        // As made for its own date, it reads as it always did.
        let own = try TemplateLoader.load(path: referenceDayPath).get()
        XCTAssertEqual(own.dated(own.date).subtitle, "Udviklingsuge del 1 – tirsdag den 5. december 2023")
        XCTAssertEqual(own.dated(own.date).agenda.last?.subtitle,
                       "Vi glæder os til at høre om jeres erfaringer og fund den 18. januar 2024")
    }

    func testTheSecondDayRedated() throws {
        let path = packageRoot().appendingPathComponent("sessions/udviklingsdag-2.yaml").path
        let day = try TemplateLoader.load(path: path).get().dated(CalendarDate(year: 2027, month: 4, day: 15)!)
        let json = String(decoding: try JSONEncoder().encode(day), as: UTF8.self)
        for old in ["2023", "2024", "{dato", "{ugedag"] { XCTAssertFalse(json.contains(old), old) }
        XCTAssertEqual(day.agenda.last?.subtitle, "Arbejdet med målplaner kan igangsættes på arbejdspladserne fra 28. maj 2027")
    }

    func testASessionHoldsTheTextFixedToItsDay() throws {
        let dir = NSTemporaryDirectory() + "tovholder-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var day = try TemplateLoader.load(path: referenceDayPath).get()
        day.date = tuesday
        let store = try SessionStore.create(path: dir + "/dag.tovholder", programme: day, templateName: "t", now: 0)
        let held = try store.load().programme
        XCTAssertEqual(held.subtitle, "Udviklingsuge del 1 – tirsdag den 2. marts 2027")
        XCTAssertEqual(try store.loadRoadmap().map(\.from.iso), ["2027-03-01", "2027-04-15", "2027-05-28"])
    }
}
