import TovholderCore

/// The method's activities on the room's screen: a dialogue card, and the dot vote — how far
/// it has come while it runs, the counts only once the facilitator reveals them.
enum ProjectorActivities {
    static func vote(_ state: AppState, into canvas: inout Canvas, in body: Rect) -> Bool {
        let s = state.strings
        guard let vote = state.workshop.currentVote, let kind = vote.kind else {
            return ProjectorItem.render(state, into: &canvas, in: body)
        }
        let title = s.format(MethodKey.voteTitle, ChainRows.title(kind, s))
        let progress = BigLine(text: s.voteProgress(vote, state.session.programme.voteDotsPer), role: .muted)
        guard vote.revealed else {
            let hint = BigLine(text: vote.isOpen ? s[MethodKey.voteRoomHint] : s[MethodKey.voteIsClosed], role: .text)
            return ProjectorScreen.titled(title, [hint, progress], now: state.now, strings: s, into: &canvas, in: body)
        }
        // Most dots first; ties in the order of the groups and their sheets.
        let tally = vote.tally
        let ranked = vote.ballot(state.workshop, groupID: nil).enumerated()
            .sorted { (tally[$0.element.id] ?? 0, -$0.offset) > (tally[$1.element.id] ?? 0, -$1.offset) }
            .map(\.element)
        let lines = ranked.compactMap { entry -> BigLine? in
            guard let sheet = state.workshop.worksheets[entry.groupID] else { return nil }
            let count = tally[entry.id] ?? 0
            let who = vote.scope == .all || state.workshop.activeGroups.count > 1 ? sheet.group.name + " · " : ""
            return BigLine(text: "\(count)  " + who + Wording.entryLabel(entry, in: sheet, s.language) + ": "
                               + entry.text.replacingOccurrences(of: "\n", with: " "),
                           role: count > 0 ? .text : .muted)
        }
        return ProjectorScreen.titled(title, lines, now: state.now, strings: s, into: &canvas, in: body)
    }

    static func card(_ state: AppState, deckID: String, cardID: String, into canvas: inout Canvas, in body: Rect) -> Bool {
        guard let card = state.session.programme.deck(deckID)?.card(cardID) else {
            return ProjectorItem.render(state, into: &canvas, in: body)
        }
        let lines = card.questions.enumerated().map { BigLine(text: $0.element, role: .text, marker: "\($0.offset + 1). ") }
        return ProjectorScreen.titled(card.title, lines, now: state.now, strings: state.strings, into: &canvas, in: body,
                                      supporting: true)
    }
}
