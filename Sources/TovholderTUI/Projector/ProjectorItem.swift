import TovholderCore

/// The current item on the projector: its title, its content (the exercise's step with its
/// example and hint, the challenge, questions, bullets, a group work's method prompts) and,
/// for timed items, the countdown as big as before; the next item on the last line.
enum ProjectorItem {
    static func render(_ state: AppState, into canvas: inout Canvas, in body: Rect) -> Bool {
        let item = state.session.currentItem
        var ok = true
        let used = ProjectorScreen.heading(item.title, into: &canvas, in: body)
        // What comes next, in the smallest big font, on the last rows.
        let nextLine = next(state)
        let smallest = BigFont.ladder.last!
        let nextRows = nextLine.map { _ in smallest.rows } ?? 0
        let bottom = body.maxY - nextRows
        if var nextLine {
            // One line, cut to fit: it says what comes next, not all of it.
            nextLine.text = truncate(nextLine.text, width: body.width / smallest.cellWidth)
            BigText.draw([nextLine], font: smallest, into: &canvas,
                         in: Rect(x: body.x, y: bottom, width: body.width, height: nextRows))
        }
        var free = Rect(x: body.x, y: body.y + used, width: body.width, height: bottom - body.y - used - 1)
        let lines = content(state)
        if item.timed {
            // The countdown keeps at least half of what is left; the content takes the rest.
            let countdownHeight = max(minimumCountdownHeight, free.height / 2)
            let contentHeight = lines.isEmpty ? 0 : free.height - countdownHeight
            if contentHeight > 0 {
                ok = ProjectorScreen.paged(lines, state: state, into: &canvas,
                                           in: free.rows(from: 0, count: contentHeight)) && ok
            }
            free = Rect(x: body.x, y: free.y + contentHeight, width: body.width, height: free.height - contentHeight)
            ok = countdown(state, into: &canvas, in: free) && ok
        } else if !lines.isEmpty {
            ok = ProjectorScreen.paged(lines, state: state, into: &canvas, in: free) && ok
        }
        return ok
    }

    /// The item's text as room-facing lines (the same content the console's item shows).
    /// The smallest block digits, a row apart from their words in the smallest big letters.
    static var minimumCountdownHeight: Int { BigDigits.glyphRows + 1 + BigFont.ladder.last!.rows }

    static func content(_ state: AppState) -> [BigLine] {
        var lines = ItemContent.lines(for: state).map { line -> BigLine in
            line.text.isEmpty ? .gap : BigLine(text: line.text, role: line.role, marker: line.marker)
        }
        if let sub = state.session.currentItem.subtitle, state.session.currentItem.kind != .example {
            lines.insert(BigLine(text: sub, role: .muted), at: 0)
        }
        // At a group work the room sees the method's questions for the part being written.
        if let (_, prompts) = MethodPrompts.atCurrentItem(state.session, state.strings.language) {
            while lines.last?.isGap == true { lines.removeLast() }
            if !lines.isEmpty { lines.append(.gap) }
            lines += prompts.map { BigLine(text: $0, marker: "? ") }
        }
        while lines.last?.isGap == true { lines.removeLast() }
        return lines
    }

    static func next(_ state: AppState) -> BigLine? {
        guard let next = state.session.nextItem else { return nil }
        return BigLine(text: state.strings[.next] + ": " + state.strings.time(next.start) + " " + next.title, role: .next)
    }

    /// Block digits as large as the rect allows, and the words under them in big letters.
    static func countdown(_ state: AppState, into canvas: inout Canvas, in rect: Rect) -> Bool {
        let countdown = state.session.currentProgress.countdown
        let label = BigLine(text: CountdownView.label(countdown, now: state.now, state.strings),
                            role: CountdownView.role(countdown.phase(at: state.now)))
        let smallest = BigFont.ladder.last!
        let labelFont = BigText.fit([label], in: Size(width: rect.width, height: max(smallest.rows, rect.height / 6)))
        let labelRows = (labelFont ?? smallest).rows
        let digits = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - labelRows - 1)
        let text = CountdownView.digits(remaining: countdown.remaining(at: state.now))
        let scale = max(1, BigDigits.scale(toFit: text, in: Size(width: digits.width, height: digits.height)))
        let height = BigDigits.height(scale: scale)
        let top = digits.y + max(0, (digits.height - height) / 2)
        let left = digits.x + max(0, (digits.width - BigDigits.width(of: text, scale: scale)) / 2)
        BigDigits.draw(text, scale: scale, into: &canvas, x: left, y: top, role: label.role, attributes: [.bold])
        // No room for the words under the digits: their colour still tells the phase.
        guard top + height + 1 + labelRows <= rect.maxY else { return true }
        let labelRect = Rect(x: rect.x, y: top + height + 1, width: rect.width, height: labelRows)
        guard let labelFont else {
            canvas.putCentred(label.text, in: rect, y: labelRect.y, role: label.role, attributes: [.bold])
            return false
        }
        BigText.draw([label], font: labelFont, into: &canvas, in: labelRect, centred: true)
        return true
    }
}
