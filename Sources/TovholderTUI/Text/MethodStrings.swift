import TovholderCore

/// The words of the method's activities: dot votes, dialogue cards and private writing, on
/// every terminal and the projector, in Danish and English.
public enum MethodKey: CaseIterable, Sendable {
    case voteTitle, voteOpen, voteClosed, voteScopeAll, voteScopeGroup, voteProgress, voteProgressGroups, dotsLeft, dotsLeftGroup, noDotsLeft,
         voteIsClosed, notOnBallot, noVote, nothingToVoteOn, noPartToVote, voteStarted, voteEnded, voteReopened,
         revealed, hiddenCounts, voteInProgressNotice, dotsCount,
         voteRoomHint
    case cardsTitle, dealt, cardProjected, cardNotProjected, noDeck,
         cardTitle, noCardYet, drawHint, cardDrawn, cardDealtNotice, cardAnswerPlaceholder, cardOf
    case hiddenNotice, shownNotice, hiddenMark, noPartToHide
}

extension Strings {
    public subscript(_ key: MethodKey) -> String { Strings.table(key).text(language) }

    public func format(_ key: MethodKey, _ args: CustomStringConvertible...) -> String {
        Strings.fill(self[key], args)
    }

    /// "1 prik" / "3 prikker".
    public func dots(_ n: Int) -> String { n == 1 ? (language == .da ? "1 prik" : "1 dot") : format(MethodKey.dotsCount, n) }

    /// "4 grupper har givet 12 prikker" (or terminals, when each terminal has its own dots).
    public func voteProgress(_ vote: Vote, _ per: VoteDotsPer) -> String {
        format(per == .group ? MethodKey.voteProgressGroups : MethodKey.voteProgress, vote.voters, dots(vote.dots.count))
    }

    static func table(_ key: MethodKey) -> Localized {
        func l(_ da: String, _ en: String) -> Localized { Localized(da: da, en: en) }
        switch key {
        case .voteTitle: return l("Prikafstemning: %1", "Dot vote: %1")
        case .voteOpen: return l("åben", "open")
        case .voteClosed: return l("lukket", "closed")
        case .voteScopeAll: return l("på tværs af grupperne", "across the groups")
        case .voteScopeGroup: return l("i hver gruppe", "within each group")
        case .voteProgress: return l("%1 terminaler har givet %2", "%1 terminals have given %2")
        case .voteProgressGroups: return l("%1 grupper har givet %2", "%1 groups have given %2")
        case .dotsLeft: return l("Du har %1 af %2 prikker tilbage.", "You have %1 of %2 dots left.")
        case .dotsLeftGroup: return l("Gruppen har %1 af %2 prikker tilbage – fælles for gruppens terminaler.",
                                      "Your group has %1 of %2 dots left – shared by the group's terminals.")
        case .noDotsLeft: return l("Alle dine prikker er givet – tag en tilbage med mellemrum først.",
                                   "All your dots are given – take one back with Space first.")
        case .voteIsClosed: return l("Afstemningen er lukket.", "The vote is closed.")
        case .notOnBallot: return l("Det punkt er ikke med i afstemningen.", "That entry is not in the vote.")
        case .noVote: return l("Ingen afstemning i gang.", "No vote under way.")
        case .nothingToVoteOn: return l("Intet at stemme om endnu.", "Nothing to vote on yet.")
        case .noPartToVote: return l("Dette punkt har ingen del af kæden at stemme om.",
                                     "This item has no part of the chain to vote on.")
        case .voteStarted: return l("Afstemningen er åben: %1 pr. terminal (v: luk).", "The vote is open: %1 per terminal (v: close).")
        case .voteEnded: return l("Afstemningen er lukket (v: åbn igen, r: vis resultatet).",
                                  "The vote is closed (v: open again, r: show the result).")
        case .voteReopened: return l("Afstemningen er åben igen.", "The vote is open again.")
        case .revealed: return l("Resultatet vises for rummet (r: skjul).", "The result is shown to the room (r: hide).")
        case .hiddenCounts: return l("Resultatet er skjult for rummet (r: vis).", "The result is hidden from the room (r: show).")
        case .voteInProgressNotice: return l("Prikafstemning i gang: F11 eller Ctrl-P for at stemme.",
                                             "Dot vote under way: F11 or Ctrl-P to vote.")
        case .dotsCount: return l("%1 prikker", "%1 dots")
        case .voteRoomHint: return l("Stem på jeres egne terminaler", "Vote on your own terminals")
        case .cardsTitle: return l("Dialogkort: %1", "Dialogue cards: %1")
        case .dealt: return l("Hver gruppe har fået et kort.", "Each group has been dealt a card.")
        case .cardProjected: return l("Projektoren viser kortet (p: tilbage).", "The projector shows the card (p: back).")
        case .cardNotProjected: return l("Projektoren følger dagen igen.", "The projector follows the day again.")
        case .noDeck: return l("Dagens skabelon har ingen dialogkort.", "The day's template has no dialogue cards.")
        case .cardTitle: return l("Dialogkort", "Dialogue card")
        case .noCardYet: return l("Gruppen har ikke et kort endnu.", "The group has no card yet.")
        case .drawHint: return l("F3: træk et kort", "F3: draw a card")
        case .cardDrawn: return l("I har trukket et kort.", "You have drawn a card.")
        case .cardDealtNotice: return l("I har fået et dialogkort: Ctrl-D for at se det.", "You have been dealt a dialogue card: Ctrl-D to see it.")
        case .cardAnswerPlaceholder: return l("(skriv jeres svar)", "(write your answer)")
        case .cardOf: return l("Dialogkort · %1", "Dialogue card · %1")
        case .hiddenNotice: return l("Grupperne skriver %1 for sig selv: de andre og projektoren ser dem ikke (h: vis).",
                                     "The groups write %1 privately: the others and the projector cannot see them (h: show).")
        case .shownNotice: return l("%1 vises nu for alle.", "%1 are now shown to everyone.")
        case .hiddenMark: return l("skjult for rummet", "hidden from the room")
        case .noPartToHide: return l("Dette punkt har ingen del af kæden at skjule.", "This item has no part of the chain to hide.")
        }
    }
}
