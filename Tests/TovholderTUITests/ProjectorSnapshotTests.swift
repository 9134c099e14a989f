import SnapshotTesting
import TovholderCore
import XCTest
@testable import TovholderTUI

/// Every projector screen at the sizes a projector terminal has (240×67 filling a 1920×1080
/// projector, 160×45 zoomed in, 80×24), in Danish and English, text and roles.
final class ProjectorSnapshotTests: XCTestCase {
    typealias F = ScreenFixtures
    static let sizes = [Size(width: 240, height: 67), Size(width: 160, height: 45), Size(width: 80, height: 24)]

    /// The projector's state at item `index`, with four groups' work and their agreements.
    static func projector(item index: Int, _ lang: Language, size: Size, groups: Int = 4) -> AppState {
        var state = F.at(item: index, late: 4, lang, size: size)
        state.workshop = WorkshopFixtures.workshop(groups: groups)
        state.agreements = Dictionary(uniqueKeysWithValues: state.workshop.groups.map { g in
            (g.id, Agreement(groupID: g.id, rows: [
                AgreementRow(id: g.id * 10, who: "Anna", knowledge: "Tal for ventetider i \(g.name)", dueText: "1. februar",
                             due: CalendarDate(year: 2024, month: 2, day: 1)),
            ], nextMeeting: NextMeeting(dateText: "18. januar", date: CalendarDate(year: 2024, month: 1, day: 18),
                                        timeText: "9.00", time: ClockTime(minutes: 540), place: "Rådhuset"),
            tovholder: "Bo"))
        })
        state.sit(as: .projector)
        return state
    }

    func check(_ name: String, item: Int, groups: Int = 4, testName: String = #function, line: UInt = #line,
               _ configure: (inout AppState) -> Void = { _ in }) {
        for lang in Language.allCases {
            for size in Self.sizes {
                var state = Self.projector(item: item, lang, size: size, groups: groups)
                configure(&state)
                assertSnapshot(of: render(state), as: .screen, named: "\(name)-\(lang.rawValue)-\(size.width)x\(size.height)",
                               testName: testName, line: line)
            }
        }
    }

    func testWelcome() { check("welcome", item: 0) }

    func testExerciseStepWithCountdown() {
        check("exercise", item: F.index(of: .exercise)) { s in
            _ = s.session.goNext(at: s.now)
            _ = s.session.toggleTimer(at: s.now)
            s.now += 125
        }
    }

    func testIntroWithTheChallengeAndItsPoints() { check("intro", item: F.index(of: .intro)) }

    func testGroupWorkWithQuestions() {
        check("groupwork", item: F.index(of: .groupWork)) { s in _ = s.session.toggleTimer(at: s.now) }
    }

    func testAgendaAsAProgramme() {
        check("agenda", item: F.index(of: .talk)) { s in s.session.projection.shows = .agenda }
    }

    func testPlenumOfTheSignsWithTheirGoals() {
        check("plenum-signs", item: F.index(of: .plenum)) { s in s.session.projection.shows = .plenum(.signs) }
    }

    func testPlenumWithEightGroupsPages() {
        check("plenum-8", item: F.index(of: .plenum), groups: 8) { s in s.session.projection.shows = .plenum(.goals) }
    }

    func testClosingRoundOfAgreements() {
        check("agreements", item: F.index(of: .plenum)) { s in s.session.projection.shows = .plenum(.agreement) }
    }

    func testWorkedExample() { check("example", item: 0) { s in s.session.projection.shows = .example } }

    func testRoadmap() { check("roadmap", item: F.index(of: .roadmap)) }

    func testGroupSheet() { check("sheet", item: 0) { s in s.session.projection.shows = .worksheet(groupID: 100) } }

    func testBlank() { check("blank", item: 0) { s in s.session.projection.blank = true } }

    /// `tovholder serve` runs: each group's code and command, the fingerprint at the foot.
    func testHowToJoin() {
        check("join", item: 0) { s in
            s.session.projection.shows = .join
            s.session.service = Self.service(s)
        }
    }

    static func service(_ s: AppState) -> SSHService {
        let codes = ["k7m4pq", "zx2b9w", "h3nvte", "pq8rsa", "m2k9xb", "t7wyfd"]
        return SSHService(port: 2222, address: "192.168.1.20", fingerprint: "SHA256:W9bmeJCRj9lP6A0e0Ks8WJ4yndqcZ8igGpGlGahDL14",
                          pid: 1, startedAt: 0, codes: s.workshop.activeGroups.enumerated().map { i, g in
                              SSHService.GroupCode(groupID: g.id, user: "gruppe\(i + 1)", code: codes[i % codes.count])
                          })
    }
}

/// The room reads every text from the back: at 240×67 nothing on the projector is ordinary
/// one-row text. Measured from the canvas: every cell is a block element or blank, and every
/// band of rows with ink in it (a line of big letters) is at least two rows tall.
final class ProjectorLetterHeightTests: XCTestCase {
    typealias F = ScreenFixtures
    static let blocks: Set<Character> = [" ", "█", "▀", "▄"]

    /// The heights in rows of the bands of inked rows, and the ordinary graphemes found.
    static func measure(_ canvas: Canvas) -> (bands: [Int], ordinary: Set<Character>) {
        var bands: [Int] = [], run = 0, ordinary: Set<Character> = []
        for y in 0..<canvas.size.height {
            var inked = false
            for x in 0..<canvas.size.width {
                guard let g = canvas[x, y].grapheme else { continue }
                if !blocks.contains(g) { ordinary.insert(g) }
                if g != " " { inked = true }
            }
            // A row of only thin strokes is a dash ("–" for a group with nothing yet): in 5x8, the
            // smallest big letters, no letter is one row tall, but a dash is.
            let dash = (0..<canvas.size.width).allSatisfy { x in
                guard let g = canvas[x, y].grapheme else { return true }
                return g == " " || g == "▀" || g == "▄"
            } && run == 0 && (y + 1 == canvas.size.height || (0..<canvas.size.width).allSatisfy { canvas[$0, y + 1].grapheme == " " })
            if inked, dash { continue }
            if inked { run += 1 } else if run > 0 { bands.append(run); run = 0 }
        }
        if run > 0 { bands.append(run) }
        return (bands, ordinary)
    }

    func testEveryProjectorScreenAt240x67IsBigLettersAtLeastTwoRowsTall() {
        let size = Size(width: 240, height: 67)
        let screens: [(String, Int, (inout AppState) -> Void)] = [
            ("welcome", 0, { _ in }),
            ("exercise", F.index(of: .exercise), { s in _ = s.session.goNext(at: s.now); _ = s.session.toggleTimer(at: s.now) }),
            ("intro", F.index(of: .intro), { _ in }),
            ("group work", F.index(of: .groupWork), { _ in }),
            ("talk", F.index(of: .talk), { _ in }),
            ("reflection", F.index(of: .reflection), { _ in }),
            ("example item", F.index(of: .example), { _ in }),
            ("roadmap item", F.index(of: .roadmap), { _ in }),
            ("agreement item", F.index(of: .agreement), { _ in }),
            ("agenda", 3, { s in s.session.projection.shows = .agenda }),
            ("plenum goals", F.index(of: .plenum), { s in s.session.projection.shows = .plenum(.goals) }),
            ("plenum signs", F.index(of: .plenum), { s in s.session.projection.shows = .plenum(.signs) }),
            ("agreements", F.index(of: .plenum), { s in s.session.projection.shows = .plenum(.agreement) }),
            ("example", 0, { s in s.session.projection.shows = .example }),
            ("roadmap", 0, { s in s.session.projection.shows = .roadmap }),
            ("sheet", 0, { s in s.session.projection.shows = .worksheet(groupID: 100) }),
            ("agreement form", 0, { s in s.session.projection.shows = .agreement(groupID: 101) }),
            ("join", 0, { s in s.session.projection.shows = .join; s.session.service = ProjectorSnapshotTests.service(s) }),
        ]
        for lang in Language.allCases {
            for (name, item, configure) in screens {
                var state = ProjectorSnapshotTests.projector(item: item, lang, size: size, groups: 6)
                configure(&state)
                var canvas = Canvas(size: size)
                let big = ProjectorScreen.render(state, into: &canvas)
                let (bands, ordinary) = Self.measure(canvas)
                XCTAssertTrue(big, "\(name) (\(lang)) fell back to ordinary text")
                XCTAssertEqual(ordinary, [], "\(name) (\(lang)) has ordinary text: \(ordinary.sorted())")
                XCTAssertFalse(bands.isEmpty, "\(name) (\(lang)) shows nothing")
                XCTAssertEqual(bands.filter { $0 < 2 }, [], "\(name) (\(lang)) has text one row tall: \(bands)")
            }
        }
    }

    func testTheMeasureCatchesOrdinaryTextAndOneRowLetters() {
        var canvas = Canvas(size: Size(width: 20, height: 5))
        canvas.put("Hej", x: 0, y: 1)
        canvas.put("█▀", x: 0, y: 3)  // "▀▀" alone would be a dash
        let (bands, ordinary) = Self.measure(canvas)
        XCTAssertEqual(ordinary, ["H", "e", "j"])
        XCTAssertEqual(bands, [1, 1])
    }

    func testTheProjectorShowsNoNotesNoDelayAndNoKeyBar() {
        var state = ProjectorSnapshotTests.projector(item: F.index(of: .groupWork), .da, size: Size(width: 80, height: 24))
        state.session.programme.agenda[state.session.currentIndex].notes = "HEMMELIG NOTE"
        state.workshop.itemNotes[state.session.currentItem.id] = "HEMMELIG NOTE"
        state.now += 3600  // far behind plan
        let text = render(state).text
        for word in ["HEMMELIG", "bagud", "F10", "Hjælp", "skriver"] { XCTAssertFalse(text.contains(word), word) }
        // The facilitator's console shows the notes and the delay.
        state.seat = .facilitator
        let console = render(state).text
        XCTAssertTrue(console.contains("HEMMELIG NOTE"))
        XCTAssertTrue(console.contains("bagud"))
    }
}
