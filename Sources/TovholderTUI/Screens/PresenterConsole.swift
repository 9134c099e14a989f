import TovholderCore

/// The facilitator's own screen while the projector shows the room's view, as PowerPoint's
/// presenter view: the item with the facilitator's notes, the countdown, ahead/behind, what
/// comes next, what the projector shows (and whether the room can read it), and each group's
/// progress on the part the day is at.
enum PresenterConsole {
    /// A projector terminal taller than this shows one row below 1/50 of the screen height.
    static let mostRows = 50
    /// Fewer rows than this cannot hold an item's title, content and countdown.
    static let fewestRows = 24
    static let fewestColumns = 80

    static func render(_ state: AppState, into canvas: inout Canvas, in body: Rect) {
        let item = state.session.currentItem
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1

        ItemScreen.drawMeta(state, into: &canvas, x: area.x, y: y, maxX: area.maxX)
        y += 1
        canvas.put(item.title, x: area.x, y: y, role: .heading, attributes: [.bold], maxX: area.maxX)
        y += 2
        if let line = activities(state) { canvas.put(line, x: area.x, y: y - 1, role: .next, attributes: [.bold], maxX: area.maxX) }

        // The groups' progress at the foot, one line each; notes and the side panel above.
        let groups = state.workshop.activeGroups
        let groupRows = max(2, min(groups.count + 1, (body.maxY - y) / 3))
        let groupsRect = Rect(x: area.x, y: body.maxY - groupRows, width: area.width, height: groupRows)
        // Wide enough for the block digits of "25:00" (34 columns).
        let sideWidth = min(40, max(36, area.width / 3))
        let middle = Rect(x: area.x, y: y, width: area.width, height: groupsRect.y - y - 1)
        let notesRect = Rect(x: middle.x, y: middle.y, width: middle.width - sideWidth - 2, height: middle.height)
        let side = Rect(x: notesRect.maxX + 2, y: middle.y, width: sideWidth, height: middle.height)
        // What the room reads (the challenge, bullets, questions, the step) above the notes,
        // so the facilitator can speak to it; at most half the column.
        let room = roomText(state, width: notesRect.width)
        let roomRows = min(room.count, max(0, notesRect.height / 2 - 1))
        for (i, line) in room.prefix(roomRows).enumerated() {
            canvas.put(line.text, x: notesRect.x, y: notesRect.y + i, role: line.role, attributes: line.attributes,
                       maxX: notesRect.maxX)
        }
        if room.count > roomRows, roomRows > 0 { canvas.put("…", x: notesRect.maxX - 1, y: notesRect.y + roomRows - 1, role: .muted) }
        let notesTop = notesRect.y + (roomRows > 0 ? roomRows + 1 : 0)
        notes(state, into: &canvas, in: Rect(x: notesRect.x, y: notesTop, width: notesRect.width, height: notesRect.maxY - notesTop))
        panel(state, into: &canvas, in: side)
        progress(state, into: &canvas, in: groupsRect)
    }

    /// What runs besides the item: an open vote's progress, parts hidden from the room.
    static func activities(_ state: AppState) -> String? {
        let s = state.strings
        var parts: [String] = []
        if let vote = state.workshop.currentVote, vote.isOpen {
            parts.append(VoteScreen.title(vote, s) + ": " + s.voteProgress(vote, state.session.programme.voteDotsPer) + " (v)")
        }
        let hidden = state.session.hiddenParts.compactMap { EntryKind(part: $0) }.sorted { $0.part.rawValue < $1.part.rawValue }
        if !hidden.isEmpty {
            parts.append(hidden.map { ChainRows.title($0, s) }.joined(separator: ", ") + ": " + s[MethodKey.hiddenMark] + " (h)")
        }
        return parts.isEmpty ? nil : "● " + parts.joined(separator: " · ")
    }

    /// The item's room text in ordinary letters, wrapped to `width` (markers hang).
    static func roomText(_ state: AppState, width: Int) -> [ItemContent.Line] {
        var out: [ItemContent.Line] = []
        for line in ItemContent.lines(for: state) {
            let indent = String(repeating: " ", count: DisplayWidth.of(line.marker))
            let wrapped = wrap(line.text, width: max(1, width - indent.count))
            for (i, part) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                out.append(ItemContent.Line(text: (i == 0 ? line.marker : indent) + part, role: line.role,
                                            attributes: line.attributes))
            }
        }
        while out.last?.text.isEmpty == true { out.removeLast() }
        return out
    }

    static func notes(_ state: AppState, into canvas: inout Canvas, in rect: Rect) {
        let s = state.strings
        guard rect.height > 0 else { return }
        canvas.put(s[ProjectorKey.notesTitle], x: rect.x, y: rect.y, role: .heading, attributes: [.bold])
        let hint = s[ProjectorKey.notesHint]
        canvas.put(hint, x: rect.maxX - DisplayWidth.of(hint), y: rect.y, role: .muted)
        let text = state.workshop.notes(for: state.session.currentItem)
        let lines = text.isEmpty ? [s[ProjectorKey.noNotes]] : wrap(text, width: rect.width)
        for (i, line) in lines.prefix(rect.height - 1).enumerated() {
            canvas.put(line, x: rect.x, y: rect.y + 1 + i, role: text.isEmpty ? .muted : .text, maxX: rect.maxX)
        }
        if lines.count > rect.height - 1, rect.height > 1 { canvas.put("…", x: rect.maxX - 1, y: rect.maxY - 1, role: .muted) }
    }

    /// The countdown, what comes next, and the projector.
    static func panel(_ state: AppState, into canvas: inout Canvas, in rect: Rect) {
        let s = state.strings
        var y = rect.y
        let item = state.session.currentItem
        let digits = CountdownView.digits(remaining: state.session.currentProgress.countdown.remaining(at: state.now))
        if item.timed, rect.height >= CountdownView.minimumHeight + 4, BigDigits.width(of: digits, scale: 1) <= rect.width {
            // Larger on a large console, but the panel keeps room for what comes next.
            let height = max(CountdownView.minimumHeight, min(16, rect.height / 3))
            CountdownView.render(state.session.currentProgress.countdown, now: state.now, strings: s, into: &canvas,
                                 in: Rect(x: rect.x, y: y, width: rect.width, height: height))
            y += height + 1
        } else if item.timed {
            // No room for block digits: the time and its words on one line.
            let countdown = state.session.currentProgress.countdown
            let text = "⏱ " + digits + " · " + CountdownView.label(countdown, now: state.now, s)
            canvas.put(text, x: rect.x, y: y, role: CountdownView.role(countdown.phase(at: state.now)),
                       attributes: [.bold], maxX: rect.maxX)
            y += 2
        }
        if let next = state.session.nextItem {
            let projected = state.plan.rows[state.session.currentIndex + 1].projectedStart
            let text = s[ProjectorKey.nextTitle] + ": " + s.time(projected) + " " + next.title
            for line in wrap(text, width: rect.width).prefix(2) where y < rect.maxY {
                canvas.put(line, x: rect.x, y: y, role: .next, maxX: rect.maxX); y += 1
            }
        } else if y < rect.maxY {
            canvas.put(s[.dayFinished], x: rect.x, y: y, role: .muted, maxX: rect.maxX); y += 1
        }
        y += 1
        for (text, role) in projectorLines(state) {
            for line in wrap(text, width: rect.width) where y < rect.maxY {
                canvas.put(line, x: rect.x, y: y, role: role, maxX: rect.maxX); y += 1
            }
        }
    }

    /// What the projector shows, and whether the room can read it, in words.
    static func projectorLines(_ state: AppState) -> [(String, Role)] {
        let s = state.strings
        let projection = state.session.projection
        let shows = projection.blank ? s[ProjectorKey.showsBlank] : describe(projection.shows, state)
        guard let projector = state.live.terminals.first(where: { $0.role == .projector }) else {
            return [(s.format(ProjectorKey.projectorShows, shows), .text), (s[ProjectorKey.projectorNone], .muted),
                    (s.format(ProjectorKey.projectorStart, state.fileName), .muted)]
        }
        // "Projektoren viser: plenum · Mål (fremtid) · side 1/2", as the projector reports it.
        let page = ProjectorStatus.page(in: projector.field).map { " · " + s.format(ProjectorKey.pageOf, $0.page, $0.pages) } ?? ""
        var lines: [(String, Role)] = [(s.format(ProjectorKey.projectorShows, shows + page), projection.blank ? .behind : .text)]
        if let check = sizeCheck(columns: projector.columns, rows: projector.rows, s) { lines.append(check) }
        if ProjectorStatus.fellBack(in: projector.field) { lines.append((s[ProjectorKey.fallbackText], .behind)) }
        return lines
    }

    /// The projector check: from the projector terminal's size in rows (and columns).
    static func sizeCheck(columns: Int?, rows: Int?, _ s: Strings) -> (String, Role)? {
        guard let columns, let rows else { return nil }
        if rows > mostRows { return (s.format(ProjectorKey.sizeTooManyRows, rows, mostRows), .behind) }
        if rows < fewestRows { return (s.format(ProjectorKey.sizeTooFewRows, rows, fewestRows), .behind) }
        if columns < fewestColumns { return (s.format(ProjectorKey.sizeTooNarrow, columns, fewestColumns), .behind) }
        return (s.format(ProjectorKey.sizeGood, columns, rows), .ahead)
    }

    static func describe(_ shows: Projection.Shows, _ state: AppState) -> String {
        let s = state.strings
        func group(_ id: Int64) -> String { state.workshop.groups.first { $0.id == id }?.name ?? "?" }
        switch shows {
        case .item: return s[ProjectorKey.showsItem]
        case .agenda: return s[ProjectorKey.showsAgenda]
        case .worksheet(let id): return s.format(ProjectorKey.showsWorksheet, group(id))
        case .agreement(let id): return s.format(ProjectorKey.showsAgreement, group(id))
        case .plenum(let part):
            let name = EntryKind(part: part).map { ChainRows.title($0, s) } ?? s[.keyAgreement]
            return s.format(ProjectorKey.showsPlenum, name)
        case .example: return s[ProjectorKey.showsExample]
        case .roadmap: return s[ProjectorKey.showsRoadmap]
        case .join: return s[ServeKey.joinTitle]
        case .card(let deck, let card): return state.session.programme.deck(deck)?.card(card)?.title ?? s[MethodKey.cardTitle]
        case .vote: return state.workshop.currentVote.map { VoteScreen.title($0, s) } ?? s[MethodKey.noVote]
        }
    }

    /// Each group on one line: entries written on the part the day is at, who is typing,
    /// and the chain check's first finding.
    static func progress(_ state: AppState, into canvas: inout Canvas, in rect: Rect) {
        let s = state.strings
        let part = currentPart(state)
        let kind = EntryKind(part: part)
        let partName = kind.map { ChainRows.title($0, s) } ?? s[.keyAgreement]
        canvas.put(s.format(ProjectorKey.consoleGroups, partName), x: rect.x, y: rect.y, role: .heading, attributes: [.bold])
        let groups = state.workshop.activeGroups
        if groups.isEmpty { canvas.put(s[ProjectorKey.groupsNone], x: rect.x, y: rect.y + 1, role: .muted); return }
        let nameWidth = min(18, groups.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
        for (i, group) in groups.prefix(rect.height - 1).enumerated() {
            let y = rect.y + 1 + i
            var x = canvas.put(truncate(group.name, width: nameWidth - 2), x: rect.x, y: y, role: .text, attributes: [.bold])
            x = max(x, rect.x + nameWidth)
            guard let sheet = state.workshop.worksheets[group.id] else { continue }
            let written: Int
            if let kind { written = sheet.entries(of: kind).filter { !$0.text.allSatisfy(\.isWhitespace) }.count }
            else { written = state.agreements[group.id]?.rows.filter { !$0.isBlank }.count ?? 0 }
            x = canvas.put(s.format(ProjectorKey.entriesCount, written), x: x, y: y, role: .text, maxX: rect.maxX) + 2
            // At the follow-up: how many of the day before's agreements the group has been through.
            if state.session.currentItem.kind == .followUp {
                let earlier = FollowUpUpdate.earlier(group.id, state)
                canvas.put(s.format(SeriesKey.followUpProgress, earlier.filter { $0.status != nil }.count, earlier.count),
                           x: x, y: y, role: .text, maxX: rect.maxX)
                continue
            }
            let typing = typists(state, group: group.id)
            if !typing.isEmpty {
                x = canvas.put(s.format(ProjectorKey.typingNow, typing.joined(separator: ", ")), x: x, y: y, role: .next,
                               maxX: rect.maxX) + 2
            }
            let findings = ChainCheck(sheet, reached: state.session.reachedParts).findings()
            if let first = findings.first {
                let more = findings.count > 1 ? " (+\(findings.count - 1))" : ""
                canvas.put(s.format(ProjectorKey.thin, first.message.text(s.language) + more), x: x, y: y, role: .behind,
                           maxX: rect.maxX)
            } else {
                canvas.put("✓ " + s[ProjectorKey.consoleChainOK], x: x, y: y, role: .ahead, maxX: rect.maxX)
            }
        }
    }

    /// The users typing in a group's fields now (from the terminals' presence).
    static func typists(_ state: AppState, group: Int64) -> [String] {
        state.live.terminals.compactMap { t -> String? in
            guard let name = t.field, let field = FieldRef(historyName: name) else { return nil }
            switch field {
            case .entry(let id): return state.workshop.entry(id: id)?.groupID == group ? t.user : nil
            case .agreement(let g, _): return g == group ? t.user : nil
            default: return nil
            }
        }
    }
}

/// What the projector reports in its presence row (`field`), for the console to read:
/// whether its text fell back to ordinary letters, and the page it shows of how many
/// ("projector:small-text page 2/3"). Written only when it changes.
enum ProjectorStatus {
    static let fellBack = "projector:small-text"
    static let prefix = "projector:"

    static func field(fellBack: Bool, page: Int, of pages: Int) -> String? {
        var parts: [String] = []
        if fellBack { parts.append(Self.fellBack) }
        if pages > 1 { parts.append(prefix + "page \(page + 1)/\(pages)") }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The page shown (from 1) and the count, from a projector's field.
    static func page(in field: String?) -> (page: Int, pages: Int)? {
        guard let field, let range = field.range(of: prefix + "page ") else { return nil }
        let numbers = field[range.upperBound...].prefix { $0 != " " }.split(separator: "/").compactMap { Int($0) }
        guard numbers.count == 2, numbers[0] >= 1, numbers[0] <= numbers[1] else { return nil }
        return (numbers[0], numbers[1])
    }

    static func fellBack(in field: String?) -> Bool {
        field?.split(separator: " ").contains { $0 == Self.fellBack } ?? false
    }
}
