/// One cell of the screen: a grapheme (empty for the right half of a wide one), its role and
/// extra attributes.
public struct Cell: Equatable, Sendable {
    public var grapheme: Character?
    public var role: Role
    public var attributes: TextAttributes
    public static let blank = Cell(grapheme: " ", role: .text, attributes: [])
    /// The right half of a two-cell grapheme.
    public var isContinuation: Bool { grapheme == nil }
}

public struct Size: Equatable, Sendable {
    public var width: Int, height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxY: Int { y + height }
    public var maxX: Int { x + width }
    public func inset(dx: Int, dy: Int) -> Rect { Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy) }
    public func rows(from top: Int, count: Int) -> Rect { Rect(x: x, y: y + top, width: width, height: min(count, height - top)) }
}

/// An in-memory screen. Screens draw into it; the backend copies it to the terminal and
/// tests compare its text description. Every string passes the sanitizer here.
public struct Canvas: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    /// How many pages the drawn content has (a paged projector screen says so here, so the
    /// projector's runner can start a screen whose page count changed on page 1).
    public var pages = 1
    private var cursorY = 0

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell { cells[y * size.width + x] }

    /// Fills a rect with one narrow grapheme (a space by default), clipped to the canvas.
    public mutating func fill(_ rect: Rect, role: Role, attributes: TextAttributes = [], with grapheme: Character = " ") {
        let cell = Cell(grapheme: grapheme, role: role, attributes: attributes)
        let x0 = max(0, rect.x), x1 = min(size.width, rect.maxX)
        guard x0 < x1 else { return }
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            if x0 > 0, cells[y * size.width + x0].isContinuation { cells[y * size.width + x0 - 1].grapheme = " " }
            for x in x0..<x1 { cells[y * size.width + x] = cell }
            if x1 < size.width, cells[y * size.width + x1].isContinuation { cells[y * size.width + x1].grapheme = " " }
        }
    }

    /// Draws `text` from (x, y), clipped at `maxX` (default: the right edge). Returns the
    /// column after the last cell drawn. A wide grapheme that does not fit is not split.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .text,
                             attributes: TextAttributes = [], maxX: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return x }
        let limit = min(maxX ?? size.width, size.width)
        var col = x
        for g in text {
            let shown: Character
            var cellRole = role
            let w: Int
            if DisplayWidth.isPlainNarrow(g) { shown = g; w = 1 }  // fast path: most text, block digits
            else {
                if let visible = Sanitizer.visible(g) { shown = visible; cellRole = .control } else { shown = Sanitizer.drawable(g) }
                w = DisplayWidth.of(shown)
            }
            if w == 0 {  // a lone combining mark: attach to the previous cell if possible
                continue
            }
            if col + w > limit { break }
            if col >= 0 {
                clearWide(at: col, y: y)
                cells[y * size.width + col] = Cell(grapheme: shown, role: cellRole, attributes: attributes)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    cells[y * size.width + col + 1] = Cell(grapheme: nil, role: cellRole, attributes: attributes)
                }
            }
            col += w
        }
        return col
    }

    /// Sets one cell to a grapheme the caller knows is narrow and printable (BigFont's blocks),
    /// skipping `put`'s sanitizer and width checks: a big-letter screen sets thousands of cells.
    /// Off-canvas cells are ignored.
    public mutating func setNarrow(_ grapheme: Character, x: Int, y: Int, role: Role, attributes: TextAttributes) {
        guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
        clearWide(at: x, y: y)
        cells[y * size.width + x] = Cell(grapheme: grapheme, role: role, attributes: attributes)
    }

    /// Overwriting half of a wide grapheme blanks its other half, so no half-glyphs remain.
    private mutating func clearWide(at x: Int, y: Int) {
        let i = y * size.width + x
        if cells[i].isContinuation, x > 0 { cells[i - 1].grapheme = " " }
        if x + 1 < size.width, cells[i + 1].isContinuation, !cells[i].isContinuation,
           let g = cells[i].grapheme, DisplayWidth.of(g) == 2 {
            cells[i + 1].grapheme = " "
        }
    }

    /// Centred on row y within rect's columns.
    @discardableResult
    public mutating func putCentred(_ text: String, in rect: Rect, y: Int, role: Role = .text,
                                    attributes: TextAttributes = []) -> Int {
        let w = DisplayWidth.of(text)
        let x = rect.x + max(0, (rect.width - w) / 2)
        return put(text, x: x, y: y, role: role, attributes: attributes, maxX: rect.maxX)
    }

    /// The screen as text, one line per row, trailing spaces kept so sizes show.
    public var text: String {
        var out = ""
        for y in 0..<size.height {
            for x in 0..<size.width {
                if let g = self[x, y].grapheme { out.append(g) }
            }
            out.append("\n")
        }
        return out
    }

    /// The roles as one letter per cell beside the text: tests see colour changes too.
    public var roleMap: String {
        var out = ""
        for y in 0..<size.height {
            for x in 0..<size.width { out.append(Canvas.roleLetter[self[x, y].role] ?? "?") }
            out.append("\n")
        }
        return out
    }

    static let roleLetter: [Role: Character] = {
        let letters = Array("tmhTKkNxdabcwWVsBeC")
        var map: [Role: Character] = [:]
        for (i, role) in Role.allCases.enumerated() { map[role] = i < letters.count ? letters[i] : "?" }
        return map
    }()

    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }
}
