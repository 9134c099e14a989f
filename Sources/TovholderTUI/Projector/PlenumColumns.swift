import TovholderCore

/// One group's column on a plenum-like screen: its name, its entries, and under an entry the
/// text it links to (drawn one size smaller: the room cannot see "Mål 2").
struct PlenumBlock: Equatable {
    struct Item: Equatable {
        var line: BigLine
        var links: [BigLine] = []
    }
    var title: BigLine
    var items: [Item]
}

/// A size text can take on the projector: a big font, or ordinary (bold) text, which is
/// legible where one row is at least 1/50 of the screen's height.
struct PlenumSize: Equatable {
    /// Nil: ordinary text, one cell a character, one row a line.
    var font: BigFont?
    var cellWidth: Int { font?.cellWidth ?? 1 }
    var lineRows: Int { font?.rows ?? 1 }
    /// Space between two groups stacked in one column, and between entries.
    var groupGap: Int { font.map { max(1, $0.rows / 2) } ?? 1 }
    var entryGap: Int { font.map(BigText.leading) ?? 0 }

    /// Rows `lines` take at `width`; nil when not even a marker fits a line.
    func height(_ lines: [BigLine], width: Int) -> Int? {
        var rows = 0
        for (i, line) in lines.enumerated() {
            guard let h = height(line, width: width) else { return nil }
            rows += h + (i < lines.count - 1 ? entryGap : 0)
        }
        return rows
    }

    /// Rows one line takes at `width` (no leading after it), as `BigText.height` counts them.
    func height(_ line: BigLine, width: Int) -> Int? {
        let chars = width / cellWidth
        guard chars > line.marker.count else { return nil }
        let count = line.lineCount(chars: chars)
        return count * (lineRows + entryGap) - entryGap
    }

    @discardableResult
    func draw(_ lines: [BigLine], into canvas: inout Canvas, in rect: Rect, alignRight: Bool = false) -> Int {
        if let font {
            if alignRight, let line = lines.first {
                let width = font.width(of: line.text)
                return BigText.draw(lines, font: font, into: &canvas,
                                    in: Rect(x: max(rect.x, rect.maxX - width), y: rect.y, width: min(width, rect.width), height: rect.height))
            }
            return BigText.draw(lines, font: font, into: &canvas, in: rect)
        }
        var y = rect.y
        for line in lines {
            for part in line.wrapped(chars: rect.width) where y < rect.maxY {
                let x = alignRight ? max(rect.x, rect.maxX - part.count) : rect.x
                canvas.put(part, x: x, y: y, role: line.role, attributes: [.bold], maxX: rect.maxX)
                y += 1
            }
        }
        return y - rect.y
    }

    /// The legible sizes for a screen `rows` tall, largest first: big letters of 5×8 or more
    /// (smaller ones lose m/M/N/w), then ordinary text where a row is ≥ 1/50 of the height.
    static func legible(screenRows rows: Int) -> [PlenumSize] {
        let big = BigFont.ladder.filter { $0.rows >= minimumBigRows }.map { PlenumSize(font: $0) }
        return big + (rows <= ordinaryMaxRows ? [PlenumSize(font: nil)] : [])
    }

    /// 5×8: the smallest half-block font whose letters stay apart.
    static let minimumBigRows = 4
    /// The projector check's threshold: up to 50 rows, one row is at least 1/50 of the height.
    static let ordinaryMaxRows = 50
}

/// Lays out the groups side by side in columns, in the largest legible size that holds them
/// all; pages (whole groups each) only when not even the smallest does.
struct PlenumColumns {
    /// Columns of groups (indices into the blocks, top to bottom) on each page, in `size`.
    var pages: [[[Int]]]
    var columns: Int
    var size: PlenumSize
    /// The size of the links under an entry: the next smaller legible one.
    var linkSize: PlenumSize

    static let gap = 3
    /// A column narrower than this many characters reads as a word list.
    static let minimumChars = 10

    static func columnWidth(_ columns: Int, in width: Int) -> Int { (width - gap * (columns - 1)) / columns }

    /// Rows a block takes at `width`; nil when it cannot be drawn there.
    static func height(_ block: PlenumBlock, size: PlenumSize, linkSize: PlenumSize, width: Int) -> Int? {
        guard var rows = size.height(block.title, width: width) else { return nil }
        for item in block.items {
            guard let line = size.height(item.line, width: width) else { return nil }
            rows += size.entryGap + line
            for link in item.links {
                guard let h = linkSize.height(link, width: width) else { return nil }
                rows += linkSize.entryGap + h
            }
        }
        return rows
    }

    /// The blocks' heights per size and column count, measured once for both the one-page
    /// try and the pages (the plenum's render budget is 2 ms at 240×67 with 8 groups).
    struct Measure {
        let blocks: [PlenumBlock], sizes: [PlenumSize], width: Int
        private var known: [Int: [Int]] = [:]
        init(_ blocks: [PlenumBlock], sizes: [PlenumSize], width: Int) { self.blocks = blocks; self.sizes = sizes; self.width = width }

        /// Heights at size `i` in `columns` columns; .max for a block that cannot be drawn there.
        mutating func heights(size i: Int, columns: Int) -> [Int] {
            let key = i * 1000 + columns
            if let h = known[key] { return h }
            let w = PlenumColumns.columnWidth(columns, in: width)
            let linkSize = sizes[min(i + 1, sizes.count - 1)]
            let h = blocks.map { PlenumColumns.height($0, size: sizes[i], linkSize: linkSize, width: w) ?? .max }
            known[key] = h
            return h
        }
    }

    /// Consecutive groups into pages of `columns` columns `capacity` rows tall; a group taller
    /// than a column stands alone in one (cut at the foot).
    static func pack(_ heights: [Int], columns: Int, capacity: Int, gap: Int) -> [[[Int]]] {
        var pages: [[[Int]]] = [], page: [[Int]] = [], column: [Int] = [], used = 0
        for (i, h) in heights.enumerated() {
            if column.isEmpty || used + gap + h <= capacity {
                used = column.isEmpty ? h : used + gap + h
                column.append(i)
                continue
            }
            page.append(column)
            if page.count == columns { pages.append(page); page = [] }
            column = [i]; used = h
        }
        if !column.isEmpty { page.append(column) }
        if !page.isEmpty { pages.append(page) }
        return pages
    }

    /// One page's groups spread evenly over `columns`: the least capacity that still packs
    /// them into one page (so the left columns are not full while the right ones stand empty).
    static func balance(_ heights: [Int], columns: Int, capacity: Int, gap: Int) -> [[Int]] {
        if heights.count <= columns { return heights.indices.map { [$0] } }
        var low = heights.max() ?? 0, high = capacity
        while low < high {
            let mid = (low + high) / 2
            if pack(heights, columns: columns, capacity: mid, gap: gap).count <= 1 { high = mid } else { low = mid + 1 }
        }
        return pack(heights, columns: columns, capacity: low, gap: gap).first ?? []
    }

    /// Every group on one page in the largest size that fits `area`, else nil.
    static func onePage(_ blocks: [PlenumBlock], sizes: [PlenumSize], in area: Size) -> PlenumColumns? {
        var measure = Measure(blocks, sizes: sizes, width: area.width)
        return onePage(&measure, height: area.height)
    }

    static func onePage(_ measure: inout Measure, height: Int) -> PlenumColumns? {
        let sizes = measure.sizes, count = measure.blocks.count
        for (i, size) in sizes.enumerated() {
            // Most columns first: the groups side by side is what the room compares.
            for columns in stride(from: min(count, maxColumns(size, measure.width)), through: 1, by: -1) {
                let heights = measure.heights(size: i, columns: columns)
                guard heights.allSatisfy({ $0 <= height }) else { continue }
                guard pack(heights, columns: columns, capacity: height, gap: size.groupGap).count == 1 else { continue }
                return PlenumColumns(pages: [balance(heights, columns: columns, capacity: height, gap: size.groupGap)],
                                     columns: columns, size: size, linkSize: sizes[min(i + 1, sizes.count - 1)])
            }
        }
        return nil
    }

    /// Whole groups over the fewest pages, in the largest size that needs no more of them.
    /// Only when some group is taller than a whole screen in every arrangement is it cut.
    static func paged(_ blocks: [PlenumBlock], sizes: [PlenumSize], in area: Size) -> PlenumColumns? {
        var measure = Measure(blocks, sizes: sizes, width: area.width)
        return paged(&measure, height: area.height)
    }

    static func paged(_ measure: inout Measure, height: Int) -> PlenumColumns? {
        paged(&measure, height: height, cut: false) ?? paged(&measure, height: height, cut: true)
    }

    private static func paged(_ measure: inout Measure, height: Int, cut: Bool) -> PlenumColumns? {
        let sizes = measure.sizes, count = measure.blocks.count
        /// The fewest pages at size `i`, and the columns giving them (the most columns of those).
        func fewest(_ i: Int) -> (pages: [[[Int]]], columns: Int)? {
            var best: (pages: [[[Int]]], columns: Int)?
            for columns in stride(from: min(count, maxColumns(sizes[i], measure.width)), through: 1, by: -1) {
                let heights = measure.heights(size: i, columns: columns)
                guard heights.allSatisfy({ $0 < .max && (cut || $0 <= height) }) else { continue }
                let pages = pack(heights, columns: columns, capacity: height, gap: sizes[i].groupGap)
                if best == nil || pages.count < best!.pages.count {
                    best = (pages.map { page in
                        let groups = page.flatMap { $0 }
                        let spread = balance(groups.map { heights[$0] }, columns: columns, capacity: height, gap: sizes[i].groupGap)
                        return spread.map { $0.map { groups[$0] } }
                    }, columns)
                }
            }
            return best
        }
        // The smallest size sets the fewest pages; the largest size that needs no more is used.
        guard let last = sizes.indices.last, let floor = fewest(last) else { return nil }
        for i in sizes.indices.dropLast() {
            if let found = fewest(i), found.pages.count <= floor.pages.count {
                return PlenumColumns(pages: found.pages, columns: found.columns, size: sizes[i],
                                     linkSize: sizes[min(i + 1, sizes.count - 1)])
            }
        }
        return PlenumColumns(pages: floor.pages, columns: floor.columns, size: sizes[last], linkSize: sizes[last])
    }

    static func maxColumns(_ size: PlenumSize, _ width: Int) -> Int {
        var columns = 1
        while columnWidth(columns + 1, in: width) / size.cellWidth >= minimumChars { columns += 1 }
        return columns
    }

    /// Draws page `page`'s columns into `rect`.
    func draw(_ blocks: [PlenumBlock], page: Int, into canvas: inout Canvas, in rect: Rect) {
        let width = Self.columnWidth(columns, in: rect.width)
        for (c, column) in pages[page].enumerated() {
            let x = rect.x + c * (width + Self.gap)
            var y = rect.y
            for (n, index) in column.enumerated() {
                if n > 0 { y += size.groupGap }
                let block = blocks[index]
                y += draw(block, into: &canvas, in: Rect(x: x, y: y, width: width, height: rect.maxY - y))
            }
        }
    }

    /// One block top-down; returns the rows it took (as `height` counts them).
    private func draw(_ block: PlenumBlock, into canvas: inout Canvas, in rect: Rect) -> Int {
        var y = rect.y
        func put(_ lines: [BigLine], _ size: PlenumSize) {
            guard y < rect.maxY, let rows = size.height(lines, width: rect.width) else { return }
            size.draw(lines, into: &canvas, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y))
            y += rows
        }
        put([block.title], size)
        for item in block.items {
            y += size.entryGap
            put([item.line], size)
            if !item.links.isEmpty { y += linkSize.entryGap; put(item.links, linkSize) }
        }
        return y - rect.y
    }
}
