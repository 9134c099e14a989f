/// A dialogue card a group holds: dealt by the facilitator or drawn by the group, with the
/// group's answer to each of the card's questions. A group's card is its latest deal; the
/// earlier ones and their answers stay in the file and in the minutes.
public struct CardDeal: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var groupID: Int64
    public var deckID: String
    public var cardID: String
    /// Drawn by the group itself rather than dealt by the facilitator.
    public var drawn: Bool
    /// Question index (0-based) → the group's answer.
    public var answers: [Int: String]

    public init(id: Int64, groupID: Int64, deckID: String, cardID: String, drawn: Bool = false,
                answers: [Int: String] = [:]) {
        self.id = id; self.groupID = groupID; self.deckID = deckID; self.cardID = cardID
        self.drawn = drawn; self.answers = answers
    }

    public func answer(_ question: Int) -> String { answers[question] ?? "" }
}

extension Workshop {
    /// The vote the facilitator started last (open or closed), if any.
    public var currentVote: Vote? { votes.last }

    /// The card a group holds now: its latest deal.
    public func card(of groupID: Int64) -> CardDeal? { cardDeals.last { $0.groupID == groupID } }
}
