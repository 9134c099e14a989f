import TovholderCore

/// Every group's work for one part of the chain, side by side (scrolling sideways when
/// more groups than fit), each with its chain check, and the facilitator's notes below.
enum PlenumScreen {
    static let minimumColumnWidth = 38

    static func columnsThatFit(width: Int) -> Int { max(1, width / minimumColumnWidth) }

    static func notesHeight(_ body: Rect) -> Int { body.height >= 40 ? 9 : 5 }

    /// The notes' text area (below their heading), at the foot of the body.
    static func notesTextRect(_ size: Size) -> Rect {
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        let area = body.inset(dx: 2, dy: 0)
        let h = notesHeight(body)
        return Rect(x: area.x, y: body.maxY - h + 1, width: area.width, height: h - 1)
    }

    static func notesTextWidth(_ size: Size) -> Int { TextFieldView.textWidth(in: notesTextRect(size)) }

    static func render(_ state: AppState, view: PlenumView, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        let kind = EntryKind(part: view.part)
        canvas.put(title(state, view), x: area.x, y: y, role: .heading, attributes: [.bold], maxX: area.maxX - 16)
        SmallCountdown.draw(state, into: &canvas, rightEdge: area.maxX, y: y)
        y += 2

        let notesHeight = PlenumScreen.notesHeight(body)
        let columnsRect = Rect(x: area.x, y: y, width: area.width, height: body.maxY - y - notesHeight - 1)
        let groups = state.workshop.activeGroups
        let fit = min(groups.count, columnsThatFit(width: columnsRect.width))
        if groups.isEmpty {
            canvas.put(s[.noGroups], x: area.x, y: y, role: .muted)
        } else {
            let first = min(view.firstColumn, max(0, groups.count - fit))
            let width = columnsRect.width / max(1, fit)
            for (i, group) in groups.dropFirst(first).prefix(fit).enumerated() {
                let rect = Rect(x: columnsRect.x + i * width, y: columnsRect.y, width: width - 2, height: columnsRect.height)
                if let kind, let sheet = state.workshop.worksheets[group.id] {
                    column(sheet, kind: kind, reached: state.session.reachedParts, s, into: &canvas, in: rect)
                } else if kind == nil {
                    AgreementColumn.render(state, group: group, into: &canvas, in: rect)
                }
                if i > 0 {
                    for row in rect.y..<rect.maxY { canvas.put("│", x: rect.x - 2, y: row, role: .border) }
                }
            }
            if first > 0 { canvas.put(s[.moreLeft], x: area.x, y: body.y + 2, role: .muted) }
            if first + fit < groups.count {
                let more = s[.moreRight] + " (\(groups.count - first - fit))"
                canvas.put(more, x: area.maxX - DisplayWidth.of(more), y: body.y + 2, role: .muted)
            }
        }
        if state.seat.isFacilitator || !(state.workshop.plenumNotes[state.session.currentItem.id] ?? "").isEmpty {
            notes(state, writing: view.writing, into: &canvas,
                  in: Rect(x: area.x, y: body.maxY - notesHeight, width: area.width, height: notesHeight))
        }
    }

    /// The plenum item's own title when the day is at a plenum ("Præsentation og afrunding
    /// i plenum"), else "Opsamling i plenum · Mål (fremtid)".
    static func title(_ state: AppState, _ view: PlenumView) -> String {
        let item = state.session.currentItem
        // While the part is written privately, everyone is told why other groups' columns are empty.
        let hidden = state.session.hiddenParts.contains(view.part) ? " (" + state.strings[MethodKey.hiddenMark] + ")" : ""
        if item.kind == .plenum { return item.title + hidden }
        let part = EntryKind(part: view.part).map { ChainRows.title($0, state.strings) } ?? state.strings[.keyAgreement]
        return state.strings.format(.plenumTitle, part) + hidden
    }

    static func column(_ sheet: Worksheet, kind: EntryKind, reached: Set<WorksheetPart>, _ s: Strings,
                       into canvas: inout Canvas, in rect: Rect) {
        var y = rect.y
        canvas.put(sheet.group.name, x: rect.x, y: y, role: .heading, attributes: [.bold, .underline], maxX: rect.maxX)
        y += 1
        let check = ChainCheck(sheet, reached: reached)
        let status = check.count == 0 ? ("✓ " + s[.chainOK].split(separator: ":").first!, Role.ahead)
            : ("⚠ " + s.format(.chainFindings, check.count), Role.behind)
        canvas.put(status.0, x: rect.x, y: y, role: status.1, maxX: rect.maxX)
        y += 2
        let findings = check.findings()
        if sheet.entries(of: kind).isEmpty { canvas.put(s[.nothingYet], x: rect.x, y: y, role: .muted, maxX: rect.maxX) }
        for entry in sheet.entries(of: kind) where y < rect.maxY {
            let prefix = ChainRows.label(entry, in: sheet, s)
            let indent = DisplayWidth.of(prefix)
            for (i, line) in wrap(entry.text, width: max(1, rect.width - indent)).enumerated() where y < rect.maxY {
                canvas.put(i == 0 ? prefix + line : String(repeating: " ", count: indent) + line,
                           x: rect.x, y: y, role: .text, maxX: rect.maxX)
                y += 1
            }
            if let link = ChainRows.linkLine(entry, in: sheet, s), y < rect.maxY {
                canvas.put("  ↳ " + link, x: rect.x, y: y, role: .muted, maxX: rect.maxX); y += 1
            }
            for f in findings where f.entryID == entry.id && y < rect.maxY {
                canvas.put("  ⚠ " + f.message.text(s.language), x: rect.x, y: y, role: .behind, maxX: rect.maxX); y += 1
            }
        }
    }

    /// The facilitator's notes for the current agenda item, editable in place.
    static func notes(_ state: AppState, writing: Bool, into canvas: inout Canvas, in rect: Rect) {
        let s = state.strings
        let itemID = state.session.currentItem.id
        canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .border)
        let x = canvas.put(" " + s[.plenumNotes] + " ", x: rect.x + 1, y: rect.y, role: .heading, attributes: [.bold])
        // Until the notes are entered, letters move the day: say how to write them.
        if state.seat.isFacilitator, !writing {
            canvas.put(" " + s[.writeNotesHint] + " ", x: x + 1, y: rect.y, role: .muted, maxX: rect.maxX)
        }
        let textRect = PlenumScreen.notesTextRect(state.size)
        if let e = state.editing, e.field == .plenumNote(itemID: itemID) {
            var view = e.view  // scrolled to the cursor afresh each frame
            TextFieldView.render(e.editor, state: &view, into: &canvas, in: textRect, role: .text, focused: true)
        } else {
            let text = state.workshop.plenumNotes[itemID] ?? ""
            if text.isEmpty {
                canvas.put(s[.emptySection], x: textRect.x, y: textRect.y, role: .muted)
            } else {
                for (i, line) in wrap(text, width: TextFieldView.textWidth(in: textRect)).prefix(textRect.height).enumerated() {
                    canvas.put(line, x: textRect.x, y: textRect.y + i, role: .text)
                }
            }
        }
    }
}
