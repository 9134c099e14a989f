import TovholderCore

/// The groups: pick one to open its worksheet, add, rename, remove and bring back.
enum GroupsScreen {
    static func render(_ state: AppState, view: GroupsView, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        let groups = state.workshop.orderedGroups
        canvas.put(s[.groupsTitle], x: area.x, y: y, role: .heading, attributes: [.bold])
        let count = s.format(.groupCount, state.workshop.activeGroups.count)
        canvas.put(count, x: area.maxX - DisplayWidth.of(count), y: y, role: .muted)
        y += 2
        if groups.isEmpty { canvas.put(s[.noGroups], x: area.x, y: y, role: .muted) }
        let top = AgendaScreen.scrollTop(selected: view.selected, count: groups.count, height: body.maxY - y)
        for (i, group) in groups.enumerated().dropFirst(top) where y < body.maxY {
            let selected = i == view.selected
            let role: Role = selected ? .selection : (group.removed ? .held : .text)
            canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: role)
            var x = area.x + 1
            if let e = state.editing, e.field == .groupName(group.id) {
                x = canvas.put("✎ ", x: x, y: y, role: role)
                x = canvas.put(e.editor.text, x: x, y: y, role: role, attributes: [.bold], maxX: area.maxX)
                canvas.cursor = (min(x, area.maxX - 1), y)
            } else {
                x = canvas.put("\(i + 1). " + group.name, x: x, y: y, role: role, attributes: [.bold], maxX: area.maxX)
            }
            if group.removed {
                canvas.put("  " + s[.removedMark], x: x, y: y, role: role, maxX: area.maxX)
            } else if let sheet = state.workshop.worksheets[group.id] {
                let check = ChainCheck(sheet, reached: state.session.reachedParts)
                let text = check.count == 0 ? "✓" : "⚠ " + s.format(.chainFindings, check.count)
                canvas.put(text, x: area.maxX - DisplayWidth.of(text) - 1, y: y, role: selected ? role : (check.count == 0 ? .ahead : .behind))
            }
            y += 1
        }
        if let id = view.pendingRemove, let g = groups.first(where: { $0.id == id }) {
            canvas.put(" " + s.format(.removeAgain, g.name) + " ", x: area.x, y: body.maxY - 1, role: .error,
                       attributes: [.bold], maxX: area.maxX)
        }
    }
}

extension Workshop {
    /// Every group, removed ones last, for the groups screen.
    public var orderedGroups: [TovholderCore.Group] {
        groups.sorted { ($0.removed ? 1 : 0, $0.position) < ($1.removed ? 1 : 0, $1.position) }
    }
}
