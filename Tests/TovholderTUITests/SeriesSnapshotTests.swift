import SnapshotTesting
import TovholderCore
import XCTest
@testable import TovholderTUI

/// A later day of a series: the follow-up on a group's terminal and on the projector, a
/// sheet carried from day 1, and the agenda while the programme is changed.
final class SeriesSnapshotTests: XCTestCase {
    typealias F = ScreenFixtures
    let day1 = CalendarDate(year: 2023, month: 12, day: 5)!

    func earlier(_ group: Int64) -> [EarlierAgreement] {
        [EarlierAgreement(id: group * 10, groupID: group, day: day1, who: "Anne", knowledge: "Erfaringer fra Ballerup",
                          dueText: "18/1", due: CalendarDate(year: 2024, month: 1, day: 18), status: .done,
                          note: "Ballerup deler gerne deres skabeloner"),
         EarlierAgreement(id: group * 10 + 1, groupID: group, day: day1, who: "Bo", knowledge: "Tal for ventetider",
                          dueText: "efter jul", status: nil)]
    }

    func state(_ lang: Language, _ size: Size) -> AppState {
        var state = F.at(item: 1, late: 0, lang, size: size)
        state.session.programme.agenda[1].kind = .followUp
        state.session.programme.agenda[1].title = "Opfølgning på aftalerne fra del 1"
        state.workshop = WorkshopFixtures.workshop(groups: 4)
        for g in state.workshop.groups { state.agreements[g.id] = Agreement(groupID: g.id, earlier: earlier(g.id)) }
        return state
    }

    func check(_ name: String, sizes: [Size] = [Size(width: 80, height: 24), Size(width: 120, height: 30)],
               testName: String = #function, line: UInt = #line, _ configure: (inout AppState) -> Void) {
        for lang in Language.allCases {
            for size in sizes {
                var s = state(lang, size)
                configure(&s)
                assertSnapshot(of: render(s), as: .screen, named: "\(name)-\(lang.rawValue)-\(size.width)x\(size.height)",
                               testName: testName, line: line)
            }
        }
    }

    func testAGroupFollowsUpItsAgreementsWithANoteBeingTyped() {
        check("followup-participant") { s in
            s.sit(as: .participant(groupID: 100))
            _ = update(&s, .sessionReloaded(s.session))
            s.screen = .followUp(FollowUpView(groupID: 100))
            _ = update(&s, .key(.down))
            _ = update(&s, .key(.paste("Vi fik halvdelen")))
        }
    }

    func testTheProjectorShowsEveryGroupsFollowUp() {
        check("followup-projector", sizes: ProjectorSnapshotTests.sizes) { s in s.sit(as: .projector) }
    }

    func testASheetCarriedFromDay1SaysSo() {
        check("worksheet-carried") { s in
            for (id, sheet) in s.workshop.worksheets {
                var carried = sheet
                for kind in EntryKind.allCases {
                    let list = sheet.entries(of: kind).map { e -> Entry in
                        var e = e; e.origin = EntryOrigin(day: day1, group: sheet.group.name, carriedText: e.text); return e
                    }
                    switch kind {
                    case .challenge: carried.challenge = list.first
                    case .goal: carried.goals = list
                    case .mechanism: carried.mechanisms = list
                    case .trialAction: carried.trialActions = Array(list.dropLast())  // the last is new today
                        + sheet.trialActions.suffix(1)
                    case .sign: carried.signs = list
                    }
                }
                s.workshop.worksheets[id] = carried
            }
            WorksheetUpdate.open(groupID: 100, returnTo: .groups, &s)
        }
    }

    func testTheAgendaWhileAnItemIsAddedAfterLunchMovedLater() {
        check("agenda-editing") { s in
            let lunch = s.session.programme.agenda.firstIndex { $0.kind == .lunch }!
            s.screen = .agenda(selected: lunch)
            for _ in 0..<3 { _ = update(&s, .key(.char(">"))) }
            s.session.changeLog = [LoggedChange(at: F.at(10, 42), change: .moved(title: "Frokost", from: ClockTime(hour: 11, minute: 30)!,
                                                                                   to: ClockTime(hour: 11, minute: 45)!))]
            _ = update(&s, .key(.char("i")))
            _ = update(&s, .key(.paste("Gåtur")))
        }
    }
}
