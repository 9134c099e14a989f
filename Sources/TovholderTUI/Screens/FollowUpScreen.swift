import TovholderCore

/// A group's follow-up: each agreement of the days before (who, what, by when), how it went
/// and the group's note. Without any: says so.
enum FollowUpScreen {
    static let indent = 4

    static func textWidth(_ size: Size) -> Int { max(1, size.width - 4 - indent - labelWidth) }
    static let labelWidth = 6

    static func render(_ state: AppState, view: FollowUpView, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        let name = state.workshop.groups.first { $0.id == view.groupID }?.name ?? ""
        canvas.put(s.format(SeriesKey.followUpOf, name), x: area.x, y: y, role: .heading, attributes: [.bold], maxX: area.maxX - 16)
        SmallCountdown.draw(state, into: &canvas, rightEdge: area.maxX, y: y)
        y += 1
        canvas.put(s[SeriesKey.followUpHint], x: area.x, y: y, role: .muted, maxX: area.maxX)
        y += 2
        let list = FollowUpUpdate.earlier(view.groupID, state)
        guard !list.isEmpty else {
            canvas.put(s[SeriesKey.nothingToFollowUp], x: area.x, y: y, role: .muted, maxX: area.maxX)
            return
        }
        var rows: [ChainRow] = []
        var cursor: (row: Int, column: Int)?
        let width = textWidth(state.size)
        for (n, agreement) in list.enumerated() {
            if n > 0 { rows.append(ChainRow(text: "")) }
            let due = agreement.due.map { Wording.date($0, s.language) } ?? agreement.dueText
            let head = "\(n + 1). " + (agreement.who.isEmpty ? "?" : agreement.who) + ": " + agreement.knowledge
                + (due.isEmpty ? "" : " (" + s.format(SeriesKey.by, due) + ")")
            for line in wrap(head, width: area.width) { rows.append(ChainRow(text: line, role: .heading, slot: n)) }
            let status = agreement.status.map { $0.title.text(s.language) } ?? s[SeriesKey.notFollowedUp]
            rows.append(ChainRow(text: s.format(SeriesKey.statusLine, mark(agreement.status) + " " + status),
                                 role: agreement.status == nil ? .muted : .text, attributes: agreement.status == nil ? [] : [.bold],
                                 indent: indent, slot: n))
            let focused = n == view.focus
            var lines: [String]
            let editing = state.editing?.field == .followUpNote(agreement.id)
            if let e = state.editing, editing {
                lines = e.editor.layout(width: width).map { e.editor.text(of: $0) }
                let pos = e.editor.cursorPosition(width: width)
                cursor = (rows.count + pos.row, indent + labelWidth + pos.column)
            } else {
                lines = agreement.note.isEmpty ? [s[SeriesKey.notePlaceholder]] : wrap(agreement.note, width: width)
            }
            if lines.isEmpty { lines = [""] }
            for (i, line) in lines.enumerated() {
                let label = i == 0 ? AgreementScreen.pad(s[SeriesKey.noteLabel], labelWidth) : String(repeating: " ", count: labelWidth)
                rows.append(ChainRow(text: label + line, role: focused ? .selection : (agreement.note.isEmpty && !editing ? .muted : .text),
                                     indent: indent, slot: n))
            }
        }
        ChainRows.drawForm(rows, focus: view.focus, cursor: cursor, into: &canvas,
                           in: Rect(x: area.x, y: y, width: area.width, height: body.maxY - y))
    }

    /// ✓ done, ◐ partly, ✗ not done, · not yet.
    static func mark(_ status: FollowUpStatus?) -> String {
        switch status {
        case .done?: return "✓"
        case .partly?: return "◐"
        case .notDone?: return "✗"
        case nil: return "·"
        }
    }

    /// One line per agreement, for the plenum and the projector: "✓ Anne: Erfaringer … – note".
    static func lines(_ groupID: Int64, _ state: AppState) -> [String] {
        FollowUpUpdate.earlier(groupID, state).map { a in
            mark(a.status) + " " + (a.who.isEmpty ? "" : a.who + ": ") + a.knowledge + (a.note.isEmpty ? "" : " – " + a.note)
        }
    }
}
