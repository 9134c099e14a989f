import TovholderCore

/// The dot vote. The facilitator sees the counts live, with how many terminals have voted;
/// a participant sees its ballot with its own dots (● given, ○ not), and the counts only
/// once the facilitator shows them to the room. Nobody ever sees who gave which dot.
enum VoteScreen {
    static func render(_ state: AppState, view: VoteView, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        guard let vote = state.workshop.currentVote, vote.kind != nil else {
            canvas.put(s[MethodKey.noVote], x: area.x, y: y, role: .muted, maxX: area.maxX)
            return
        }
        canvas.put(title(vote, s), x: area.x, y: y, role: .heading, attributes: [.bold], maxX: area.maxX - 16)
        SmallCountdown.draw(state, into: &canvas, rightEdge: area.maxX, y: y)
        y += 1
        let participant: Int64? = { if case .participant(let g) = state.seat { return g } else { return nil } }()
        let status: String
        if participant != nil {
            let byGroup = state.voter != state.terminalID
            status = vote.isOpen ? s.format(byGroup ? MethodKey.dotsLeftGroup : MethodKey.dotsLeft,
                                            vote.remaining(for: state.voter), vote.dotsPerTerminal)
                : s[MethodKey.voteIsClosed]
        } else {
            status = s.voteProgress(vote, state.session.programme.voteDotsPer) + " · "
                + s[vote.revealed ? MethodKey.revealed : MethodKey.hiddenCounts]
        }
        canvas.put(status, x: area.x, y: y, role: .muted, maxX: area.maxX)
        y += 2
        let showCounts = participant == nil || vote.revealed
        let mine = vote.given(by: state.voter)
        let tally = vote.tally
        let ballot = vote.ballot(state.workshop, groupID: participant)
        guard !ballot.isEmpty else {
            canvas.put(s[MethodKey.nothingToVoteOn], x: area.x, y: y, role: .muted, maxX: area.maxX)
            return
        }
        // The counts in one column: a bar as long as the most dots (at most 10), then the number.
        let barWidth = min(10, ballot.map { tally[$0.id] ?? 0 }.max() ?? 0)
        var rows: [ChainRow] = []
        var selectedRow = 0
        var lastGroup: Int64?
        for (i, entry) in ballot.enumerated() {
            guard let sheet = state.workshop.worksheets[entry.groupID] else { continue }
            if entry.groupID != lastGroup, vote.scope == .all || participant == nil {
                if lastGroup != nil { rows.append(ChainRow(text: "")) }
                rows.append(ChainRow(text: sheet.group.name, role: .heading, attributes: [.bold]))
            }
            lastGroup = entry.groupID
            let selected = i == view.selected && participant != nil
            if selected { selectedRow = rows.count }
            let dot = participant == nil ? "" : (mine.contains(entry.id) ? "● " : "○ ")
            let count = tally[entry.id] ?? 0
            let bar = String(repeating: "■", count: min(count, barWidth))
            let number = String(count)
            let counted = showCounts ? bar + String(repeating: " ", count: barWidth - bar.count + max(0, 3 - number.count)) + number + "  " : ""
            let label = Wording.entryLabel(entry, in: sheet, s.language)
            let text = (selected ? "▶ " : "  ") + dot + counted + label + "  " + entry.text.replacingOccurrences(of: "\n", with: " ")
            rows.append(ChainRow(text: text, role: selected ? .selection : .text))
        }
        let list = Rect(x: area.x, y: y, width: area.width, height: body.maxY - y)
        let top = ChainRows.scroll(toShow: selectedRow, selectedRow, height: list.height, total: rows.count)
        ChainRows.draw(rows, scroll: top, into: &canvas, in: list)
    }

    /// "Prikafstemning: Mål (fremtid) · i hver gruppe · åben".
    static func title(_ vote: Vote, _ s: Strings) -> String {
        let part = vote.kind.map { ChainRows.title($0, s) } ?? vote.part.rawValue
        return s.format(MethodKey.voteTitle, part) + " · "
            + s[vote.scope == .all ? MethodKey.voteScopeAll : MethodKey.voteScopeGroup] + " · "
            + s[vote.isOpen ? MethodKey.voteOpen : MethodKey.voteClosed]
    }
}
