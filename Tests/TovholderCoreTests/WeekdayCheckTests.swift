import Foundation
import XCTest
@testable import TovholderCore

/// "fredag den 12/1" when 12/1 is a Tuesday: saved as typed, asked about in the minutes.
final class WeekdayCheckTests: XCTestCase {
    let day = CalendarDate(year: 2027, month: 1, day: 5)!  // the day of the session
    let jan12 = CalendarDate(year: 2027, month: 1, day: 12)!  // a Tuesday

    func read(_ text: String) -> CalendarDate? { try? DanishDate.parse(text, near: day).get() }

    func testAWrongWeekdayIsAskedAbout() {
        XCTAssertEqual(read("fredag den 12/1"), jan12, "the numbers still say which date")
        XCTAssertEqual(WeekdayCheck.question("fredag den 12/1", date: jan12, .da), "12/1 er en tirsdag")
        XCTAssertEqual(WeekdayCheck.question("fredag den 12/1", date: jan12, .en), "1/12 is a Tuesday")
        XCTAssertEqual(WeekdayCheck.question("Fre. 12. januar", date: jan12, .da), "12/1 er en tirsdag")
        XCTAssertEqual(WeekdayCheck.question("Friday, January 12", date: jan12, .da), "12/1 er en tirsdag")
    }

    func testARightOrMissingWeekdayIsNot() {
        for text in ["tirsdag den 12/1", "tirs 12/1", "Tuesday 12 January", "12/1", "12. januar 2027", "den 12/1"] {
            XCTAssertNil(WeekdayCheck.question(text, date: jan12, .da), text)
        }
    }

    func testEveryWeekdayWordIsKnown() {
        var d = CalendarDate(year: 2027, month: 1, day: 11)!  // a Monday
        for word in ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"] {
            XCTAssertNil(WeekdayCheck.question("\(word) \(d.day)/\(d.month)", date: d, .da), word)
            XCTAssertNotNil(WeekdayCheck.question("\(word) \(d.day + 1)/\(d.month)", date: d.adding(days: 1)!, .da), word)
            d = d.adding(days: 1)!
        }
    }

    func testTheMinutesKeepTheTypedTextWithTheQuestion() throws {
        let a = Agreement(groupID: 1,
                          rows: [AgreementRow(id: 1, who: "Anne", knowledge: "Tal", dueText: "fredag den 12/1", due: jan12),
                                 AgreementRow(id: 2, who: "Bo", knowledge: "Erfaringer", dueText: "tirsdag den 12/1", due: jan12)],
                          nextMeeting: NextMeeting(dateText: "fredag den 12/1", date: jan12, timeText: "10", time: ClockTime(hour: 10, minute: 0)))
        let m = Minutes.agreement(a, ExportStrings(.da))
        XCTAssertEqual(m.rows[0].dueText, "fredag den 12/1")
        XCTAssertEqual(m.rows[0].weekdayQuestion, "12/1 er en tirsdag")
        XCTAssertEqual(m.rows[0].dueShown, "fredag den 12/1 (12/1 er en tirsdag)")
        XCTAssertEqual(m.rows[1].dueShown, "12. januar 2027", "a right weekday is worded as before")
        XCTAssertEqual(m.nextMeeting.text, "fredag den 12/1 (12/1 er en tirsdag) kl. 10.00")
        XCTAssertEqual(m.nextMeeting.weekdayQuestion, "12/1 er en tirsdag")
    }

    func testEveryDocumentShowsTheQuestion() throws {
        var sample = try ExportSample.make()
        let g = sample.workshop.activeGroups[0].id
        var form = sample.agreements[g] ?? Agreement(groupID: g)
        let date = CalendarDate(year: 2024, month: 1, day: 16)!  // a Tuesday
        form.rows = [AgreementRow(id: 99, who: "Anne", knowledge: "Tal", dueText: "fredag den 16/1", due: date)]
        sample.agreements[g] = form
        let m = sample.minutes(.da)
        XCTAssertTrue(MarkdownMinutes.render(m).contains("fredag den 16/1 (16/1 er en tirsdag)"))
        XCTAssertTrue(HTMLMinutes.render(m).contains("fredag den 16/1 (16/1 er en tirsdag)"))
        let ics = ICSMinutes.render(m).replacingOccurrences(of: "\r\n ", with: "")  // unfolded
        XCTAssertTrue(ics.contains("16/1 er en tirsdag"), ics)
        let json = JSONMinutes.render(m)
        XCTAssertTrue(json.contains("\"weekday_question\" : \"16\\/1 er en tirsdag\"") || json.contains("\"weekday_question\" : \"16/1 er en tirsdag\""), json)
    }
}
