import TovholderCore

/// The text of an item, as lines with roles, laid out by kind. Long content is cut with "…"
/// rather than pushing the countdown off the screen.
enum ItemContent {
    struct Line {
        var text: String
        var role: Role = .text
        var attributes: TextAttributes = []
        /// Marker in front of the first wrapped line ("• "); later lines are indented under it.
        var marker: String = ""
        /// Cut to one line instead of wrapping (the worked example's entries, to fit its columns).
        var oneLine = false
    }

    static func lines(for state: AppState) -> [Line] {
        let s = state.strings
        let item = state.session.currentItem
        let day = state.session.programme
        var out: [Line] = []
        func blank() { if let last = out.last, !last.text.isEmpty { out.append(Line(text: "")) } }
        func label(_ text: String) { out.append(Line(text: text, role: .heading, attributes: [.bold])) }

        switch item.kind {
        case .welcome:
            out.append(Line(text: day.organisation + " · " + DateText.long(day.date, s.language), role: .muted))
            if let sub = day.subtitle { out.append(Line(text: sub, role: .muted)) }
            blank(); label(s[.challenge] + ":")
            out.append(Line(text: day.challenge.question))
        case .exercise where !item.steps.isEmpty:
            let index = min(state.session.currentStep, item.steps.count - 1)
            let step = item.steps[index]
            out.append(Line(text: s.format(.stepOf, index + 1, item.steps.count) + " · " + step.title,
                            role: .heading, attributes: [.bold]))
            if let i = step.instruction { out.append(Line(text: i)) }
            // Examples are a few words each ("Klap", "2", "3"): one line keeps room for the clock.
            if !step.example.isEmpty {
                out.append(Line(text: s[.example] + ": " + step.example.joined(separator: " · ")))
            }
            if let hint = step.hint { out.append(Line(text: s[.hint] + ": " + hint, role: .muted)) }
        case .intro where day.agenda.first(where: { $0.kind == .intro })?.id == item.id:
            // The day's first introduction presents the challenge and its points.
            label(s[.challenge] + ":")
            out.append(Line(text: day.challenge.question))
            out += day.challenge.bullets.map { Line(text: $0, marker: "• ") }
        case .talk:
            if let speaker = item.speaker { out.append(Line(text: s[.speaker] + ": " + speaker, attributes: [.bold])) }
        case .example:
            if let ex = day.example { out += exampleLines(ex, s, showTitle: ex.title != item.subtitle) }
        case .roadmap:
            out += roadmapLines(state)
        case .agreement:
            out += day.agreementQuestions.enumerated().map { Line(text: $1, marker: "\($0 + 1). ") }
        case .followUp:
            // Every group's agreements from the day before, and how each went.
            for group in state.workshop.activeGroups {
                let lines = FollowUpScreen.lines(group.id, state)
                guard !lines.isEmpty else { continue }
                blank(); label(group.name)
                out += lines.map { Line(text: $0) }
            }
        default:
            break
        }
        if !item.bullets.isEmpty { blank(); out += item.bullets.map { Line(text: $0, marker: "• ") } }
        if !item.questions.isEmpty {
            blank(); label(s[.questions] + ":")
            out += item.questions.map { Line(text: $0, marker: "? ") }
        }
        while out.first?.text.isEmpty == true { out.removeFirst() }
        return out
    }

    /// The roadmap as held (the facilitator may have changed it), today marked.
    static func roadmapLines(_ state: AppState) -> [Line] {
        let s = state.strings
        let phases = state.roadmap.isEmpty
            ? state.session.programme.roadmap.enumerated().map {
                RoadmapEntry(id: Int64($0), from: $1.from, to: $1.to, title: $1.title, activities: $1.activities,
                             position: Double($0))
            }
            : state.roadmap
        let today = RoadmapScreen.localToday(state)
        var out: [Line] = []
        for phase in phases {
            let now = phase.from <= today && today <= (phase.to ?? phase.from)
            out.append(Line(text: (now ? "◉ " : "● ") + DateText.range(phase.from, phase.to, s.language) + " · "
                            + phase.title + (now ? "  " + s[.todayMark] : ""),
                            role: now ? .now : .text, attributes: [.bold]))
            out += phase.activities.map { Line(text: $0, marker: "   • ") }
        }
        return out
    }

    static func exampleLines(_ ex: WorkedExample, _ s: Strings, showTitle: Bool) -> [Line] {
        var out = showTitle ? [Line(text: ex.title, role: .heading, attributes: [.bold])] : []
        func heading(_ t: String) { out.append(Line(text: t + ":", role: .heading, attributes: [.bold])) }
        heading(s[.exampleChallenge]); out.append(Line(text: ex.challenge))
        heading(s[.exampleGoal]); out.append(Line(text: ex.goal))
        for (title, entries) in [(s[.exampleMechanisms], ex.mechanisms), (s[.exampleTrialActions], ex.trialActions),
                                 (s[.exampleSigns], ex.signs)] {
            heading(title)
            out += entries.map { Line(text: $0, marker: "• ", oneLine: true) }
        }
        return out
    }

    static func wrapped(_ line: Line, width: Int) -> [String] {
        let indent = DisplayWidth.of(line.marker)
        if line.oneLine { return [line.marker + truncate(line.text, width: max(1, width - indent))] }
        let parts = wrap(line.text, width: max(1, width - indent))
        return parts.enumerated().map { i, part in
            (i == 0 ? line.marker : String(repeating: " ", count: indent)) + part
        }
    }

    static func height(_ lines: [Line], width: Int) -> Int {
        lines.reduce(0) { $0 + wrapped($1, width: width).count }
    }

    /// Draws lines top-down; when they do not fit, the last row says "…".
    /// Wide rects with long content flow into two columns.
    static func draw(_ lines: [Line], into canvas: inout Canvas, in rect: Rect) {
        guard rect.height > 0 else { return }
        if height(lines, width: rect.width) > rect.height && rect.width >= 70 {
            let half = (rect.width - 3) / 2
            let split = splitPoint(lines, width: half, height: rect.height)
            drawColumn(Array(lines[..<split]), into: &canvas, in: Rect(x: rect.x, y: rect.y, width: half, height: rect.height))
            drawColumn(Array(lines[split...]), into: &canvas,
                       in: Rect(x: rect.x + half + 3, y: rect.y, width: half, height: rect.height))
        } else {
            drawColumn(lines, into: &canvas, in: rect)
        }
    }

    /// Where to start the second column: the latest section heading that fits in the first.
    static func splitPoint(_ lines: [Line], width: Int, height: Int) -> Int {
        var used = 0, best = lines.count
        for (i, line) in lines.enumerated() {
            if line.role == .heading && i > 0 { best = i }
            used += wrapped(line, width: width).count
            if used > height { return best == lines.count ? i : best }
        }
        return lines.count
    }

    static func drawColumn(_ lines: [Line], into canvas: inout Canvas, in rect: Rect) {
        var y = rect.y
        let rows = lines.flatMap { line in wrapped(line, width: rect.width).map { (line, $0) } }
        for (i, (line, text)) in rows.enumerated() {
            if y >= rect.maxY { break }
            if y == rect.maxY - 1 && i < rows.count - 1 {
                canvas.put("…", x: rect.x, y: y, role: .muted); break
            }
            canvas.put(text, x: rect.x, y: y, role: line.role, attributes: line.attributes, maxX: rect.maxX)
            y += 1
        }
    }
}
