import TovholderCore
import XCTest
@testable import TovholderTUI

/// On a screen of 50 rows or fewer, text too small for big letters is ordinary text, and what
/// does not fit one screen turns pages like big letters do — it is never cut with "…" (the
/// worked example at 80×24 lost its trial actions and signs that way).
final class OrdinaryTextPagesTests: XCTestCase {
    func testTheWorkedExampleAt80x24ShowsEveryEntryOverItsPages() throws {
        for lang in Language.allCases {
            var state = ProjectorSnapshotTests.projector(item: 0, lang, size: Size(width: 80, height: 24))
            state.session.projection.shows = .example
            let example = try XCTUnwrap(state.session.programme.example)
            var seen = ""
            var canvas = Canvas(size: state.size)
            _ = ProjectorScreen.render(state, into: &canvas)
            let pages = canvas.pages
            XCTAssertGreaterThan(pages, 1, "\(lang): the example needs pages at 80×24")
            state.paging.noteFrame(screen: ProjectorPaging.screen(of: state), pages: pages, console: nil, now: state.now)
            for turn in 0..<pages {
                var turned = state
                turned.now += Double(turn) * ProjectorPaging.secondsPerPage + 1
                var c = Canvas(size: state.size)
                _ = ProjectorScreen.render(turned, into: &c)
                let text = c.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                XCTAssertTrue(text.contains("\(turn + 1)/\(pages)"), "\(lang) marker on page \(turn + 1): \(text)")
                seen += " " + text
            }
            for entry in example.mechanisms + example.trialActions + example.signs {
                // Its first word (a wrapped entry in the right column interleaves with the left one).
                let word = String(entry.split(separator: " ").first ?? "")
                XCTAssertTrue(seen.contains(word), "\(lang): '\(entry)' is on no page")
            }
        }
    }
}
