import Foundation
import TovholderCore

/// The facilitator's list of joined terminals (group, user, address, last activity, field),
/// and above it how the groups join over SSH while `tovholder serve` runs: one line per
/// group with the command and the code, and the server's fingerprint.
enum TerminalsScreen {
    static func render(_ state: AppState, view: TerminalsView, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        canvas.put(s[.terminalsTitle], x: area.x, y: y, role: .heading, attributes: [.bold])
        y += 2
        y = joinLines(state, into: &canvas, in: area, at: y) + 1
        let columns = [16, 14, 18, 14]
        func row(_ cells: [String], role: Role, marker: String = "  ") {
            canvas.put(marker, x: area.x, y: y, role: role)
            var x = area.x + 2
            for (i, cell) in cells.enumerated() {
                let w = i < columns.count ? columns[i] : area.maxX - x
                canvas.put(truncate(cell, width: w - 1), x: x, y: y, role: role, maxX: min(area.maxX, x + w))
                x += w
            }
            y += 1
        }
        row([s[.colGroup], s[.colUser], s[.colHost], s[.colSeen], s[.colField]], role: .muted)
        let list = state.live.terminals
        if list.isEmpty { canvas.put(s[.terminalsEmpty], x: area.x + 2, y: y + 1, role: .muted, maxX: area.maxX) }
        let top = AgendaScreen.scrollTop(selected: view.selected, count: list.count, height: body.maxY - y)
        for (i, t) in list.enumerated().dropFirst(top) where y < body.maxY {
            let group = t.role == .projector ? s[ProjectorKey.projectorSeat]
                : t.groupID.flatMap { id in state.workshop.groups.first { $0.id == id }?.name } ?? s[.facilitatorSeat]
            let field = t.field.flatMap { FieldRef(historyName: $0) }.map { FieldNames.name($0, state) } ?? ""
            let selected = i == view.selected
            row([group, t.user, t.hostLabel.text(s.language), Ago.text(state.now - t.lastSeen, s), field],
                role: selected ? .selection : .text, marker: selected ? "▶ " : "  ")
        }
    }

    /// The join lines (or how to start serving); returns the next free row.
    static func joinLines(_ state: AppState, into canvas: inout Canvas, in area: Rect, at top: Int) -> Int {
        let s = state.strings
        var y = top
        guard let service = state.session.service else {
            canvas.put(s.format(ServeKey.notServingHint, state.fileName), x: area.x, y: y, role: .muted, maxX: area.maxX)
            return y + 1
        }
        canvas.put(s.format(ServeKey.joinHeading, service.port), x: area.x, y: y, role: .heading, maxX: area.maxX)
        y += 1
        let groups = state.workshop.activeGroups
        let width = min(20, groups.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
        for group in groups {
            canvas.put(truncate(group.name, width: width - 2), x: area.x + 2, y: y, role: .text, maxX: area.maxX)
            let text = service.joinLines(groups: [group]).first?.text(s.language) ?? s[ServeKey.noCode]
            canvas.put(text, x: area.x + 2 + width, y: y, role: .text, attributes: [.bold], maxX: area.maxX)
            y += 1
        }
        canvas.put(s.format(ServeKey.fingerprint, service.fingerprint), x: area.x + 2, y: y, role: .muted, maxX: area.maxX)
        canvas.put(s[ServeKey.joinKeys], x: area.x + 2, y: y + 1, role: .muted, maxX: area.maxX)
        return y + 2
    }
}
