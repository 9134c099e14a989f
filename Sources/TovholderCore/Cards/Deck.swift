/// A deck of dialogue cards (`sessions/decks/*.yaml`): the bundled one holds the seven
/// principles for the modernisation of the public sector, each with three questions.
/// Stored whole in the session with the programme, like everything else from a template.
public struct Deck: Codable, Equatable, Sendable, Identifiable {
    /// The file name without `.yaml` ("syv-principper"): how a template names the deck.
    public var id: String
    public var title: String
    public var cards: [DialogueCard]

    public init(id: String, title: String, cards: [DialogueCard]) {
        self.id = id; self.title = title; self.cards = cards
    }

    public func card(_ id: String) -> DialogueCard? { cards.first { $0.id == id } }
}

/// One card: a heading for the room and the questions a group answers on it.
public struct DialogueCard: Codable, Equatable, Sendable, Identifiable {
    /// Unique within its deck ("maal-og-resultater"); the session stores deck and card id.
    public var id: String
    public var title: String
    public var questions: [String]

    public init(id: String, title: String, questions: [String]) {
        self.id = id; self.title = title; self.questions = questions
    }
}
