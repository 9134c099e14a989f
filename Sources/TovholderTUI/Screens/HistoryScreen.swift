import Foundation
import TovholderCore

/// Every earlier version of a field, newest first, to bring one back (facilitator only).
enum HistoryScreen {
    static func render(_ state: AppState, view: HistoryView, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        canvas.put(s.format(.historyTitle, FieldNames.name(view.field, state)), x: area.x, y: y, role: .heading,
                   attributes: [.bold], maxX: area.maxX)
        y += 2
        if view.versions.count <= 1 { canvas.put(s[.historyEmpty], x: area.x, y: y, role: .muted); y += 2 }
        let top = AgendaScreen.scrollTop(selected: view.selected, count: view.versions.count, height: (body.maxY - y) / 2)
        for (i, version) in view.versions.enumerated().dropFirst(top) where y + 1 < body.maxY {
            let selected = i == view.selected
            let role: Role = selected ? .selection : .text
            let when = i == 0 ? s[.historyCurrent] : Ago.text(state.now - version.at, s)
            let who = version.author.map { " · " + $0 } ?? ""
            canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 2), role: role)
            canvas.put(when + who, x: area.x + 1, y: y, role: selected ? role : .muted, maxX: area.maxX)
            canvas.put(version.text.replacingOccurrences(of: "\n", with: " ⏎ "), x: area.x + 3, y: y + 1, role: role,
                       maxX: area.maxX)
            y += 2
        }
    }
}
