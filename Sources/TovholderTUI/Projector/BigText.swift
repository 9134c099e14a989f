import TovholderCore

/// One line of room-facing text: a heading, a paragraph or a list item (with its marker).
struct BigLine: Equatable {
    var text: String
    var role: Role = .text
    /// "• ", "1. ", "? ": drawn before the first wrapped line, later lines indented under it.
    var marker: String = ""
    /// Blank space between sections (half a line of the font in use).
    static let gap = BigLine(text: "")
    var isGap: Bool { text.isEmpty && marker.isEmpty }
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
        let indent = line.marker.count
        guard chars > indent else { return [] }
        return wrap(line.text, width: chars - indent).enumerated().map { i, part in
            (i == 0 ? line.marker : String(repeating: " ", count: indent)) + part
        }
    }

    /// Rows the lines take in `font` at `width`; nil when a word cannot fit a line at all.
    static func height(_ lines: [BigLine], font: BigFont, width: Int) -> Int? {
        var rows = 0
        for (i, line) in lines.enumerated() {
            if line.isGap { rows += max(1, font.rows / 2); continue }
            let parts = wrapped(line, font: font, width: width)
            guard !parts.isEmpty, !parts.contains(where: { font.width(of: $0) > width }) else { return nil }
            rows += parts.count * font.rows + parts.count * leading(font)
            if i == lines.count - 1 { rows -= leading(font) }
        }
        return rows
    }

    /// The largest font (at most `largest`) in which every line fits `size`.
    static func fit(_ lines: [BigLine], in size: Size, largest: BigFont? = nil) -> BigFont? {
        let ladder = BigFont.ladder.drop { largest != nil && $0.rows > largest!.rows }
        return ladder.first { font in (height(lines, font: font, width: size.width) ?? .max) <= size.height }
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
                font.draw(part, into: &canvas, x: x, y: y, role: line.role, attributes: [.bold], maxX: rect.maxX)
                y += font.rows + leading(font)
            }
        }
        return y - rect.y
    }

    /// Ordinary text, for when no big font fits: the caller tells the console.
    static func drawSmall(_ lines: [BigLine], into canvas: inout Canvas, in rect: Rect) {
        ItemContent.draw(lines.map { ItemContent.Line(text: $0.text, role: $0.role, attributes: [.bold], marker: $0.marker) },
                         into: &canvas, in: rect)
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
            for line in chunk {  // a section longer than a screen: line by line
                if bestFit(page + [line], in: size) == nil, !page.isEmpty { pages.append(page); page = [] }
                page.append(line)
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
        let ladder = BigFont.ladder.drop { largest != nil && $0.rows > largest!.rows }
        let two = ladder.first { font in
            (height(Array(lines[..<cut]), font: font, width: half.width) ?? .max) <= half.height
                && (height(Array(lines[cut...]), font: font, width: half.width) ?? .max) <= half.height
        }
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
