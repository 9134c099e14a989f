import TovholderCore
import XCTest
@testable import TovholderTUI

/// Issue 23, point 2: a paged projector screen opens on page 1 (the wall clock's `now / 20`
/// opened it anywhere), turns every 20 s, and a turn on the console shows at once and holds 60 s.
final class ProjectorPagingTests: XCTestCase {
    typealias F = ScreenFixtures
    /// A time whose `Int(now / 20) % 3` is 2: the old clock would have opened on the last page.
    static let opened = 1_701_768_040.0

    func testPagesStartAtOneAndTurnEveryTwentySeconds() {
        var paging = ProjectorPaging()
        XCTAssertEqual(paging.page(of: 3, screen: "example", console: nil, now: Self.opened), 0, "before the first frame")
        paging.noteFrame(screen: "example", pages: 3, console: nil, now: Self.opened)
        for (after, page) in [(0.0, 0), (19.9, 0), (20, 1), (39.9, 1), (40, 2), (60, 0), (80, 1)] {
            XCTAssertEqual(paging.page(of: 3, screen: "example", console: nil, now: Self.opened + after), page, "\(after) s")
        }
    }

    func testANewScreenOrPageCountStartsAgainOnPageOne() {
        var paging = ProjectorPaging()
        paging.noteFrame(screen: "plenum(goals)", pages: 3, console: nil, now: Self.opened)
        let later = Self.opened + 45
        XCTAssertEqual(paging.page(of: 3, screen: "plenum(goals)", console: nil, now: later), 2)
        XCTAssertEqual(paging.page(of: 4, screen: "plenum(goals)", console: nil, now: later), 0, "a group's entry added a page")
        XCTAssertEqual(paging.page(of: 3, screen: "example", console: nil, now: later), 0, "another screen")
        paging.noteFrame(screen: "plenum(goals)", pages: 4, console: nil, now: later)
        XCTAssertEqual(paging.page(of: 4, screen: "plenum(goals)", console: nil, now: later + 19), 0)
        XCTAssertEqual(paging.page(of: 4, screen: "plenum(goals)", console: nil, now: later + 20), 1)
        paging.noteFrame(screen: "example", pages: 4, console: nil, now: later + 25)
        XCTAssertEqual(paging.page(of: 4, screen: "example", console: nil, now: later + 25), 0)
    }

    func testAConsoleTurnShowsAtOnceAndHoldsAMinute() {
        var paging = ProjectorPaging()
        paging.noteFrame(screen: "plenum(goals)", pages: 4, console: nil, now: Self.opened)
        let turned = Self.opened + 25  // on page 2 (index 1)
        XCTAssertEqual(paging.page(of: 4, screen: "plenum(goals)", console: 1, now: turned), 2, "PgDn shows the next page at once")
        paging.noteFrame(screen: "plenum(goals)", pages: 4, console: 1, now: turned)
        for (after, page) in [(0.0, 2), (59.9, 2), (60, 3), (79.9, 3), (80, 0)] {
            XCTAssertEqual(paging.page(of: 4, screen: "plenum(goals)", console: 1, now: turned + after), page, "\(after) s")
        }
        // PgUp twice: back from page 3 (index 2) to page 1, at once.
        XCTAssertEqual(paging.page(of: 4, screen: "plenum(goals)", console: -1, now: turned + 10), 0)
    }

    /// Through the projector's render: the worked example opens on its first page, whatever the clock.
    func testTheWorkedExampleOpensOnItsFirstPage() {
        for lang in Language.allCases {
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 34), Size(width: 160, height: 45)] {
                var state = ProjectorSnapshotTests.projector(item: 0, lang, size: size)
                state.session.projection.shows = .example
                var pages = 0
                for second in stride(from: 0.0, to: 120, by: 10) {  // any wall clock: page 1 before the first frame
                    state.now = Self.opened + second
                    var canvas = Canvas(size: size)
                    ProjectorScreen.render(state, into: &canvas)
                    pages = canvas.pages
                    if pages > 1 { XCTAssertTrue(canvas.text.contains("1/\(pages)"), "\(size) \(lang) at \(second)") }
                    else { XCTAssertFalse(canvas.text.contains("1/1")) }
                }
                guard pages > 1 else { continue }
                // Noted at the first frame, it turns 20 s later.
                state.now = Self.opened
                state.paging.noteFrame(screen: ProjectorPaging.screen(of: state), pages: pages, console: nil, now: state.now)
                state.now += 20
                var canvas = Canvas(size: size)
                ProjectorScreen.render(state, into: &canvas)
                XCTAssertTrue(canvas.text.contains("2/\(pages)"), "\(size) \(lang)")
            }
        }
    }
}
