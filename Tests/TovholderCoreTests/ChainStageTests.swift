import XCTest
@testable import TovholderCore

/// The chain check follows the day: at each stage of the reference day it asks only about
/// the parts the day has reached, and the new questions (goal without a sign, too many
/// goals, "everything leads to everything") come when their part does.
final class ChainStageTests: XCTestCase {
    let group = Group(id: 1, name: "Gruppe 1", position: 1)

    func e(_ id: Int64, _ kind: EntryKind, _ text: String = "x", links: [Int64] = []) -> Entry {
        Entry(id: id, groupID: 1, kind: kind, text: text, position: Double(id), links: links)
    }

    func referenceDay() throws -> SessionState {
        guard case .success(let day) = TemplateLoader.load(path: TemplateCatalog.resolve(TemplateCatalog.defaultName)!) else {
            throw XCTSkip("the reference day does not load")
        }
        return SessionState(programme: day)
    }

    /// The state at the first item that fills `part` (or the first item).
    func at(_ part: WorksheetPart?, _ day: SessionState) -> SessionState {
        var s = day
        s.currentIndex = part.flatMap { p in day.programme.agenda.firstIndex { $0.part == p } } ?? 0
        return s
    }

    /// A day-1 sheet: challenge, two goals (the first with a sign), a mechanism serving the
    /// second goal that no trial action tries, and a sign.
    var sheet: Worksheet {
        Worksheet(group: group, challenge: e(1, .challenge), goals: [e(2, .goal), e(3, .goal)],
                  mechanisms: [e(4, .mechanism, links: [3])], signs: [e(5, .sign, links: [2])])
    }

    func testTheReferenceDayReachesGoalsMechanismsAndSignsButNoTrialActions() throws {
        let day = try referenceDay()
        XCTAssertEqual(at(nil, day).reachedParts, [.challenge], "before the first group work")
        XCTAssertEqual(at(.goals, day).reachedParts, [.challenge, .goals])
        XCTAssertEqual(at(.mechanisms, day).reachedParts, [.challenge, .goals, .mechanisms])
        XCTAssertEqual(at(.signs, day).reachedParts, [.challenge, .goals, .mechanisms, .signs])
        var end = day
        end.currentIndex = day.programme.agenda.count - 1
        XCTAssertFalse(end.reachedParts.contains(.trialActions), "trial actions are day 2's")
    }

    func testOnDay1NoMechanismIsAskedForItsTrialAction() throws {
        let day = try referenceDay()
        var end = day
        end.currentIndex = day.programme.agenda.count - 1
        for state in [at(.goals, day), at(.mechanisms, day), at(.signs, day), end] {
            XCTAssertEqual(ChainCheck(sheet, reached: state.reachedParts).untriedMechanisms, [])
        }
        XCTAssertEqual(ChainCheck(sheet).untriedMechanisms, [4], "a day that reaches trial actions asks")
    }

    func testAGoalWithoutASignIsAskedOnceTheDayReachesSigns() throws {
        let day = try referenceDay()
        XCTAssertEqual(ChainCheck(sheet, reached: at(.mechanisms, day).reachedParts).findings(), [])
        let check = ChainCheck(sheet, reached: at(.signs, day).reachedParts)
        XCTAssertEqual(check.findings(), [ChainFinding(kind: .goalWithoutSign, entryID: 3)])
        XCTAssertEqual(check.findings()[0].question(naming: "Mål 2").da, "Hvilket tegn viser, at I når Mål 2?")
        XCTAssertEqual(check.findings()[0].question(naming: "Goal 2").en, "Which sign shows you reach Goal 2?")
        XCTAssertEqual(check.summary().map(\.da), ["Hvilket tegn viser, at I når målet?"])
    }

    func testBeforeTheGoalsOnlyTheChallengeIsAskedFor() throws {
        let day = try referenceDay()
        let blank = Worksheet(group: group, challenge: e(1, .challenge, " "))
        XCTAssertEqual(ChainCheck(blank, reached: at(nil, day).reachedParts).findings().map(\.kind), [.challengeMissing])
        XCTAssertEqual(ChainCheck(blank, reached: at(.goals, day).reachedParts).findings().map(\.kind),
                       [.challengeMissing, .goalMissing])
    }

    func testMoreThanFiveGoalsIsANote() {
        let six = Worksheet(group: group, challenge: e(1, .challenge), goals: (2...7).map { e($0, .goal) })
        XCTAssertEqual(ChainCheck(six, reached: [.challenge, .goals]).tooManyGoals, [7], "about the sixth")
        XCTAssertEqual(ChainCheck(six, reached: [.challenge, .goals]).summary().map(\.da), ["Over 5 mål: hvilke er de vigtigste?"])
        var five = six
        five.goals.removeLast()
        XCTAssertEqual(ChainCheck(five, reached: [.challenge, .goals]).count, 0)
    }

    func testOneEntryLinkedToEveryEntryOfThePartIsAsked() {
        let all = Worksheet(group: group, challenge: e(1, .challenge), goals: [e(2, .goal), e(3, .goal), e(4, .goal)],
                            mechanisms: [e(5, .mechanism), e(6, .mechanism), e(7, .mechanism)],
                            trialActions: [e(8, .trialAction, links: [5, 6, 7]), e(9, .trialAction, links: [5])],
                            signs: [e(10, .sign, links: [2, 3, 4]), e(11, .sign, links: [2])])
        let check = ChainCheck(all)
        XCTAssertEqual(check.trialActionsTryingAll, [8])
        XCTAssertEqual(check.signsShowingAll, [10])
        XCTAssertEqual(check.findings().first { $0.kind == .signShowingAll }?.question(naming: "Tegn 1").da,
                       "Viser Tegn 1 virkelig alle mål?")
        // With two goals, a sign showing both is ordinary.
        var two = all
        two.goals.removeLast()
        two.signs = [e(10, .sign, links: [2, 3])]
        XCTAssertEqual(ChainCheck(two).signsShowingAll, [])
    }

    func testAMechanismServingNoGoalIsAskedOnceTheDayReachesMechanisms() throws {
        let day = try referenceDay()
        var loose = sheet
        loose.mechanisms = [e(4, .mechanism, links: [3]), e(6, .mechanism), e(7, .mechanism, links: [5])]
        XCTAssertEqual(ChainCheck(loose, reached: at(.goals, day).reachedParts).mechanismsWithoutGoal, [],
                       "while the groups write goals, mechanisms are not asked about")
        let check = ChainCheck(loose, reached: at(.mechanisms, day).reachedParts)
        XCTAssertEqual(check.mechanismsWithoutGoal, [6, 7], "a link to a sign is no goal")
        XCTAssertEqual(check.findings().map(\.kind), [.mechanismWithoutGoal, .mechanismWithoutGoal])
        XCTAssertEqual(check.findings()[0].question(naming: "Mek 2").da, "Hvilket mål tjener Mek 2?")
        XCTAssertEqual(check.findings()[0].question(naming: "Mech 2").en, "Which goal does Mech 2 serve?")
        XCTAssertEqual(check.summary().map(\.da), ["Hvilke mål tjener de 2 mekanismer?"])
    }

    func testAMechanismServingEveryGoalIsAsked() {
        let all = Worksheet(group: group, challenge: e(1, .challenge), goals: [e(2, .goal), e(3, .goal), e(4, .goal)],
                            mechanisms: [e(5, .mechanism, links: [2, 3, 4]), e(6, .mechanism, links: [3])])
        let check = ChainCheck(all, reached: [.challenge, .goals, .mechanisms])
        XCTAssertEqual(check.mechanismsServingAll, [5])
        XCTAssertEqual(check.findings().map(\.kind), [.mechanismServingAll])
        XCTAssertEqual(check.findings()[0].question(naming: "Mek 1").da, "Tjener Mek 1 virkelig alle mål?")
    }

    func testATemplateSaysPerItemWhatTheDayHasReached() throws {
        let yaml = """
            format: 1
            title: Dag 2
            organisation: Test
            date: 2024-01-18
            challenge: {question: Hvordan?}
            agenda:
              - {id: genbesoeg, kind: intro, title: Genbesøg kæden, start: 09.00, minutes: 10, reaches: [goals, mechanisms, signs]}
              - {id: proeve, kind: group-work, title: Prøvehandlinger, start: 09.10, minutes: 30, part: trial-actions}
              - {id: kun-maal, kind: plenum, title: Kun målene, start: 09.40, minutes: 10, reaches: [goals]}
            """
        guard case .success(let day) = TemplateLoader.parse(bytes: Array(yaml.utf8), file: "dag2.yaml") else {
            return XCTFail("the template loads")
        }
        var s = SessionState(programme: day)
        XCTAssertEqual(s.reachedParts, [.challenge, .goals, .mechanisms, .signs], "day 2 starts where day 1 ended")
        s.currentIndex = 1
        XCTAssertEqual(s.reachedParts, [.challenge, .goals, .mechanisms, .signs, .trialActions])
        s.currentIndex = 2
        XCTAssertEqual(s.reachedParts, [.challenge, .goals], "an item's reaches: replaces what came before")
        XCTAssertEqual(ChainCheck(sheet, reached: s.reachedParts).findings(), [], "signs are not asked about here")
    }

    func testAnUnknownPartInReachesNamesItsLine() {
        let yaml = """
            format: 1
            title: Dag
            organisation: Test
            date: 2024-01-18
            challenge: {question: Hvordan?}
            agenda:
              - id: a
                kind: intro
                title: A
                start: 09.00
                minutes: 10
                reaches: [goals, maal]
            """
        guard case .failure(let errors) = TemplateLoader.parse(bytes: Array(yaml.utf8), file: "dag.yaml") else {
            return XCTFail("refused")
        }
        XCTAssertEqual(errors.issues.map { "\($0.line):\($0.column)" }, ["12:22"])
        XCTAssertTrue(errors.text(.da).contains("maal"), errors.text(.da))
    }

    /// Every rule at every item of the reference day: a sheet that breaks all of them at once
    /// (six goals, one empty; a mechanism serving no goal and one serving all; trial actions
    /// without a mechanism and trying all; signs without a goal and showing all), and the
    /// kinds of question asked at each item, written out by hand from the programme.
    func testEveryRuleAtEveryItemOfTheReferenceDay() throws {
        let day = try referenceDay()
        let ids = day.programme.agenda.map(\.id)
        let goals = (2...7).map { e($0, .goal, $0 == 7 ? " " : "x") }
        let broken = Worksheet(
            group: group, challenge: e(1, .challenge, ""), goals: goals,
            mechanisms: [e(10, .mechanism), e(11, .mechanism, links: Array(2...7)), e(12, .mechanism, links: [2])],
            trialActions: [e(20, .trialAction), e(21, .trialAction, links: [10, 11, 12])],
            signs: [e(30, .sign), e(31, .sign, links: Array(2...7))])
        let before: [ChainFinding.Kind] = [.challengeMissing]
        let goalsReached: [ChainFinding.Kind] = before + [.emptyGoal, .tooManyGoals]
        let mechanismsReached: [ChainFinding.Kind] = goalsReached + [.mechanismWithoutGoal, .mechanismServingAll]
        // (A sign showing every goal leaves no goal without one: that question has its own test above.)
        let signsReached: [ChainFinding.Kind] = [.challengeMissing, .emptyGoal, .tooManyGoals,
                                                 .mechanismWithoutGoal, .mechanismServingAll, .signWithoutGoal, .signShowingAll]
        let expected: [String: [ChainFinding.Kind]] = [
            "velkommen": before, "udfordringen": before, "taelle-til-3": before, "kunne-i-taelle": before,
            "maal": goalsReached, "droem-maalene-stoerre": goalsReached, "pause": goalsReached,
            "mekanismer": mechanismsReached, "sygefravaer": mechanismsReached, "formuler-mekanismer": mechanismsReached,
            "opsamling-mekanismer": mechanismsReached, "frokost": mechanismsReached, "oplaeg": mechanismsReached,
            "refleksion": mechanismsReached,
            "tegn": signsReached, "formuler-tegn": signsReached, "opsamling-tegn": signsReached, "koereplan": signsReached,
            "aftaleskema": signsReached, "afrunding": signsReached, "tak": signsReached,
        ]
        XCTAssertEqual(Set(expected.keys), Set(ids), "every item of the reference day has its line here")
        for (index, id) in ids.enumerated() {
            var state = day
            state.currentIndex = index
            let kinds = ChainCheck(broken, reached: state.reachedParts).findings().map(\.kind)
            let distinct = kinds.reduce(into: [ChainFinding.Kind]()) { if !$0.contains($1) { $0.append($1) } }
            XCTAssertEqual(distinct, expected[id], id)
            XCTAssertFalse(kinds.contains(.untriedMechanism) || kinds.contains(.trialActionWithoutMechanism)
                           || kinds.contains(.trialActionTryingAll), "\(id): trial actions are day 2's")
        }
        // The sheet with no goal at all is asked for one from the goals on.
        var noGoal = broken
        noGoal.goals = []
        do {
            var s = day
            s.currentIndex = ids.firstIndex(of: "kunne-i-taelle")!
            XCTAssertFalse(ChainCheck(noGoal, reached: s.reachedParts).goalMissing)
            s.currentIndex = ids.firstIndex(of: "maal")!
            XCTAssertTrue(ChainCheck(noGoal, reached: s.reachedParts).goalMissing)
        }
    }
}
