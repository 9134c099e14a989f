import TovholderCore

/// A participant whose group was removed picks another one.
enum ChooseGroupScreen {
    static func render(_ state: AppState, view: ChooseGroupView, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        canvas.put(s[.chooseGroupTitle], x: area.x, y: y, role: .heading, attributes: [.bold])
        y += 2
        let groups = state.workshop.activeGroups
        if groups.isEmpty { canvas.put(s[.noGroups], x: area.x, y: y, role: .muted) }
        for (i, group) in groups.enumerated() where y < body.maxY {
            let role: Role = i == view.selected ? .selection : .text
            canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: role)
            canvas.put("\(i + 1). " + group.name, x: area.x + 1, y: y, role: role, attributes: [.bold], maxX: area.maxX)
            y += 1
        }
    }
}
