import Foundation
import XCTest
@testable import TovholderCore

final class ExportFormatTests: XCTestCase {
    static var goldenDir: URL { packageRoot().appendingPathComponent("Tests/TovholderCoreTests/Fixtures/golden") }

    /// The sample day in both languages and every format, against files in the source tree.
    /// A missing file is recorded (and the test fails once, saying so); delete one to re-record.
    func testGoldenFiles() throws {
        let sample = try ExportSample.make()
        try FileManager.default.createDirectory(at: Self.goldenDir, withIntermediateDirectories: true)
        for language in Language.allCases {
            let m = sample.minutes(language)
            for format in ExportFormat.allCases {
                let url = Self.goldenDir.appendingPathComponent("minutes-\(language.rawValue).\(format.fileExtension)")
                let actual = render(m, as: format)
                guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
                    try actual.write(to: url, atomically: true, encoding: .utf8)
                    XCTFail("Recorded golden file \(url.path) — check it and run the tests again")
                    continue
                }
                XCTAssertEqual(actual, expected, "differs from \(url.lastPathComponent); delete it to re-record on purpose")
            }
        }
    }

    func testTheModelHoldsWhatTheDaySaid() throws {
        let m = try ExportSample.make().minutes(.da)
        XCTAssertEqual(m.agenda.delayText, "+7 min")
        XCTAssertEqual(m.groups.map(\.name), ["Gruppe 1", "Gruppe 2", "Gruppe 3", "Gruppe 4 – Ældre & Sundhed"])
        XCTAssertEqual(m.agenda.items.first { $0.id == "sygefravaer" }?.status, .skipped)
        XCTAssertEqual(m.agenda.items.first { $0.id == "afrunding" }?.status, .current)
        XCTAssertEqual(m.agenda.items.first { $0.id == "tak" }?.status, .notReached)
        XCTAssertEqual(m.agenda.items.first { $0.id == "maal" }?.actualStartText, "09.34")
        let g1 = m.groups[0]
        XCTAssertEqual(g1.trialActions[1].linkLabels, ["Mek 1", "Mek 2"])
        XCTAssertEqual(g1.signs[0].linkLabels, ["Mål 1"])
        XCTAssertTrue(g1.findings.isEmpty)
        // The reference day reaches signs but not trial actions (day 2's): nothing asks
        // about Mek 2's trial action or Prøve 2's mechanism.
        XCTAssertEqual(m.groups[1].findings, ["Hvilket tegn viser, at I når Mål 1?", "Hvilket mål tjener Mek 2?", "Hvilket mål viser Tegn 1?"])
        XCTAssertEqual(g1.mechanisms.map(\.linkLabels), [["Mål 1"], ["Mål 1", "Mål 2"]], "mechanisms serve goals")
        XCTAssertEqual(g1.agreement?.rows.map(\.dueText), ["18. januar 2024", "efter jul"])
        XCTAssertEqual(g1.agreement?.nextMeeting.text, "9. januar 2024 kl. 13.30, Rådhuset, mødelokale 2")
        XCTAssertEqual(m.plenumNotes.map(\.itemID), ["opsamling-mekanismer", "opsamling-tegn"])
        XCTAssertEqual(m.roadmap.map(\.datesText), ["4.–5. december 2023", "18.–19. januar 2024", "1. marts 2024"])
        XCTAssertEqual(m.exportedAtText, "5. december 2023 kl. 15.12")
        XCTAssertEqual(try ExportSample.make().minutes(.en).roadmap.map(\.datesText),
                       ["4–5 December 2023", "18–19 January 2024", "1 March 2024"])
    }

    func testHTMLIsSelfContainedPrintableAndEscaped() throws {
        var i = 0
        let sample = try ExportSample.make { t in defer { i += 1 }; return tortureTexts[i % tortureTexts.count] + " " + t }
        for language in Language.allCases {
            let html = HTMLMinutes.render(sample.minutes(language))
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
            XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
            XCTAssertTrue(html.contains("@media print"))
            XCTAssertFalse(html.lowercased().contains("<script"), "script")
            XCTAssertFalse(html.lowercased().contains("javascript:") && html.contains("href="), "link")
            for pattern in [#"(src|href|action)\s*="#, #"url\("#, "@import", #"<link\b"#, #"<(img|iframe|object|embed)\b"#] {
                XCTAssertNil(html.range(of: pattern, options: [.regularExpression, .caseInsensitive]), pattern)
            }
            // The hostile text is in there, escaped.
            XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            XCTAssertTrue(html.contains("&amp;amp; &amp;#x27;"))
            XCTAssertTrue(html.contains("esc ␛[31mred"))
            XCTAssertFalse(html.unicodeScalars.contains { VisibleText.needsReplacing($0) })
            // Every tag opened by participant text would show up as a tag we do not write.
            let tags = Set(html.matches(#"<([a-zA-Z0-9!]+)"#))
            XCTAssertEqual(tags.subtracting(["!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1",
                                             "h2", "h3", "h4", "p", "section", "ul", "li", "span", "strong", "em", "br",
                                             "dl", "dt", "dd"]), [])
        }
    }

    func testICSParsesWithEventsForDatedMeetingsAndPhases() throws {
        var i = 0
        let hostile = try ExportSample.make { t in defer { i += 1 }; return tortureTexts[i % tortureTexts.count] + " " + t }
        for sample in [try ExportSample.make(), hostile] {
            let m = sample.minutes(.da)
            let ics = ICSMinutes.render(m)
            // CRLF only, every line at most 75 octets.
            XCTAssertFalse(ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            XCTAssertFalse(ics.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
            for line in ics.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 75, line) }
            XCTAssertTrue(ics.contains("DTSTART;TZID=Europe/Copenhagen:20240109T133000\r\n"))
            XCTAssertTrue(ics.contains("DTSTART;VALUE=DATE:20240115\r\nDTEND;VALUE=DATE:20240116\r\n"))
            XCTAssertTrue(ics.contains("DTSTART;VALUE=DATE:20231204\r\nDTEND;VALUE=DATE:20231206\r\n"))
            XCTAssertTrue(ics.contains("DTSTAMP:20231205T141200Z\r\n"))

            let python = try XCTUnwrap(pythonWithICalendar(), "no Python with icalendar: run scripts/deps (python3-icalendar)")
            let path = NSTemporaryDirectory() + "tovholder-export-\(UUID().uuidString).ics"
            try ics.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let script = """
            import icalendar, json, sys
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            out = []
            for e in cal.walk('VEVENT'):
                s = e.decoded('dtstart')
                out.append({'uid': str(e['uid']), 'summary': str(e['summary']),
                            'location': str(e.get('location', '')), 'start': s.isoformat(),
                            'tz': str(getattr(s, 'tzinfo', None) or ''),
                            'end': e.decoded('dtend').isoformat() if 'dtend' in e else None,
                            'description': str(e.get('description', ''))})
            print(json.dumps(out))
            """
            let r = try runProcess(["/usr/bin/env", python, "-c", script, path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let events = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
            let dated = m.groups.filter { $0.agreement?.nextMeeting.date != nil }
            XCTAssertEqual(dated.count, 2)
            let dueRows = m.groups.flatMap { $0.agreement?.rows ?? [] }.filter { $0.due != nil }
            XCTAssertEqual(events.count, dated.count + dueRows.count + m.roadmap.count)
            XCTAssertEqual(Set(events.map { $0["uid"] as! String }).count, events.count, "UIDs are unique")
            let first = try XCTUnwrap(events.first { ($0["uid"] as! String).hasPrefix("next-meeting-g1.") })
            XCTAssertEqual(first["start"] as? String, "2024-01-09T13:30:00+01:00")
            XCTAssertEqual(first["summary"] as? String,
                           VisibleText.visible(m.groups[0].name + " mødes igen (tovholder: " + m.groups[0].agreement!.tovholder + ")"))
            XCTAssertEqual(first["location"] as? String, VisibleText.visible(m.groups[0].agreement!.nextMeeting.place))
            let second = try XCTUnwrap(events.first { ($0["uid"] as! String).hasPrefix("next-meeting-g2.") })
            XCTAssertEqual(second["start"] as? String, "2024-01-15")
            let phases = events.filter { ($0["uid"] as! String).hasPrefix("roadmap-") }
            XCTAssertEqual(phases.map { $0["start"] as! String }.sorted(), ["2023-12-04", "2024-01-18", "2024-03-01"])
            XCTAssertEqual(phases.compactMap { $0["end"] as? String }.sorted(), ["2023-12-06", "2024-01-20", "2024-03-02"])
            XCTAssertEqual(Set(phases.map { $0["summary"] as! String }), Set(m.roadmap.map { VisibleText.visible($0.title) }))
        }
    }

    func testICSFoldsAtSeventyFiveOctetsWithoutSplittingCharacters() {
        let long = "DESCRIPTION:" + String(repeating: "æøå, ", count: 40)
        let folded = ICSMinutes.fold(long)
        for line in folded.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 75) }
        XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), long)
        XCTAssertEqual(ICSMinutes.text("a;b,c\\d\ne\rf"), "a\\;b\\,c\\\\d\\ne␍f")
    }

    func testJSONHasSchemaVersionAndEveryGroupAndEntry() throws {
        let m = try ExportSample.make().minutes(.en)
        let json = JSONMinutes.render(m)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["schema_version"] as? Int, 2)
        let groups = try XCTUnwrap(object["groups"] as? [[String: Any]])
        XCTAssertEqual(groups.count, 4)
        for (g, model) in zip(groups, m.groups) {
            XCTAssertEqual(g["name"] as? String, model.name)
            for (key, kind) in [("goals", EntryKind.goal), ("mechanisms", .mechanism), ("trial_actions", .trialAction), ("signs", .sign)] {
                XCTAssertEqual((g[key] as? [[String: Any]])?.map { $0["text"] as! String }, model.entries(of: kind).map(\.text), key)
            }
        }
        XCTAssertNotNil(object["roadmap"] as? [[String: Any]])
        XCTAssertEqual((object["agenda"] as? [String: Any])?["delay_minutes"] as? Int, 7)
        // Votes: the count on each entry of a part voted on, absent elsewhere; never who voted.
        func votes(_ group: Int, _ key: String) -> [Int?] {
            ((groups[group][key] as? [[String: Any]]) ?? []).map { $0["votes"] as? Int }
        }
        XCTAssertEqual(votes(0, "goals"), [2, 1])
        XCTAssertEqual(votes(1, "goals"), [1])
        XCTAssertEqual(votes(3, "goals"), [0, 1])
        XCTAssertEqual(votes(3, "signs"), [1, 0], "the open vote on the signs counts too")
        XCTAssertEqual(votes(0, "mechanisms"), [nil, nil], "no vote on the mechanisms")
        XCTAssertFalse(json.contains("\"t1\""), "no terminal ids")
        let dotVotes = try XCTUnwrap(object["dot_votes"] as? [[String: Any]])
        XCTAssertEqual(dotVotes.map { $0["dots_given"] as? Int }, [5, 1])
        XCTAssertEqual(dotVotes.map { $0["scope"] as? String }, ["group", "all"])
        // Cards with their answers under each question.
        let cards = try XCTUnwrap(groups[0]["cards"] as? [[String: Any]])
        XCTAssertEqual(cards.count, 1)
        let answers = (cards[0]["questions"] as? [[String: Any]])?.map { $0["answer"] as? String }
        XCTAssertEqual(answers, ["Vi kan slippe for dobbelt registrering\nog bruge tiden på borgeren", "", "Hver tirsdag"])
        XCTAssertEqual((groups[1]["cards"] as? [[String: Any]])?.first?["drawn"] as? Bool, true)
        // Round trip: the JSON is the model.
        let decoder = JSONDecoder()
        // snake_case back to Swift names, where "_id" ends a name as "ID" (session_id → sessionID).
        decoder.keyDecodingStrategy = .custom { path in
            let words = path.last!.stringValue.split(separator: "_")
            let name = words.enumerated().map { i, w in i == 0 ? String(w) : w == "id" ? "ID" : w.capitalized }.joined()
            return AnyKey(name)
        }
        XCTAssertEqual(try decoder.decode(Minutes.self, from: Data(json.utf8)), m)
        // Text is kept exactly, control characters included.
        var hostile = m; hostile.groups[0].goals[0].text = "nul\u{0} esc\u{1B} \u{202E}"
        XCTAssertEqual(try decoder.decode(Minutes.self, from: Data(JSONMinutes.render(hostile).utf8)).groups[0].goals[0].text,
                       "nul\u{0} esc\u{1B} \u{202E}")
    }

    /// The snapshot comes from a real session file, in one read.
    func testSnapshotFromASessionFile() throws {
        let dir = NSTemporaryDirectory() + "tovholder-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try SessionStore.create(path: dir + "/dag.tovholder", programme: ExportSample.referenceDay(),
                                            templateName: "udviklingsdag", now: 1_700_000_000)
        let group = try store.loadWorkshop().groups[0]
        let mechanism = try store.addEntry(groupID: group.id, kind: .mechanism, text: "Faste teams")
        let trial = try store.addEntry(groupID: group.id, kind: .trialAction, text: "Pilot")
        try store.setLinks(entryID: trial.id, targets: [mechanism.id])
        try store.setPlenumNote(itemID: "opsamling-tegn", text: "Noter")
        let (snapshot, extra) = try store.minutesSnapshot(also: { db in try Int.fetchOne(db, sql: "SELECT 42") })
        XCTAssertEqual(extra, 42)
        XCTAssertEqual(snapshot.sessionID, "s1700000000")
        let m = Minutes(session: snapshot.session, workshop: snapshot.workshop, agreements: [:], roadmap: [],
                        utcOffsetSeconds: 3600, exportedAt: 1_701_790_000, language: .da, sessionID: snapshot.sessionID)
        XCTAssertEqual(m.groups.count, 4)
        XCTAssertEqual(m.groups[0].trialActions.first?.linkLabels, ["Mek 1"])
        XCTAssertEqual(m.plenumNotes.map(\.text), ["Noter"])
        XCTAssertEqual(m.agenda.delayText, "Dagen er ikke begyndt")
        XCTAssertTrue(ICSMinutes.render(m).contains("UID:roadmap-") == false)
    }

    /// Figures only, never a timing assertion: a full day with 8 groups × 30 entries.
    func testBenchmarkExportOfAFullDay() throws {
        let sample = try ExportSample.big()
        XCTAssertEqual(sample.workshop.worksheets.values.map { $0.allEntries.count }, Array(repeating: 30, count: 8))
        let clock = ContinuousClock()
        var minutes: Minutes?
        let build = clock.measure { for _ in 0..<10 { minutes = sample.minutes(.da) } }
        print("export benchmark: Minutes model (8 groups × 30 entries): \(build / 10) per build")
        for format in ExportFormat.allCases {
            var size = 0
            let d = clock.measure { for _ in 0..<10 { size = render(minutes!, as: format).utf8.count } }
            print("export benchmark: \(format.rawValue): \(d / 10) per render, \(size) bytes")
        }
    }
}

extension String {
    /// The first capture group of every match.
    func matches(_ pattern: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern)
        return re.matches(in: self, range: NSRange(startIndex..., in: self)).compactMap {
            Range($0.range(at: 1), in: self).map { String(self[$0]) }
        }
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}
