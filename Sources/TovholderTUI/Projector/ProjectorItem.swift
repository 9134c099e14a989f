import TovholderCore

/// The current item on the projector: its title, its content (the exercise's step with its
/// example and hint, the challenge, questions, bullets, a group work's method prompts) and,
/// for timed items, the countdown as big as before; the next item on the last line.
enum ProjectorItem {
    static func render(_ state: AppState, into canvas: inout Canvas, in body: Rect) -> Bool {
        let item = state.session.currentItem, s = state.strings
        // A break says only when the room starts again, in the largest letters, over its countdown.
        let resume = resumeTime(state).map { s.format(ProjectorKey.breakResume, s.time($0)) }
        let title = resume ?? item.title
        let lines = resume == nil ? content(state) : []
        // The title shrinks for the text under it, over the smallest countdown.
        let head = ProjectorScreen.headingLayout(title, in: body, above: lines,
                                                 stretch: resume.map { _ in body.height - BigDigits.glyphRows - 3 },
                                                 reserve: item.timed ? BigDigits.glyphRows + 1 : 0)
        let used = ProjectorScreen.drawHeading(title, head, into: &canvas, in: body)
        // The text is never larger than the title (issue 23: sizes follow importance).
        let cap = head.cap ?? BigFont.smallest
        let smallest = BigFont.smallest
        let nextLine = next(state)
        let area = Rect(x: body.x, y: body.y + used, width: body.width, height: body.height - used)
        let plan = layout(lines, timed: item.timed, hasNext: nextLine != nil, cap: cap, in: area)
        // What comes next, in the smallest big font, on the last rows; cut to fit, as it only
        // says what comes next.
        if plan.showNext, var nextLine {
            nextLine.text = truncate(nextLine.text, width: body.width / smallest.cellWidth)
            BigText.draw([nextLine], font: smallest, into: &canvas,
                         in: Rect(x: body.x, y: body.maxY - smallest.rows, width: body.width, height: smallest.rows))
        }
        var ok = true
        let shown = plan.dropTip ? lines.filter { !$0.droppable } : lines
        if plan.contentRows > 0, !shown.isEmpty {
            ok = ProjectorScreen.paged(shown, state: state, into: &canvas,
                                       in: area.rows(from: 0, count: plan.contentRows), largest: cap) && ok
        }
        if item.timed {
            let top = area.y + plan.contentRows
            ok = countdown(state, into: &canvas, in: Rect(x: body.x, y: top, width: body.width,
                                                          height: area.maxY - plan.nextRows - top)) && ok
        }
        return ok
    }

    struct Plan: Equatable { var contentRows: Int; var dropTip: Bool; var showNext: Bool; var nextRows: Int }

    /// How the rows under the title are shared. Normally the countdown keeps at least half and
    /// "Næste" the last line. When the text does not fit that in big letters, it gets room in
    /// this order until it does: without the tip, with the countdown at its smallest, without
    /// "Næste" — so an exercise's instruction and example stay together on one page (issue 23).
    static func layout(_ lines: [BigLine], timed: Bool, hasNext: Bool, cap: BigFont, in area: Rect) -> Plan {
        let smallest = BigFont.smallest
        func nextRows(_ show: Bool) -> Int { show && hasNext ? smallest.rows + 1 : 0 }
        func fits(_ lines: [BigLine], _ rows: Int) -> Bool {
            rows > 0 && BigText.bestFit(lines, in: Size(width: area.width, height: rows), largest: cap) != nil
        }
        let usual: Plan = {
            let free = area.height - nextRows(true)
            guard timed else { return Plan(contentRows: free, dropTip: false, showNext: true, nextRows: nextRows(true)) }
            // No room for both the digits and "Næste": the digits.
            if lines.isEmpty, free < BigDigits.glyphRows { return Plan(contentRows: 0, dropTip: false, showNext: false, nextRows: 0) }
            let countdown = max(minimumCountdownHeight, free / 2)
            return Plan(contentRows: lines.isEmpty ? 0 : max(0, free - countdown), dropTip: false, showNext: true,
                        nextRows: nextRows(true))
        }()
        let all = lines, short = lines.filter { !$0.droppable }
        if lines.isEmpty || fits(all, usual.contentRows) { return usual }
        var tries: [Plan] = []
        if short.count < all.count { tries.append(Plan(contentRows: usual.contentRows, dropTip: true, showNext: true, nextRows: usual.nextRows)) }
        if timed {
            for show in [true, false] {
                let rows = area.height - nextRows(show) - BigDigits.glyphRows - 1
                tries.append(Plan(contentRows: rows, dropTip: false, showNext: show, nextRows: nextRows(show)))
                if short.count < all.count { tries.append(Plan(contentRows: rows, dropTip: true, showNext: show, nextRows: nextRows(show))) }
            }
        } else if hasNext {
            tries.append(Plan(contentRows: area.height, dropTip: false, showNext: false, nextRows: 0))
            if short.count < all.count { tries.append(Plan(contentRows: area.height, dropTip: true, showNext: false, nextRows: 0)) }
        }
        // Nothing fits in big letters: ordinary text (or pages) in the most room found.
        return tries.first { fits($0.dropTip ? short : all, $0.contentRows) } ?? tries.last ?? usual
    }

    /// The item's text as room-facing lines (the same content the console's item shows).
    /// The smallest block digits, a row apart from their words in the smallest big letters.
    static var minimumCountdownHeight: Int { BigDigits.glyphRows + 1 + BigFont.smallest.rows }

    static func content(_ state: AppState) -> [BigLine] {
        let item = state.session.currentItem, s = state.strings
        // The step's tip is supporting text: the first to go when room is short.
        let tip = s[.hint] + ": "
        var lines = ItemContent.lines(for: state).map { line -> BigLine in
            guard !line.text.isEmpty else { return .gap }
            var big = BigLine(text: line.text, role: line.role, marker: line.marker)
            big.droppable = item.kind == .exercise && line.role == .muted && line.text.hasPrefix(tip)
            return big
        }
        if let sub = item.subtitle, item.kind != .example {
            var line = BigLine(text: sub, role: .muted)
            line.droppable = item.kind == .exercise
            lines.insert(line, at: 0)
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

    /// When the room is back from a break: the break's planned end, or the next item's start
    /// when the break has no length.
    static func resumeTime(_ state: AppState) -> ClockTime? {
        let item = state.session.currentItem
        guard item.kind == .break || item.kind == .lunch else { return nil }
        if item.minutes > 0 { return item.end }
        return state.session.nextItem?.start
    }

    static func next(_ state: AppState) -> BigLine? {
        guard let next = state.session.nextItem else { return nil }
        return BigLine(text: state.strings[.next] + ": " + state.strings.time(next.start) + " " + next.title, role: .next)
    }

    /// The countdown's words for the room: none before it starts (the time alone), and never
    /// the facilitator's keys.
    static func roomLabel(_ countdown: Countdown, now: Double, _ s: Strings) -> String {
        let phase = countdown.phase(at: now)
        if phase == .overrun { return s[.timerOverrun] }
        if !countdown.hasStarted { return "" }
        if !countdown.isRunning { return s[ProjectorKey.timerHeld] }
        return CountdownView.label(countdown, now: now, s)
    }

    /// Block digits as large as the rect allows, and the words under them in big letters.
    static func countdown(_ state: AppState, into canvas: inout Canvas, in rect: Rect) -> Bool {
        let countdown = state.session.currentProgress.countdown
        let label = BigLine(text: roomLabel(countdown, now: state.now, state.strings),
                            role: CountdownView.role(countdown.phase(at: state.now)))
        let smallest = BigFont.ladder.last!
        let labelFont = BigText.fit([label], in: Size(width: rect.width, height: max(smallest.rows, rect.height / 6)))
        let labelRows = label.text.isEmpty ? 0 : (labelFont ?? smallest).rows
        let digits = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - labelRows - (labelRows > 0 ? 1 : 0))
        let text = CountdownView.digits(remaining: countdown.remaining(at: state.now))
        let scale = max(1, BigDigits.scale(toFit: text, in: Size(width: digits.width, height: digits.height)))
        let height = BigDigits.height(scale: scale)
        let top = digits.y + max(0, (digits.height - height) / 2)
        let left = digits.x + max(0, (digits.width - BigDigits.width(of: text, scale: scale)) / 2)
        BigDigits.draw(text, scale: scale, into: &canvas, x: left, y: top, role: label.role, attributes: [.bold])
        // No words (not started), or no room for them: the digits' colour still tells the phase.
        guard !label.text.isEmpty, top + height + 1 + labelRows <= rect.maxY else { return true }
        let labelRect = Rect(x: rect.x, y: top + height + 1, width: rect.width, height: labelRows)
        guard let labelFont else {
            canvas.putCentred(label.text, in: rect, y: labelRect.y, role: label.role, attributes: [.bold])
            return false
        }
        BigText.draw([label], font: labelFont, into: &canvas, in: labelRect, centred: true)
        return true
    }
}
