/// A dot vote as the minutes tell it: counts only, never who gave which dot.
public struct VoteMinutes: Codable, Equatable, Sendable {
    public var part: WorksheetPart
    /// "Mål (fremtid)".
    public var partTitle: String
    public var scope: String
    /// "på tværs af grupperne" / "i hver gruppe".
    public var scopeText: String
    /// The agenda item it was held at (its title, or its id when the programme lacks it).
    public var itemTitle: String
    public var dotsPerTerminal: Int
    /// Voters (groups, or terminals by `vote_dots_per: terminal`) that gave at least one dot.
    public var voters: Int
    public var dotsGiven: Int
    public var open: Bool
    /// "3 prikker pr. gruppe · 4 grupper gav 12 prikker · lukket".
    public var summary: String
}

/// A dialogue card a group held, with its answers under each question.
public struct CardMinutes: Codable, Equatable, Sendable {
    public var deck: String
    public var title: String
    public var drawn: Bool
    public var questions: [CardAnswerMinutes]
}

public struct CardAnswerMinutes: Codable, Equatable, Sendable {
    public var question: String
    public var answer: String
}

extension Minutes {
    static func votes(_ workshop: Workshop, agenda: [AgendaItem], per: VoteDotsPer, _ s: ExportStrings) -> [VoteMinutes] {
        workshop.votes.map { v in
            let part = EntryKind(part: v.part)?.title.text(s.language) ?? v.part.rawValue
            let summary = [s.dotsPer(v.dotsPerTerminal, per), s.votersGave(v.voters, v.dots.count, per),
                           v.isOpen ? s.voteOpen : s.voteClosed].joined(separator: " · ")
            return VoteMinutes(part: v.part, partTitle: part, scope: v.scope.rawValue, scopeText: s.scope(v.scope),
                               itemTitle: agenda.first { $0.id == v.itemID }?.title ?? v.itemID,
                               dotsPerTerminal: v.dotsPerTerminal, voters: v.voters, dotsGiven: v.dots.count,
                               open: v.isOpen, summary: summary)
        }
    }

    /// Entry id → dots in the last vote on the entry's part (entries of parts never voted on have none).
    static func dotCounts(_ workshop: Workshop) -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        var seen = Set<WorksheetPart>()
        for vote in workshop.votes.reversed() where seen.insert(vote.part).inserted {
            guard let kind = vote.kind else { continue }
            let tally = vote.tally
            for sheet in workshop.worksheets.values {
                for entry in sheet.entries(of: kind) { counts[entry.id] = tally[entry.id] ?? 0 }
            }
        }
        return counts
    }

    /// Every card the group held, oldest first; a card whose deck is gone keeps its id as title.
    static func cards(_ groupID: Int64, _ workshop: Workshop, decks: [Deck]) -> [CardMinutes] {
        workshop.cardDeals.filter { $0.groupID == groupID }.map { deal in
            let deck = decks.first { $0.id == deal.deckID }
            let card = deck?.card(deal.cardID)
            let questions = card?.questions ?? []
            // Answers to questions the card no longer has are kept, under their number.
            let count = max(questions.count, (deal.answers.keys.max() ?? -1) + 1)
            return CardMinutes(deck: deck?.title ?? deal.deckID, title: card?.title ?? deal.cardID, drawn: deal.drawn,
                               questions: (0..<count).map {
                                   CardAnswerMinutes(question: $0 < questions.count ? questions[$0] : "\($0 + 1).",
                                                     answer: clean(deal.answer($0)))
                               })
        }
    }
}
