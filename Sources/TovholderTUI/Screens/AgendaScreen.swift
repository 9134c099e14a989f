import TovholderCore

/// The day's agenda: planned times, actual starts of items held, now and next in words, and
/// the rest of the day's times shifted by how far ahead or behind plan we are. One row is the
/// cursor (▶, highlighted): every agenda key acts on it. Now and next are never drawn with the
/// cursor's glyph, so the cursor cannot be mistaken for the day (issue 22).
enum AgendaScreen {
    static func render(_ state: AppState, selected: Int, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let plan = state.plan
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        canvas.put(s[.agendaTitle], x: area.x, y: y, role: .heading, attributes: [.bold])
        let (delay, delayRole) = Chrome.delay(plan, s)
        canvas.put(delay, x: area.maxX - DisplayWidth.of(delay), y: y, role: delayRole, attributes: [.bold])
        y += 2
        // Columns: marker, planned, actual or projected, minutes, title.
        let header = "   " + pad("", statusWidth) + pad(s[.colPlanned], 7) + pad(s[.colActual], 9) + pad(s[.colExpected], 11)
            + pad("", 8) + s[.colItem]
        canvas.put(header, x: area.x, y: y, role: .muted, maxX: area.maxX)
        y += 1
        let listRect = Rect(x: area.x, y: y, width: area.width, height: body.maxY - y)
        let top = scrollTop(selected: selected, count: plan.rows.count, height: listRect.height)
        for (offset, row) in plan.rows.enumerated().dropFirst(top) where y < listRect.maxY {
            var row = row
            let titleX = area.x + 2 + statusWidth + 7 + 9 + 11 + 8
            let renaming = state.editing.flatMap { e -> TextEditor? in
                if case .itemTitle(let id) = e.field, id == row.item.id { return e.editor } else { return nil }
            }
            if let editor = renaming { row.item.title = editor.text }
            draw(row, selected: offset == selected, s: s, into: &canvas, x: area.x, y: y, maxX: area.maxX)
            if let editor = renaming {
                canvas.cursor = (min(area.maxX - 1, titleX + editor.cursorPosition(width: 10_000).column), y)
            }
            y += 1
            // A new item being named shows where it will go, below the chosen one.
            if case .newItemTitle(let after)? = state.editing?.field, after == offset, y < listRect.maxY, let e = state.editing {
                canvas.fill(Rect(x: area.x - 1, y: y, width: area.width + 1, height: 1), role: .selection)
                canvas.put(" + " + String(repeating: " ", count: statusWidth + 7 + 9 + 11 + 8) + e.editor.text, x: area.x - 1, y: y,
                           role: .selection, maxX: area.maxX)
                canvas.cursor = (min(area.maxX - 1, titleX + e.editor.cursorPosition(width: 10_000).column), y)
                y += 1
            }
        }
        // An item's points being written: a box over the foot of the list.
        if let e = state.editing, case .itemContent(let id) = e.field {
            let rect = contentRect(state.size)
            let title = state.session.programme.agenda.first { $0.id == id }?.title ?? ""
            canvas.fill(Rect(x: rect.x - 1, y: rect.y - 1, width: rect.width + 2, height: rect.height + 1), role: .selection)
            canvas.put(" " + s.format(.itemContentPrompt, title) + " ", x: rect.x, y: rect.y - 1, role: .selection,
                       attributes: [.bold], maxX: rect.maxX)
            var view = e.view
            TextFieldView.render(e.editor, state: &view, into: &canvas, in: rect, role: .text, focused: true)
            return
        }
        if !state.session.changeLog.isEmpty, let last = state.session.changeLog.last, body.maxY - 1 > y {
            let line = s.format(.programmeChangedNotice, last.change.text(s.language)) + " (\(state.session.changeLog.count))"
            canvas.put(line, x: area.x, y: body.maxY - 1, role: .muted, maxX: area.maxX)
        }
    }

    /// Where an item's points are written: the lower part of the screen, above the key bar.
    static func contentRect(_ size: Size) -> Rect {
        let height = max(3, min(10, size.height / 3))
        return Rect(x: 3, y: size.height - 2 - height, width: max(10, size.width - 6), height: height)
    }

    /// Keeps the selected row visible, with the list starting at the top when it fits.
    static func scrollTop(selected: Int, count: Int, height: Int) -> Int {
        guard height > 0, count > height else { return 0 }
        return min(max(0, selected - height / 2), count - height)
    }

    /// The column saying "Nu", "Næste" or ✓ (held) beside the time.
    static let statusWidth = 7

    static func draw(_ row: AgendaPlan.Row, selected: Bool, s: Strings, into canvas: inout Canvas,
                     x: Int, y: Int, maxX: Int) {
        let (status, role): (String, Role) = {
            switch row.status {
            case .held: return ("✓", .held)
            case .now: return (s[.nowLabel], .now)
            case .next: return (s[.next], .next)
            case .later: return ("", .text)
            }
        }()
        let marker = selected ? "▶ " : "  "
        var actual = "", expected = ""
        switch row.status {
        case .held, .now: actual = row.actualStart.map { s.time($0) } ?? "–"
        case .next, .later: expected = s.time(row.projectedStart)
        }
        let text = " " + marker + pad(status, statusWidth) + pad(s.time(row.item.start), 7) + pad(actual, 9) + pad(expected, 11)
            + pad(s.format(.minutesShort, row.item.minutes), 8) + row.item.title
        let attrs: TextAttributes = selected ? [.reverse] : (row.status == .now ? [.bold] : [])
        let rowRole: Role = selected ? .selection : role
        canvas.fill(Rect(x: x - 1, y: y, width: maxX - x + 1, height: 1), role: rowRole, attributes: attrs)
        canvas.put(text, x: x - 1, y: y, role: rowRole, attributes: attrs, maxX: maxX)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - DisplayWidth.of(text)))
    }
}
