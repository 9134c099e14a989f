import XCTest
@testable import TovholderTUI

final class CanvasTests: XCTestCase {
    func testDanishLettersTakeOneCellAndWideCharactersTwo() {
        var c = Canvas(size: Size(width: 12, height: 1))
        let end = c.put("æøå🙂中", x: 0, y: 0)
        XCTAssertEqual(end, 7)
        XCTAssertEqual(c.text, "æøå🙂中     \n".replacingOccurrences(of: "     ", with: "     "))
        XCTAssertTrue(c[4, 0].isContinuation)
        XCTAssertTrue(c[6, 0].isContinuation)
    }

    func testAWideCharacterThatDoesNotFitIsNotSplit() {
        var c = Canvas(size: Size(width: 3, height: 1))
        XCTAssertEqual(c.put("ab中", x: 0, y: 0), 2)
        XCTAssertEqual(c.text, "ab \n")
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var c = Canvas(size: Size(width: 4, height: 1))
        c.put("中中", x: 0, y: 0)
        c.put("x", x: 1, y: 0)
        XCTAssertEqual(c.text, " x中\n")
    }

    func testControlCharactersAreDrawnVisiblyNeverRaw() {
        var c = Canvas(size: Size(width: 30, height: 1))
        c.put("a\u{1B}]2;pwned\u{07}\u{1B}[2Jb\r\0\u{9B}\u{202E}", x: 0, y: 0)
        let text = c.text
        for raw in ["\u{1B}", "\u{07}", "\r", "\0", "\u{9B}", "\u{202E}"] {
            XCTAssertFalse(text.contains(raw), "raw \(raw.unicodeScalars.first!.value) reached the canvas")
        }
        XCTAssertTrue(text.hasPrefix("a␛]2;pwned␇␛[2Jb␍␀"))
        XCTAssertEqual(c[1, 0].role, .control)
    }

    func testCombiningMarksStayWithTheirLetter() {
        var c = Canvas(size: Size(width: 5, height: 1))
        XCTAssertEqual(c.put("e\u{301}a", x: 0, y: 0), 2)
        XCTAssertEqual(c[0, 0].grapheme, "e\u{301}")
    }

    func testDrawingOutsideTheCanvasIsClipped() {
        var c = Canvas(size: Size(width: 3, height: 2))
        c.put("abcdef", x: -2, y: 0)
        c.put("zz", x: 0, y: 5)
        XCTAssertEqual(c.text, "cde\n   \n")
    }
}

final class WrapTests: XCTestCase {
    func testWrapsAtSpacesAndNeverExceedsTheWidth() {
        var rng = SystemRandomNumberGenerator()
        let words = ["æble", "sygefravær", "🙂🙂", "中文字", "a", "virksomme", "mekanismer", "x\u{301}y"]
        for _ in 0..<500 {
            let width = Int.random(in: 1...30, using: &rng)
            let text = (0..<Int.random(in: 0...20, using: &rng)).map { _ in words.randomElement()! }.joined(separator: " ")
            let lines = wrap(text, width: width)
            for line in lines {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), max(width, 2), "\(text) at \(width)")
            }
            XCTAssertEqual(lines.joined().filter { $0 != " " }, text.filter { $0 != " " }, "nothing lost")
        }
    }

    func testKeepsExplicitLineBreaks() {
        XCTAssertEqual(wrap("a b\nc", width: 10), ["a b", "c"])
    }

    func testTruncateEndsWithEllipsis() {
        XCTAssertEqual(truncate("Sygefravær", width: 5), "Syge…")
        XCTAssertEqual(truncate("kort", width: 5), "kort")
    }
}

final class BigDigitsTests: XCTestCase {
    func testDigitsAreFiveRowsTallAtScaleOneAndGrowWithScale() {
        XCTAssertEqual(BigDigits.render("12:34", scale: 1).count, 5)
        XCTAssertEqual(BigDigits.render("12:34", scale: 3).count, 15)
        let line = BigDigits.render("00:00", scale: 2)[0]
        XCTAssertEqual(line.count, BigDigits.width(of: "00:00", scale: 2))
    }

    func testScaleFitsTheSpace() {
        XCTAssertEqual(BigDigits.scale(toFit: "25:00", in: Size(width: 80, height: 12)), 2)
        XCTAssertGreaterThanOrEqual(BigDigits.scale(toFit: "25:00", in: Size(width: 240, height: 40)), 5)
        XCTAssertEqual(BigDigits.scale(toFit: "25:00", in: Size(width: 20, height: 4)), 0)
    }

    func testCountdownText() {
        XCTAssertEqual(CountdownView.digits(remaining: 1500), "25:00")
        XCTAssertEqual(CountdownView.digits(remaining: 59.2), "01:00")
        XCTAssertEqual(CountdownView.digits(remaining: 0), "00:00")
        XCTAssertEqual(CountdownView.digits(remaining: -135.5), "+02:15")
        XCTAssertEqual(CountdownView.digits(remaining: 3900), "1:05:00")
    }

    /// Sequences joined by a zero-width joiner are drawn up to the joiner: every terminal
    /// then gives them the cells the layout counted, and no stray mark lands in a neighbour.
    func testZeroWidthJoinersNeverShiftTheLayoutOrLeaveStrayCharacters() {
        var c = Canvas(size: Size(width: 12, height: 1))
        let end = c.put("👩\u{200D}⚕\u{FE0F}x F\u{200D}ærdig", x: 0, y: 0)
        XCTAssertEqual(end, 10)
        XCTAssertEqual(c[0, 0].grapheme, "👩")
        XCTAssertTrue(c[1, 0].isContinuation)
        XCTAssertEqual(c[2, 0].grapheme, "x")
        XCTAssertEqual(c[4, 0].grapheme, "F")
        XCTAssertEqual(c[5, 0].grapheme, "æ")
        XCTAssertEqual(c.text, "👩x Færdig  \n")
        for x in 0..<12 { XCTAssertFalse(c[x, 0].grapheme.map { String($0).unicodeScalars.contains { $0.value == 0x200D } } ?? false) }
    }
}
