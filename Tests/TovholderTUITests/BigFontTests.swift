import XCTest
@testable import TovholderTUI

final class BigFontTests: XCTestCase {
    static let printableLatin1 = Array(0x20...0x7E) + Array(0xA0...0xFF)

    func testEveryFontCoversDanishLettersAndPrintableLatin1() {
        for font in BigFont.ladder {
            for c in "æøåÆØÅ" { XCTAssertTrue(font.covers(c), "\(font.name) lacks \(c)") }
            for v in Self.printableLatin1 {
                let c = Character(Unicode.Scalar(UInt32(v))!)
                XCTAssertTrue(font.covers(c), "\(font.name) lacks U+\(String(v, radix: 16))")
            }
        }
    }

    func testTheLadderShrinksInBothDirectionsAndTheSmallestIs5x8() {
        let ladder = BigFont.ladder
        XCTAssertGreaterThan(ladder.count, 4)
        for (bigger, smaller) in zip(ladder, ladder.dropFirst()) {
            XCTAssertGreaterThan(bigger.rows, smaller.rows, "\(bigger.name) → \(smaller.name)")
            XCTAssertGreaterThan(bigger.cellWidth, smaller.cellWidth, "\(bigger.name) → \(smaller.name)")
        }
        for font in ladder { XCTAssertGreaterThanOrEqual(font.rows, 4, font.name) }
        XCTAssertEqual(ladder.map(\.name), ["10x20×2", "7x13×2", "10x20", "9x18", "7x13", "6x10", "5x8"])
        XCTAssertEqual(ladder.map { "\($0.cellWidth)×\($0.rows)" },
                       ["20×20", "14×13", "10×10", "9×9", "7×7", "6×5", "5×4"])
    }

    func font(_ name: String) -> BigFont { BigFont.ladder.first { $0.name == name }! }

    func testAELigatureIn5x8() {
        // 5x8's Æ, pixel rows 1–6 of 8 (checked against the font): .###. / #.#.. / #.#.. /
        // ####. / #.#.. / #.##. — two pixel rows per terminal row.
        var canvas = Canvas(size: Size(width: 7, height: 5))
        let end = font("5x8").draw("Æ", into: &canvas, x: 1, y: 0, role: .timer, attributes: [.bold])
        XCTAssertEqual(end, 6)
        let expected = [
            "  ▄▄▄  ",
            " █ █   ",
            " █▀█▀  ",
            " ▀ ▀▀  ",
            "       ",
        ]
        XCTAssertEqual(canvas.text, expected.map { $0 + "\n" }.joined())
        XCTAssertEqual(canvas[1, 1].role, .timer)
        XCTAssertEqual(canvas[1, 1].attributes, [.bold])
        XCTAssertEqual(canvas[0, 0].role, .text, "unlit cells are left alone")
    }

    func testDescendersStayInsideTheGlyph() {
        // 5x8's g: the tail is on the last pixel rows, inside the 4 terminal rows.
        var canvas = Canvas(size: Size(width: 5, height: 4))
        font("5x8").draw("g", into: &canvas, x: 0, y: 0, role: .text, attributes: [])
        XCTAssertEqual(canvas.text, "     \n ▄▄  \n▀▄▄█ \n ▄▄▀ \n")
    }

    func testUnlitCellsKeepWhatWasThere() {
        var canvas = Canvas(size: Size(width: 5, height: 4))
        canvas.fill(canvas.bounds, role: .border, with: "·")
        font("5x8").draw("g", into: &canvas, x: 0, y: 0, role: .text, attributes: [])
        XCTAssertEqual(canvas.text, "·····\n·▄▄··\n▀▄▄█·\n·▄▄▀·\n")
        XCTAssertEqual(canvas[0, 0].role, .border)
    }

    func testEveryLetterHasInkAndDiffersFromTheReplacement() {
        for font in BigFont.ladder {
            let glyphs = font.source.glyphs
            let replacement = Array(glyphs.rows(of: "😀"))
            for c in "AaZzÆæØøÅå0" {
                let rows = Array(glyphs.rows(of: c))
                XCTAssertEqual(rows.count, font.pixelHeight)
                XCTAssertTrue(rows.contains { $0 != 0 }, "\(font.name): \(c) is blank")
                XCTAssertNotEqual(rows, replacement, "\(font.name): \(c) is the replacement")
                XCTAssertTrue(rows.allSatisfy { $0 >> font.pixelWidth == 0 }, "\(font.name): \(c) is wider than its cell")
            }
            XCTAssertEqual(Array(glyphs.rows(of: " ")), Array(repeating: 0, count: font.pixelHeight))
        }
    }

    func testScaleTwoDoublesEveryPixel() {
        var small = Canvas(size: Size(width: 10, height: 10))
        var big = Canvas(size: Size(width: 20, height: 20))
        font("10x20").draw("Å", into: &small, x: 0, y: 0, role: .text, attributes: [])
        font("10x20×2").draw("Å", into: &big, x: 0, y: 0, role: .text, attributes: [])
        // A pixel lit in 10x20 is a full 2×2 block (two columns, one terminal row) at ×2.
        func lit(_ c: Canvas, _ x: Int, _ halfRow: Int) -> Bool {
            let g = c[x, halfRow / 2].grapheme
            return g == "█" || (halfRow % 2 == 0 ? g == "▀" : g == "▄")
        }
        for py in 0..<20 {
            for px in 0..<10 {
                let on = lit(small, px, py)
                for dy in 0..<2 { for dx in 0..<2 { XCTAssertEqual(lit(big, 2 * px + dx, 2 * py + dy), on) } }
            }
        }
    }

    func testWidthCountsGraphemes() {
        let f = font("5x8")
        XCTAssertEqual(f.width(of: "a\u{30A}"), 5)
        XCTAssertEqual(f.width(of: "æøå"), 15)
        XCTAssertEqual(f.width(of: ""), 0)
        XCTAssertEqual(font("10x20×2").width(of: "ab"), 40)
    }

    func testACombiningSequenceDrawsThePrecomposedLetter() {
        let f = font("6x10")
        XCTAssertTrue(f.covers("a\u{30A}"))
        var composed = Canvas(size: Size(width: 6, height: 5)), decomposed = composed
        f.draw("å", into: &composed, x: 0, y: 0, role: .text, attributes: [])
        f.draw("a\u{30A}", into: &decomposed, x: 0, y: 0, role: .text, attributes: [])
        XCTAssertEqual(decomposed.text, composed.text)
        XCTAssertNotEqual(composed.text, Canvas(size: Size(width: 6, height: 5)).text)
    }

    func testDrawClipsAtMaxXWithoutHalfCharacters() {
        let f = font("5x8")
        var canvas = Canvas(size: Size(width: 20, height: 4))
        let end = f.draw("HHHHH", into: &canvas, x: 1, y: 0, role: .text, attributes: [], maxX: 14)
        XCTAssertEqual(end, 11, "two whole characters (1–10) fit before 14, a third would end at 16")
        for y in 0..<4 { for x in 11..<20 { XCTAssertEqual(canvas[x, y].grapheme, " ", "(\(x), \(y))") } }
        XCTAssertNotEqual(canvas[1, 1].grapheme, " ")
        XCTAssertNotEqual(canvas[6, 1].grapheme, " ")
        // Without maxX the canvas's right edge is the limit, also in whole characters.
        var narrow = Canvas(size: Size(width: 12, height: 4))
        XCTAssertEqual(f.draw("HHH", into: &narrow, x: 0, y: 0, role: .text, attributes: []), 10)
        for y in 0..<4 { for x in 10..<12 { XCTAssertEqual(narrow[x, y].grapheme, " ") } }
    }

    func testDrawClipsAtTheCanvasEdgesWithoutCrashing() {
        let f = font("10x20")
        var canvas = Canvas(size: Size(width: 8, height: 4))
        f.draw("Ø", into: &canvas, x: -3, y: -4, role: .text, attributes: [], maxX: 100)
        f.draw("Ø", into: &canvas, x: 5, y: 2, role: .text, attributes: [], maxX: 100)
        XCTAssertEqual(canvas.text.count, 4 * 9)
        XCTAssertEqual(f.draw("Ø", into: &canvas, x: 0, y: 40, role: .text, attributes: []), 0,
                       "a 10-column character does not fit an 8-column canvas")
    }

    func testALackingCharacterDrawsTheReplacement() {
        for font in BigFont.ladder {
            XCTAssertFalse(font.covers("😀"), font.name)
            XCTAssertFalse(font.covers("中"), font.name)
            var emoji = Canvas(size: Size(width: font.cellWidth, height: font.rows)), cjk = emoji, space = emoji
            XCTAssertEqual(font.draw("😀", into: &emoji, x: 0, y: 0, role: .text, attributes: []), font.cellWidth)
            font.draw("中", into: &cjk, x: 0, y: 0, role: .text, attributes: [])
            font.draw(" ", into: &space, x: 0, y: 0, role: .text, attributes: [])
            XCTAssertEqual(emoji.text, cjk.text, "one replacement glyph")
            XCTAssertNotEqual(emoji.text, space.text, "\(font.name): the replacement is visible")
        }
    }

    func testExtrasAreCoveredWhereTheFontHasThem() {
        for font in BigFont.ladder {
            for c in "–—‘’‚“”„…•€‹›→←↑↓‰" { XCTAssertTrue(font.covers(c), "\(font.name) lacks \(c)") }
        }
        XCTAssertTrue(font("10x20").covers("⚠"))
        XCTAssertFalse(font("5x8").covers("⚠"))
    }

    func testSetNarrowKeepsWideGraphemesWhole() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.put("中中", x: 0, y: 0)
        canvas.setNarrow("█", x: 1, y: 0, role: .text, attributes: [])
        XCTAssertEqual(canvas.text, " █中\n")
        canvas.setNarrow("▀", x: 2, y: 0, role: .text, attributes: [])
        XCTAssertEqual(canvas.text, " █▀ \n")
        canvas.setNarrow("▀", x: 4, y: 0, role: .text, attributes: [])
        canvas.setNarrow("▀", x: -1, y: 0, role: .text, attributes: [])
        canvas.setNarrow("▀", x: 0, y: 1, role: .text, attributes: [])
        XCTAssertEqual(canvas.text, " █▀ \n")
    }
}
