import TovholderCore

/// The worksheet chain as lines to draw: section headings, entries with their labels and
/// links, and the chain check's findings in words. Shared by the worksheet, the worked
/// example and (per part) plenum.
struct ChainRow {
    var text: String
    var role: Role = .text
    var attributes: TextAttributes = []
    var indent = 0
    /// The worksheet slot this row belongs to (for focus and scrolling).
    var slot: Int?
}

enum ChainRows {
    static func title(_ kind: EntryKind, _ s: Strings) -> String { Wording.part(kind, s.language) }

    /// "Mål 2", "Mek 3" for entries that others link to; bullets for the rest.
    static func label(_ entry: Entry, in sheet: Worksheet, _ s: Strings) -> String {
        switch entry.kind {
        case .goal, .mechanism: return Wording.entryLabel(entry, in: sheet, s.language) + "  "
        case .challenge: return ""
        case .trialAction, .sign: return "• "
        }
    }

    static func number(of entry: Entry, in list: [Entry]) -> Int {
        (list.firstIndex { $0.id == entry.id } ?? 0) + 1
    }

    /// The width an entry's text wraps at in a row of `rowWidth`: after its indent and label.
    static func textWidth(_ entry: Entry, in sheet: Worksheet, rowWidth: Int, _ s: Strings) -> Int {
        max(1, rowWidth - 2 - DisplayWidth.of(label(entry, in: sheet, s)))
    }

    /// "prøver: Mek 1, Mek 3" — the links of a mechanism, trial action or sign, by label.
    static func linkLine(_ entry: Entry, in sheet: Worksheet, _ s: Strings) -> String? {
        guard let target = entry.kind.linksTo else { return nil }
        let targets = sheet.entries(of: target)
        let names = targets.filter { entry.links.contains($0.id) }.map {
            Wording.entryLabel(target, number(of: $0, in: targets), s.language)
        }
        guard !names.isEmpty else { return nil }
        let verb: StringKey = entry.kind == .mechanism ? .serves : entry.kind == .trialAction ? .tries : .shows
        return s.format(verb, names.joined(separator: ", "))
    }

    /// One line saying what the chain check found, or that everything connects.
    static func summary(_ check: ChainCheck, _ s: Strings) -> (String, Role) {
        let findings = check.findings()
        guard !findings.isEmpty else { return (s[.chainOK], .ahead) }
        var seen: [String] = []
        for f in findings where !seen.contains(f.message.text(s.language)) { seen.append(f.message.text(s.language)) }
        return ("⚠ " + s.format(.chainFindings, seen.joined(separator: " · ")), .behind)
    }

    /// The rows of a whole worksheet. `editing` (slot index and its editor) is drawn from
    /// the editor's own layout; returns the cursor (row index, column) when editing.
    /// `prompts` are drawn right under the heading of their part (the method's questions).
    static func worksheet(_ sheet: Worksheet, check: ChainCheck, focus: Int?, newRow: (slot: Int, kind: EntryKind)? = nil,
                          editing: (slot: Int, editor: TextEditor)?,
                          leases: [FieldRef: Lease] = [:], prompts: (kind: EntryKind, rows: [ChainRow])? = nil,
                          width: Int, _ s: Strings)
        -> (rows: [ChainRow], cursor: (row: Int, column: Int)?) {
        var rows: [ChainRow] = []
        var cursor: (row: Int, column: Int)?
        let findings = check.findings()
        var lastKind: EntryKind?
        for (index, slot) in sheet.slots.enumerated() {
            if slot.kind != lastKind {
                if lastKind != nil { rows.append(ChainRow(text: "")) }
                rows.append(ChainRow(text: title(slot.kind, s), role: .heading, attributes: [.bold]))
                if let prompts, prompts.kind == slot.kind { rows += prompts.rows }
                lastKind = slot.kind
            }
            let focused = index == focus
            let role: Role = focused ? .selection : .text
            switch slot {
            case .add:
                rows.append(ChainRow(text: s[.emptySection], role: focused ? .selection : .muted, indent: 2, slot: index))
            case .entry(let entry):
                let prefix = label(entry, in: sheet, s)
                let indent = 2 + DisplayWidth.of(prefix)
                let textWidth = ChainRows.textWidth(entry, in: sheet, rowWidth: width, s)
                let lines: [String]
                if let editing, editing.slot == index {
                    lines = editing.editor.layout(width: textWidth).map { editing.editor.text(of: $0) }
                    let pos = editing.editor.cursorPosition(width: textWidth)
                    cursor = (rows.count + pos.row, indent + pos.column)
                } else {
                    lines = wrap(entry.text, width: textWidth)
                }
                for (i, line) in (lines.isEmpty ? [""] : lines).enumerated() {
                    rows.append(ChainRow(text: i == 0 ? prefix + line : line, role: role,
                                         indent: i == 0 ? 2 : indent, slot: index))
                }
                if let lease = leases[.entry(entry.id)] {
                    rows.append(ChainRow(text: s.format(.someoneWriting, lease.label), role: .next, indent: indent, slot: index))
                }
                if let link = linkLine(entry, in: sheet, s) {
                    rows.append(ChainRow(text: "↳ " + link, role: .muted, indent: indent, slot: index))
                }
                for f in findings where f.entryID == entry.id {
                    rows.append(ChainRow(text: "⚠ " + f.message.text(s.language), role: .behind, indent: indent, slot: index))
                }
                // The focused "new entry" line after the part's last entry.
                if let newRow, newRow.slot == index {
                    rows.append(ChainRow(text: s[.newEntryRow], role: .selection, indent: 2, slot: index))
                }
            }
        }
        return (rows, cursor)
    }

    /// Draws rows into rect starting at row `scroll`; clipped.
    static func draw(_ rows: [ChainRow], scroll: Int, into canvas: inout Canvas, in rect: Rect) {
        for (i, row) in rows.dropFirst(scroll).prefix(rect.height).enumerated() {
            let y = rect.y + i
            if row.role == .selection {
                canvas.fill(Rect(x: rect.x + row.indent, y: y, width: rect.width - row.indent, height: 1), role: .selection)
            }
            canvas.put(row.text, x: rect.x + row.indent, y: y, role: row.role, attributes: row.attributes, maxX: rect.maxX)
        }
        if scroll > 0 { canvas.put("↑", x: rect.maxX - 1, y: rect.y, role: .muted) }
        if rows.count - scroll > rect.height { canvas.put("↓", x: rect.maxX - 1, y: rect.maxY - 1, role: .muted) }
    }

    /// A form's rows: scrolled so the cursor (or else the focused slot's rows) shows, drawn,
    /// and the terminal's cursor put where the editor's is.
    static func drawForm(_ rows: [ChainRow], focus: Int, cursor: (row: Int, column: Int)?, into canvas: inout Canvas,
                         in rect: Rect) {
        let focusRows = rows.indices.filter { rows[$0].slot == focus }
        let top = scroll(toShow: cursor?.row ?? focusRows.first ?? 0, cursor?.row ?? focusRows.last ?? 0,
                         height: rect.height, total: rows.count)
        draw(rows, scroll: top, into: &canvas, in: rect)
        if let cursor, cursor.row - top < rect.height {
            canvas.cursor = (rect.x + cursor.column, rect.y + cursor.row - top)
        }
    }

    /// The least scrolling that keeps rows `first...last` visible.
    static func scroll(toShow first: Int, _ last: Int, height: Int, total: Int) -> Int {
        guard total > height, height > 0 else { return 0 }
        var top = max(0, last + 1 - height)
        if first < top { top = first }
        return min(top, total - height)
    }
}
