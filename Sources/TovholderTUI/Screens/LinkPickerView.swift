import TovholderCore

/// The list of the group's mechanisms (or goals) to tick for a trial action (or a mechanism, a sign).
enum LinkPickerView {
    static func render(_ state: AppState, picker: LinkPicker, sheet: Worksheet, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        guard let entry = sheet.entry(id: picker.entryID), let kind = entry.kind.linksTo else { return }
        let targets = sheet.entries(of: kind)
        let width = min(body.width - 4, 76)
        let height = min(body.height - 2, targets.count + 4)
        let box = Rect(x: body.x + (body.width - width) / 2, y: body.y + 2, width: width, height: height)
        canvas.fill(box, role: .selection)
        canvas.fill(box.inset(dx: 1, dy: 1), role: .text)
        canvas.put(" " + s[kind == .mechanism ? .linkMechanisms : entry.kind == .mechanism ? .linkServedGoals : .linkGoals] + " ", x: box.x + 1, y: box.y,
                   role: .selection, attributes: [.bold], maxX: box.maxX - 1)
        if targets.isEmpty {
            canvas.put(s[.noLinkTargets], x: box.x + 2, y: box.y + 2, role: .muted, maxX: box.maxX - 2)
        }
        for (i, target) in targets.enumerated() where i < box.height - 2 {
            let mark = entry.links.contains(target.id) ? "[x] " : "[ ] "
            let label = Wording.entryLabel(kind, i + 1, s.language)
            let role: Role = i == picker.selected ? .selection : .text
            canvas.put(mark + label + "  " + target.text.replacingOccurrences(of: "\n", with: " "),
                       x: box.x + 2, y: box.y + 1 + i, role: role, maxX: box.maxX - 2)
        }
    }
}
