import TovholderCore

/// One group's chain: challenge → goals → mechanisms → trial actions → signs, with links
/// and the chain check's findings in words, the focused entry highlighted, the field being
/// edited drawn from its editor with a visible cursor.
enum WorksheetScreen {
    static func render(_ state: AppState, view: WorksheetView, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        guard let sheet = state.workshop.worksheets[view.groupID] else { return }
        var y = body.y + 1
        canvas.put(s.format(.worksheetOf, sheet.group.name), x: area.x, y: y, role: .heading, attributes: [.bold],
                   maxX: area.maxX - 16)
        SmallCountdown.draw(state, into: &canvas, rightEdge: area.maxX, y: y)
        y += 1
        let check = ChainCheck(sheet, reached: state.session.reachedParts)
        let (summary, summaryRole) = ChainRows.summary(check, s)
        canvas.put(summary, x: area.x, y: y, role: summaryRole, maxX: area.maxX)
        // A later day of a series: how much of the chain came from the days before.
        let entries = sheet.allEntries.filter { !$0.isBlank }
        if let first = entries.compactMap(\.origin?.day).min() {
            let carried = entries.filter { $0.origin != nil }.count
            canvas.put(s.format(SeriesKey.carriedLine, Wording.date(first, s.language), carried, entries.count - carried),
                       x: area.x, y: y + 1, role: .muted, maxX: area.maxX)
        }
        y += 2

        let listRect = Rect(x: area.x, y: y, width: area.width, height: body.maxY - y)
        var editing: (slot: Int, editor: TextEditor)?
        if let e = state.editing, case .entry(let id) = e.field,
           let slot = sheet.slots.firstIndex(where: { if case .entry(let x) = $0 { return x.id == id } else { return false } }) {
            editing = (slot, e.editor)
        }
        // On a projector-wide screen the chain reads left to right, one column per part.
        let columns = columnCount(listRect.width)
        let columnWidth = listRect.width / columns
        let gap = columns > 1 ? 2 : 0  // room for the rule between columns
        let (rows, cursor) = ChainRows.worksheet(sheet, check: check, focus: view.newRow == nil ? view.focus : nil,
                                                 newRow: view.newRow.map { (view.focus, $0) }, editing: editing,
                                                  leases: state.live.leases, prompts: promptRows(state, height: listRect.height),
                                                  width: WorksheetScreen.rowWidth(state.size), s)
        for (c, section) in sections(rows, into: columns).enumerated() {
            let rect = Rect(x: listRect.x + c * columnWidth, y: listRect.y, width: columnWidth - gap, height: listRect.height)
            let focusRows = section.rows.indices.filter { section.rows[$0].slot == view.focus }
            let cursorRow = cursor.flatMap { section.range.contains($0.row) ? $0.row - section.range.lowerBound : nil }
            let top = ChainRows.scroll(toShow: cursorRow ?? focusRows.first ?? 0, cursorRow ?? focusRows.last ?? 0,
                                       height: rect.height, total: section.rows.count)
            ChainRows.draw(section.rows, scroll: top, into: &canvas, in: rect)
            if let cursor, let row = cursorRow, row - top < rect.height {
                canvas.cursor = (rect.x + cursor.column, rect.y + row - top)
            }
            if c > 0 { for yy in rect.y..<rect.maxY { canvas.put("│", x: rect.x - 2, y: yy, role: .border) } }
        }
        if let picker = view.linkPicker { LinkPickerView.render(state, picker: picker, sheet: sheet, into: &canvas, in: body) }
        if view.pendingDelete != nil {
            canvas.put(" " + s[.deleteAgain] + " ", x: area.x, y: body.maxY - 1, role: .error, attributes: [.bold])
        }
    }
}

extension WorksheetScreen {
    /// Width from which the worksheet is drawn as five columns.
    static let columnsFrom = 200

    static func columnCount(_ listWidth: Int) -> Int { listWidth >= columnsFrom ? EntryKind.chainOrder.count : 1 }

    /// The width of one column's rows (the list is the body less 2 columns each side; a
    /// gap for the rule between columns; one column for the scroll marks).
    static func rowWidth(_ size: Size) -> Int {
        let list = size.width - 4
        let columns = columnCount(list)
        return list / columns - (columns > 1 ? 2 : 0) - 1
    }

    /// The method's prompts for the part a group work is about, as dim "? …" rows for under
    /// its heading. The fields matter more: at most a quarter of the list's height, whole
    /// prompts first; a first prompt longer than that is cut.
    static func promptRows(_ state: AppState, height: Int) -> (kind: EntryKind, rows: [ChainRow])? {
        guard let (part, prompts) = MethodPrompts.atCurrentItem(state.session, state.strings.language),
              let kind = EntryKind(part: part) else { return nil }
        let width = max(1, rowWidth(state.size) - 4)  // after the indent and "? "
        let budget = max(1, height / 4)
        var rows: [ChainRow] = []
        for prompt in prompts {
            var lines = wrap(prompt, width: width)
            if rows.count + lines.count > budget {
                guard rows.isEmpty else { break }
                lines = Array(lines.prefix(budget))
                lines[lines.count - 1] = truncate(lines[lines.count - 1] + " …", width: width)
            }
            rows += lines.enumerated().map { i, line in
                ChainRow(text: i == 0 ? "? " + line : line, role: .muted, indent: i == 0 ? 2 : 4)
            }
        }
        return rows.isEmpty ? nil : (kind, rows)
    }

    /// Splits the rows at the part headings: one section per column (all in one for 1 column).
    static func sections(_ rows: [ChainRow], into columns: Int) -> [(rows: [ChainRow], range: Range<Int>)] {
        guard columns > 1 else { return [(rows, 0..<rows.count)] }
        var starts = rows.indices.filter { rows[$0].role == .heading && rows[$0].slot == nil }
        if starts.first != 0 { starts.insert(0, at: 0) }
        return starts.enumerated().map { i, start in
            let end = i + 1 < starts.count ? starts[i + 1] : rows.count
            // The blank row before the next heading belongs to no column.
            var section = Array(rows[start..<end])
            while section.last?.text.isEmpty == true { section.removeLast() }
            return (section, start..<(start + section.count))
        }
    }
}
