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
        y = serveNotices(state, into: &canvas, in: area, at: y, bottom: body.maxY - 4)
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

    /// What serve told: that nobody has reached it (and the way out), and the last five
    /// connections that failed before login, newest last. Returns the next free row.
    static func serveNotices(_ state: AppState, into canvas: inout Canvas, in area: Rect, at top: Int, bottom: Int) -> Int {
        guard let service = state.session.service else { return top }
        let s = state.strings
        var y = top
        func put(_ text: String, role: Role, indent: Int, maxLines: Int) {
            for line in wrap(text, width: max(10, area.width - indent)).prefix(maxLines) where y < bottom {
                canvas.put(line, x: area.x + indent, y: y, role: role, maxX: area.maxX)
                y += 1
            }
        }
        if let silent = service.notices.last(where: { $0.kind == .silent }) {
            put(silent.text.text(s.language), role: .error, indent: 0, maxLines: 4)
            y += 1
        }
        let failures = service.recentFailures
        guard !failures.isEmpty, y < bottom else { return y }
        put(s[ServeKey.failuresHeading], role: .heading, indent: 0, maxLines: 1)
        // Newest last, as a log reads; when room is short the newest are the ones kept.
        let room = max(1, (bottom - y) / 2)
        for notice in failures.suffix(room) {
            put(clock(notice.at, state) + "  " + notice.text.text(s.language),
                role: .text, indent: 2, maxLines: 2)
        }
        return y + 1
    }

    /// "15.01" (English "15:01") in the facilitator's time zone.
    static func clock(_ at: Double, _ state: AppState) -> String {
        let minutes = Int(((at + Double(state.utcOffsetSeconds)) / 60).rounded(.down))
        return ClockTime(minutes: minutes % 1440).formatted(separator: state.strings.language == .da ? "." : ":")
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
