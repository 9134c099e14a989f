import TovholderCore

/// The plenum fills the screen: every group's entries of the part in question in a grid of
/// columns, in the largest font in which they all fit. When they fit only in small letters,
/// the groups are spread over pages, turned every `secondsPerPage` or by the facilitator
/// (PgUp/PgDn on the console's plenum).
enum ProjectorPlenum {
    static let secondsPerPage = 20.0
    /// A page's letters should be at least this tall before more groups share one screen.
    static let readableRows = 4

    struct Layout: Equatable {
        var perPage: Int, columns: Int, font: BigFont
        var pages: Int
    }

    static func render(_ state: AppState, part: WorksheetPart, into canvas: inout Canvas, in body: Rect) -> Bool {
        let s = state.strings
        let groups = state.workshop.activeGroups
        let kind = EntryKind(part: part)
        let title = PlenumScreen.title(state, PlenumView(part: part))
        let blocks: [[BigLine]] = groups.map { group in
            if let kind, let sheet = state.workshop.worksheets[group.id] { return ProjectorBlocks.part(sheet, kind: kind, s) }
            return [BigLine(text: group.name, role: .heading)] + ProjectorBlocks.agreement(state, groupID: group.id)
        }
        let used = ProjectorScreen.heading(title, into: &canvas, in: body)
        guard !blocks.isEmpty else {
            return BigText.place([BigLine(text: s[.noGroups], role: .muted)], into: &canvas,
                                 in: Rect(x: body.x, y: body.y + used, width: body.width, height: body.height - used))
        }
        let smallest = BigFont.ladder.last!
        let grid = Rect(x: body.x, y: body.y + used, width: body.width, height: body.height - used)
        // The foot keeps a line for "side 1 af 2".
        guard let layout = layout(blocks, in: Size(width: grid.width, height: grid.height - smallest.rows - 1)) else {
            // Not even one group fits in big letters: ordinary text, a column per group.
            let width = grid.width / max(1, min(blocks.count, PlenumScreen.columnsThatFit(width: grid.width)))
            for (i, block) in blocks.prefix(grid.width / max(1, width)).enumerated() {
                BigText.drawSmall(block, into: &canvas, in: Rect(x: grid.x + i * width, y: grid.y, width: width - 2,
                                                                 height: grid.height))
            }
            return false
        }
        let page = currentPage(state, pages: layout.pages)
        if layout.pages > 1 {
            // Which page, in the smallest big font, at the foot.
            let label = BigLine(text: s.format(ProjectorKey.page, page + 1, layout.pages), role: .muted)
            BigText.draw([label], font: smallest, into: &canvas,
                         in: Rect(x: grid.x, y: grid.maxY - smallest.rows, width: grid.width, height: smallest.rows))
        }
        let shown = Array(blocks.dropFirst(page * layout.perPage).prefix(layout.perPage))
        let cells = cellRects(count: layout.perPage, columns: layout.columns,
                              in: Rect(x: grid.x, y: grid.y, width: grid.width, height: grid.height - smallest.rows - 1))
        for (block, cell) in zip(shown, cells) {
            BigText.draw(block, font: layout.font, into: &canvas, in: cell)
        }
        return true
    }

    /// The page shown: the facilitator's, else turning by itself.
    static func currentPage(_ state: AppState, pages: Int) -> Int {
        guard pages > 1 else { return 0 }
        if let page = state.session.projection.page { return page % pages }
        return Int(state.now / secondsPerPage) % pages
    }

    /// Rects of a grid of `count` cells in `columns` columns, two columns apart.
    static func cellRects(count: Int, columns: Int, in rect: Rect) -> [Rect] {
        let rows = (count + columns - 1) / columns
        let gap = 3
        let width = (rect.width - gap * (columns - 1)) / columns
        let height = (rect.height - (rows - 1)) / rows
        return (0..<count).map { i in
            Rect(x: rect.x + (i % columns) * (width + gap), y: rect.y + (i / columns) * (height + 1),
                 width: width, height: height)
        }
    }

    /// The fewest pages whose letters are readable (at least `readableRows` tall), in the
    /// arrangement of columns with the largest letters; with no readable one, the largest
    /// letters found. Nil when not even one group per page fits the smallest font.
    static func layout(_ blocks: [[BigLine]], in size: Size) -> Layout? {
        var best: Layout?
        for pages in 1...blocks.count {
            let perPage = (blocks.count + pages - 1) / pages
            if pages > 1, (blocks.count + perPage - 1) / perPage < pages { continue }  // same split as before
            var pageBest: Layout?
            for columns in 1...perPage {
                let cell = cellRects(count: perPage, columns: columns,
                                     in: Rect(x: 0, y: 0, width: size.width, height: size.height))[0]
                // The font in which every group fits its cell.
                var font: BigFont? = BigFont.ladder.first
                for block in blocks {
                    guard let f = font else { break }
                    font = BigText.fit(block, in: Size(width: cell.width, height: cell.height), largest: f)
                }
                if let font, font.rows > (pageBest?.font.rows ?? 0) {
                    pageBest = Layout(perPage: perPage, columns: columns, font: font, pages: pages)
                }
            }
            guard let found = pageBest else { continue }
            if found.font.rows >= readableRows { return found }
            if found.font.rows > (best?.font.rows ?? 0) { best = found }
        }
        return best
    }
}
