import XCTest
@testable import TovholderCore

final class ChainCheckTests: XCTestCase {
    let group = Group(id: 1, name: "Gruppe 1", position: 1)

    func e(_ id: Int64, _ kind: EntryKind, _ text: String = "x", links: [Int64] = [], group: Int64 = 1) -> Entry {
        Entry(id: id, groupID: group, kind: kind, text: text, position: Double(id), links: links)
    }

    func testACompleteChainHasNoFindings() {
        let sheet = Worksheet(group: group, challenge: e(1, .challenge), goals: [e(2, .goal)],
                              mechanisms: [e(3, .mechanism, links: [2])], trialActions: [e(4, .trialAction, links: [3])],
                              signs: [e(5, .sign, links: [2])])
        let check = ChainCheck(sheet)
        XCTAssertEqual(check.count, 0)
        XCTAssertTrue(check.isComplete)
        XCTAssertEqual(check.findings(), [])
        XCTAssertEqual(check.summary(), [])
    }

    func testCountsEachKindOfFindingExactly() {
        let sheet = Worksheet(
            group: group, challenge: e(1, .challenge, "  \n"),
            goals: [e(2, .goal), e(3, .goal, " "), e(4, .goal, "")],
            mechanisms: [e(5, .mechanism, links: [2]), e(6, .mechanism, links: [2, 3]), e(7, .mechanism, links: [9]),
                         e(8, .mechanism)],
            trialActions: [e(9, .trialAction, links: [5]), e(10, .trialAction), e(11, .trialAction, links: [99])],
            signs: [e(12, .sign, links: [2]), e(13, .sign, links: [5]), e(14, .sign), e(15, .sign)])
        let check = ChainCheck(sheet)
        XCTAssertEqual(check.count(of: .challengeMissing), 1)
        XCTAssertEqual(check.count(of: .goalMissing), 0)
        XCTAssertEqual(check.emptyGoals, [3, 4])
        XCTAssertEqual(check.mechanismsWithoutGoal, [7, 8], "a link to a trial action is not a goal")
        XCTAssertEqual(check.untriedMechanisms, [6, 7, 8])
        XCTAssertEqual(check.trialActionsWithoutMechanism, [10, 11], "a link to an entry not on the sheet is missing")
        XCTAssertEqual(check.signsWithoutGoal, [13, 14, 15], "a link to a mechanism is not a goal")
        XCTAssertEqual(check.count, 1 + 2 + 2 + 3 + 2 + 3)
        XCTAssertEqual(check.findings().count, check.count)
        XCTAssertEqual(check.findings().first, ChainFinding(kind: .challengeMissing, entryID: 1))
        XCTAssertEqual(check.summary().map(\.da), [
            "Hvad er udfordringen?", "Hvad skal de 2 tomme mål sige?", "Hvilke mål tjener de 2 mekanismer?",
            "Hvilke prøvehandlinger afprøver de 3 mekanismer?", "Hvilke mekanismer afprøver de 2 prøvehandlinger?",
            "Hvilke mål viser de 3 tegn?",
        ])
        XCTAssertEqual(check.summary()[4].en, "Which mechanisms do the 2 trial actions try?")
    }

    func testMissingChallengeAndGoalEntirely() {
        let check = ChainCheck(Worksheet(group: group, signs: [e(1, .sign)]))
        XCTAssertTrue(check.challengeMissing)
        XCTAssertNil(check.challengeID)
        XCTAssertTrue(check.goalMissing)
        XCTAssertEqual(check.count, 3)
        XCTAssertEqual(check.findings().map(\.entryID), [nil, nil, 1])
        XCTAssertEqual(check.findings()[2].message, Localized(da: "Hvilket mål viser tegnet?", en: "Which goal does the sign show?"))
        XCTAssertEqual(check.findings()[1].message.da, "Hvilket mål vil I nå?")
    }

    func testLinksToAnotherGroupsEntriesCountAsMissing() {
        // The worksheet only holds group 1's entries; id 20 (group 2's mechanism) is not there.
        let sheet = Worksheet(group: group, challenge: e(1, .challenge), goals: [e(2, .goal)],
                              trialActions: [e(4, .trialAction, links: [20])])
        XCTAssertEqual(ChainCheck(sheet).trialActionsWithoutMechanism, [4])
    }
}
