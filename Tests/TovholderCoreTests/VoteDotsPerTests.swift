import XCTest
@testable import TovholderCore

/// Dots belong to a group (issue 22): a group with two laptops gets no more say than one
/// with one. `vote_dots_per: terminal` keeps the earlier rule.
final class VoteDotsPerTests: StoreTestCase {
    func testTwoTerminalsOfOneGroupShareItsDotsInTheFile() throws {
        let store = try newStore()
        let workshop = try store.loadWorkshop()
        let group = workshop.groups[0].id
        let first = try XCTUnwrap(workshop.worksheets[group]?.goals.first)
        try store.setText(entryID: first.id, text: "A")
        let b = try store.addEntry(groupID: group, kind: .goal, text: "B")
        let c = try store.addEntry(groupID: group, kind: .goal, text: "C")
        let vote = try store.startVote(itemID: "maal", part: .goals, scope: .group, dots: 2)
        let laptop1 = Vote.voter(terminal: "t1", groupID: group, per: .group)
        let laptop2 = Vote.voter(terminal: "t2", groupID: group, per: .group)
        XCTAssertEqual(laptop1, laptop2, "one voter: the group")
        XCTAssertEqual(try store.toggleDot(voteID: vote, terminal: laptop1, entryID: first.id, groupID: group), .given)
        XCTAssertEqual(try store.toggleDot(voteID: vote, terminal: laptop2, entryID: b.id, groupID: group), .given)
        XCTAssertEqual(try store.toggleDot(voteID: vote, terminal: laptop2, entryID: c.id, groupID: group), .noDotsLeft,
                       "the second laptop has no dots of its own")
        XCTAssertEqual(try store.toggleDot(voteID: vote, terminal: laptop2, entryID: first.id, groupID: group), .takenBack,
                       "either laptop may take the group's dot back")
        let loaded = try XCTUnwrap(store.loadWorkshop().currentVote)
        XCTAssertEqual(loaded.remaining(for: laptop1), 1)
        XCTAssertEqual(loaded.voters, 1)
    }

    func testTheFacilitatorAndTheTerminalRuleVoteAsThemselves() {
        XCTAssertEqual(Vote.voter(terminal: "t1", groupID: nil, per: .group), "t1")
        XCTAssertEqual(Vote.voter(terminal: "t1", groupID: 7, per: .terminal), "t1")
        XCTAssertEqual(Vote.voter(terminal: "t1", groupID: 7, per: .group), "group:7")
    }

    func load(_ yaml: String) -> Result<DayTemplate, TemplateErrors> {
        TemplateLoader.load(path: temporaryFile(Array(yaml.utf8)), displayName: "skabelon.yaml")
    }

    func testTheTemplateSaysWhoTheDotsBelongTo() throws {
        XCTAssertEqual(try load(minimalTemplate).get().voteDotsPer, .group)
        XCTAssertEqual(try load(appending("vote_dots_per: terminal")).get().voteDotsPer, .terminal)
        guard case .failure(let errors) = load(appending("vote_dots_per: bord")) else { return XCTFail("a wrong value is refused") }
        XCTAssertEqual(errors.issues.count, 1)
        XCTAssertTrue(errors.text(.da).contains("\"bord\"") && errors.text(.da).contains("group, terminal"), errors.text(.da))
        XCTAssertTrue(errors.text(.da).hasPrefix("skabelon.yaml:18:"), errors.text(.da))
    }

    func testASessionFromBeforeTheRuleReadsAsGroups() throws {
        let day = DayTemplate(title: "T", organisation: "O", date: CalendarDate(iso: "2027-03-02")!,
                              challenge: Challenge(question: "Q"), groups: ["G"], agenda: [], voteDotsPer: .terminal)
        var json = try XCTUnwrap(String(data: JSONEncoder().encode(day), encoding: .utf8))
        json = json.replacingOccurrences(of: ",\"voteDotsPer\":\"terminal\"", with: "")
            .replacingOccurrences(of: "\"voteDotsPer\":\"terminal\",", with: "")
        XCTAssertFalse(json.contains("voteDotsPer"))
        XCTAssertEqual(try JSONDecoder().decode(DayTemplate.self, from: Data(json.utf8)).voteDotsPer, .group)
    }
}
