import TovholderCore

/// The facilitator's deck of dialogue cards: each card with the groups that hold it, the
/// chosen card's questions below, and which card the projector shows.
enum CardsScreen {
    static func render(_ state: AppState, view: CardsView, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        let cards = CardUpdate.cards(state)
        let title = state.session.programme.decks.map(\.title).joined(separator: " · ")
        canvas.put(s.format(MethodKey.cardsTitle, title), x: area.x, y: y, role: .heading, attributes: [.bold], maxX: area.maxX)
        y += 2
        // Who holds what: each group's latest card.
        var holders: [String: [String]] = [:]
        for group in state.workshop.activeGroups {
            if let deal = state.workshop.card(of: group.id) { holders[deal.deckID + "/" + deal.cardID, default: []].append(group.name) }
        }
        var projected: String?
        if case .card(let deck, let card) = state.session.projection.shows { projected = deck + "/" + card }
        var rows: [ChainRow] = []
        for (i, entry) in cards.enumerated() {
            let key = entry.deck.id + "/" + entry.card.id
            let selected = i == view.selected
            // Who holds the card first, so a narrow screen cuts the card's title rather than them.
            let held = holders[key].map { "[" + $0.joined(separator: ", ") + "] " } ?? ""
            let mark = key == projected ? "▣ " : "  "
            rows.append(ChainRow(text: (selected ? "▶ " : "  ") + mark + "\(i + 1). " + held + entry.card.title,
                                 role: selected ? .selection : .text))
        }
        let questionsHeight = 5
        let list = Rect(x: area.x, y: y, width: area.width, height: max(1, body.maxY - y - questionsHeight - 1))
        let top = ChainRows.scroll(toShow: view.selected, view.selected, height: list.height, total: rows.count)
        ChainRows.draw(rows, scroll: top, into: &canvas, in: list)
        guard cards.indices.contains(view.selected) else { return }
        var qy = body.maxY - questionsHeight
        for (n, question) in cards[view.selected].card.questions.enumerated() where qy < body.maxY {
            for line in wrap("\(n + 1). " + question, width: max(1, area.width - 2)) where qy < body.maxY {
                canvas.put(line, x: area.x + 2, y: qy, role: .muted, maxX: area.maxX)
                qy += 1
            }
        }
    }
}
