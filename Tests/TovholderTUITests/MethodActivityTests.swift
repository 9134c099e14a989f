import TovholderCore
import XCTest
@testable import TovholderTUI

/// The keys of dot votes, dialogue cards and private writing, through `update`: what each
/// key asks the shell to do, and where each terminal is taken.
final class MethodActivityTests: XCTestCase {
    typealias F = ScreenFixtures
    let groupWork = F.index(of: .groupWork)  // "Drøm målene større": the goals

    func facilitator(item: Int? = nil) -> AppState {
        var state = F.at(item: item ?? groupWork, .da, size: Size(width: 120, height: 30))
        state.workshop = WorkshopFixtures.workshop(groups: 4)
        return state
    }

    func participant(_ group: Int64 = 100, vote: Vote? = nil) -> AppState {
        var state = facilitator()
        state.terminalID = "me"
        state.sit(as: .participant(groupID: group))
        if let vote { state.workshop.votes = [vote] }
        return state
    }

    func key(_ state: inout AppState, _ key: Key) -> [Effect] { update(&state, .key(key)) }

    // MARK: votes

    func testVStartsAVoteOnTheGoalsWithinEachGroupAndVAgainEndsIt() {
        var state = facilitator()
        let effects = key(&state, .char("v"))
        XCTAssertEqual(effects.first, .workshop(.startVote(itemID: "droem-maalene-stoerre", part: .goals, scope: .group, dots: 3)))
        guard case .vote = state.screen else { return XCTFail("the console shows the vote") }
        XCTAssertEqual(state.session.projection.shows, .vote, "the projector follows to the vote")
        state.workshop.votes = [Vote(id: 7, itemID: "droem-maalene-stoerre", part: .goals, scope: .group, dotsPerTerminal: 3)]
        XCTAssertEqual(key(&state, .char("v")), [.workshop(.setVoteOpen(7, false))], "v again ends it")
        state.workshop.votes[0].isOpen = false
        XCTAssertEqual(key(&state, .char("v")), [.workshop(.setVoteOpen(7, true))], "and opens it again")
        XCTAssertEqual(key(&state, .char("r")), [.workshop(.revealVote(7, true))])
        _ = key(&state, .escape)
        XCTAssertEqual(state.screen, .item)
    }

    func testAtAPlenumTheVoteIsAcrossTheGroupsAndAtABreakThereIsNothingToVoteOn() {
        var plenum = facilitator(item: F.index(of: .plenum))
        let part = plenum.session.currentItem.part!
        XCTAssertEqual(key(&plenum, .char("v")).first,
                       .workshop(.startVote(itemID: plenum.session.currentItem.id, part: part, scope: .all, dots: 3)))
        var pause = facilitator(item: F.index(of: .break))
        XCTAssertEqual(key(&pause, .char("v")), [])
        XCTAssertEqual(pause.notice, pause.strings[MethodKey.noPartToVote])
    }

    func testAParticipantIsTakenToAnOpenedVoteOnceAndGivesDotsWithSpace() {
        var state = participant()
        var workshop = state.workshop
        workshop.votes = [Vote(id: 3, itemID: "x", part: .goals, scope: .group, dotsPerTerminal: 1)]
        _ = update(&state, .workshopReloaded(workshop))
        guard case .vote = state.screen else { return XCTFail("taken to the vote") }
        let goals = state.workshop.worksheets[100]!.goals
        _ = key(&state, .down)
        XCTAssertEqual(key(&state, .char(" ")), [.workshop(.toggleDot(voteID: 3, entryID: goals[1].id, groupID: 100))])
        // With its one dot given (as the file says), Space elsewhere is refused at once.
        state.workshop.votes[0].dots = [VoteDot(terminal: state.voter, entryID: goals[1].id)]  // the group's dot
        _ = key(&state, .up)
        XCTAssertEqual(key(&state, .char(" ")), [])
        XCTAssertEqual(state.notice, state.strings[MethodKey.noDotsLeft])
        _ = key(&state, .down)
        XCTAssertEqual(key(&state, .char(" ")), [.workshop(.toggleDot(voteID: 3, entryID: goals[1].id, groupID: 100))],
                       "the dot given can be taken back")
        // Back on the sheet (F5: Esc on the ballot stays there), the same vote does not take the participant away again.
        _ = key(&state, .function(5))
        _ = update(&state, .workshopReloaded(state.workshop))
        guard case .worksheet = state.screen else { return XCTFail("stays on the sheet") }
        _ = key(&state, .function(11))
        guard case .vote = state.screen else { return XCTFail("F11 goes back to the vote") }
    }

    func testAParticipantTypingIsNotTakenAwayButTold() {
        var state = participant()
        _ = key(&state, .char("x"))  // typing in the focused field
        XCTAssertNotNil(state.editing)
        var workshop = state.workshop
        workshop.votes = [Vote(id: 3, itemID: "x", part: .goals, scope: .group, dotsPerTerminal: 3)]
        _ = update(&state, .workshopReloaded(workshop))
        guard case .worksheet = state.screen else { return XCTFail("stays in the field") }
        XCTAssertEqual(state.notice, state.strings[MethodKey.voteInProgressNotice])
        _ = key(&state, .char("y"))
        guard case .worksheet = state.screen else { return XCTFail("types on") }
        _ = key(&state, .escape)
        guard case .vote = state.screen else { return XCTFail("leaving the field, on to the vote") }
        _ = key(&state, .escape)
        guard case .vote = state.screen else { return XCTFail("Esc on the ballot stays on it") }
        _ = key(&state, .function(5))
        guard case .worksheet = state.screen else { return XCTFail("back on the sheet, and left there") }
        _ = key(&state, .char("z"))
        _ = key(&state, .escape)
        guard case .worksheet = state.screen else { return XCTFail("the same vote takes nobody twice") }
    }

    func testAParticipantCannotStartOrRevealAVote() {
        var state = participant(vote: Vote(id: 3, itemID: "x", part: .goals, scope: .group, dotsPerTerminal: 3))
        state.screen = .vote(VoteView(returnTo: .item))
        XCTAssertEqual(key(&state, .char("v")), [])
        XCTAssertEqual(key(&state, .char("r")), [])
    }

    func testVotingGoesOnWhileTheSheetsAreLocked() {
        var state = participant(vote: Vote(id: 3, itemID: "x", part: .goals, scope: .group, dotsPerTerminal: 3))
        state.live.locked = true
        state.screen = .vote(VoteView(returnTo: .item))
        XCTAssertEqual(key(&state, .char(" ")).count, 1)
    }

    // MARK: cards

    func testTheFacilitatorShowsACardAndDealsTheDeck() throws {
        var state = facilitator()
        let deck = try XCTUnwrap(state.session.programme.decks.first)
        _ = key(&state, .char("d"))
        guard case .cards = state.screen else { return XCTFail("d opens the deck") }
        _ = key(&state, .down)
        XCTAssertEqual(key(&state, .char("p")), [.save([.projection])])
        XCTAssertEqual(state.session.projection.shows, .card(deckID: deck.id, cardID: deck.cards[1].id))
        _ = key(&state, .char("p"))
        XCTAssertEqual(state.session.projection.shows, .item, "p again gives the projector back")
        XCTAssertEqual(key(&state, .char("d")), [.workshop(.dealCards(deckID: deck.id))])
    }

    func testAGroupIsTakenToItsDealtCardDrawsWhenItHasNoneAndAnswers() throws {
        var state = participant()
        let deck = try XCTUnwrap(state.session.programme.decks.first)
        _ = update(&state, .workshopReloaded(state.workshop))  // the first look: no card
        _ = key(&state, .ctrl("d"))
        guard case .card = state.screen else { return XCTFail("Ctrl-D shows the group's card") }
        XCTAssertEqual(key(&state, .function(3)), [.workshop(.drawCard(groupID: 100, deckID: deck.id))])
        _ = key(&state, .escape)
        var workshop = state.workshop
        workshop.cardDeals = [CardDeal(id: 5, groupID: 100, deckID: deck.id, cardID: deck.cards[0].id)]
        _ = update(&state, .workshopReloaded(workshop))
        guard case .card = state.screen else { return XCTFail("a dealt card appears") }
        XCTAssertEqual(key(&state, .function(3)), [], "no second draw while the group holds a card")
        let effects = key(&state, .char("J"))
        XCTAssertTrue(effects.contains(.workshop(.setText(.cardAnswer(dealID: 5, question: 0), "J"))), "\(effects)")
        _ = key(&state, .tab)
        _ = key(&state, .char("K"))
        XCTAssertEqual(state.editing?.field, .cardAnswer(dealID: 5, question: 1))
        XCTAssertEqual(state.workshop.card(of: 100)?.answers, [0: "J", 1: "K"])
    }

    func testACardDealtBeforeJoiningDoesNotTakeANewTerminalAway() throws {
        var state = participant()
        let deck = try XCTUnwrap(state.session.programme.decks.first)
        state.workshop.cardDeals = [CardDeal(id: 5, groupID: 100, deckID: deck.id, cardID: deck.cards[0].id)]
        _ = update(&state, .workshopReloaded(state.workshop))
        guard case .worksheet = state.screen else { return XCTFail("joining lands on the sheet") }
    }

    // MARK: private writing

    func testHHidesTheGoalsFromOtherGroupsAndTheProjectorUntilShown() {
        var state = facilitator()
        XCTAssertEqual(key(&state, .char("h")), [.save([.hiddenParts])])
        XCTAssertEqual(state.session.hiddenParts, [.goals])
        XCTAssertEqual(state.visibleWorkshop, state.workshop, "the facilitator sees everything")
        var group1 = state
        group1.sit(as: .participant(groupID: 100))
        let seen = group1.visibleWorkshop
        XCTAssertEqual(seen.worksheets[100]?.goals, state.workshop.worksheets[100]?.goals, "its own goals")
        XCTAssertEqual(seen.worksheets[101]?.goals.map(\.text), [PrivateWriting.blurred], "another group's, blurred")
        XCTAssertEqual(seen.worksheets[101]?.goals.map(\.id), state.workshop.worksheets[101]?.goals.map(\.id))
        XCTAssertEqual(seen.worksheets[101]?.mechanisms, state.workshop.worksheets[101]?.mechanisms, "other parts stay")
        var projector = state
        projector.sit(as: .projector)
        XCTAssertTrue(projector.visibleWorkshop.worksheets.values.flatMap(\.goals).allSatisfy { $0.text == PrivateWriting.blurred || $0.isBlank })
        // The wall itself: projector-plenum-private in ActivitySnapshotTests shows the blur.
        projector.session.projection.shows = .plenum(.goals)
        let hiddenWall = render(projector).text
        projector.session.hiddenParts = []
        XCTAssertNotEqual(render(projector).text, hiddenWall, "revealed, the wall shows the goals")
        XCTAssertEqual(key(&state, .char("h")), [.save([.hiddenParts])])
        XCTAssertEqual(state.session.hiddenParts, [], "h again shows them")
    }
}
