import Foundation
import XCTest
@testable import TovholderCore

/// The Markdown is written so cmark reads back exactly what was typed, with no entity where
/// none is needed: "70 %" stays "70 %" in the source and in the tree.
final class MarkdownRoundTripTests: XCTestCase {
    /// The text of the single paragraph cmark makes of `inline(text)`.
    func roundTrip(_ text: String) throws -> String {
        let tree = try CMarkTree.parse(MarkdownMinutes.inline(text) + "\n")
        let paragraphs = tree.all("paragraph")
        XCTAssertEqual(tree.structure, ["document", "paragraph"], "\(text.debugDescription) → \(MarkdownMinutes.inline(text))")
        return paragraphs.first?.plainText ?? ""
    }

    func testPercentAfterANumberIsWrittenAsTyped() throws {
        XCTAssertEqual(MarkdownMinutes.inline("70 %"), "70 %")
        XCTAssertEqual(MarkdownMinutes.inline("70 % af borgerne"), "70 % af borgerne")
        XCTAssertEqual(MarkdownMinutes.inline("Mål: 70 %\n30 % færre"), "Mål: 70 %\\\n30 % færre")
        XCTAssertEqual(MarkdownMinutes.inline("2024\t% x"), "2024\t% x")
        XCTAssertFalse(MarkdownMinutes.inline("70 %").contains("&#"))
        XCTAssertEqual(try roundTrip("70 %"), "70 %")
    }

    func testOrdinaryTextRoundTripsExactly() throws {
        let ordinary = [
            "70 %", "Sygefraværet skal ned med 30 % inden 2025", "12 3", "1 2 3", "2024 blev et godt år",
            "Mødet er kl. 13.30–15", "Anne & Bo", "Ca. 5-10 borgere", "10 kr. pr. time", "1.000 borgere",
            "Æblerne (æøå) koster 12,50", "Spørgsmål? Ja!", "e-mail: a@b.dk", "3 + 4 = 7", "50/50",
            "Flere linjer\nmed 70 %\nog 2. linje",
        ]
        for text in ordinary { XCTAssertEqual(try roundTrip(text), text, text) }
    }

    func testHostileTextRoundTripsExactly() throws {
        let hostile = [
            "1. ikke en liste", "2) heller ikke", "- ikke et punkt", "+ nej", "* nej", "# ikke en overskrift",
            "> ikke et citat", "    ikke kode", "\tikke kode", "```", "~~~", "<b>fed</b>", "<!-- x -->",
            "[link](http://x)", "![billede](x.png)", "*kursiv* _også_", "`kode`", "a\\b", "&amp; &#32; &nbsp;",
            "---", "===", "| a | b |", "  70 %", "1.", "12345678901. nej", "70 %  ", "70\u{00A0}%",
            "linje\n  - indrykket punkt\n1. tal", "http://example.com <http://x>",
        ]
        for text in hostile { XCTAssertEqual(try roundTrip(text), text, text.debugDescription) }
    }

    func testTheReferenceMinutesHaveNoEntityButForLeadingSpace() throws {
        let md = MarkdownMinutes.render(try ExportSample.make().minutes(.da))
        XCTAssertFalse(md.contains("&#"), "ordinary minutes need no entity")
    }
}
