import TovholderCore

/// The room's view (`tovholder projector`): what the facilitator chose to show, in big
/// letters, with nothing of the facilitator's own (no key bar, no ahead/behind, no names of
/// who types, no notes). A pure function of the state, like every screen.
enum ProjectorScreen {
    /// Draws the frame; false when some text had to fall back to ordinary letters.
    @discardableResult
    static func render(_ state: AppState, into canvas: inout Canvas) -> Bool {
        canvas.fill(canvas.bounds, role: .text)
        canvas.pages = 1
        let projection = state.session.projection
        if projection.blank { return true }
        // A margin of two columns and one row: projectors crop the edges.
        let body = canvas.bounds.inset(dx: 2, dy: 1)
        guard body.width >= 8, body.height >= 3 else { return false }
        switch projection.shows {
        case .item: return ProjectorItem.render(state, into: &canvas, in: body)
        case .agenda: return agenda(state, into: &canvas, in: body)
        case .example: return example(state, into: &canvas, in: body)
        case .roadmap: return titled(state.strings[.roadmapTitle], ItemContent.roadmapLines(state).map { BigLine(text: $0.text, role: $0.role, marker: $0.marker) },
                                        state: state, into: &canvas, in: body)
        case .plenum(let part): return ProjectorPlenum.render(state, part: part, into: &canvas, in: body)
        case .join: return join(state, into: &canvas, in: body)
        case .vote: return ProjectorActivities.vote(state, into: &canvas, in: body)
        case .card(let deck, let card): return ProjectorActivities.card(state, deckID: deck, cardID: card, into: &canvas, in: body)
        case .worksheet(let id):
            guard let sheet = state.workshop.worksheets[id] else { return ProjectorItem.render(state, into: &canvas, in: body) }
            return titled(sheet.group.name, ProjectorBlocks.chain(sheet, state.strings), state: state,
                          into: &canvas, in: body)
        case .agreement(let id):
            guard let group = state.workshop.groups.first(where: { $0.id == id }) else {
                return ProjectorItem.render(state, into: &canvas, in: body)
            }
            return titled(state.strings.format(.agreementOf, group.name), ProjectorBlocks.agreement(state, groupID: id),
                          state: state, into: &canvas, in: body)
        }
    }

    /// A heading as large as a quarter of the screen allows, and the lines below it in the
    /// largest font that fits what is left — never larger than the heading, and with
    /// `supporting` (a card's questions under its principle) a size smaller.
    /// Text longer than a screen in the smallest letters turns pages by itself, as the plenum does.
    static func titled(_ title: String, _ lines: [BigLine], state: AppState,
                       into canvas: inout Canvas, in body: Rect, supporting: Bool = false) -> Bool {
        let lines = lines.isEmpty ? [BigLine(text: "–", role: .muted)] : lines
        let head = headingLayout(title, in: body, above: lines, supporting: supporting)
        let used = drawHeading(title, head, into: &canvas, in: body)
        let rest = Rect(x: body.x, y: body.y + used, width: body.width, height: body.height - used)
        // A principle already in the smallest letters leaves its questions nothing smaller in big letters.
        if supporting, head.cap == nil, canvas.size.height <= maxOrdinaryTextRows {
            BigText.drawSmall(lines, into: &canvas, in: rest)
            return false
        }
        return paged(lines, state: state, into: &canvas, in: rest, largest: head.cap ?? BigFont.smallest)
    }

    /// Lines in the largest letters that fit (at most `largest`). When not even the smallest
    /// big letters (5x8) fit: ordinary text on a screen of at most 50 rows, where one row is
    /// still 1/50 of its height; on a taller one pages turning every
    /// `ProjectorPaging.secondsPerPage` from page 1, with "1/2" at the foot.
    static func paged(_ lines: [BigLine], state: AppState, into canvas: inout Canvas, in rest: Rect,
                      largest: BigFont? = nil) -> Bool {
        if BigText.bestFit(lines, in: Size(width: rest.width, height: rest.height), largest: largest) != nil {
            return BigText.place(lines, into: &canvas, in: rest, largest: largest)
        }
        if canvas.size.height <= maxOrdinaryTextRows {
            // Ordinary text; what does not fit one screen turns pages like big letters do.
            if BigText.fitsSmall(lines, in: Size(width: rest.width, height: rest.height)) {
                BigText.drawSmall(lines, into: &canvas, in: rest)
                return false
            }
            let area = Rect(x: rest.x, y: rest.y, width: rest.width, height: rest.height - 2)
            let pages = BigText.smallPages(lines, in: Size(width: area.width, height: area.height))
            let page = ProjectorPaging.page(of: pages.count, state)
            canvas.pages = max(1, pages.count)
            ProjectorPlenum.marker(page, of: pages.count, state, into: &canvas, in: rest)
            BigText.drawSmall(pages[min(page, pages.count - 1)], into: &canvas, in: area)
            return false
        }
        let foot = (PlenumSize.legible(screenRows: canvas.size.height).last?.lineRows ?? 1) + 1
        let area = Rect(x: rest.x, y: rest.y, width: rest.width, height: rest.height - foot)
        let pages = BigText.pages(lines, in: Size(width: area.width, height: area.height))
        let page = ProjectorPaging.page(of: pages.count, state)
        canvas.pages = max(1, pages.count)
        ProjectorPlenum.marker(page, of: pages.count, state, into: &canvas, in: rest)
        return BigText.place(pages.isEmpty ? lines : pages[page], into: &canvas, in: area, largest: largest)
    }

    /// Ordinary text is readable from the back of the room up to this many rows (1/50 of the height).
    static let maxOrdinaryTextRows = 50

    /// Draws a heading in at most a quarter of the height (two lines at most); returns the
    /// rows used, a gap included.
    /// With `above`, the heading shrinks as far as the text below needs to be as large as it can.
    static func heading(_ title: String, into canvas: inout Canvas, in body: Rect, above content: [BigLine] = []) -> Int {
        drawHeading(title, headingLayout(title, in: body, above: content), into: &canvas, in: body)
    }

    /// A heading's font (nil: ordinary text), its box, and the largest font the text under it may use.
    struct HeadingLayout { var font: BigFont?; var rows: Int; var cap: BigFont? }

    /// The heading takes at most a quarter of the height; a title that does not fit there even
    /// in the smallest letters (a card's principle is a sentence) may take half. Of the heading
    /// sizes that fit, the one under which the text gets the largest letters (the text never
    /// larger than the heading, a size smaller when `supporting`), the larger heading on a tie.
    /// `stretch`: the rows a long title may take instead of half (a break's line, over its countdown).
    static func headingLayout(_ title: String, in body: Rect, above content: [BigLine] = [],
                              supporting: Bool = false, stretch: Int? = nil, reserve: Int = 0) -> HeadingLayout {
        let line = [BigLine(text: title, role: .heading)]
        let smallest = BigFont.smallest
        var limit = max(3, body.height / 4)
        if BigText.fit(line, in: Size(width: body.width, height: limit)) == nil { limit = max(limit, stretch ?? body.height / 2) }
        func cap(_ font: BigFont) -> BigFont? {
            guard supporting else { return font }
            return BigFont.ladder.first { $0.rows < font.rows }
        }
        func gap(_ font: BigFont) -> Int { max(1, font.rows / 2) }
        var best: HeadingLayout?, bestContent = -1
        for font in BigFont.ladder {
            guard let rows = BigText.height(line, font: font, width: body.width), rows <= limit else { continue }
            let layout = HeadingLayout(font: font, rows: rows, cap: cap(font))
            if content.isEmpty { return layout }
            let rest = Size(width: body.width, height: body.height - rows - gap(font) - reserve)
            let contentRows = layout.cap.flatMap { BigText.bestFit(content, in: rest, largest: $0)?.font.rows } ?? 0
            if contentRows > bestContent { best = layout; bestContent = contentRows }
        }
        // Not even the smallest letters fit: the title in ordinary text, the text under it no
        // larger than the smallest big letters.
        return best ?? HeadingLayout(font: nil, rows: 1, cap: supporting ? nil : smallest)
    }

    /// Draws a heading as laid out; returns the rows used, a gap included.
    static func drawHeading(_ title: String, _ layout: HeadingLayout, into canvas: inout Canvas, in body: Rect) -> Int {
        guard let font = layout.font else {
            canvas.put(truncate(title, width: body.width), x: body.x, y: body.y, role: .heading, attributes: [.bold])
            return 2
        }
        let rows = BigText.draw([BigLine(text: title, role: .heading)], font: font, into: &canvas,
                                in: Rect(x: body.x, y: body.y, width: body.width, height: layout.rows))
        return rows + max(1, font.rows / 2)
    }

    /// The programme as the room reads it: planned times and titles, now and next marked —
    /// never ahead or behind.
    static func agenda(_ state: AppState, into canvas: inout Canvas, in body: Rect) -> Bool {
        let s = state.strings
        let lines = state.plan.rows.map { row -> BigLine in
            let marker: String, role: Role
            switch row.status {
            case .now: marker = "▶ "; role = .now
            case .next: marker = "→ "; role = .next
            case .held: marker = "  "; role = .muted
            case .later: marker = "  "; role = .text
            }
            return BigLine(text: s.time(row.item.start) + " " + row.item.title, role: role, marker: marker)
        }
        return titled(s[ProjectorKey.programme], lines, state: state, into: &canvas, in: body)
    }

    /// How the groups join (`tovholder serve`): each group's code, then the command to type,
    /// as large as fits; the server's fingerprint at the foot in the smallest big letters
    /// (ordinary ones where even those do not fit).
    static func join(_ state: AppState, into canvas: inout Canvas, in body: Rect) -> Bool {
        let s = state.strings
        guard let service = state.session.service else {
            return titled(s[ServeKey.joinTitle], [BigLine(text: s[ServeKey.notServing], role: .muted)], state: state, into: &canvas, in: body)
        }
        let lines = service.joinLines(groups: state.workshop.activeGroups).flatMap { line in
            [BigLine(text: "\(line.group): \(s.language == .da ? "kode" : "code") \(line.code)", role: .heading),
             BigLine(text: line.command, role: .text, marker: "  ")]
        }
        let foot = [BigLine(text: s[ServeKey.fingerprintLabel], role: .muted), BigLine(text: service.fingerprint, role: .muted)]
        let smallest = BigFont.smallest
        var footRows = 2
        // The fingerprint is one long word: in 5x8 it may wrap onto a second line.
        if let rows = BigText.height(foot, font: smallest, width: body.width), rows <= max(2 * smallest.rows + 1, body.height / 4) {
            footRows = BigText.draw(foot, font: smallest, into: &canvas,
                                    in: Rect(x: body.x, y: body.maxY - rows, width: body.width, height: rows)) + 1
        } else {
            canvas.put(truncate(s.format(ServeKey.fingerprint, service.fingerprint), width: body.width), x: body.x,
                       y: body.maxY - 1, role: .muted)
        }
        let rest = Rect(x: body.x, y: body.y, width: body.width, height: body.height - footRows)
        return titled(s[ServeKey.joinTitle], lines, state: state, into: &canvas, in: rest)
    }

    static func example(_ state: AppState, into canvas: inout Canvas, in body: Rect) -> Bool {
        guard let ex = state.session.programme.example else {
            return titled(state.strings[.noExample], [], state: state, into: &canvas, in: body)
        }
        let lines = ItemContent.exampleLines(ex, state.strings, showTitle: false).map {
            BigLine(text: $0.text, role: $0.role, marker: $0.marker)
        }
        return titled(ex.title, lines, state: state, into: &canvas, in: body)
    }
}
