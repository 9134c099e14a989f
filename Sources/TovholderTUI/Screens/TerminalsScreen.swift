import Foundation
import TovholderCore

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
            let group = t.role == .projector ? s[ProjectorKey.projectorSeat]
                : t.groupID.flatMap { id in state.workshop.groups.first { $0.id == id }?.name } ?? s[.facilitatorSeat]
            let field = t.field.flatMap { FieldRef(historyName: $0) }.map { FieldNames.name($0, state) } ?? ""
            row([group, t.user, t.hostLabel.text(s.language), Ago.text(state.now - t.lastSeen, s), field], role: .text)
        }
    }
}
