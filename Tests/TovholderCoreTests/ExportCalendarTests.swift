import Foundation
import XCTest
@testable import TovholderCore

/// The calendar export's deadlines and meeting ends, and items the day only passed through.
final class ExportCalendarTests: XCTestCase {
    func testEveryDatedAgreementRowIsAnAllDayEventWithAStableUID() throws {
        let sample = try ExportSample.make()
        let m = sample.minutes(.da)
        let events = try parse(ICSMinutes.render(m))
        let deadlines = events.filter { ($0["uid"] as! String).hasPrefix("agreement-") }
        // Group 1: Anne's row (18/1) only; Karim's "efter jul" and group 2's undated row have none.
        XCTAssertEqual(deadlines.count, 1)
        let anne = try XCTUnwrap(deadlines.first)
        XCTAssertEqual(anne["uid"] as? String, "agreement-g1-row1.\(m.sessionID)@tovholder")
        XCTAssertEqual(anne["start"] as? String, "2024-01-18")
        XCTAssertEqual(anne["end"] as? String, "2024-01-19", "all day: DTEND is the next day")
        XCTAssertEqual(anne["summary"] as? String, "Frist · Gruppe 1: Anne – Erfaringer fra Ballerup")
        XCTAssertEqual(anne["transp"] as? String, "TRANSPARENT")
        let description = try XCTUnwrap(anne["description"] as? String)
        for line in ["Gruppe 1", "Hvem: Anne", "Hvilken viden: Erfaringer fra Ballerup", "Inden: 18. januar 2024"] {
            XCTAssertTrue(description.components(separatedBy: "\n").contains(line), line)
        }
        XCTAssertFalse(events.contains { ($0["summary"] as! String).contains("Karim") }, "no event for \"efter jul\"")

        let english = try parse(ICSMinutes.render(sample.minutes(.en)))
        XCTAssertEqual(english.first { ($0["uid"] as! String).hasPrefix("agreement-") }?["summary"] as? String,
                       "Due · Gruppe 1: Anne – Erfaringer fra Ballerup")

        // A later export, in the other language and after the text was edited, updates the same event.
        var edited = sample
        edited.agreements[1]!.rows[0].knowledge = "Erfaringer fra Ballerup og Gladsaxe"
        let later = Minutes(session: edited.session, workshop: edited.workshop, agreements: edited.agreements,
                            roadmap: edited.roadmap, utcOffsetSeconds: ExportSample.utcOffset,
                            exportedAt: ExportSample.exportedAt + 86_400, language: .en)
        let again = try parse(ICSMinutes.render(later))
        XCTAssertEqual(Set(again.map { $0["uid"] as! String }), Set(events.map { $0["uid"] as! String }))
    }

    func testAMeetingWithATimeLastsAnHourUnlessARangeWasTyped() throws {
        var sample = try ExportSample.make()
        var events = try parse(ICSMinutes.render(sample.minutes(.da)))
        let meeting = try XCTUnwrap(events.first { ($0["uid"] as! String).hasPrefix("next-meeting-g1.") })
        XCTAssertEqual(meeting["start"] as? String, "2024-01-09T13:30:00+01:00")
        XCTAssertEqual(meeting["end"] as? String, "2024-01-09T14:30:00+01:00")
        // "efter frokost" is no time: the meeting stays all day, as before.
        let afterLunch = try XCTUnwrap(events.first { ($0["uid"] as! String).hasPrefix("next-meeting-g2.") })
        XCTAssertEqual(afterLunch["start"] as? String, "2024-01-15")
        XCTAssertEqual(afterLunch["end"] as? String, "2024-01-16")

        // A range is kept as typed (it is not one time) and gives both ends.
        for typed in ["13.30–15", "13:30-15:00", "kl. 13.30 - kl. 15", "fra 13.30 til 15"] {
            sample.agreements[1]!.nextMeeting.timeText = typed
            sample.agreements[1]!.nextMeeting.time = try? DanishTime.parse(typed).get()
            let ics = ICSMinutes.render(sample.minutes(.da))
            XCTAssertTrue(ics.contains("BEGIN:VTIMEZONE\r\n"), typed)
            events = try parse(ics)
            let ranged = try XCTUnwrap(events.first { ($0["uid"] as! String).hasPrefix("next-meeting-g1.") })
            XCTAssertEqual(ranged["start"] as? String, "2024-01-09T13:30:00+01:00", typed)
            XCTAssertEqual(ranged["end"] as? String, "2024-01-09T15:00:00+01:00", typed)
        }

        // An hour from 23.30 ends on the next day.
        sample.agreements[1]!.nextMeeting.timeText = "23.30"
        sample.agreements[1]!.nextMeeting.time = ClockTime(hour: 23, minute: 30)
        let late = try XCTUnwrap(try parse(ICSMinutes.render(sample.minutes(.da)))
            .first { ($0["uid"] as! String).hasPrefix("next-meeting-g1.") })
        XCTAssertEqual(late["end"] as? String, "2024-01-10T00:30:00+01:00")
    }

    func testTimeRangesAreReadAsTyped() {
        let t = { (h: Int, m: Int) in ClockTime(hour: h, minute: m)! }
        XCTAssertEqual(TimeRange.parse("13.30–15"), TimeRange(start: t(13, 30), end: t(15, 0)))
        XCTAssertEqual(TimeRange.parse("13:30-15:00"), TimeRange(start: t(13, 30), end: t(15, 0)))
        XCTAssertEqual(TimeRange.parse("kl. 9-11"), TimeRange(start: t(9, 0), end: t(11, 0)))
        XCTAssertEqual(TimeRange.parse("Kl. 9—11.15"), TimeRange(start: t(9, 0), end: t(11, 15)))
        XCTAssertEqual(TimeRange.parse("fra kl. 10 til kl. 12"), TimeRange(start: t(10, 0), end: t(12, 0)))
        for text in ["", "13.30", "efter frokost", "15-13", "13-13", "13-", "-15", "9-11-13", "13.3-15", "13 - 15 til 16",
                     "13-25", "formiddag-eftermiddag"] {
            XCTAssertNil(TimeRange.parse(text), text)
        }
    }

    func testItemsPassedThroughAreNotShownAsHeld() throws {
        var sample = try ExportSample.make()
        let agenda = sample.session.programme.agenda
        let index = { (id: String) in agenda.firstIndex { $0.id == id }! }
        let t0 = ExportSample.dayStart + 9 * 3600
        func begun(_ at: Double, _ item: AgendaItem) -> ItemProgress {
            ItemProgress(actualStart: at, countdown: Countdown(durationSeconds: item.minutes * 60))
        }
        // velkommen left after 30 s, udfordringen after 5 min, taelle-til-3 never begun,
        // kunne-i-taelle left after 10 s by a jump over maal to droem-maalene-stoerre (current).
        sample.session.items = [
            "velkommen": begun(t0, agenda[index("velkommen")]),
            "udfordringen": begun(t0 + 30, agenda[index("udfordringen")]),
            "kunne-i-taelle": begun(t0 + 330, agenda[index("kunne-i-taelle")]),
            "droem-maalene-stoerre": begun(t0 + 340, agenda[index("droem-maalene-stoerre")]),
        ]
        sample.session.currentIndex = index("droem-maalene-stoerre")
        for language in Language.allCases {
            let m = sample.minutes(language)
            let status = { (id: String) in m.agenda.items.first { $0.id == id }?.status }
            XCTAssertEqual(status("velkommen"), .passed)
            XCTAssertEqual(status("udfordringen"), .held)
            XCTAssertEqual(status("taelle-til-3"), .skipped)
            XCTAssertEqual(status("kunne-i-taelle"), .passed)
            XCTAssertEqual(status("maal"), .skipped)
            XCTAssertEqual(status("droem-maalene-stoerre"), .current)
            XCTAssertEqual(status("pause"), .notReached)

            let words = language == .da ? "gået hurtigt forbi" : "passed through quickly"
            let item = try XCTUnwrap(m.agenda.items.first { $0.id == "velkommen" })
            XCTAssertEqual(item.statusText, words)
            XCTAssertTrue(MarkdownMinutes.render(m).contains(" — " + words + ", "), "Markdown")
            XCTAssertTrue(HTMLMinutes.render(m).contains("<li class=\"passed\">"), "HTML")
            XCTAssertTrue(HTMLMinutes.render(m).contains(">" + words + ", "), "HTML")
            XCTAssertTrue(JSONMinutes.render(m).contains("\"status\" : \"passed\""), "JSON")
        }
    }

    /// The events as Python's icalendar reads them (the parser the other ICS tests use).
    private func parse(_ ics: String) throws -> [[String: Any]] {
        let python = try XCTUnwrap(pythonWithICalendar(), "no Python with icalendar: run scripts/deps (python3-icalendar)")
        let path = NSTemporaryDirectory() + "tovholder-calendar-\(UUID().uuidString).ics"
        try ics.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = """
        import icalendar, json, sys
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = []
        for e in cal.walk('VEVENT'):
            out.append({'uid': str(e['uid']), 'summary': str(e['summary']),
                        'start': e.decoded('dtstart').isoformat(),
                        'end': e.decoded('dtend').isoformat() if 'dtend' in e else None,
                        'transp': str(e.get('transp', '')),
                        'description': str(e.get('description', ''))})
        print(json.dumps(out))
        """
        let r = try runProcess(["/usr/bin/env", python, "-c", script, path])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
    }
}
