import TovholderCore

/// A group's dialogue card: the card's heading, and under each of its questions the group's
/// answer, a text of several lines. Without a card: how to draw one.
enum CardScreen {
    /// Answers are indented under their question.
    static let indent = 4

    static func textWidth(_ size: Size) -> Int { max(1, size.width - 4 - indent) }

    static func render(_ state: AppState, view: CardView, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        let name = state.workshop.groups.first { $0.id == view.groupID }?.name ?? ""
        canvas.put(s.format(MethodKey.cardOf, name), x: area.x, y: y, role: .heading, attributes: [.bold], maxX: area.maxX - 16)
        SmallCountdown.draw(state, into: &canvas, rightEdge: area.maxX, y: y)
        y += 2
        guard let deal = state.workshop.card(of: view.groupID), let card = CardUpdate.card(of: deal, state) else {
            canvas.put(s[MethodKey.noCardYet], x: area.x, y: y, role: .text, maxX: area.maxX)
            canvas.put(s[MethodKey.drawHint], x: area.x, y: y + 2, role: .muted, attributes: [.bold], maxX: area.maxX)
            return
        }
        var rows: [ChainRow] = []
        for line in wrap(card.title, width: area.width) { rows.append(ChainRow(text: line, role: .heading, attributes: [.bold])) }
        var cursor: (row: Int, column: Int)?
        let width = textWidth(state.size)
        for (n, question) in card.questions.enumerated() {
            rows.append(ChainRow(text: ""))
            for line in wrap("\(n + 1). " + question, width: area.width) { rows.append(ChainRow(text: line, slot: n)) }
            let focused = n == view.focus
            var lines: [String]
            let editing = state.editing?.field == .cardAnswer(dealID: deal.id, question: n)
            if let e = state.editing, editing {
                lines = e.editor.layout(width: width).map { e.editor.text(of: $0) }
                let pos = e.editor.cursorPosition(width: width)
                cursor = (rows.count + pos.row, indent + pos.column)
            } else {
                let answer = deal.answer(n)
                lines = answer.isEmpty ? [s[MethodKey.cardAnswerPlaceholder]] : wrap(answer, width: width)
            }
            if lines.isEmpty { lines = [""] }
            let role: Role = focused ? .selection : (deal.answer(n).isEmpty && !editing ? .muted : .text)
            for line in lines { rows.append(ChainRow(text: line, role: role, indent: indent, slot: n)) }
        }
        ChainRows.drawForm(rows, focus: view.focus, cursor: cursor, into: &canvas,
                           in: Rect(x: area.x, y: y, width: area.width, height: body.maxY - y))
    }
}
