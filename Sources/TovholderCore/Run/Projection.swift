/// What the room's projector shows, chosen on the facilitator's console and saved in the
/// session so `tovholder projector` (another process, maybe over SSH) follows it.
public struct Projection: Equatable, Sendable {
    public enum Shows: Equatable, Sendable {
        /// The current item, following the day (the default).
        case item
        case agenda
        case worksheet(groupID: Int64)
        case agreement(groupID: Int64)
        case plenum(WorksheetPart)
        case example
        case roadmap
        /// How the groups join over SSH (`tovholder serve`): the command and code per group.
        case join
        /// One dialogue card in big letters, for the whole room.
        case card(deckID: String, cardID: String)
        /// The current dot vote: how far it has come, and the counts once revealed.
        case vote
    }

    public var shows: Shows = .item
    /// Blanked as in PowerPoint (`b`): the screen goes dark and comes back to what it showed.
    public var blank = false
    /// The plenum page the facilitator turned to; nil pages by itself when groups do not fit.
    public var page: Int?

    public init(shows: Shows = .item, blank: Bool = false, page: Int? = nil) {
        self.shows = shows; self.blank = blank; self.page = page
    }

    /// The stored words for `shows` (column `shows` of table `projector`).
    var storedKind: String {
        switch shows {
        case .item: return "item"
        case .agenda: return "agenda"
        case .worksheet: return "worksheet"
        case .agreement: return "agreement"
        case .plenum: return "plenum"
        case .example: return "example"
        case .roadmap: return "roadmap"
        case .join: return "join"
        case .card: return "card"
        case .vote: return "vote"
        }
    }

    /// "deck/card" when a card is shown (column `card`, schema v7).
    var storedCard: String? {
        if case .card(let deck, let card) = shows { return deck + "/" + card }
        return nil
    }

    var storedGroup: Int64? {
        switch shows {
        case .worksheet(let id), .agreement(let id): return id
        default: return nil
        }
    }

    var storedPart: String? {
        if case .plenum(let part) = shows { return part.rawValue }
        return nil
    }

    /// Reads what the store wrote; anything unknown (a newer program, a hand edit) is the item.
    init(kind: String, groupID: Int64?, part: String?, card: String? = nil, blank: Bool, page: Int?) {
        let cardParts = card?.split(separator: "/", maxSplits: 1).map(String.init) ?? []
        switch (kind, groupID, part.flatMap(WorksheetPart.init(rawValue:))) {
        case ("card", _, _) where cardParts.count == 2: shows = .card(deckID: cardParts[0], cardID: cardParts[1])
        case ("vote", _, _): shows = .vote
        case ("agenda", _, _): shows = .agenda
        case ("worksheet", let id?, _): shows = .worksheet(groupID: id)
        case ("agreement", let id?, _): shows = .agreement(groupID: id)
        case ("plenum", _, let part?): shows = .plenum(part)
        case ("example", _, _): shows = .example
        case ("roadmap", _, _): shows = .roadmap
        case ("join", _, _): shows = .join
        default: shows = .item
        }
        self.blank = blank
        self.page = page.map { max(0, $0) }
    }
}
