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
    /// largest font that fits what is left.
    /// Text longer than a screen in the smallest letters turns pages by itself, as the plenum does.
    static func titled(_ title: String, _ lines: [BigLine], state: AppState,
                       into canvas: inout Canvas, in body: Rect) -> Bool {
        let lines = lines.isEmpty ? [BigLine(text: "–", role: .muted)] : lines
        let used = heading(title, into: &canvas, in: body, above: lines)
        let rest = Rect(x: body.x, y: body.y + used, width: body.width, height: body.height - used)
        return paged(lines, state: state, into: &canvas, in: rest)
    }

    /// Lines in the largest letters that fit; when not even the smallest do, pages turning
    /// every `ProjectorPaging.secondsPerPage` from page 1, with "1/2" at the foot.
    static func paged(_ lines: [BigLine], state: AppState, into canvas: inout Canvas, in rest: Rect) -> Bool {
        if BigText.bestFit(lines, in: Size(width: rest.width, height: rest.height)) != nil {
            return BigText.place(lines, into: &canvas, in: rest)
        }
        let foot = (PlenumSize.legible(screenRows: canvas.size.height).last?.lineRows ?? 1) + 1
        let area = Rect(x: rest.x, y: rest.y, width: rest.width, height: rest.height - foot)
        let pages = BigText.pages(lines, in: Size(width: area.width, height: area.height))
        let page = ProjectorPaging.page(of: pages.count, state)
        canvas.pages = max(1, pages.count)
        ProjectorPlenum.marker(page, of: pages.count, state, into: &canvas, in: rest)
        return BigText.place(pages.isEmpty ? lines : pages[page], into: &canvas, in: area)
    }

    /// Draws a heading in at most a quarter of the height (two lines at most); returns the
    /// rows used, a gap included.
    /// With `above`, the heading shrinks as far as the text below needs to be as large as it can.
    static func heading(_ title: String, into canvas: inout Canvas, in body: Rect, above content: [BigLine] = []) -> Int {
        let line = [BigLine(text: title, role: .heading)]
        var box = Size(width: body.width, height: max(3, body.height / 4))
        if !content.isEmpty, let smallest = BigText.fit(line, in: Size(width: body.width, height: 3)) {
            func contentFont(headingRows: Int) -> Int {
                let rest = Size(width: body.width, height: body.height - headingRows - max(1, headingRows / 2))
                return BigText.bestFit(content, in: rest)?.font.rows ?? 0
            }
            let best = contentFont(headingRows: smallest.rows)
            // The largest heading that leaves the text its best size (never smaller than the text).
            for font in BigFont.ladder where font.rows <= box.height && font.rows >= smallest.rows {
                guard let rows = BigText.height(line, font: font, width: body.width), rows <= box.height else { continue }
                if contentFont(headingRows: rows) >= best { box.height = rows; break }
            }
        }
        guard let font = BigText.fit(line, in: box) else {
            canvas.put(truncate(title, width: body.width), x: body.x, y: body.y, role: .heading, attributes: [.bold])
            return 2
        }
        let rows = BigText.draw(line, font: font, into: &canvas, in: Rect(x: body.x, y: body.y, width: body.width,
                                                                           height: box.height))
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
        let smallest = BigFont.ladder.last!
        var footRows = 2
        if let rows = BigText.height(foot, font: smallest, width: body.width), rows <= 2 * smallest.rows + 1 {
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
