import Foundation
import TovholderCore

/// The roadmap as a vertical timeline, today marked; the facilitator edits the phases here.
enum RoadmapScreen {
    static func render(_ state: AppState, view: RoadmapView, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        canvas.put(s[.roadmapTitle], x: area.x, y: y, role: .heading, attributes: [.bold])
        y += 2
        let (rows, cursor) = timeline(state, focus: view.focus)
        let listRect = Rect(x: area.x, y: y, width: area.width, height: body.maxY - y)
        ChainRows.drawForm(rows, focus: view.focus, cursor: cursor, into: &canvas, in: listRect)
        if view.pendingDelete != nil {
            canvas.put(" " + s[.deleteAgain] + " ", x: area.x, y: body.maxY - 1, role: .error, attributes: [.bold])
        }
    }

    /// Focus slots: four fields per phase, in order.
    static func slots(_ roadmap: [RoadmapEntry]) -> [(id: Int64, field: RoadmapField)] {
        roadmap.flatMap { e in RoadmapField.allCases.map { (e.id, $0) } }
    }

    /// The phases as rows: a dot and the dates on the line, title and activities beside it,
    /// and a "today" marker between the phases where today falls.
    static func timeline(_ state: AppState, focus: Int?) -> (rows: [ChainRow], cursor: (row: Int, column: Int)?) {
        let s = state.strings
        let today = localToday(state)
        var rows: [ChainRow] = []
        var cursor: (row: Int, column: Int)?
        var todayShown = false
        for (p, entry) in state.roadmap.enumerated() {
            if !todayShown, today < entry.from {
                rows.append(ChainRow(text: "┼── " + DateText.long(today, s.language) + "  " + s[.todayMark], role: .now,
                                     attributes: [.bold]))
                todayShown = true
            }
            let isToday = entry.from <= today && today <= (entry.to ?? entry.from)
            if isToday { todayShown = true }
            for (f, field) in RoadmapField.allCases.enumerated() {
                let slot = p * RoadmapField.allCases.count + f
                let focused = slot == focus
                let label = AgreementScreen.pad(fieldLabel(field, s), labelWidth)
                let width = textWidth(state.size)
                var lines: [String]
                var problem: String?
                if let e = state.editing, e.field == .roadmap(id: entry.id, field) {
                    lines = e.editor.layout(width: width).map { e.editor.text(of: $0) }
                    let pos = e.editor.cursorPosition(width: width)
                    cursor = (rows.count + pos.row + (field == .from ? 1 : 0), 2 + labelWidth + pos.column)
                    if field == .from || field == .to,
                       case .failure(let p) = RoadmapDates.read(e.editor.text, field, of: entry, near: state.session.programme.date) {
                        problem = p.message.text(s.language)
                    }
                } else {
                    lines = field == .activities ? entry.activities : [field == .from || field == .to
                        ? (field == .from ? entry.from : entry.to).map { DateText.long($0, s.language) } ?? ""
                        : entry.text(of: field)]
                }
                if field == .from {
                    let marker = isToday ? "◉ " : "● "
                    rows.append(ChainRow(text: marker + DateText.range(entry.from, entry.to, s.language) + "  " + entry.title
                                         + (isToday ? "  " + s[.todayMark] : ""),
                                         role: isToday ? .now : .heading, attributes: [.bold], slot: slot))
                }
                if lines.isEmpty { lines = [""] }
                for (i, line) in lines.enumerated() {
                    let prefix = i == 0 ? label : String(repeating: " ", count: labelWidth)
                    rows.append(ChainRow(text: "│ " + prefix + line, role: focused ? .selection : .text, indent: 0, slot: slot))
                }
                if let problem {
                    rows.append(ChainRow(text: "│ " + String(repeating: " ", count: labelWidth) + "⚠ " + problem,
                                         role: .error, indent: 0, slot: slot))
                }
            }
        }
        if !todayShown {
            rows.append(ChainRow(text: "┼── " + DateText.long(today, s.language) + "  " + s[.todayMark], role: .now,
                                 attributes: [.bold]))
        }
        return (rows, cursor)
    }

    static let labelWidth = 13

    /// The width a phase's field wraps at: the body less its margins, "│ ", the label and
    /// the scroll mark column.
    static func textWidth(_ size: Size) -> Int { max(1, size.width - 4 - 2 - labelWidth - 1) }

    static func fieldLabel(_ field: RoadmapField, _ s: Strings) -> String {
        switch field {
        case .from: return s[.labelFrom]
        case .to: return s[.labelTo]
        case .title: return s[.labelTitle]
        case .activities: return s[.labelActivities]
        }
    }

    /// Today's date where the facilitator sits.
    static func localToday(_ state: AppState) -> CalendarDate {
        let days = Int(((state.now + Double(state.utcOffsetSeconds)) / 86_400).rounded(.down))
        return CalendarDate(dayNumber: days) ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }
}
