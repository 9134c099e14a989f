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
            return ProjectorScreen.titled(title, [hint, progress], state: state, into: &canvas, in: body)
        }
        // Most dots first; ties in the order of the groups and their sheets.
        let tally = vote.tally
        let ranked = vote.ballot(state.workshop, groupID: nil).enumerated()
            .sorted { (tally[$0.element.id] ?? 0, -$0.offset) > (tally[$1.element.id] ?? 0, -$1.offset) }
            .map(\.element)
        // A vote held within each group: per group, in columns, as the plenum compares them.
        if vote.scope == .group, state.workshop.activeGroups.count > 1 {
            let used = ProjectorPlenum.heading(title, into: &canvas, in: body)
            var blocks: [PlenumBlock] = [], empty: [String] = []
            for group in state.workshop.activeGroups {
                guard let sheet = state.workshop.worksheets[group.id] else { continue }
                let items = ranked.filter { $0.groupID == group.id }.map { entry in
                    let count = tally[entry.id] ?? 0
                    return PlenumBlock.Item(line: BigLine(text: "\(count)  " + Wording.entryLabel(entry, in: sheet, s.language) + ": "
                                                              + entry.text.replacingOccurrences(of: "\n", with: " "),
                                                          role: count > 0 ? .text : .muted))
                }
                if items.isEmpty { empty.append(group.name) } else {
                    blocks.append(PlenumBlock(title: BigLine(text: group.name, role: .heading), items: items))
                }
            }
            return ProjectorPlenum.columns(blocks, empty: empty, state, into: &canvas,
                                           in: Rect(x: body.x, y: body.y + used, width: body.width, height: body.height - used))
        }
        let lines = ranked.compactMap { entry -> BigLine? in
            guard let sheet = state.workshop.worksheets[entry.groupID] else { return nil }
            let count = tally[entry.id] ?? 0
            let who = vote.scope == .all || state.workshop.activeGroups.count > 1 ? sheet.group.name + " · " : ""
            return BigLine(text: "\(count)  " + who + Wording.entryLabel(entry, in: sheet, s.language) + ": "
                               + entry.text.replacingOccurrences(of: "\n", with: " "),
                           role: count > 0 ? .text : .muted)
        }
        return ProjectorScreen.titled(title, lines, state: state, into: &canvas, in: body)
    }

    static func card(_ state: AppState, deckID: String, cardID: String, into canvas: inout Canvas, in body: Rect) -> Bool {
        guard let card = state.session.programme.deck(deckID)?.card(cardID) else {
            return ProjectorItem.render(state, into: &canvas, in: body)
        }
        let lines = card.questions.enumerated().map { BigLine(text: $0.element, role: .text, marker: "\($0.offset + 1). ") }
        return ProjectorScreen.titled(card.title, lines, state: state, into: &canvas, in: body, supporting: true)
    }
}
