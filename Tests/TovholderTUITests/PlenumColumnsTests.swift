import TovholderCore
import XCTest
@testable import TovholderTUI

/// Issue 23: a plenum shows every group at once, in columns, in the largest legible size;
/// whole groups go over pages only when not even the smallest size holds them all.
final class PlenumColumnsTests: XCTestCase {
    typealias F = ScreenFixtures
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 34), Size(width: 160, height: 45),
                        Size(width: 240, height: 67)]

    /// About 40 characters, as groups write a goal; the last word names group and goal.
    static func goal(_ g: Int, _ n: Int) -> String { "Borgeren møder én fast kontakt mål\(g)x\(n)" }
    static func longGoal(_ g: Int, _ n: Int) -> String {
        "Borgeren oplever at sagsbehandlingen er hurtig, gennemskuelig og at kommunen svarer inden for ti arbejdsdage mål\(g)x\(n)"
    }

    /// `groups` groups with `goals(g)` goals each, the plenum of goals on the projector.
    static func plenum(groups: Int, _ goals: (Int) -> [String], _ lang: Language, size: Size,
                       part: WorksheetPart = .goals) -> AppState {
        var state = F.at(item: F.index(of: .plenum), lang, size: size)
        var workshop = Workshop()
        var nextID: Int64 = 1
        for g in 0..<groups {
            let group = TovholderCore.Group(id: Int64(100 + g), name: "Gruppe \(g + 1)", position: g)
            let entries = goals(g + 1).enumerated().map { i, text -> Entry in
                defer { nextID += 1 }
                return Entry(id: nextID, groupID: group.id, kind: .goal, text: text, position: Double(i))
            }
            workshop.groups.append(group)
            workshop.worksheets[group.id] = Worksheet(group: group, challenge: Entry(id: 10_000 + Int64(g), groupID: group.id,
                                                                                    kind: .challenge, text: "", position: 0),
                                                      goals: entries, mechanisms: [], trialActions: [], signs: [])
        }
        state.workshop = workshop
        state.sit(as: .projector)
        state.session.projection.shows = .plenum(part)
        return state
    }

    static func frame(_ state: AppState) -> Canvas {
        var canvas = Canvas(size: state.size)
        ProjectorScreen.render(state, into: &canvas)
        return canvas
    }

    /// The groups' columns as laid out at `state`'s size (what render draws).
    static func layout(_ state: AppState) -> (PlenumColumns, onePage: Bool) {
        let blocks = state.workshop.activeGroups.compactMap { ProjectorPlenum.block(state.workshop.worksheets[$0.id]!, kind: .goal) }
        var scratch = Canvas(size: state.size)
        let body = scratch.bounds.inset(dx: 2, dy: 1)
        let used = ProjectorPlenum.heading(PlenumScreen.title(state, PlenumView(part: .goals)), into: &scratch, in: body)
        let sizes = PlenumSize.legible(screenRows: state.size.height)
        let area = Size(width: body.width, height: body.height - used)
        if let one = PlenumColumns.onePage(blocks, sizes: sizes, in: area) { return (one, true) }
        let grid = Size(width: area.width, height: area.height - sizes.last!.lineRows - 1)
        return (PlenumColumns.paged(blocks, sizes: sizes, in: grid)!, false)
    }

    func testFourGroupsOfTwoGoalsFitOnePageAt160x45And240x67() {
        for lang in Language.allCases {
            for size in [Size(width: 160, height: 45), Size(width: 240, height: 67)] {
                let state = Self.plenum(groups: 4, { g in [Self.goal(g, 1), Self.goal(g, 2)] }, lang, size: size)
                let canvas = Self.frame(state)
                XCTAssertEqual(canvas.pages, 1, "\(size) \(lang)")
                let (layout, one) = Self.layout(state)
                XCTAssertTrue(one, "\(size) \(lang) pages")
                XCTAssertEqual(layout.pages.count, 1)
                XCTAssertEqual(layout.pages[0].flatMap { $0 }.sorted(), [0, 1, 2, 3], "every group on the page")
                XCTAssertEqual(layout.columns, 4, "\(size): the groups side by side")
                if size.height <= 50 {
                    // Ordinary bold text: legible at 45 rows; every goal is there, and no marker.
                    XCTAssertNil(layout.size.font, "160×45 holds them only in ordinary text")
                    for g in 1...4 { for n in 1...2 { XCTAssertTrue(canvas.text.contains("mål\(g)x\(n)"), "\(g).\(n) \(lang)") } }
                    XCTAssertFalse(canvas.text.contains("1/"), "no page marker on one page")
                } else {
                    XCTAssertEqual(layout.size.font?.rows ?? 0 >= PlenumSize.minimumBigRows, true, "5×8 or larger at 240×67")
                    let (bands, ordinary) = ProjectorLetterHeightTests.measure(canvas)
                    XCTAssertEqual(ordinary, [], "big letters only at 67 rows")
                    XCTAssertEqual(bands.filter { $0 < 2 }, [])
                }
            }
        }
    }

    /// The real limit: at 160×45 no big font of 5×8 or more holds them side by side.
    func testFourGroupsOfTwoGoalsNeedOrdinaryTextAt160x45() {
        let state = Self.plenum(groups: 4, { g in [Self.goal(g, 1), Self.goal(g, 2)] }, .da, size: Size(width: 160, height: 45))
        let blocks = state.workshop.activeGroups.compactMap { ProjectorPlenum.block(state.workshop.worksheets[$0.id]!, kind: .goal) }
        let big = PlenumSize.legible(screenRows: 45).filter { $0.font != nil }
        XCTAssertNil(PlenumColumns.onePage(blocks, sizes: big, in: Size(width: 156, height: 43)))
    }

    func testEightGroupsOfSixLongGoalsPageWholeGroups() {
        for lang in Language.allCases {
            for size in Self.sizes {
                let state = Self.plenum(groups: 8, { g in (1...6).map { Self.longGoal(g, $0) } }, lang, size: size)
                let canvas = Self.frame(state)
                let (layout, one) = Self.layout(state)
                XCTAssertFalse(one, "\(size) \(lang)")
                XCTAssertGreaterThan(layout.pages.count, 1)
                XCTAssertEqual(canvas.pages, layout.pages.count)
                // Every group on exactly one page, in order: none is split.
                XCTAssertEqual(layout.pages.flatMap { $0.flatMap { $0 } }, Array(0..<8), "\(size) \(lang)")
                if size.height <= 50 {
                    // Each page shows each of its groups' goals whole, and the marker.
                    var paging = ProjectorPaging()
                    var s = state
                    for p in 0..<layout.pages.count {
                        paging.noteFrame(screen: ProjectorPaging.screen(of: s), pages: layout.pages.count, console: nil,
                                         now: s.now - Double(p) * ProjectorPaging.secondsPerPage)
                        s.paging = paging
                        let text = Self.frame(s).text
                        XCTAssertTrue(text.contains("\(p + 1)/\(layout.pages.count)"), "marker on page \(p + 1) at \(size)")
                        for g in layout.pages[p].flatMap({ $0 }) {
                            XCTAssertTrue(text.contains("Gruppe \(g + 1)"), "\(size) page \(p + 1)")
                            for n in 1...6 where layout.pages[p].first(where: { $0.contains(g) })!.count == 1 || n == 6 {
                                XCTAssertTrue(text.contains("mål\(g + 1)x\(n)"), "\(size) page \(p + 1): goal \(g + 1).\(n)")
                            }
                        }
                        paging = ProjectorPaging()
                    }
                }
            }
        }
    }

    func testAPageMarkerOnlyWithMoreThanOnePage() {
        for lang in Language.allCases {
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 34), Size(width: 160, height: 45)] {
                let few = Self.frame(Self.plenum(groups: 2, { g in [Self.goal(g, 1)] }, lang, size: size))
                XCTAssertEqual(few.pages, 1)
                XCTAssertFalse(few.text.contains("1/"), "\(size) \(lang)")
                let many = Self.frame(Self.plenum(groups: 8, { g in (1...6).map { Self.longGoal(g, $0) } }, lang, size: size))
                XCTAssertTrue(many.text.contains("1/\(many.pages)"), "\(size) \(lang)")
            }
        }
    }

    func testAGroupWithNothingYetIsALineNotAPage() {
        for lang in Language.allCases {
            for size in Self.sizes {
                let state = Self.plenum(groups: 4, { g in g == 4 ? [] : [Self.goal(g, 1)] }, lang, size: size)
                let canvas = Self.frame(state)
                XCTAssertEqual(canvas.pages, 1, "\(size) \(lang)")
                if size.height <= 50 {
                    XCTAssertTrue(canvas.text.contains(lang == .da ? "Gruppe 4: intet endnu" : "Gruppe 4: nothing yet"), "\(size)")
                }
            }
        }
    }

    func testLinkedTextStaysUnderAnEntrySmallerThanIt() {
        let state = ProjectorSnapshotTests.projector(item: F.index(of: .plenum), .da, size: Size(width: 240, height: 67), groups: 2)
        let sheet = state.workshop.worksheets[100]!
        let block = ProjectorPlenum.block(sheet, kind: .sign)!
        XCTAssertFalse(block.items[0].links.isEmpty, "the sign's goal is under it")
        let sizes = PlenumSize.legible(screenRows: 67)
        let layout = PlenumColumns.onePage([block], sizes: sizes, in: Size(width: 236, height: 50))!
        XCTAssertLessThan(layout.linkSize.lineRows, layout.size.lineRows, "links one size smaller")
    }

    /// Results of a vote held within each group: per group, in columns.
    func testAVoteWithinGroupsShowsPerGroupInColumns() {
        for lang in Language.allCases {
            var state = Self.plenum(groups: 3, { g in [Self.goal(g, 1), Self.goal(g, 2)] }, lang, size: Size(width: 160, height: 45))
            state.workshop.votes = [Vote(id: 1, itemID: state.session.currentItem.id, part: .goals, scope: .group, dotsPerTerminal: 3,
                                         isOpen: false, revealed: true)]
            state.session.projection.shows = .vote
            let text = Self.frame(state).text
            for g in 1...3 { XCTAssertTrue(text.contains("mål\(g)x2"), "\(lang)") }
            // The groups side by side: the three names share a row.
            XCTAssertTrue(text.split(separator: "\n").contains { row in (1...3).allSatisfy { row.contains("Gruppe \($0)") } })
        }
    }
}
