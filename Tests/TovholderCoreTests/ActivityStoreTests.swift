import XCTest
@testable import TovholderCore

/// Dot votes, dialogue cards and private writing in a real session file.
final class ActivityStoreTests: StoreTestCase {
    func goals(_ store: SessionStore, _ texts: [String], group: Int) throws -> [Entry] {
        let id = try store.loadWorkshop().groups[group].id
        let first = try store.loadWorkshop().worksheets[id]!.goals[0]
        try store.setText(entryID: first.id, text: texts[0])
        return [first] + (try texts.dropFirst().map { try store.addEntry(groupID: id, kind: .goal, text: $0) })
    }

    func testEachTerminalGivesItsDotsOnceAndNoMore() throws {
        let store = try newStore()
        let g1 = try goals(store, ["A", "B", "C"], group: 0)
        let g2 = try goals(store, ["X"], group: 1)
        let blank = try store.addEntry(groupID: g1[0].groupID, kind: .goal, text: "  ")
        let group1 = g1[0].groupID
        let vote = try store.startVote(itemID: "maal", part: .goals, scope: .group, dots: 2)
        func dot(_ terminal: String, _ entry: Entry, group: Int64? = group1) throws -> DotResult {
            try store.toggleDot(voteID: vote, terminal: terminal, entryID: entry.id, groupID: group)
        }
        XCTAssertEqual(try dot("t1", g1[0]), .given)
        XCTAssertEqual(try dot("t1", g1[0]), .takenBack, "Space again takes the dot back")
        XCTAssertEqual(try dot("t1", g1[0]), .given)
        XCTAssertEqual(try dot("t1", g1[1]), .given)
        XCTAssertEqual(try dot("t1", g1[2]), .noDotsLeft, "two dots each")
        XCTAssertEqual(try dot("t2", g1[0]), .given, "another terminal has its own dots")
        XCTAssertEqual(try dot("t1", g2[0]), .notOnBallot, "within each group: not another group's goals")
        XCTAssertEqual(try dot("t3", blank), .notOnBallot, "an empty goal is not voted on")
        XCTAssertEqual(try dot("t9", g2[0], group: nil), .given, "the facilitator's ballot holds every group")

        var v = try XCTUnwrap(try store.loadWorkshop().currentVote)
        XCTAssertEqual(v.tally, [g1[0].id: 2, g1[1].id: 1, g2[0].id: 1])
        XCTAssertEqual(v.given(by: "t1"), [g1[0].id, g1[1].id])
        XCTAssertEqual(v.remaining(for: "t1"), 0)
        XCTAssertEqual(v.voters, 3)
        XCTAssertTrue(v.isOpen)
        XCTAssertFalse(v.revealed)

        try store.setVoteOpen(id: vote, false)
        XCTAssertEqual(try dot("t2", g1[1]), .closed, "a closed vote takes no dots")
        try store.setVoteRevealed(id: vote, true)
        try store.setVoteOpen(id: vote, true)
        XCTAssertEqual(try dot("t2", g1[1]), .given, "opened again")
        v = try XCTUnwrap(try store.loadWorkshop().currentVote)
        XCTAssertTrue(v.revealed)
        XCTAssertEqual(v.count(for: g1[1].id), 2)

        // A new vote closes the one before; the old counts stay.
        let signs = try store.startVote(itemID: "tegn", part: .signs, scope: .all, dots: 3)
        let votes = try store.loadWorkshop().votes
        XCTAssertEqual(votes.map(\.id), [vote, signs])
        XCTAssertEqual(votes.map(\.isOpen), [false, true])
        XCTAssertEqual(votes[0].dots.count, 5)
    }

    func testADotOnADeletedEntryIsRefused() throws {
        let store = try newStore()
        let g1 = try goals(store, ["A", "B"], group: 0)
        let vote = try store.startVote(itemID: "maal", part: .goals, scope: .all, dots: 3)
        try store.deleteEntry(id: g1[1].id)
        XCTAssertEqual(try store.toggleDot(voteID: vote, terminal: "t1", entryID: g1[1].id, groupID: nil), .notOnBallot)
        let m = try store.addEntry(groupID: g1[0].groupID, kind: .mechanism, text: "M")
        XCTAssertEqual(try store.toggleDot(voteID: vote, terminal: "t1", entryID: m.id, groupID: nil), .notOnBallot,
                       "a vote on goals takes no mechanisms")
    }

    func testVotesAndDotsBumpOnlyTheWorksheetsRevision() throws {
        let store = try newStore()
        let g1 = try goals(store, ["A"], group: 0)
        let before = try store.revisions()
        let vote = try store.startVote(itemID: "maal", part: .goals, scope: .all, dots: 3)
        _ = try store.toggleDot(voteID: vote, terminal: "t1", entryID: g1[0].id, groupID: nil)
        let after = try store.revisions()
        XCTAssertEqual(after.changed(since: before), [.workshop])
    }

    let deck = Deck(id: "test", title: "Testkort", cards: [
        DialogueCard(id: "a", title: "A", questions: ["a1?", "a2?", "a3?"]),
        DialogueCard(id: "b", title: "B", questions: ["b1?"]),
        DialogueCard(id: "c", title: "C", questions: ["c1?"]),
    ])

    func testDealingGivesEachGroupADifferentCardAndADrawTakesAFreeOne() throws {
        let store = try newStore()
        let groups = try store.loadWorkshop().groups.map(\.id)
        try store.dealCards(groupIDs: groups, deck: deck, shuffle: { $0 })
        var w = try store.loadWorkshop()
        XCTAssertEqual(groups.map { w.card(of: $0)?.cardID }, ["a", "b"])
        XCTAssertEqual(w.cardDeals.map(\.drawn), [false, false])
        let drawn = try store.drawCard(groupID: groups[0], deck: deck, pick: { $0.first })
        XCTAssertEqual(drawn?.id, "c", "the one card no group holds")
        w = try store.loadWorkshop()
        XCTAssertEqual(w.card(of: groups[0])?.cardID, "c")
        XCTAssertEqual(w.card(of: groups[0])?.drawn, true)
        XCTAssertEqual(w.cardDeals.count, 3, "the earlier card stays in the file")
        // More groups than cards: the deck is dealt again from the top.
        try store.dealCards(groupIDs: groups + groups, deck: Deck(id: "one", title: "1", cards: [deck.cards[1]]), shuffle: { $0 })
        XCTAssertEqual(try store.loadWorkshop().cardDeals.suffix(4).map(\.cardID), ["b", "b", "b", "b"])
    }

    func testAnswersAreSavedWithTheirHistoryAndCanBeRestored() throws {
        let store = try newStore()
        let group = try store.loadWorkshop().groups[0].id
        try store.dealCards(groupIDs: [group], deck: deck, shuffle: { $0 })
        let deal = try XCTUnwrap(try store.loadWorkshop().card(of: group))
        try store.setCardAnswer(dealID: deal.id, question: 1, text: "Første svar", author: "Gruppe 1 (anna)")
        try store.setCardAnswer(dealID: deal.id, question: 1, text: "Andet svar", author: "Gruppe 1 (bo)")
        XCTAssertEqual(try store.loadWorkshop().card(of: group)?.answers, [1: "Andet svar"])
        let field = FieldRef.cardAnswer(dealID: deal.id, question: 1)
        XCTAssertEqual(FieldRef(historyName: field.historyName!), field)
        XCTAssertEqual(try store.versions(field: field).map(\.text), ["Andet svar", "Første svar"],
                       "another writer's text is always kept")
        try store.restore(field: field, text: "Første svar", author: "Facilitator")
        XCTAssertEqual(try store.loadWorkshop().card(of: group)?.answer(1), "Første svar")
        XCTAssertEqual(try store.versions(field: field).map(\.text).prefix(2), ["Første svar", "Andet svar"])
        XCTAssertThrowsError(try store.setCardAnswer(dealID: 999, question: 0, text: "x"))
    }

    func testHiddenPartsAndAProjectedCardAreSavedForEveryTerminal() throws {
        let store = try newStore()
        var state = try store.load()
        XCTAssertEqual(state.hiddenParts, [])
        state.hiddenParts = [.goals, .signs]
        state.projection.shows = .card(deckID: "syv-principper", cardID: "maal-og-resultater")
        try store.save([.hiddenParts, .projection], of: state)
        let other = try SessionStore.open(path: store.path)
        let loaded = try other.load()
        XCTAssertEqual(loaded.hiddenParts, [.goals, .signs])
        XCTAssertEqual(loaded.projection.shows, .card(deckID: "syv-principper", cardID: "maal-og-resultater"))
        state.hiddenParts = []
        state.projection.shows = .vote
        try store.save([.hiddenParts, .projection], of: state)
        XCTAssertEqual(try other.load().hiddenParts, [])
        XCTAssertEqual(try other.load().projection.shows, .vote)
    }
}
