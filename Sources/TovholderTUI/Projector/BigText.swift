import TovholderCore

/// One line of room-facing text: a heading, a paragraph or a list item (with its marker).
/// Every character of a big font is one cell wide, so lines are measured in characters
/// (graphemes); the words' lengths are counted once, and fitting tries many fonts on them.
struct BigLine: Equatable {
    var text: String { didSet { paragraphs = BigLine.words(text) } }
    var role: Role
    /// "• ", "1. ", "? ": drawn before the first wrapped line, later lines indented under it.
    var marker: String
    /// Supporting text that may be left out before the rest is cut or paged (an exercise's tip).
    var droppable = false
    /// The length of every word, per paragraph (explicit line breaks).
    private(set) var paragraphs: [[Int]]

    init(text: String, role: Role = .text, marker: String = "") {
        self.text = text; self.role = role; self.marker = marker
        paragraphs = BigLine.words(text)
    }

    /// Blank space between sections (half a line of the font in use).
    static let gap = BigLine(text: "")
    var isGap: Bool { text.isEmpty && marker.isEmpty }

    static func words(_ text: String) -> [[Int]] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph in
            paragraph.split(separator: " ").map(\.count)
        }
    }

    /// Lines this takes at `chars` characters a line (the same greedy wrap `wrapped` draws).
    func lineCount(chars: Int) -> Int {
        let width = chars - marker.count
        var lines = 0
        for words in paragraphs {
            var current = 0
            for word in words {
                if current > 0, current + 1 + word <= width { current += 1 + word; continue }
                if current > 0 { lines += 1 }
                var rest = word
                while rest > width { lines += 1; rest -= width }
                current = rest
            }
            lines += 1
        }
        return lines
    }

    /// The wrapped lines at `chars` characters, the marker before the first.
    func wrapped(chars: Int) -> [String] {
        let width = chars - marker.count
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", count = 0
            for word in paragraph.split(separator: " ") {
                var word = Substring(word), length = word.count
                if count > 0, count + 1 + length <= width { line += " " + word; count += 1 + length; continue }
                if count > 0 { lines.append(line) }
                while length > width {
                    lines.append(String(word.prefix(width)))
                    word = word.dropFirst(width); length -= width
                }
                line = String(word); count = length
            }
            lines.append(line)
        }
        let indent = String(repeating: " ", count: marker.count)
        return lines.enumerated().map { ($0 == 0 ? marker : indent) + $1 }
    }
}

/// Lays out lines in the largest font of the ladder that fits a rect: wrapped first, then
/// stepped down in size. When nothing fits, the caller falls back to ordinary text.
enum BigText {
    /// Rows between two lines of text: none for the small fonts (their glyphs carry their
    /// own leading), one for the larger ones.
    static func leading(_ font: BigFont) -> Int { font.rows >= 6 ? 1 : 0 }

    /// The lines of one BigLine at `width` columns, in characters of `font`.
    static func wrapped(_ line: BigLine, font: BigFont, width: Int) -> [String] {
        let chars = width / font.cellWidth
        guard chars > line.marker.count else { return [] }
        return line.wrapped(chars: chars)
    }

    /// Rows the lines take in `font` at `width`; nil when not even the marker fits a line.
    static func height(_ lines: [BigLine], font: BigFont, width: Int) -> Int? {
        let chars = width / font.cellWidth
        var rows = 0
        for (i, line) in lines.enumerated() {
            if line.isGap { rows += max(1, font.rows / 2); continue }
            guard chars > line.marker.count else { return nil }
            let count = line.lineCount(chars: chars)
            rows += count * (font.rows + leading(font))
            if i == lines.count - 1 { rows -= leading(font) }
        }
        return rows
    }

    /// The largest font (at most `largest`) in which every line fits `size`.
    static func fit(_ lines: [BigLine], in size: Size, largest: BigFont? = nil) -> BigFont? {
        // Binary search down the ladder: a smaller font never needs more rows.
        let ladder = Array(BigFont.ladder.drop { largest != nil && $0.rows > largest!.rows })
        func fits(_ font: BigFont) -> Bool { (height(lines, font: font, width: size.width) ?? .max) <= size.height }
        var low = 0, high = ladder.count  // the answer is the first index in low..<high that fits
        while low < high {
            let mid = (low + high) / 2
            if fits(ladder[mid]) { high = mid } else { low = mid + 1 }
        }
        return low < ladder.count ? ladder[low] : nil
    }

    /// Draws the lines top-down in `font` from rect's top; `centred` centres each line.
    /// Returns the rows used.
    @discardableResult
    static func draw(_ lines: [BigLine], font: BigFont, into canvas: inout Canvas, in rect: Rect,
                     centred: Bool = false) -> Int {
        var y = rect.y
        for line in lines {
            if line.isGap { y += max(1, font.rows / 2); continue }
            for part in wrapped(line, font: font, width: rect.width) {
                guard y + font.rows <= rect.maxY else { return y - rect.y }
                let x = centred ? rect.x + max(0, (rect.width - font.width(of: part)) / 2) : rect.x
                // The unlit cells take the line's colours too: with a role whose background is
                // its point (now, a warning), block glyphs in its foreground would vanish on
                // the screen's background; and one set of attributes per line keeps frames small.
                canvas.fill(Rect(x: x, y: y, width: min(font.width(of: part), rect.maxX - x), height: font.rows),
                            role: line.role, attributes: [.bold])
                font.draw(part, into: &canvas, x: x, y: y, role: line.role, attributes: [.bold], maxX: rect.maxX)
                y += font.rows + leading(font)
            }
        }
        return y - rect.y
    }

    /// Ordinary text, for when no big font fits: the caller tells the console.
    static func drawSmall(_ lines: [BigLine], into canvas: inout Canvas, in rect: Rect) {
        ItemContent.draw(small(lines), into: &canvas, in: rect)
    }

    private static func small(_ lines: [BigLine]) -> [ItemContent.Line] {
        lines.map { ItemContent.Line(text: $0.text, role: $0.role, attributes: [.bold], marker: $0.marker) }
    }

    /// Whether `lines` fit `size` in ordinary text (in two columns where `drawSmall` uses two).
    static func fitsSmall(_ lines: [BigLine], in size: Size) -> Bool {
        let lines = small(lines)
        if ItemContent.height(lines, width: size.width) <= size.height { return true }
        guard size.width >= 70 else { return false }
        let half = (size.width - 3) / 2
        let split = ItemContent.splitPoint(lines, width: half, height: size.height)
        return ItemContent.height(Array(lines[..<split]), width: half) <= size.height
            && ItemContent.height(Array(lines[split...]), width: half) <= size.height
    }

    /// Lines too many for one screen of ordinary text, as pages that each fit: whole sections
    /// where possible, else line by line. Nothing is cut: the room sees every line in turn.
    static func smallPages(_ lines: [BigLine], in size: Size) -> [[BigLine]] {
        var pages: [[BigLine]] = [], page: [BigLine] = []
        for line in lines {
            if page.isEmpty || fitsSmall(page + [line], in: size) { page.append(line); continue }
            // A heading does not stay alone at the foot of a page.
            if let last = page.last, last.role == .heading, page.count > 1 {
                page.removeLast(); pages.append(page); page = [last, line]
            } else {
                pages.append(page); page = [line]
            }
        }
        if !page.isEmpty { pages.append(page) }
        return pages
    }

    /// Where two columns split `lines`: at the section heading nearest the middle.
    /// A list without headings (the programme) splits in the middle.
    static func split(_ lines: [BigLine]) -> Int? {
        let starts = lines.indices.filter { $0 > 0 && lines[$0].role == .heading }
        if starts.isEmpty { return lines.count >= 8 ? (lines.count + 1) / 2 : nil }
        return starts.min { abs($0 * 2 - lines.count) < abs($1 * 2 - lines.count) }
    }

    /// Lines too many for one screen even in the smallest font, as pages that each fit:
    /// whole sections (a heading and what follows) where possible, else line by line.
    static func pages(_ lines: [BigLine], in size: Size) -> [[BigLine]] {
        var sections: [[BigLine]] = []
        for line in lines {
            if line.role == .heading || sections.isEmpty { sections.append([line]) } else { sections[sections.count - 1].append(line) }
        }
        var pages: [[BigLine]] = [], page: [BigLine] = []
        func add(_ chunk: [BigLine]) {
            if bestFit(page + chunk, in: size) != nil { page += chunk; return }
            if !page.isEmpty { pages.append(page); page = [] }
            if bestFit(chunk, in: size) != nil { page = chunk; return }
            // A section longer than a screen: as many of its lines as fit, page after page
            // (found by halving, as each try measures the whole page).
            var rest = chunk[...]
            while !rest.isEmpty {
                var low = 1, high = rest.count  // the most lines that fit, at least one
                while low < high {
                    let mid = (low + high + 1) / 2
                    if bestFit(page + rest.prefix(mid), in: size) != nil { low = mid } else { high = mid - 1 }
                }
                page += rest.prefix(low)
                rest = rest.dropFirst(low)
                if !rest.isEmpty { pages.append(page); page = [] }
            }
        }
        for section in sections { add(section) }
        if !page.isEmpty { pages.append(page) }
        return pages
    }

    static let columnGap = 4

    /// The largest font for `lines` in `size`, in one column or (a wide rect, long text) two.
    static func bestFit(_ lines: [BigLine], in size: Size, largest: BigFont? = nil) -> (font: BigFont, split: Int?)? {
        let one = fit(lines, in: size, largest: largest)
        guard let cut = split(lines), size.width >= 80 else { return one.map { ($0, nil) } }
        let half = Size(width: (size.width - columnGap) / 2, height: size.height)
        let left = Array(lines[..<cut]), right = Array(lines[cut...])
        let two = fit(left, in: half, largest: largest).flatMap { fit(right, in: half, largest: $0) }
        if let two, two.rows > (one?.rows ?? 0) { return (two, cut) }
        return one.map { ($0, nil) }
    }

    /// Fits and draws; false when it had to fall back to ordinary text.
    @discardableResult
    static func place(_ lines: [BigLine], into canvas: inout Canvas, in rect: Rect, largest: BigFont? = nil,
                      centred: Bool = false) -> Bool {
        guard !lines.isEmpty, rect.height > 0 else { return true }
        guard let (font, cut) = bestFit(lines, in: Size(width: rect.width, height: rect.height), largest: largest) else {
            drawSmall(lines, into: &canvas, in: rect)
            return false
        }
        if let cut {
            let half = (rect.width - columnGap) / 2
            draw(Array(lines[..<cut]), font: font, into: &canvas, in: Rect(x: rect.x, y: rect.y, width: half, height: rect.height))
            draw(Array(lines[cut...]), font: font, into: &canvas,
                 in: Rect(x: rect.x + half + columnGap, y: rect.y, width: half, height: rect.height))
        } else {
            draw(lines, font: font, into: &canvas, in: rect, centred: centred)
        }
        return true
    }
}
