import TovholderCore

/// The template's worked example as a chain, read-only.
enum ExampleScreen {
    static func render(_ state: AppState, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        guard let ex = state.session.programme.example else {
            canvas.put(s[.noExample], x: area.x, y: y, role: .muted)
            return
        }
        canvas.put(ex.title, x: area.x, y: y, role: .heading, attributes: [.bold], maxX: area.maxX - 30)
        let ro = s[.exampleTitle]
        canvas.put(ro, x: area.maxX - DisplayWidth.of(ro), y: y, role: .muted)
        y += 2
        var lines = ItemContent.exampleLines(ex, s, showTitle: false)
        if area.width >= 120 { for i in lines.indices { lines[i].oneLine = false } }
        ItemContent.draw(lines, into: &canvas, in: Rect(x: area.x, y: y, width: area.width, height: body.maxY - y))
    }
}
