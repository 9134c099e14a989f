import TovholderCore

/// The day's agenda: planned times, actual starts of items held, a marker on now and next,
/// and the rest of the day's times shifted by how far ahead or behind plan we are.
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
        let header = "   " + pad(s[.colPlanned], 7) + pad(s[.colActual], 9) + pad(s[.colExpected], 11)
            + pad("", 8) + s[.colItem]
        canvas.put(header, x: area.x, y: y, role: .muted, maxX: area.maxX)
        y += 1
        let listRect = Rect(x: area.x, y: y, width: area.width, height: body.maxY - y)
        let top = scrollTop(selected: selected, count: plan.rows.count, height: listRect.height)
        for (offset, row) in plan.rows.enumerated().dropFirst(top).prefix(listRect.height) {
            draw(row, selected: offset == selected, s: s, into: &canvas, x: area.x, y: y, maxX: area.maxX)
            y += 1
        }
    }

    /// Keeps the selected row visible, with the list starting at the top when it fits.
    static func scrollTop(selected: Int, count: Int, height: Int) -> Int {
        guard height > 0, count > height else { return 0 }
        return min(max(0, selected - height / 2), count - height)
    }

    static func draw(_ row: AgendaPlan.Row, selected: Bool, s: Strings, into canvas: inout Canvas,
                     x: Int, y: Int, maxX: Int) {
        let (marker, role): (String, Role) = {
            switch row.status {
            case .held: return ("✓ ", .held)
            case .now: return ("▶ ", .now)
            case .next: return ("→ ", .next)
            case .later: return ("  ", .text)
            }
        }()
        var actual = "", expected = ""
        switch row.status {
        case .held, .now: actual = row.actualStart.map { s.time($0) } ?? "–"
        case .next, .later: expected = s.time(row.projectedStart)
        }
        let label = row.status == .now ? "  ◀ " + s[.nowLabel] : ""
        let text = " " + marker + pad(s.time(row.item.start), 7) + pad(actual, 9) + pad(expected, 11)
            + pad(s.format(.minutesShort, row.item.minutes), 8) + row.item.title + label
        let attrs: TextAttributes = selected ? [.reverse] : (row.status == .now ? [.bold] : [])
        let rowRole: Role = selected ? .selection : role
        canvas.fill(Rect(x: x - 1, y: y, width: maxX - x + 1, height: 1), role: rowRole, attributes: attrs)
        canvas.put(text, x: x - 1, y: y, role: rowRole, attributes: attrs, maxX: maxX)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - DisplayWidth.of(text)))
    }
}
