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

/// "12 s siden", "3 min siden".
enum Ago {
    static func text(_ seconds: Double, _ s: Strings) -> String {
        let secs = max(0, Int(seconds))
        return secs < 120 ? s.format(.secondsAgo, secs) : s.format(.minutesAgo, secs / 60)
    }
}

/// The facilitator's list of joined terminals: group, user, host, last activity, field.
enum TerminalsScreen {
    static func render(_ state: AppState, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        canvas.put(s[.terminalsTitle], x: area.x, y: y, role: .heading, attributes: [.bold])
        y += 2
        let columns = [14, 14, 18, 14]
        func row(_ cells: [String], role: Role) {
            var x = area.x
            for (i, cell) in cells.enumerated() {
                let w = i < columns.count ? columns[i] : area.maxX - x
                canvas.put(truncate(cell, width: w - 1), x: x, y: y, role: role, maxX: min(area.maxX, x + w))
                x += w
            }
            y += 1
        }
        row([s[.colGroup], s[.colUser], s[.colHost], s[.colSeen], s[.colField]], role: .muted)
        if state.live.terminals.isEmpty { canvas.put(s[.terminalsEmpty], x: area.x, y: y + 1, role: .muted, maxX: area.maxX) }
        for t in state.live.terminals where y < body.maxY {
            let group = t.groupID.flatMap { id in state.workshop.groups.first { $0.id == id }?.name } ?? s[.facilitatorSeat]
            let field = t.field.flatMap { FieldRef(historyName: $0) }.map { FieldNames.name($0, state) } ?? ""
            row([group, t.user, t.hostLabel.text(s.language), Ago.text(state.now - t.lastSeen, s), field], role: .text)
        }
    }
}
