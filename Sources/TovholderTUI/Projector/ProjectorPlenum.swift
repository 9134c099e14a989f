import TovholderCore

/// The plenum fills the screen: every group with entries of the part stands in a column, all
/// at once, in the largest legible size that holds them together (at 50 rows or fewer that
/// may be ordinary bold text: the point of a plenum is to compare the groups). Only when not
/// even that holds them are whole groups spread over pages. A group with nothing yet is a
/// line under the columns, never a page.
enum ProjectorPlenum {
    static func render(_ state: AppState, part: WorksheetPart, into canvas: inout Canvas, in body: Rect) -> Bool {
        let s = state.strings
        let kind = EntryKind(part: part)
        var blocks: [PlenumBlock] = [], empty: [String] = []
        for group in state.workshop.activeGroups {
            let block = kind.map { kind in state.workshop.worksheets[group.id].flatMap { Self.block($0, kind: kind) } }
                ?? agreementBlock(state, group)
            if let block { blocks.append(block) } else { empty.append(group.name) }
        }
        let used = heading(PlenumScreen.title(state, PlenumView(part: part)), into: &canvas, in: body)
        let area = Rect(x: body.x, y: body.y + used, width: body.width, height: body.height - used)
        guard !blocks.isEmpty || !empty.isEmpty else {
            return BigText.place([BigLine(text: s[.noGroups], role: .muted)], into: &canvas, in: area)
        }
        return columns(blocks, empty: empty, state, into: &canvas, in: area)
    }

    /// The plenum's title; returns the rows used. The groups' entries need the room: a title
    /// that takes more than a quarter of the screen even in the smallest big letters (it may
    /// take half elsewhere) is bold ordinary text.
    static func heading(_ title: String, into canvas: inout Canvas, in body: Rect) -> Int {
        var head = ProjectorScreen.headingLayout(title, in: body)
        if head.rows > max(3, body.height / 4) { head = ProjectorScreen.HeadingLayout(font: nil, rows: 1, cap: BigFont.smallest) }
        return ProjectorScreen.drawHeading(title, head, into: &canvas, in: body)
    }

    /// The groups' blocks in columns in `area`, the groups with nothing yet on a line under
    /// them, and "1/3" at the foot when they need pages. Shared with the vote's results.
    @discardableResult
    static func columns(_ blocks: [PlenumBlock], empty: [String], _ state: AppState, into canvas: inout Canvas,
                        in area: Rect) -> Bool {
        let sizes = PlenumSize.legible(screenRows: canvas.size.height)
        guard let smallest = sizes.last else { return false }
        let nothing = empty.isEmpty ? [] : [BigLine(text: state.strings.format(ProjectorKey.groupsWithNothingYet, empty.joined(separator: ", ")),
                                                    role: .muted)]
        guard !blocks.isEmpty else { return BigText.place(nothing, into: &canvas, in: area) }
        var grid = area
        if !nothing.isEmpty, let rows = smallest.height(nothing, width: area.width) {
            smallest.draw(nothing, into: &canvas, in: Rect(x: area.x, y: area.maxY - rows, width: area.width, height: rows))
            grid.height -= rows + 1
        }
        var measure = PlenumColumns.Measure(blocks, sizes: sizes, width: grid.width)
        if let one = PlenumColumns.onePage(&measure, height: grid.height) {
            one.draw(blocks, page: 0, into: &canvas, in: grid)
            return true
        }
        // Pages: the marker takes the foot, right-aligned (beside the line of empty groups).
        let markerRows = smallest.lineRows
        if nothing.isEmpty { grid.height -= markerRows + 1 }
        guard let layout = PlenumColumns.paged(&measure, height: grid.height) else {
            return false
        }
        let page = ProjectorPaging.page(of: layout.pages.count, state)
        canvas.pages = layout.pages.count
        layout.draw(blocks, page: page, into: &canvas, in: grid)
        marker(page, of: layout.pages.count, state, into: &canvas, in: area, beside: nothing)
        return true
    }

    /// "1/3" at the foot of `rect`, right-aligned, small but legible; nothing for one page.
    /// Below a line of `beside` text there is room for it on the same row when it is short.
    static func marker(_ page: Int, of pages: Int, _ state: AppState, into canvas: inout Canvas, in rect: Rect,
                       beside: [BigLine] = []) {
        guard pages > 1, let size = PlenumSize.legible(screenRows: canvas.size.height).last else { return }
        let line = BigLine(text: state.strings.format(ProjectorKey.page, page + 1, pages), role: .muted)
        var foot = Rect(x: rect.x, y: rect.maxY - size.lineRows, width: rect.width, height: size.lineRows)
        if let text = beside.first?.text {
            // The empty groups' line is at the foot too: the marker takes the space to its right.
            let taken = (text.count + 2) * size.cellWidth
            foot = Rect(x: rect.x + taken, y: foot.y, width: max(0, rect.width - taken), height: foot.height)
        }
        size.draw([line], into: &canvas, in: foot, alignRight: true)
    }

    /// A group's entries of `kind`, each with the text it links to; nil when it has none yet.
    static func block(_ sheet: Worksheet, kind: EntryKind) -> PlenumBlock? {
        let entries = sheet.entries(of: kind).filter { !$0.text.allSatisfy(\.isWhitespace) }
        guard !entries.isEmpty else { return nil }
        let targets = kind.linksTo.map { sheet.entries(of: $0) } ?? []
        return PlenumBlock(title: BigLine(text: sheet.group.name, role: .heading), items: entries.map { entry in
            PlenumBlock.Item(line: BigLine(text: entry.text.replacingOccurrences(of: "\n", with: " "), marker: "• "),
                             links: targets.filter { entry.links.contains($0.id) }.map {
                                 BigLine(text: $0.text.replacingOccurrences(of: "\n", with: " "), role: .muted, marker: "  → ")
                             })
        })
    }

    /// A group's agreement form for the closing round; nil when it has written nothing.
    static func agreementBlock(_ state: AppState, _ group: TovholderCore.Group) -> PlenumBlock? {
        let lines = ProjectorBlocks.agreement(state, groupID: group.id)
        guard lines != [BigLine(text: state.strings[.closingPlenumEmpty], role: .muted)] else { return nil }
        return PlenumBlock(title: BigLine(text: group.name, role: .heading), items: lines.map { PlenumBlock.Item(line: $0) })
    }
}
