import TovholderCore

/// One agenda item on the projector: what kind it is and when, its title and content,
/// the big countdown for timed items, and what comes next.
enum ItemScreen {
    static func render(_ state: AppState, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let item = state.session.currentItem
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1

        drawMeta(state, into: &canvas, x: area.x, y: y, maxX: area.maxX)
        y += 2

        for line in wrap(item.title, width: area.width).prefix(2) {
            canvas.put(line, x: area.x, y: y, role: .heading, attributes: [.bold]); y += 1
        }
        if let sub = item.subtitle {
            for line in wrap(sub, width: area.width).prefix(2) {
                canvas.put(line, x: area.x, y: y, role: .muted); y += 1
            }
        }
        y += 1

        // The last body row tells what comes next.
        let nextY = body.maxY - 1
        drawNext(state, into: &canvas, x: area.x, y: nextY, maxX: area.maxX)

        let progress = state.session.currentProgress
        let lines = ItemContent.lines(for: state)
        let free = Rect(x: area.x, y: y, width: area.width, height: nextY - y)
        if item.timed {
            // Content takes what it needs but leaves the countdown at least its minimum.
            let contentHeight = min(ItemContent.height(lines, width: free.width),
                                    max(0, free.height - CountdownView.minimumHeight - 1))
            ItemContent.draw(lines, into: &canvas, in: free.rows(from: 0, count: contentHeight))
            let timerRect = Rect(x: body.x, y: free.y + contentHeight + (contentHeight > 0 ? 1 : 0),
                                 width: body.width,
                                 height: free.maxY - free.y - contentHeight - (contentHeight > 0 ? 1 : 0))
            CountdownView.render(progress.countdown, now: state.now, strings: s, into: &canvas, in: timerRect)
        } else {
            ItemContent.draw(lines, into: &canvas, in: free)
        }
    }

    /// Kind and planned time on the left, ahead/behind on the right.
    static func drawMeta(_ state: AppState, into canvas: inout Canvas, x: Int, y: Int, maxX: Int) {
        let s = state.strings
        let item = state.session.currentItem
        let meta = s.kind(item.kind) + " · " + s.time(item.start) + "–" + s.time(item.end)
            + " · " + s.format(.minutesShort, item.minutes)
        let (delay, delayRole) = Chrome.delay(state.plan, s)
        let delayX = maxX - DisplayWidth.of(delay)
        canvas.put(meta, x: x, y: y, role: .muted, maxX: delayX - 1)
        canvas.put(delay, x: delayX, y: y, role: delayRole, attributes: [.bold])
    }

    static func drawNext(_ state: AppState, into canvas: inout Canvas, x: Int, y: Int, maxX: Int) {
        let s = state.strings
        guard let next = state.session.nextItem else {
            canvas.put(s[.dayFinished], x: x, y: y, role: .muted, maxX: maxX)
            return
        }
        let projected = state.plan.rows[state.session.currentIndex + 1].projectedStart
        var cx = canvas.put(s[.next] + ": ", x: x, y: y, role: .next, attributes: [.bold], maxX: maxX)
        cx = canvas.put(s.time(projected) + "  ", x: cx, y: y, role: .next, maxX: maxX)
        canvas.put(next.title, x: cx, y: y, role: .next, maxX: maxX)
    }
}
