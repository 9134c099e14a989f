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
            // A group's text does not fit one screen even in the smallest letters: one group at
            // a time, in two columns, over as many pages as it takes.
            let area = Rect(x: grid.x, y: grid.y, width: grid.width, height: grid.height - smallest.rows - 1)
            let screens = blocks.flatMap { BigText.pages($0, in: Size(width: area.width, height: area.height)) }
            let page = currentPage(state, pages: screens.count)
            if screens.count > 1 { pageLabel(page, of: screens.count, s, into: &canvas, in: grid) }
            return BigText.place(screens[page], into: &canvas, in: area)
        }
        let page = currentPage(state, pages: layout.pages)
        if layout.pages > 1 { pageLabel(page, of: layout.pages, s, into: &canvas, in: grid) }
        let shown = Array(blocks.dropFirst(page * layout.perPage).prefix(layout.perPage))
        let cells = cellRects(count: layout.perPage, columns: layout.columns,
                              in: Rect(x: grid.x, y: grid.y, width: grid.width, height: grid.height - smallest.rows - 1))
        for (block, cell) in zip(shown, cells) {
            BigText.draw(block, font: layout.font, into: &canvas, in: cell)
        }
        return true
    }

    /// "side 1 af 2" in the smallest big letters at the foot of `rect`.
    static func pageLabel(_ page: Int, of pages: Int, _ s: Strings, into canvas: inout Canvas, in rect: Rect) {
        let smallest = BigFont.ladder.last!
        BigText.draw([BigLine(text: s.format(ProjectorKey.page, page + 1, pages), role: .muted)], font: smallest,
                     into: &canvas, in: Rect(x: rect.x, y: rect.maxY - smallest.rows, width: rect.width, height: smallest.rows))
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
        let ladder = BigFont.ladder
        // The rows the tallest block needs in each font at each column count (cells of one
        // column count have one width, whatever the pages): measured once, not per page.
        var tallest: [Int: [Int]] = [:]
        func need(columns: Int) -> [Int] {
            if let known = tallest[columns] { return known }
            let width = cellRects(count: columns, columns: columns, in: Rect(x: 0, y: 0, width: size.width, height: 1))[0].width
            let rows = ladder.map { font in
                blocks.map { BigText.height($0, font: font, width: width) ?? .max }.max() ?? 0
            }
            tallest[columns] = rows
            return rows
        }
        var best: Layout?
        for pages in 1...blocks.count {
            let perPage = (blocks.count + pages - 1) / pages
            if pages > 1, (blocks.count + perPage - 1) / perPage < pages { continue }  // same split as before
            var pageBest: Layout?
            // Of the column counts giving the same number of rows, the fewest give the widest cells.
            let columnCounts = (1...perPage).filter { c in c == 1 || (perPage + c - 1) / c < (perPage + c - 2) / (c - 1) }
            for columns in columnCounts {
                let cellHeight = cellRects(count: perPage, columns: columns,
                                           in: Rect(x: 0, y: 0, width: size.width, height: size.height))[0].height
                let rows = need(columns: columns)
                guard let index = ladder.indices.first(where: { rows[$0] <= cellHeight }) else { continue }
                if ladder[index].rows > (pageBest?.font.rows ?? 0) {
                    pageBest = Layout(perPage: perPage, columns: columns, font: ladder[index], pages: pages)
                }
            }
            guard let found = pageBest else { continue }
            if found.font.rows >= readableRows { return found }
            if found.font.rows > (best?.font.rows ?? 0) { best = found }
        }
        return best
    }
}
