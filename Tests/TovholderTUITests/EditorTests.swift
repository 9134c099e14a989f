import XCTest
@testable import TovholderTUI

/// A seeded generator (SplitMix64), so a failing property run can be repeated exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Whole graphemes of the kinds participants type: each piece is one Character.
let editorPieces: [String] = [
    "a", "b", "z", "Q", "7", ".", ",", "!", " ", " ", " ", "æ", "ø", "å", "Æ", "e\u{301}", "o\u{308}\u{304}",
    "👍🏽", "👨‍👩‍👧", "🇩🇰", "中", "文", "字", "\n", "\u{1B}", "\u{07}", "\u{202E}",
]

func randomText(_ rng: inout SeededGenerator, maxPieces: Int) -> String {
    (0..<Int.random(in: 0...maxPieces, using: &rng)).map { _ in editorPieces.randomElement(using: &rng)! }.joined()
}

/// The layout's lines with their break characters put back: must be the text again.
func rejoin(_ editor: TextEditor, width: Int) -> String {
    var out = ""
    for line in editor.layout(width: width) {
        out += editor.text(of: line)
        switch line.lineBreak {
        case .newline: out += "\n"
        case .space: out += " "
        case .wrap, .end: break
        }
    }
    return out
}

final class EditorPropertyTests: XCTestCase {
    func checkInvariants(_ e: TextEditor, width: Int, _ context: @autoclosure () -> String = "",
                         file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(e.graphemes, Array(e.text), "graphemes drifted from the text \(context())", file: file, line: line)
        XCTAssertTrue((0...e.count).contains(e.cursor), "cursor \(e.cursor) outside 0...\(e.count)", file: file, line: line)
        let lines = e.layout(width: width)
        if width >= 2 {
            for l in lines {
                XCTAssertLessThanOrEqual(DisplayWidth.of(e.text(of: l)), width, "line too wide \(context())", file: file, line: line)
                XCTAssertEqual(DisplayWidth.of(e.text(of: l)), l.width, file: file, line: line)
            }
            let pos = e.cursorPosition(width: width)
            XCTAssertLessThan(pos.column, width, "cursor beyond the edge \(context())", file: file, line: line)
            XCTAssertLessThan(pos.row, lines.count, file: file, line: line)
        }
        XCTAssertEqual(rejoin(e, width: width), e.text, "lines do not rejoin \(context())", file: file, line: line)
    }

    func testInsertingThenBackspacingRestoresTextAndCursor() {
        var rng = SeededGenerator(seed: 1)
        for _ in 0..<300 {
            let original = randomText(&rng, maxPieces: 30)
            let start = Int.random(in: 0...original.count, using: &rng)
            let inserted = randomText(&rng, maxPieces: 15)
            let width = Int.random(in: 2...20, using: &rng)
            var e = TextEditor(text: original, cursor: start)
            let viaPaste = Bool.random(using: &rng)
            if viaPaste { _ = e.handle(.paste(inserted), width: width) }
            else { for c in inserted { _ = e.handle(c == "\n" ? .enter : .char(c), width: width) } }
            let chars = Array(original)
            XCTAssertEqual(e.text, String(chars[..<start]) + inserted + String(chars[start...]))
            XCTAssertEqual(e.cursor, start + inserted.count)
            checkInvariants(e, width: width)
            for _ in 0..<inserted.count { _ = e.handle(.backspace, width: width) }
            XCTAssertEqual(e.text, original)
            XCTAssertEqual(e.cursor, start)
        }
    }

    /// Random keys, including ones that make graphemes merge (a lone accent, ZWJ, flag
    /// halves, CR before LF): the invariants hold after every key.
    func testInvariantsHoldAfterAnyKeySequence() {
        var rng = SeededGenerator(seed: 2)
        let awkward: [Character] = ["\u{301}", "\u{200D}", "\u{1F1E9}", "\u{1F1F0}", "\r", "\u{FE0F}", "\u{0}", "\u{9B}"]
        let moves: [Key] = [.left, .right, .up, .down, .home, .end, .wordLeft, .wordRight, .backspace, .delete,
                            TextEditor.undoKey, TextEditor.redoKey, .enter]
        for round in 0..<60 {
            let width = Int.random(in: 1...16, using: &rng)
            var e = TextEditor(text: randomText(&rng, maxPieces: 20))
            for step in 0..<150 {
                let key: Key
                switch Int.random(in: 0..<10, using: &rng) {
                case 0..<4: key = .char(Character(editorPieces.randomElement(using: &rng)!))
                case 4: key = .char(awkward.randomElement(using: &rng)!)
                case 5: key = .paste(randomText(&rng, maxPieces: 6) + "\r\n\t")
                default: key = moves.randomElement(using: &rng)!
                }
                _ = e.handle(key, width: width)
                checkInvariants(e, width: width, "round \(round) step \(step) after \(key)")
            }
        }
    }

    func testUndoRestoresEveryEarlierStepExactlyAndRedoReplaysThem() {
        var rng = SeededGenerator(seed: 3)
        let keys: [Key] = [.left, .right, .up, .down, .wordLeft, .wordRight, .backspace, .backspace, .delete, .enter]
        for _ in 0..<80 {
            let width = Int.random(in: 2...12, using: &rng)
            var e = TextEditor(text: randomText(&rng, maxPieces: 15))
            var checkpoints: [TextEditor] = []   // the editor just before each undo step began
            for _ in 0..<120 {
                let key: Key
                switch Int.random(in: 0..<8, using: &rng) {
                case 0..<4: key = .char(Character(editorPieces.randomElement(using: &rng)!))
                case 4: key = .paste(randomText(&rng, maxPieces: 5))
                default: key = keys.randomElement(using: &rng)!
                }
                let before = e
                _ = e.handle(key, width: width)
                if e.undoStack.count > before.undoStack.count { checkpoints.append(before) }
            }
            let final = e.text
            XCTAssertEqual(e.undoStack.count, checkpoints.count)
            for checkpoint in checkpoints.reversed() {
                XCTAssertTrue(e.undo())
                XCTAssertEqual(e.text, checkpoint.text)
                XCTAssertEqual(e.graphemes, checkpoint.graphemes)
                XCTAssertEqual(e.cursor, checkpoint.cursor)
            }
            XCTAssertFalse(e.undo())
            for next in checkpoints.dropFirst() {
                XCTAssertTrue(e.redo())
                XCTAssertEqual(e.text, next.text)
            }
            XCTAssertTrue(e.redo() || checkpoints.isEmpty)
            XCTAssertEqual(e.text, final)
            XCTAssertFalse(e.redo())
        }
    }

    func testTenThousandCharacterPasteIsOneStepAndFast() {
        var rng = SeededGenerator(seed: 4)
        var big = ""
        for _ in 0..<10_000 { big += editorPieces.randomElement(using: &rng)! }  // 10 000 graphemes
        var e = TextEditor(text: "Før. Efter.", cursor: 5)
        let clock = ContinuousClock()
        var lines: [EditorLine] = []
        let elapsed = clock.measure {
            _ = e.handle(.paste(big), width: 60)
            lines = e.layout(width: 60)
            _ = e.cursorPosition(width: 60)
        }
        print("10 000-character paste + layout at width 60: \(elapsed)")
        XCTAssertLessThan(elapsed, .seconds(1))
        XCTAssertEqual(e.count, 11 + big.count)
        XCTAssertGreaterThan(lines.count, 100)
        XCTAssertEqual(e.undoStack.count, 1)
        e.undo()
        XCTAssertEqual(e.text, "Før. Efter.")

        // A keystroke in the middle of that text: edit, then draw the field.
        e.redo()
        var canvas = Canvas(size: Size(width: 80, height: 24))
        var state = FieldViewState()
        let keystroke = clock.measure {
            _ = e.handle(.char("x"), width: 59)
            TextFieldView.render(e, state: &state, into: &canvas, in: Rect(x: 0, y: 0, width: 60, height: 10), focused: true)
        }
        print("keystroke + render in a 10 000-character field: \(keystroke)")
        XCTAssertLessThan(keystroke, .seconds(1))
    }
}

final class EditorKeyTests: XCTestCase {
    func type(_ s: String, into e: inout TextEditor, width: Int = 40) {
        for c in s { _ = e.handle(c == "\n" ? .enter : .char(c), width: width) }
    }

    func testGraphemeClustersAreDeletedWhole() {
        for g in ["æ", "e\u{301}", "👍🏽", "👨‍👩‍👧", "中", "🇩🇰"] {
            var e = TextEditor(text: "a" + g + "b", cursor: 2)
            XCTAssertEqual(e.handle(.backspace, width: 10), .textChanged)
            XCTAssertEqual(e.text, "ab")
            e = TextEditor(text: "a" + g + "b", cursor: 1)
            XCTAssertEqual(e.handle(.delete, width: 10), .textChanged)
            XCTAssertEqual(e.text, "ab")
            XCTAssertEqual(e.handle(.right, width: 10), .cursorMoved)
            XCTAssertEqual(e.cursor, 2)
        }
    }

    func testATypedAccentJoinsTheLetterBeforeIt() {
        var e = TextEditor()
        type("e\u{301}", into: &e)
        XCTAssertEqual(e.count, 1)
        XCTAssertEqual(e.cursor, 1)
        _ = e.handle(.backspace, width: 10)
        XCTAssertEqual(e.text, "")
    }

    func testKeysForTheCallerAreNotHandled() {
        var e = TextEditor(text: "x")
        for key: Key in [.escape, .tab, .backTab, .function(1), .pageUp, .pageDown] {
            XCTAssertEqual(e.handle(key, width: 10), .notHandled)
        }
        XCTAssertEqual(e.handle(.backspace, width: 10), .textChanged)
        XCTAssertEqual(e.handle(.backspace, width: 10), .unchanged)
    }

    func testUpAndDownKeepTheColumn() {
        var e = TextEditor(text: "abcdef\nab\nabcdef", cursor: 4)
        _ = e.handle(.down, width: 20)
        XCTAssertEqual(e.cursor, 9)                     // end of "ab"
        _ = e.handle(.down, width: 20)
        XCTAssertEqual(e.cursor, 14)                    // column 4 again
        _ = e.handle(.up, width: 20)
        _ = e.handle(.up, width: 20)
        XCTAssertEqual(e.cursor, 4)
        // Over wrapped lines too, and never into the middle of a wide character.
        e = TextEditor(text: "中中中 abcdef", cursor: 7)  // after "abc"; "abcdef" is the second row at width 7
        XCTAssertEqual(e.cursorPosition(width: 7).row, 1)
        XCTAssertEqual(e.cursorPosition(width: 7).column, 3)
        _ = e.handle(.up, width: 7)
        XCTAssertEqual(e.cursorPosition(width: 7).row, 0)
        XCTAssertEqual(e.cursorPosition(width: 7).column, 2)
        XCTAssertEqual(e.cursor, 1)
        // Up from the first row goes to the start, down from the last to the end.
        _ = e.handle(.up, width: 7)
        XCTAssertEqual(e.cursor, 0)
        _ = e.handle(.down, width: 7)
        _ = e.handle(.down, width: 7)
        XCTAssertEqual(e.cursor, e.count)
    }

    func testHomeAndEndWorkOnTheDisplayLine() {
        var e = TextEditor(text: "hej med dig\nfarvel", cursor: 9)  // "dig" is row 1 at width 8
        _ = e.handle(.home, width: 8)
        XCTAssertEqual(e.cursor, 8)
        _ = e.handle(.end, width: 8)
        XCTAssertEqual(e.cursor, 11)
        _ = e.handle(.up, width: 8)
        _ = e.handle(.end, width: 8)
        XCTAssertEqual(e.cursor, 7)                     // before the space that is the break
    }

    func testWordJumps() {
        let text = "Hej med dig, Åse!\nNy linje"
        var e = TextEditor(text: text, cursor: 0)
        var stops: [Int] = []
        while e.handle(.wordRight, width: 80) == .cursorMoved { stops.append(e.cursor) }
        XCTAssertEqual(stops, [4, 8, 11, 13, 16, 17, 18, 21, 26])
        var back: [Int] = []
        while e.handle(.wordLeft, width: 80) == .cursorMoved { back.append(e.cursor) }
        XCTAssertEqual(back, [21, 18, 17, 16, 13, 11, 8, 4, 0])
    }

    func testControlCharactersAreKeptAndPastedLineEndsNormalised() {
        var e = TextEditor()
        _ = e.handle(.char("\u{1B}"), width: 20)
        _ = e.handle(.paste("a\u{07}\0\u{9B}\u{202E}b\r\nc\rd\te"), width: 20)
        XCTAssertEqual(e.text, "\u{1B}a\u{07}\0\u{9B}\u{202E}b\nc\nd    e")
        XCTAssertFalse(e.text.unicodeScalars.contains("\r"))
        // A CR typed on its own is kept, like any other control character.
        _ = e.handle(.char("\r"), width: 20)
        XCTAssertTrue(e.text.hasSuffix("e\r"))
    }

    func testTypingIsUndoneAWordAtATime() {
        var e = TextEditor()
        type("hej med dig", into: &e)
        e.undo(); XCTAssertEqual(e.text, "hej med ")
        e.undo(); XCTAssertEqual(e.text, "hej ")
        e.undo(); XCTAssertEqual(e.text, "")
        e.redo(); e.redo(); XCTAssertEqual(e.text, "hej med ")
        // Backspaces in a row are one step; a cursor move ends a step.
        e = TextEditor(text: "abcdef")
        for _ in 0..<3 { _ = e.handle(.backspace, width: 10) }
        _ = e.handle(.left, width: 10)
        _ = e.handle(.backspace, width: 10)
        XCTAssertEqual(e.text, "ac")
        e.undo(); XCTAssertEqual(e.text, "abc"); XCTAssertEqual(e.cursor, 2)
        e.undo(); XCTAssertEqual(e.text, "abcdef"); XCTAssertEqual(e.cursor, 6)
        XCTAssertEqual(e.handle(TextEditor.undoKey, width: 10), .unchanged)
    }
}

final class EditorLayoutTests: XCTestCase {
    func rows(_ text: String, _ width: Int) -> [String] {
        let e = TextEditor(text: text)
        return e.layout(width: width).map { e.text(of: $0) }
    }

    func testWrapping() {
        XCTAssertEqual(rows("abc def", 4), ["abc", "def"])
        XCTAssertEqual(rows("abcdefghij", 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(rows("中中中", 5), ["中中", "中"])
        XCTAssertEqual(rows("a\n\nb", 4), ["a", "", "b"])
        XCTAssertEqual(rows("hej  med", 4), ["hej ", "med"])
        XCTAssertEqual(rows("", 4), [""])
    }

    func testTheCursorAfterAFullLineGoesToTheNextRow() {
        var e = TextEditor(text: "abcd")
        XCTAssertEqual(rows("abcd", 4), ["abcd", ""])
        XCTAssertTrue(e.cursorPosition(width: 4) == (1, 0))
        _ = e.handle(.char("e"), width: 4)
        XCTAssertEqual(rows(e.text, 4), ["abcd", "e"])
        XCTAssertTrue(e.cursorPosition(width: 4) == (1, 1))
        e = TextEditor(text: "abcd\nx", cursor: 4)
        XCTAssertTrue(e.cursorPosition(width: 4) == (1, 0))
        XCTAssertTrue(TextEditor(text: "ab", cursor: 2).cursorPosition(width: 4) == (0, 2))
    }
}

final class EditorRenderTests: XCTestCase {
    func testDrawsWrappedTextWithCursorAndScrollMarks() {
        let e = TextEditor(text: "Mål: færre sygemeldinger i 2024 og bedre trivsel", cursor: 5)
        var canvas = Canvas(size: Size(width: 12, height: 3))
        var state = FieldViewState()
        TextFieldView.render(e, state: &state, into: &canvas, in: Rect(x: 1, y: 0, width: 11, height: 3), focused: true)
        XCTAssertEqual(canvas.text, """
             Mål: færre 
             sygemeldin 
             ger i 2024↓

            """)
        XCTAssertTrue(canvas.cursor! == (6, 0))
        XCTAssertEqual(state.scrollTop, 0)

        // The cursor at the end scrolls the field; "↑" says there is more above.
        var end = e
        _ = end.moveCursor(to: e.count)
        TextFieldView.render(end, state: &state, into: &canvas, in: Rect(x: 1, y: 0, width: 11, height: 3), focused: true)
        XCTAssertEqual(canvas.text, """
             ger i 2024↑
             og bedre   
             trivsel    

            """)
        XCTAssertTrue(canvas.cursor! == (8, 2))
        XCTAssertEqual(state.scrollTop, 2)
    }

    func testControlCharactersAreDrawnVisiblyAndAnUnfocusedFieldHasNoCursor() {
        let e = TextEditor(text: "a\u{1B}[2Jb")
        var canvas = Canvas(size: Size(width: 8, height: 1))
        var state = FieldViewState()
        TextFieldView.render(e, state: &state, into: &canvas, in: canvas.bounds, focused: false)
        XCTAssertEqual(canvas.text, "a␛[2Jb  \n")
        XCTAssertNil(canvas.cursor)
        XCTAssertEqual(canvas[1, 0].role, .control)
    }
}
