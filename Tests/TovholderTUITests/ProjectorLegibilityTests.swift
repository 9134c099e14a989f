import Foundation
import TovholderCore
import XCTest
@testable import TovholderTUI

/// Issue 23: what the room sees is legible (no big letters under 5x8, no replacement glyphs),
/// sized by importance, and free of the facilitator's words.
///
/// Letter sizes and glyphs are checked from the layout, not guessed back from the canvas:
/// `BigFont.recorder` records every line of big letters drawn and the font it was drawn in
/// (block cells alone cannot tell a 4x6 capital from a 5x8 lower-case letter).
final class ProjectorLegibilityTests: XCTestCase {
    typealias F = ScreenFixtures
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 34), Size(width: 160, height: 45),
                        Size(width: 240, height: 67)]

    struct Frame { var lines: [BigFontRecorder.Drawn]; var ordinary: String; var canvas: Canvas
        /// Everything the room can read, big letters and ordinary text, one space between words.
        var text: String {
            (lines.map(\.text) + [ordinary]).joined(separator: " ")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    /// The projector `turns` page turns after the screen opened (its page clock set by a first
    /// frame, as the runner does), so every page of a paged screen is looked at.
    static func turned(_ state: AppState, _ turns: Int) -> AppState {
        var state = state
        let opened = frame(state)
        state.paging.noteFrame(screen: ProjectorPaging.screen(of: state), pages: opened.canvas.pages,
                               console: state.session.projection.page, now: state.now)
        state.now += Double(turns) * ProjectorPaging.secondsPerPage + 1
        return state
    }

    static func frame(_ state: AppState) -> Frame {
        let recorder = BigFontRecorder()
        var canvas = Canvas(size: state.size)
        BigFont.$recorder.withValue(recorder) { _ = ProjectorScreen.render(state, into: &canvas) }
        var ordinary = ""
        for y in 0..<canvas.size.height {
            for x in 0..<canvas.size.width {
                guard let g = canvas[x, y].grapheme, !"▀▄█".contains(g) else { continue }
                ordinary.append(g)
            }
            ordinary.append(" ")
        }
        return Frame(lines: recorder.drawn, ordinary: ordinary, canvas: canvas)
    }

    static func followUp(_ state: inout AppState) {
        let day1 = CalendarDate(year: 2023, month: 12, day: 5)!
        state.session.programme.agenda[state.session.currentIndex].kind = .followUp
        for g in state.workshop.groups {
            state.agreements[g.id] = Agreement(groupID: g.id, earlier: [
                EarlierAgreement(id: g.id * 10, groupID: g.id, day: day1, who: "Anne", knowledge: "Erfaringer fra Ballerup",
                                 dueText: "18/1", status: .done, note: "Ballerup deler gerne deres skabeloner"),
                EarlierAgreement(id: g.id * 10 + 1, groupID: g.id, day: day1, who: "Bo", knowledge: "Tal for ventetider",
                                 dueText: "efter jul", status: .partly),
                EarlierAgreement(id: g.id * 10 + 2, groupID: g.id, day: day1, who: "Çem", knowledge: "Brugerrejse (én side)",
                                 dueText: "1/3", status: .notDone),
                EarlierAgreement(id: g.id * 10 + 3, groupID: g.id, day: day1, who: "Ülla", knowledge: "Budget: 500 €…",
                                 dueText: "", status: nil),
            ])
        }
    }

    static func card(_ state: inout AppState) {
        let deck = state.session.programme.decks[0]
        state.session.projection.shows = .card(deckID: deck.id, cardID: deck.cards[0].id)
    }

    /// Every screen the room can see, with the countdown in each of its phases.
    static var screens: [(String, Int, (inout AppState) -> Void)] {
        let exercise = F.index(of: .exercise)
        return [
            ("welcome", 0, { _ in }),
            ("exercise not started", exercise, { s in _ = s.session.goNext(at: s.now) }),
            ("exercise running", exercise, { s in _ = s.session.goNext(at: s.now); _ = s.session.toggleTimer(at: s.now); s.now += 125 }),
            ("exercise paused", exercise, { s in
                _ = s.session.toggleTimer(at: s.now); s.now += 60; _ = s.session.toggleTimer(at: s.now) }),
            ("exercise overrun", exercise, { s in _ = s.session.toggleTimer(at: s.now); s.now += 3 * 3600 }),
            ("intro", F.index(of: .intro), { _ in }),
            ("group work", F.index(of: .groupWork), { s in _ = s.session.toggleTimer(at: s.now) }),
            ("talk", F.index(of: .talk), { _ in }),
            ("reflection", F.index(of: .reflection), { _ in }),
            ("break", F.index(of: .break), { _ in }),
            ("break running", F.index(of: .break), { s in _ = s.session.toggleTimer(at: s.now); s.now += 30 }),
            ("lunch", F.index(of: .lunch), { _ in }),
            ("example item", F.index(of: .example), { _ in }),
            ("roadmap item", F.index(of: .roadmap), { _ in }),
            ("agreement item", F.index(of: .agreement), { _ in }),
            ("follow-up", 1, { s in followUp(&s) }),
            ("agenda", 3, { s in s.session.projection.shows = .agenda }),
            ("plenum goals", F.index(of: .plenum), { s in s.session.projection.shows = .plenum(.goals) }),
            ("plenum signs", F.index(of: .plenum), { s in s.session.projection.shows = .plenum(.signs) }),
            ("agreements", F.index(of: .plenum), { s in s.session.projection.shows = .plenum(.agreement) }),
            ("example", 0, { s in s.session.projection.shows = .example }),
            ("roadmap", 0, { s in s.session.projection.shows = .roadmap }),
            ("sheet", 0, { s in s.session.projection.shows = .worksheet(groupID: 100) }),
            ("agreement form", 0, { s in s.session.projection.shows = .agreement(groupID: 101) }),
            ("join", 0, { s in s.session.projection.shows = .join; s.session.service = ProjectorSnapshotTests.service(s) }),
            ("card", 0, { s in card(&s) }),
            ("vote", F.index(of: .groupWork), { s in s.workshop.votes = [ActivitySnapshotTests.vote()]; s.session.projection.shows = .vote }),
            ("vote revealed", F.index(of: .groupWork), { s in
                s.workshop.votes = [ActivitySnapshotTests.vote(revealed: true, open: false)]; s.session.projection.shows = .vote }),
        ]
    }

    /// Every frame: each screen, size and language, and a few page turns.
    static func eachFrame(_ body: (String, Frame) -> Void) {
        for lang in Language.allCases {
            for size in sizes {
                for (name, item, configure) in screens {
                    for turn in 0..<3 {
                        var state = ProjectorSnapshotTests.projector(item: item, lang, size: size, groups: 6)
                        configure(&state)
                        state = turned(state, turn)
                        body("\(name) (\(lang), \(size.width)×\(size.height), page turn \(turn))", frame(state))
                    }
                }
            }
        }
    }

    func testNoWordIsDrawnInBigLettersSmallerThan5x8() {
        for font in BigFont.ladder { XCTAssertGreaterThanOrEqual(font.pixelHeight * font.scale, 8, font.name) }
        XCTAssertEqual(BigFont.smallest.name, "5x8")
        Self.eachFrame { name, frame in
            for line in frame.lines where line.font.pixelHeight * line.font.scale < 8 {
                XCTFail("\(name): \"\(line.text)\" in \(line.font.name)")
            }
        }
    }

    func testNoReplacementGlyphOnAnyScreen() {
        Self.eachFrame { name, frame in
            for line in frame.lines {
                // A participant's emoji is their own text; no bitmap font has emoji (see DECISIONS.md).
                let missing = line.text.filter { !line.font.covers($0) && !$0.isEmoji }
                XCTAssertEqual(missing, "", "\(name): \"\(line.text)\" in \(line.font.name)")
            }
        }
    }

    func testTheFollowUpsStatusMarksAreDrawnAndDifferent() {
        var state = ProjectorSnapshotTests.projector(item: 1, .da, size: Size(width: 160, height: 45), groups: 2)
        Self.followUp(&state)
        let drawn = Self.frame(state).text
        for mark in ["✓", "◐", "✗"] { XCTAssertTrue(drawn.contains(mark), mark) }
        for font in BigFont.ladder {
            let table = font.source.glyphs
            let glyphs = ["✓", "◐", "✗", "○", "●", "◉", "▶"].map { Array(table.rows(of: Character($0))) }
            XCTAssertEqual(Set(glyphs.map { $0.description }).count, glyphs.count, "\(font.name): two marks look alike")
            XCTAssertFalse(glyphs.contains(Array(table.rows[0..<table.height])), "\(font.name): a replacement glyph")
        }
    }

    /// Every string the projector can show, in every font it may be drawn in: the room's own
    /// words, the tables' strings, the templates' text, and the marks of its screens.
    func testEveryProjectorStringHasAGlyphInEveryFont() throws {
        var texts: [String] = ["✓ ◐ ○ ● ◉ • → ← ▶ – — … € æøåÆØÅ é ü ✗ · ‘’ “” ×"]
        for lang in Language.allCases {
            let s = Strings(lang)
            texts += ProjectorKey.allCases.map { s[$0] } + MethodKey.allCases.map { s[$0] }
                + StringKey.allCases.map { s[$0] } + ServeKey.allCases.map { s[$0] }
        }
        let sessions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sessions")
        for file in try FileManager.default.contentsOfDirectory(atPath: sessions.path) where file.hasSuffix(".yaml") {
            texts.append(try String(contentsOf: sessions.appendingPathComponent(file), encoding: .utf8))
        }
        // The console's own marks, never on the projector (warnings, keys, editing symbols).
        let consoleOnly: Set<Character> = Set("⚠␛␡␍␀⏎⏱✎🔒⚕↳│─┼█▀▄░▣■◀↑↓‖−")
        var missing: [String: Set<Character>] = [:]
        for font in BigFont.ladder {
            for text in texts {
                for c in text where !c.isNewline && !consoleOnly.contains(c) && !c.isEmoji && !font.covers(c) {
                    missing[font.name, default: []].insert(c)
                }
            }
        }
        XCTAssertEqual(missing, [:])
    }

    func testTheCardsPrincipleIsLargerThanItsQuestions() {
        for lang in Language.allCases {
            for size in Self.sizes {
                var state = ProjectorSnapshotTests.projector(item: 0, lang, size: size)
                Self.card(&state)
                let card = state.session.programme.decks[0].cards[0]
                let frame = Self.frame(state)
                let title = frame.lines.filter { $0.text.count > 0 && card.title.contains($0.text) }
                let questions = frame.lines.filter { $0.text.hasPrefix("1. ") || $0.text.hasPrefix("2. ") || $0.text.hasPrefix("   ") }
                let where_ = "\(lang) \(size.width)×\(size.height)"
                // At 80×24 a principle does not fit in 5x8 letters: then principle and questions
                // are both ordinary text, the same size (known limit, see DECISIONS.md).
                if size.height <= 24, title.isEmpty {
                    XCTAssertTrue(questions.isEmpty, "\(where_): questions larger than the principle")
                    continue
                }
                XCTAssertFalse(title.isEmpty, "\(where_): the principle is not in big letters")
                let smallestTitle = title.map(\.font.rows).min() ?? 0
                for q in questions { XCTAssertLessThan(q.font.rows, smallestTitle, "\(where_): \(q.text)") }
                if questions.isEmpty {  // in ordinary text, smaller than any big letters
                    XCTAssertTrue(frame.ordinary.contains(String(card.questions[0].prefix(8))), where_)
                }
            }
        }
    }

    func testAnExerciseStepShowsItsInstructionAndExampleTogetherFrom120x34() {
        for lang in Language.allCases {
            for size in Self.sizes.dropFirst() {
                for running in [false, true] {
                    for turn in 0..<4 {
                        var state = ProjectorSnapshotTests.projector(item: F.index(of: .exercise), lang, size: size)
                        if running { _ = state.session.toggleTimer(at: state.now) }
                        state = Self.turned(state, turn)
                        let step = state.session.currentItem.steps[state.session.currentStep]
                        let text = Self.frame(state).text
                        let example = step.example.joined(separator: " · ")
                        let where_ = "\(lang) \(size.width)×\(size.height) running \(running) turn \(turn): \(text)"
                        XCTAssertTrue(text.contains(try! XCTUnwrap(step.instruction)), where_)
                        XCTAssertTrue(text.contains(example), where_)
                    }
                }
            }
        }
    }

    func testTheRoomSeesNoKeysNoDelayAndABreakSaysWhenItEnds() {
        let forbidden: [Language: [String]] = [.da: ["tryk", "mellemrum", "bagud", "foran", "pgup", "pgdn"],
                                               .en: ["press", "space", "behind", "ahead", "pgup", "pgdn"]]
        Self.eachFrame { name, frame in
            let lang: Language = name.contains("(da") ? .da : .en
            let words = Set(frame.text.lowercased().split { !$0.isLetter }.map(String.init))
            for word in forbidden[lang]! { XCTAssertFalse(words.contains(word), "\(name): \(word)") }
        }
        for lang in Language.allCases {
            for size in Self.sizes {
                var state = ProjectorSnapshotTests.projector(item: F.index(of: .break), lang, size: size)
                state.now += 3600  // far behind plan: the room is still told the planned time
                let end = state.strings.time(state.session.currentItem.end)
                let expected = lang == .da ? "Pause – vi starter igen kl. \(end)" : "Break – we start again at \(end)"
                let frame = Self.frame(state)
                XCTAssertTrue(frame.text.contains(expected), "\(lang) \(size.width)×\(size.height): \(frame.text)")
                XCTAssertTrue(frame.lines.contains { $0.text.hasPrefix(lang == .da ? "Pause –" : "Break –") },
                              "\(lang) \(size.width)×\(size.height): not in big letters")
            }
        }
    }
}

private extension Character {
    var isEmoji: Bool { unicodeScalars.contains { $0.properties.isEmojiPresentation } }
}
