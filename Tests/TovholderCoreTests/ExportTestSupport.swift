import Foundation
import XCTest
@testable import TovholderCore

/// A filled development day for the export tests: the bundled reference day, held until the
/// closing plenum (+7 min late, one item skipped), four groups with chains, gaps and links,
/// plenum notes, agreement forms and the roadmap. Every text passes through `text`, so the
/// torture tests can put hostile text into every kind of field.
struct ExportSample {
    /// Copenhagen in December.
    static let utcOffset = 3600
    /// 2023-12-05 00:00 local time, in seconds since 1970.
    static let dayStart = 1_701_734_400.0 - Double(utcOffset)
    /// 15.12 on the day.
    static let exportedAt = dayStart + Double((15 * 60 + 12) * 60)

    var session: SessionState
    var workshop: Workshop
    var agreements: [Int64: Agreement]
    var roadmap: [RoadmapEntry]

    func minutes(_ language: Language) -> Minutes {
        Minutes(session: session, workshop: workshop, agreements: agreements, roadmap: roadmap,
                utcOffsetSeconds: Self.utcOffset, exportedAt: Self.exportedAt, language: language)
    }

    static func referenceDay() throws -> DayTemplate {
        switch TemplateLoader.load(path: referenceDayPath) {
        case let .success(day): return day.dated(day.date)  // as a session made from it holds it
        case let .failure(errors): XCTFail(errors.text(.en)); throw errors
        }
    }

    static func make(text: (String) -> String = { $0 }) throws -> ExportSample {
        var day = try referenceDay()
        day.title = text(day.title)
        day.subtitle = day.subtitle.map(text)
        day.organisation = text(day.organisation)
        day.challenge.question = text(day.challenge.question)
        day.challenge.bullets = day.challenge.bullets.map(text)
        for i in day.agenda.indices { day.agenda[i].title = text(day.agenda[i].title) }
        day.agreementQuestions = day.agreementQuestions.map(text)

        // Held up to the closing plenum; each item began a little later than planned.
        let current = day.agenda.firstIndex { $0.id == "afrunding" }!
        var items: [String: ItemProgress] = [:]
        for (i, item) in day.agenda.enumerated() where i <= current && item.id != "sygefravaer" {
            let late = min(i, 7)
            let begun = dayStart + Double((item.start.minutes + late) * 60)
            var countdown = Countdown(durationSeconds: item.minutes * 60)
            if i == current { countdown.start(at: begun) } else {
                countdown.accumulatedSeconds = Double(item.minutes * 60)
            }
            items[item.id] = ItemProgress(actualStart: begun, countdown: countdown)
        }
        let session = SessionState(programme: day, currentIndex: current, items: items)

        var workshop = Workshop()
        var nextID: Int64 = 100
        func entry(_ g: Int64, _ kind: EntryKind, _ t: String, links: [Int64] = []) -> Entry {
            nextID += 1
            return Entry(id: nextID, groupID: g, kind: kind, text: t.isEmpty ? "" : text(t),
                         position: Double(nextID), links: links)
        }
        // Group 1: a whole chain.
        var g1 = Worksheet(group: Group(id: 1, name: text("Gruppe 1"), position: 1))
        g1.challenge = entry(1, .challenge, "Borgerne oplever lange sagsforløb\nog mange skift af sagsbehandler")
        g1.goals = [entry(1, .goal, "Én indgang for borgeren"), entry(1, .goal, "Borgeren kender sin næste aftale")]
        g1.mechanisms = [entry(1, .mechanism, "Faste teams omkring borgeren", links: [g1.goals[0].id]),
                         entry(1, .mechanism, "Tværfaglig sparring hver uge", links: [g1.goals[0].id, g1.goals[1].id])]
        g1.trialActions = [entry(1, .trialAction, "Pilot med fast kontaktperson i Jobcentret",
                                 links: [g1.mechanisms[0].id]),
                           entry(1, .trialAction, "Fælles visitationsmøde tirsdag kl. 9",
                                 links: [g1.mechanisms[0].id, g1.mechanisms[1].id])]
        g1.signs = [entry(1, .sign, "Færre henvendelser om »hvem er min sagsbehandler?«", links: [g1.goals[0].id]),
                    entry(1, .sign, "Borgere møder op forberedte", links: [g1.goals[1].id])]
        // Group 2: gaps — a mechanism nobody tries, a trial action and a sign without links.
        var g2 = Worksheet(group: Group(id: 2, name: text("Gruppe 2"), position: 2))
        g2.challenge = entry(2, .challenge, "Samskabelse bliver til høring")
        g2.goals = [entry(2, .goal, "Borgerne er med fra start")]
        g2.mechanisms = [entry(2, .mechanism, "Dialog før beslutning", links: [g2.goals[0].id]), entry(2, .mechanism, "Åbne data")]
        g2.trialActions = [entry(2, .trialAction, "Borgerpanel i Hyldagerparken", links: [g2.mechanisms[0].id]),
                           entry(2, .trialAction, "Walk-and-talk med foreningerne")]
        g2.signs = [entry(2, .sign, "Flere unge deltager")]
        // Group 3: a blank challenge and no goal yet.
        var g3 = Worksheet(group: Group(id: 3, name: text("Gruppe 3"), position: 3))
        g3.challenge = entry(3, .challenge, "")
        g3.mechanisms = [entry(3, .mechanism, "Tillid frem for kontrol")]
        // Group 4: non-ASCII and several lines.
        var g4 = Worksheet(group: Group(id: 4, name: text("Gruppe 4 – Ældre & Sundhed"), position: 4))
        g4.challenge = entry(4, .challenge, "Pårørende føler sig ikke hørt 😕")
        g4.goals = [entry(4, .goal, "Pårørende er partnere\n– også i weekenden"), entry(4, .goal, "Færre klager")]
        g4.mechanisms = [entry(4, .mechanism, "Faste kontaktpersoner", links: [g4.goals[0].id])]
        g4.trialActions = [entry(4, .trialAction, "Pårørendecafé hver anden torsdag", links: [g4.mechanisms[0].id])]
        g4.signs = [entry(4, .sign, "Pårørende kender navnet på kontaktpersonen", links: [g4.goals[0].id]),
                    entry(4, .sign, "Klagerne falder med en tredjedel", links: [g4.goals[1].id])]
        // A removed group never reaches the minutes.
        let g5 = Worksheet(group: Group(id: 5, name: "Fjernet gruppe", position: 5, removed: true),
                           challenge: Entry(id: 999, groupID: 5, kind: .challenge, text: "skjult", position: 1))
        for sheet in [g1, g2, g3, g4, g5] {
            workshop.groups.append(sheet.group)
            workshop.worksheets[sheet.group.id] = sheet
        }
        workshop.plenumNotes = [
            "opsamling-mekanismer": text("Flere grupper peger på faste teams.\nTjek jura om datadeling"),
            "opsamling-tegn": text("Tegn skal kunne ses af borgeren"),
            "afrunding": "   ",
        ]
        // A closed, revealed vote on the goals within each group (terminals by presence id),
        // and an open one on the signs across the groups.
        workshop.votes = [
            Vote(id: 1, itemID: "droem-maalene-stoerre", part: .goals, scope: .group, dotsPerTerminal: 3, isOpen: false,
                 revealed: true, dots: [VoteDot(terminal: "t1", entryID: g1.goals[0].id), VoteDot(terminal: "t2", entryID: g1.goals[0].id),
                                        VoteDot(terminal: "t1", entryID: g1.goals[1].id), VoteDot(terminal: "t3", entryID: g2.goals[0].id),
                                        VoteDot(terminal: "t4", entryID: g4.goals[1].id)]),
            Vote(id: 2, itemID: "opsamling-tegn", part: .signs, scope: .all, dotsPerTerminal: 2,
                 dots: [VoteDot(terminal: "t1", entryID: g4.signs[0].id)]),
        ]
        // Group 1 was dealt a card and answered two of its questions; group 2 drew one.
        let deck = day.decks.first
        workshop.cardDeals = [
            CardDeal(id: 1, groupID: 1, deckID: deck?.id ?? "syv-principper", cardID: deck?.cards[0].id ?? "kort-1",
                     answers: [0: text("Vi kan slippe for dobbelt registrering\nog bruge tiden på borgeren"), 2: text("Hver tirsdag")]),
            CardDeal(id: 2, groupID: 2, deckID: deck?.id ?? "syv-principper", cardID: deck?.cards.last?.id ?? "kort-7", drawn: true),
        ]

        let agreements: [Int64: Agreement] = [
            1: Agreement(groupID: 1, perspectives: text("Borgerrådgiveren og ungdomsskolen"),
                         involve: text("Borgerpanelet via et kort spørgeskema\nog to fokusgrupper"),
                         rows: [AgreementRow(id: 1, who: text("Anne"), knowledge: text("Erfaringer fra Ballerup"),
                                             dueText: "18/1", due: CalendarDate(year: 2024, month: 1, day: 18)),
                                AgreementRow(id: 2, who: text("Karim"), knowledge: text("Tal for genhenvendelser"),
                                             dueText: text("efter jul"))],
                         nextMeeting: NextMeeting(dateText: "9/1", date: CalendarDate(year: 2024, month: 1, day: 9),
                                                  timeText: "13.30", time: ClockTime(hour: 13, minute: 30),
                                                  place: text("Rådhuset, mødelokale 2")),
                         tovholder: text("Anne")),
            2: Agreement(groupID: 2, perspectives: text("Foreningerne"),
                         rows: [AgreementRow(id: 3, who: text("Bo"), knowledge: text("Kontakt til boligsociale"))],
                         nextMeeting: NextMeeting(dateText: "15. januar", date: CalendarDate(year: 2024, month: 1, day: 15),
                                                  timeText: text("efter frokost")),
                         tovholder: text("Bo")),
            3: Agreement(groupID: 3, nextMeeting: NextMeeting(dateText: text("en gang i januar"),
                                                              place: text("Teams"))),
        ]
        let roadmap = day.roadmap.enumerated().reversed().map { i, phase in
            RoadmapEntry(id: Int64(i + 1), from: phase.from, to: phase.to, title: text(phase.title),
                         activities: phase.activities.map(text), position: Double(i + 1))
        }
        return ExportSample(session: session, workshop: workshop, agreements: agreements, roadmap: roadmap)
    }

    /// Eight groups of thirty entries (6 goals, 8 mechanisms, 8 trial actions, 8 signs), for the benchmark.
    static func big() throws -> ExportSample {
        var sample = try make()
        sample.workshop = Workshop(plenumNotes: sample.workshop.plenumNotes)
        var id: Int64 = 1000
        for g in Int64(1)...8 {
            func e(_ kind: EntryKind, _ n: Int, links: [Int64] = []) -> Entry {
                id += 1
                return Entry(id: id, groupID: g, kind: kind,
                             text: "\(kind.rawValue) \(n) i gruppe \(g): en sætning med æøå, & og *stjerner*",
                             position: Double(id), links: links)
            }
            var s = Worksheet(group: Group(id: g, name: "Gruppe \(g)", position: Int(g)))
            s.goals = (1...6).map { e(.goal, $0) }
            s.mechanisms = (1...8).map { e(.mechanism, $0) }
            s.trialActions = (1...7).map { e(.trialAction, $0, links: [s.mechanisms[$0].id]) }
            s.signs = (1...8).map { e(.sign, $0, links: [s.goals[$0 % 6].id]) }
            s.challenge = e(.challenge, 1)
            sample.workshop.groups.append(s.group)
            sample.workshop.worksheets[g] = s
            sample.agreements[g] = sample.agreements[1].map { var a = $0; a.groupID = g; return a }
        }
        return sample
    }
}

/// Hostile text a participant could type: each must stay text in every format.
let tortureTexts: [String] = [
    "# x", "* x", "_x_ and *y* and **z** __w__", "|a|b|\n|-|-|", "`code` and ``` fence", "~~~ tilde fence",
    "<script>alert(1)</script>", "&amp; &#x27; &copy; &#0;", "[link](javascript:alert(1))",
    "![img](http://evil.example/x.png)", "<http://evil>", "<!-- comment --> <div>", "1. x", "2) y", "- x",
    "+ x", "> x", "===", "---", "***", "ends with \\", "two  \nlines with spaces",
    "text\n# heading\n- item\n> quote\n    indented code\n\nafter a blank line\n1. one",
    "cr\rhere", "esc \u{1B}[31mred\u{1B}[0m and \u{1B}]0;title\u{07}", "nul\u{0}byte and \u{7F} del and \u{85} nel",
    "bidi \u{202E}evil\u{202C} \u{2066}iso\u{2069}", "tab\tinside", "[ref]: /url", "\\# escaped", "{braces} $math$ ^sup^",
    "https://evil.example www.evil.example", "a;b,c\\d:e", "line\u{2028}sep",
]

/// The first Python that can import icalendar (Debian's lives under /usr/bin/python3).
func pythonWithICalendar() -> String? {
    for python in ["/usr/bin/python3", "/usr/local/bin/python3", "python3"] {
        if let r = try? runProcess(["/usr/bin/env", python, "-c", "import icalendar"]), r.status == 0 { return python }
    }
    return nil
}

struct ProcessResult { var status: Int32; var stdout: String; var stderr: String }

/// Runs a program to the end, feeding it `input`.
func runProcess(_ arguments: [String], input: String = "") throws -> ProcessResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: arguments[0])
    p.arguments = Array(arguments.dropFirst())
    let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
    p.standardInput = inPipe; p.standardOutput = outPipe; p.standardError = errPipe
    try p.run()
    // Write on another thread: a large input would otherwise fill the pipe while we wait.
    let data = Data(input.utf8)
    let writer = Thread { inPipe.fileHandleForWriting.write(data); try? inPipe.fileHandleForWriting.close() }
    writer.start()
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return ProcessResult(status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                         stderr: String(decoding: err, as: UTF8.self))
}
