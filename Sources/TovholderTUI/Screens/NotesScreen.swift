import TovholderCore

/// The facilitator's own notes for the current item: one free text filling the screen,
/// typed into at once (`m` on the console). Never on the projector.
enum NotesScreen {
    static func textRect(_ size: Size) -> Rect {
        Rect(x: 2, y: 5, width: size.width - 4, height: size.height - 7)
    }

    static func textWidth(_ size: Size) -> Int { TextFieldView.textWidth(in: textRect(size)) }

    static func render(_ state: AppState, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let item = state.session.currentItem
        let area = body.inset(dx: 2, dy: 0)
        canvas.put(s.format(ProjectorKey.notesScreenTitle, item.title), x: area.x, y: body.y + 1, role: .heading,
                   attributes: [.bold], maxX: area.maxX)
        canvas.put(s[ProjectorKey.notesScreenHelp], x: area.x, y: body.y + 2, role: .muted, maxX: area.maxX)
        let rect = textRect(state.size)
        canvas.fill(Rect(x: rect.x, y: rect.y - 1, width: rect.width, height: 1), role: .border)
        if let e = state.editing, e.field == .itemNote(itemID: item.id) {
            var view = e.view
            TextFieldView.render(e.editor, state: &view, into: &canvas, in: rect, role: .text, focused: true)
        } else {
            let text = state.workshop.notes(for: item)
            if text.isEmpty { canvas.put(s[.emptySection], x: rect.x, y: rect.y, role: .muted) }
            for (i, line) in wrap(text, width: textWidth(state.size)).prefix(rect.height).enumerated() {
                canvas.put(line, x: rect.x, y: rect.y + i, role: .text)
            }
            // The cursor waits at the end: typing continues the notes.
            canvas.cursor = nil
        }
    }
}
