import SnapshotTesting
import TovholderCore
import XCTest
@testable import TovholderTUI

/// The method's prompts: on a participant's sheet under the heading of the part the group
/// work is about, on the projector under the title; nowhere at other items.
final class PromptSnapshotTests: XCTestCase {
    typealias F = ScreenFixtures
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 30)]

    static func index(of id: String) -> Int { F.referenceDay.agenda.firstIndex { $0.id == id }! }

    /// Group 1's participant at item `id`, the timer running for five minutes.
    static func participant(at id: String, _ lang: Language, size: Size) -> AppState {
        var state = F.at(item: index(of: id), late: 4, lang, size: size)
        state.workshop = WorkshopFixtures.workshop(groups: 4)
        _ = state.session.toggleTimer(at: state.now)
        state.now += 300
        state.sit(as: .participant(groupID: 100))
        return state
    }

    func check(_ name: String, at id: String, sizes: [Size] = PromptSnapshotTests.sizes, testName: String = #function,
               line: UInt = #line, _ configure: (inout AppState) -> Void = { _ in }) {
        for lang in Language.allCases {
            for size in sizes {
                var state = Self.participant(at: id, lang, size: size)
                configure(&state)
                assertSnapshot(of: render(state), as: .screen, named: "\(name)-\(lang.rawValue)-\(size.width)x\(size.height)",
                               testName: testName, line: line)
            }
        }
    }

    func testParticipantsSheetAtTheMechanismsShowsTheMechanismPrompts() {
        check("mechanisms", at: "formuler-mekanismer") { state in
            let text = render(state).text
            let prompts = MethodPrompts.prompts(for: .mechanisms, in: state.session.programme, state.strings.language)
            for prompt in prompts { XCTAssertTrue(text.contains("? " + prompt), "\(prompt) missing:\n\(text)") }
        }
    }

    func testASheetAtAnItemThatIsNoGroupWorkShowsNoPrompts() {
        // The introduction to the mechanisms is about the part, but the groups do not write yet.
        check("no-prompts", at: "mekanismer") { state in
            guard case .worksheet = state.screen else { return XCTFail("not on the worksheet: \(state.screen)") }
            let text = render(state).text
            for part in WorksheetPart.allCases {
                for prompt in MethodPrompts.prompts(for: part, in: state.session.programme, state.strings.language) {
                    XCTAssertFalse(text.contains(prompt), prompt)
                }
            }
        }
    }

    /// The prompts sit above the fields: typing still puts the cursor right after the text
    /// typed, in the focused mechanism's row.
    func testTheCursorLandsInTheFieldBeingWrittenBelowThePrompts() {
        for lang in Language.allCases {
            for size in Self.sizes + [Size(width: 240, height: 67)] {
                var state = Self.participant(at: "formuler-mekanismer", lang, size: size)
                _ = update(&state, .key(.end))
                _ = update(&state, .key(.paste(" og mere")))
                let canvas = render(state)
                guard let (x, y) = canvas.cursor else { XCTFail("no cursor at \(size)"); continue }
                let row = canvas.text.split(separator: "\n", omittingEmptySubsequences: false)[y]
                // Every character before the cursor on that row is one cell wide.
                XCTAssertTrue(String(row.prefix(x)).hasSuffix("Tættere faglig ledelse og mere"),
                              "\(size): cursor at \(x) in \(row)")
            }
        }
    }

    /// At 80×24 with little room, the fields come first: at most a quarter of the list's
    /// rows are prompts, whole prompts first.
    func testLongTemplatePromptsAreCutToAQuarterOfTheList() {
        var state = Self.participant(at: "formuler-mekanismer", .da, size: Size(width: 80, height: 24))
        state.session.programme.prompts[.mechanisms] = [String(repeating: "Hvad skal ændres i indsatsen? ", count: 12)]
        guard let (kind, rows) = WorksheetScreen.promptRows(state, height: 17) else { return XCTFail("no prompts") }
        XCTAssertEqual(kind, .mechanism)
        XCTAssertEqual(rows.count, 4)
        XCTAssertTrue(rows.last!.text.hasSuffix("…"), rows.last!.text)
        XCTAssertTrue(rows.allSatisfy { $0.role == .muted && $0.slot == nil })
    }

    /// The room's screen at the same item: the prompts in big letters under the title,
    /// above the countdown.
    func testProjectorAtAGroupWorkShowsThePrompts() {
        for lang in Language.allCases {
            for size in ProjectorSnapshotTests.sizes {
                var state = ProjectorSnapshotTests.projector(item: Self.index(of: "formuler-mekanismer"), lang, size: size)
                _ = state.session.toggleTimer(at: state.now)
                state.now += 300
                assertSnapshot(of: render(state), as: .screen, named: "projector-\(lang.rawValue)-\(size.width)x\(size.height)")
            }
        }
    }

    func testTheProjectorShowsThePromptsInBigLettersAt240x67() {
        for lang in Language.allCases {
            let size = Size(width: 240, height: 67)
            let state = ProjectorSnapshotTests.projector(item: Self.index(of: "formuler-mekanismer"), lang, size: size)
            var canvas = Canvas(size: size)
            XCTAssertTrue(ProjectorScreen.render(state, into: &canvas), "fell back to ordinary text")
            XCTAssertEqual(ProjectorLetterHeightTests.measure(canvas).ordinary, [])
            let lines = ProjectorItem.content(state)
            XCTAssertEqual(lines.filter { $0.marker == "? " }.map(\.text),
                           MethodPrompts.prompts(for: .mechanisms, in: state.session.programme, lang))
        }
    }
}
