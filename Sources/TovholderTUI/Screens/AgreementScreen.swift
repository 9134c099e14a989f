import Foundation
import TovholderCore

/// A group's agreement form (aftaleskema): the day's four questions with the group's answers,
/// concrete agreements as rows, and when the group meets again. Dates that cannot be read
/// say so at once, under the field.
enum AgreementScreen {
    static func render(_ state: AppState, view: AgreementView, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        guard let agreement = state.agreements[view.groupID] else { return }
        let name = state.workshop.groups.first { $0.id == view.groupID }?.name ?? ""
        var y = body.y + 1
        canvas.put(s.format(.agreementOf, name), x: area.x, y: y, role: .heading, attributes: [.bold], maxX: area.maxX - 16)
        SmallCountdown.draw(state, into: &canvas, rightEdge: area.maxX, y: y)
        y += 2
        let questions = questionTexts(state)
        var rows: [ChainRow] = []
        var cursor: (row: Int, column: Int)?
        let slots = agreement.slots
        func heading(_ text: String) {
            if !rows.isEmpty { rows.append(ChainRow(text: "")) }
            rows.append(ChainRow(text: text, role: .heading, attributes: [.bold]))
        }
        for (index, slot) in slots.enumerated() {
            switch slot {
            case .field(.perspectives): heading("1. " + questions[0])
            case .field(.involve): heading("2. " + questions[1])
            case .row(let id, .who):
                if index == 2 || { if case .row = slots[index - 1] { return false } else { return true } }() {
                    heading("3. " + questions[2])
                }
                let n = (agreement.rows.firstIndex { $0.id == id } ?? 0) + 1
                rows.append(ChainRow(text: s.format(.agreementNumber, n), role: .muted, indent: 2))
            case .addRow:
                if agreement.rows.isEmpty { heading("3. " + questions[2]) }
            case .field(.nextDate): heading("4. " + questions[3])
            default: break
            }
            let focused = index == view.focus
            let label = slotLabel(slot, s)
            let (indent, labelWidth) = AgreementScreen.indent(slot, s)
            let textWidth = AgreementScreen.textWidth(slot, state.size, s)
            var lines: [String]
            var editedText: String?
            if let e = state.editing, let ref = slot.fieldRef(view.groupID), e.field == ref {
                lines = e.editor.layout(width: textWidth).map { e.editor.text(of: $0) }
                let pos = e.editor.cursorPosition(width: textWidth)
                cursor = (rows.count + pos.row, indent + labelWidth + pos.column)
                editedText = e.editor.text
            } else if slot == .addRow {
                lines = [s[.addAgreementRow]]
            } else {
                lines = wrap(agreement.text(of: slot), width: textWidth)
            }
            if lines.isEmpty { lines = [""] }
            let role: Role = focused ? .selection : (slot == .addRow ? .muted : .text)
            for (i, line) in lines.enumerated() {
                let prefix = i == 0 ? pad(label, labelWidth) : String(repeating: " ", count: labelWidth)
                rows.append(ChainRow(text: prefix + line, role: role, indent: indent, slot: index))
            }
            if let problem = dateProblem(slot, text: editedText ?? agreement.text(of: slot), state) {
                rows.append(ChainRow(text: "⚠ " + problem, role: .error, indent: indent + labelWidth, slot: index))
            } else if let readable = readableDate(slot, agreement, s) {
                rows.append(ChainRow(text: "→ " + readable, role: .muted, indent: indent + labelWidth, slot: index))
                // Saved as typed; the question asks which was meant ("12/1 er en tirsdag").
                if let question = weekdayQuestion(slot, agreement, s) {
                    rows.append(ChainRow(text: "? " + question, role: .timerWarning, indent: indent + labelWidth, slot: index))
                }
            }
        }
        let listRect = Rect(x: area.x, y: y, width: area.width, height: body.maxY - y)
        ChainRows.drawForm(rows, focus: view.focus, cursor: cursor, into: &canvas, in: listRect)
        if view.pendingDelete != nil {
            canvas.put(" " + s[.deleteAgain] + " ", x: area.x, y: body.maxY - 1, role: .error, attributes: [.bold])
        }
    }

    /// Where a slot's text starts: its indent, and the width of its label column.
    static func indent(_ slot: AgreementSlot, _ s: Strings) -> (indent: Int, label: Int) {
        (slot == .addRow ? 2 : 4, slotLabel(slot, s).isEmpty ? 0 : 12)
    }

    /// The width a slot's text wraps at: the body less its margins, the scroll mark column,
    /// the indent and the label.
    static func textWidth(_ slot: AgreementSlot, _ size: Size, _ s: Strings) -> Int {
        let (indent, label) = indent(slot, s)
        return max(1, size.width - 4 - 1 - indent - label)
    }

    /// An answer's name, for messages: "Tovholder", or the question's number.
    static func fieldName(_ field: AgreementField, _ s: Strings) -> String {
        switch field {
        case .perspectives: return s.format(.questionNumber, 1)
        case .involve: return s.format(.questionNumber, 2)
        default: return slotLabel(.field(field), s).trimmingCharacters(in: [":"])
        }
    }

    static func questionTexts(_ state: AppState) -> [String] {
        let fromTemplate = state.session.programme.agreementQuestions
        if fromTemplate.count >= 4 { return Array(fromTemplate.prefix(4)) }
        let s = state.strings
        return [s[.agreementQ1], s[.agreementQ2], s[.agreementQ3], s[.agreementQ4]]
    }

    static func slotLabel(_ slot: AgreementSlot, _ s: Strings) -> String {
        switch slot {
        case .row(_, .who): return s[.labelWho]
        case .row(_, .knowledge): return s[.labelKnowledge]
        case .row(_, .dueText): return s[.labelDue]
        case .field(.nextDate): return s[.labelDate]
        case .field(.nextTime): return s[.labelTime]
        case .field(.nextPlace): return s[.labelPlace]
        case .field(.tovholder): return s[.labelTovholder]
        default: return ""
        }
    }

    /// The message for a date or time that cannot be read; nil when empty or fine.
    static func dateProblem(_ slot: AgreementSlot, text: String, _ state: AppState) -> String? {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let lang = state.strings.language
        switch slot {
        case .field(.nextDate), .row(_, .dueText):
            if case .failure(let e) = DanishDate.parse(text, near: state.session.programme.date) { return e.message.text(lang) }
        case .field(.nextTime):
            // A range ("13.30–15") is a time too: the calendar gives the meeting its end.
            if case .failure(let e) = DanishTime.parse(text), TimeRange.parse(text) == nil { return e.message.text(lang) }
        default: break
        }
        return nil
    }

    /// "torsdag 18. januar 2024": how a typed date was read, so a slip shows at once.
    static func readableDate(_ slot: AgreementSlot, _ a: Agreement, _ s: Strings) -> String? {
        switch slot {
        case .field(.nextDate): return a.nextMeeting.date.map { DanishDate.format($0, s.language) }
        case .row(let id, .dueText): return a.rows.first { $0.id == id }?.due.map { DanishDate.format($0, s.language) }
        default: return nil
        }
    }

    /// "12/1 er en tirsdag" when a read date's text names another weekday.
    static func weekdayQuestion(_ slot: AgreementSlot, _ a: Agreement, _ s: Strings) -> String? {
        switch slot {
        case .field(.nextDate):
            return a.nextMeeting.date.flatMap { WeekdayCheck.question(a.nextMeeting.dateText, date: $0, s.language) }
        case .row(let id, .dueText):
            return a.rows.first { $0.id == id }.flatMap { r in r.due.flatMap { WeekdayCheck.question(r.dueText, date: $0, s.language) } }
        default: return nil
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        return text + String(repeating: " ", count: max(1, width - DisplayWidth.of(text)))
    }
}
