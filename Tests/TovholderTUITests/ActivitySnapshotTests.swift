import SnapshotTesting
import TovholderCore
import XCTest
@testable import TovholderTUI

/// The vote, the deck, a group's card and private writing as the console, a participant and
/// the projector draw them, in Danish and English.
final class ActivitySnapshotTests: XCTestCase {
    typealias F = ScreenFixtures
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 30)]

    /// A vote on the goals within each group: three of group 1's terminals gave dots.
    static func vote(revealed: Bool = false, open: Bool = true) -> Vote {
        Vote(id: 1, itemID: "droem-maalene-stoerre", part: .goals, scope: .group, dotsPerTerminal: 3, isOpen: open,
             revealed: revealed, dots: [VoteDot(terminal: "group:100", entryID: 1), VoteDot(terminal: "group:101", entryID: 1),
                                        VoteDot(terminal: "group:102", entryID: 2), VoteDot(terminal: "group:103", entryID: 18)])
    }

    func check(_ name: String, sizes: [Size] = sizes, testName: String = #function, line: UInt = #line,
               _ configure: (inout AppState) -> Void) {
        for lang in Language.allCases {
            for size in sizes {
                var state = F.at(item: F.index(of: .groupWork), late: 4, lang, size: size)
                state.workshop = WorkshopFixtures.workshop(groups: 4)
                state.terminalID = "me"
                configure(&state)
                assertSnapshot(of: render(state), as: .screen, named: "\(name)-\(lang.rawValue)-\(size.width)x\(size.height)",
                               testName: testName, line: line)
            }
        }
    }

    func testTheConsoleCountsTheVoteLive() {
        check("vote-console") { state in
            state.workshop.votes = [Self.vote()]
            state.screen = .vote(VoteView(returnTo: .item))
        }
    }

    func testAParticipantsBallotShowsOwnDotsButNoCountsBeforeTheReveal() {
        check("vote-participant") { state in
            state.sit(as: .participant(groupID: 100))
            state.workshop.votes = [Self.vote()]
            state.screen = .vote(VoteView(returnTo: .item, selected: 1))
        }
    }

    func testAParticipantsBallotAfterTheReveal() {
        check("vote-participant-revealed") { state in
            state.sit(as: .participant(groupID: 100))
            state.workshop.votes = [Self.vote(revealed: true, open: false)]
            state.screen = .vote(VoteView(returnTo: .item))
        }
    }

    func testTheDeckOnTheConsole() {
        check("cards-console") { state in
            let deck = state.session.programme.decks[0]
            state.workshop.cardDeals = [CardDeal(id: 1, groupID: 100, deckID: deck.id, cardID: deck.cards[1].id),
                                        CardDeal(id: 2, groupID: 101, deckID: deck.id, cardID: deck.cards[1].id),
                                        CardDeal(id: 3, groupID: 102, deckID: deck.id, cardID: deck.cards[4].id)]
            state.session.projection.shows = .card(deckID: deck.id, cardID: deck.cards[4].id)
            state.screen = .cards(CardsView(returnTo: .item, selected: 1))
        }
    }

    func testAGroupsCardWithAnAnswerBeingTyped() {
        check("card-participant") { state in
            let deck = state.session.programme.decks[0]
            state.workshop.cardDeals = [CardDeal(id: 1, groupID: 100, deckID: deck.id, cardID: deck.cards[2].id,
                                                 answers: [0: "Mere tid hos borgeren og færre kontroller"])]
            state.sit(as: .participant(groupID: 100))
            state.screen = .card(CardView(groupID: 100, returnTo: .item))
            _ = update(&state, .key(.tab))
            _ = update(&state, .key(.paste("Lederne spørger, før de beslutter")))
        }
    }

    func testAGroupWithoutACardIsToldHowToDrawOne() {
        check("card-none", sizes: [Size(width: 80, height: 24)]) { state in
            state.sit(as: .participant(groupID: 100))
            state.screen = .card(CardView(groupID: 100, returnTo: .item))
        }
    }

    func testThePlenumWhileTheGoalsAreWrittenPrivately() {
        check("plenum-private") { state in
            state.session.hiddenParts = [.goals]
            state.sit(as: .participant(groupID: 101))
            state.screen = .plenum(PlenumView(part: .goals))
        }
    }

    func testTheConsoleSaysWhatRunsBesideTheItem() {
        check("console-activities", sizes: [Size(width: 120, height: 30)]) { state in
            state.session.hiddenParts = [.goals]
            state.workshop.votes = [Self.vote()]
        }
    }

    // MARK: the projector

    func projector(_ name: String, testName: String = #function, line: UInt = #line, _ configure: (inout AppState) -> Void) {
        for lang in Language.allCases {
            for size in ProjectorSnapshotTests.sizes {
                var state = ProjectorSnapshotTests.projector(item: F.index(of: .groupWork), lang, size: size)
                configure(&state)
                assertSnapshot(of: render(state), as: .screen, named: "\(name)-\(lang.rawValue)-\(size.width)x\(size.height)",
                               testName: testName, line: line)
            }
        }
    }

    func testTheProjectorShowsNoCountsBeforeTheReveal() {
        projector("projector-vote") { state in
            state.workshop.votes = [Self.vote()]
            state.session.projection.shows = .vote
        }
    }

    func testTheProjectorShowsTheCountsOnceRevealed() {
        projector("projector-vote-revealed") { state in
            state.workshop.votes = [Self.vote(revealed: true)]
            state.session.projection.shows = .vote
        }
    }

    func testTheProjectorShowsACardInBigLetters() {
        projector("projector-card") { state in
            let deck = state.session.programme.decks[0]
            state.session.projection.shows = .card(deckID: deck.id, cardID: deck.cards[0].id)
        }
    }

    func testTheProjectorsPlenumHidesPrivateGoals() {
        projector("projector-plenum-private") { state in
            state.session.hiddenParts = [.goals]
            state.session.projection.shows = .plenum(.goals)
        }
    }
}
