import SnapshotTesting
import TovholderCore
import XCTest
@testable import TovholderTUI

/// The worksheet, the worked example and plenum with 4 and 8 groups, at 80×24 and 240×67,
/// in Danish and English.
final class WorksheetSnapshotTests: XCTestCase {
    typealias F = ScreenFixtures

    func check(_ name: String, groups: Int = 4, testName: String = #function, line: UInt = #line,
               _ configure: (inout AppState) -> Void) {
        for lang in Language.allCases {
            for size in ScreenSnapshotTests.sizes {
                var state = F.at(item: F.index(of: .groupWork, 1), late: 4, lang, size: size)
                state.workshop = WorkshopFixtures.workshop(groups: groups)
                _ = state.session.toggleTimer(at: state.now)
                state.now += 300
                configure(&state)
                assertSnapshot(of: render(state), as: .screen, named: "\(name)-\(lang.rawValue)-\(size.width)x\(size.height)",
                               testName: testName, line: line)
            }
        }
    }

    func testWorksheetFocusedOnTheMechanismsWithLinksAndFindings() {
        check("worksheet") { state in
            // The day is at the mechanisms: an empty goal is asked about; the mechanism no
            // trial action tries is not (trial actions are not reached).
            state.workshop.worksheets[100]!.goals.append(Entry(id: 9999, groupID: 100, kind: .goal, text: "", position: 99))
            WorksheetUpdate.open(groupID: 100, returnTo: .groups, &state)
        }
    }

    func testWorksheetWhileTypingShowsTheCursor() {
        check("worksheet-editing") { state in
            WorksheetUpdate.open(groupID: 100, returnTo: .groups, &state)
            _ = update(&state, .key(.end))  // the first key starts typing in the focused entry
            _ = update(&state, .key(.paste(" – og borgerne ved hvem de skal ringe til 📞")))
        }
    }

    func testWorksheetLinkPicker() {
        check("worksheet-links") { state in
            WorksheetUpdate.open(groupID: 100, returnTo: .groups, &state)
            for _ in 0..<3 { _ = update(&state, .key(.down)) }
            _ = update(&state, .key(.function(2)))
            _ = update(&state, .key(.down))
        }
    }

    func testEmptyWorksheet() {
        check("worksheet-empty") { state in WorksheetUpdate.open(groupID: 103, returnTo: .groups, &state) }
    }

    func testPlenumWithFourGroups() {
        check("plenum-4") { state in state.screen = .plenum(PlenumView(part: .mechanisms)) }
    }

    func testPlenumWithEightGroupsScrolledSideways() {
        check("plenum-8", groups: 8) { state in
            state.screen = .plenum(PlenumView(part: .mechanisms))
            _ = update(&state, .key(.pageDown))
            state.workshop.plenumNotes[state.session.currentItem.id] = "Rummet: flere vil arbejde med borgerpaneler.\nAftale: tovholderne mødes i januar."
        }
    }

    func testGroupsWithOneRemoved() {
        check("groups") { state in
            state.workshop.groups[2].removed = true
            state.screen = .groups(GroupsView())
        }
    }

    func testWorkedExample() {
        check("example") { state in state.screen = .example(returnTo: .item) }
    }
}

/// The agreement form (with a date that cannot be read) and the roadmap timeline.
final class AgreementSnapshotTests: XCTestCase {
    typealias F = ScreenFixtures

    func check(_ name: String, testName: String = #function, line: UInt = #line, _ configure: (inout AppState) -> Void) {
        for lang in Language.allCases {
            for size in ScreenSnapshotTests.sizes {
                var state = F.at(item: F.index(of: .agreement), late: 2, lang, size: size)
                state.workshop = WorkshopFixtures.workshop(groups: 4)
                state.agreements = [100: Agreement(
                    groupID: 100, perspectives: "Borgerpanelet og de faglige miljøer",
                    involve: "Borgere med lange sager – gennem interviews 🎤",
                    rows: [AgreementRow(id: 1, who: "Anne", knowledge: "Erfaringer fra Ballerup", dueText: "18/1",
                                        due: CalendarDate(year: 2024, month: 1, day: 18)),
                           AgreementRow(id: 2, who: "Jens", knowledge: "Klagesager 2023", dueText: "31/2")],
                    nextMeeting: NextMeeting(dateText: "18. januar 2024", date: CalendarDate(year: 2024, month: 1, day: 18),
                                             timeText: "14.00", time: ClockTime(hour: 14, minute: 0), place: "Rådhuset, lokale 2"),
                    tovholder: "Anne")]
                state.roadmap = F.referenceDay.roadmap.enumerated().map {
                    RoadmapEntry(id: Int64($0 + 1), from: $1.from, to: $1.to, title: $1.title, activities: $1.activities,
                                 position: Double($0))
                }
                configure(&state)
                assertSnapshot(of: render(state), as: .screen, named: "\(name)-\(lang.rawValue)-\(size.width)x\(size.height)",
                               testName: testName, line: line)
            }
        }
    }

    func testAgreementFormWithAnUnreadableDate() {
        check("agreement") { state in
            var view = AgreementView(groupID: 100)
            view.focus = 5
            state.screen = .agreement(view)
        }
    }

    /// "Præsentation og afrunding i plenum": every group's agreements side by side, under
    /// the item's own title (not the goals, as a plenum of an unknown part once showed).
    func testClosingPlenumShowsEveryGroupsAgreements() {
        check("closing-plenum") { state in
            let i = F.referenceDay.agenda.lastIndex { $0.kind == .plenum }!
            _ = state.session.go(to: i, at: state.now)
            followAgenda(&state)
            let text = render(state).text
            XCTAssertTrue(text.contains(F.referenceDay.agenda[i].title.prefix(30)), text)
            XCTAssertTrue(text.contains("Anne – Erfaringer fra Ballerup"), text)
            XCTAssertFalse(text.contains("Borgeren har én fast kontaktperson"), "no goals: \(text)")
        }
    }

    func testRoadmapTimelineWithToday() {
        check("roadmap") { state in state.screen = .roadmap(RoadmapView(returnTo: .item)) }
    }
}
