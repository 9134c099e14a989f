/// One display line of a wrapped field.
public struct EditorLine: Equatable, Sendable {
    /// How the line ends, i.e. what lies between its `range` and the next line's.
    public enum Break: Equatable, Sendable {
        /// A newline in the text (consumed: drawn on no line).
        case newline
        /// A soft wrap at a space (the one space is consumed).
        case space
        /// A soft wrap inside a word longer than the line, or after a full line (nothing consumed).
        case wrap
        /// The end of the text.
        case end
    }
    /// The graphemes drawn on this line.
    public var range: Range<Int>
    /// Display width in cells of those graphemes.
    public var width: Int
    public var lineBreak: Break
}

/// Word wrap of a grapheme array at a width, and the mapping between grapheme indices and
/// (row, column) that the cursor, up/down and Home/End use.
///
/// Rules: break at the space before a word that does not fit; break inside a word longer
/// than the line; honour newlines. A line that is exactly full and ends at a newline or at
/// the end of the text is followed by an empty line, so the cursor after it has a cell of
/// its own (column 0 of the next row) instead of a column beyond the field.
struct EditorLayout {
    let graphemes: [Character]
    let width: Int
    private(set) var lines: [EditorLine] = []

    init(_ graphemes: [Character], width: Int) {
        self.graphemes = graphemes
        self.width = max(1, width)
        var start = 0
        // One paragraph (up to a newline) at a time.
        while true {
            var end = start
            while end < graphemes.count && !EditorLayout.isNewline(graphemes[end]) { end += 1 }
            wrapParagraph(start..<end, last: end == graphemes.count)
            if end == graphemes.count { break }
            start = end + 1
        }
    }

    private mutating func wrapParagraph(_ paragraph: Range<Int>, last: Bool) {
        let finalBreak: EditorLine.Break = last ? .end : .newline
        var lineStart = paragraph.lowerBound
        var column = 0
        var wordStart = lineStart        // first grapheme of the word being placed
        var widthBeforeWord = 0           // line width up to the space before that word
        var i = lineStart
        while i < paragraph.upperBound {
            let g = graphemes[i]
            let w = EditorLayout.cells(g)
            let isSpace = EditorLayout.isSpace(g)
            if column + w <= width || i == lineStart {  // fits (or alone: a line holds at least one)
                if isSpace { wordStart = i + 1; widthBeforeWord = column }
                column += w
                i += 1
                continue
            }
            if isSpace {
                // The space that does not fit is the break itself.
                lines.append(EditorLine(range: lineStart..<i, width: column, lineBreak: .space))
                lineStart = i + 1
            } else if wordStart > lineStart + 1 {
                // Move the word down; the space before it is the break.
                lines.append(EditorLine(range: lineStart..<wordStart - 1, width: widthBeforeWord, lineBreak: .space))
                lineStart = wordStart
            } else {
                // A word longer than the line (or a line starting with a space): cut it here.
                lines.append(EditorLine(range: lineStart..<i, width: column, lineBreak: .wrap))
                lineStart = i
            }
            // Re-measure the line from its new start (at most the moved word).
            i = lineStart
            column = 0
            wordStart = lineStart
            widthBeforeWord = 0
        }
        if column >= width && lineStart < paragraph.upperBound {
            // Full to the edge: the cursor after it gets its own (empty) row.
            lines.append(EditorLine(range: lineStart..<paragraph.upperBound, width: column, lineBreak: .wrap))
            lines.append(EditorLine(range: paragraph.upperBound..<paragraph.upperBound, width: 0, lineBreak: finalBreak))
        } else {
            lines.append(EditorLine(range: lineStart..<paragraph.upperBound, width: column, lineBreak: finalBreak))
        }
    }

    var rowCount: Int { lines.count }

    /// `DisplayWidth.of` with the canvas's fast path for plain text first: layout runs on
    /// every keystroke over the whole field, and most graphemes are ASCII or æøå.
    @inline(__always)
    static func cells(_ g: Character) -> Int { DisplayWidth.isPlainNarrow(g) ? 1 : DisplayWidth.of(g) }

    // Byte checks instead of `Character ==`, which compares as strings (measured: layout of
    // 10 000 graphemes 1.0 → 0.7 ms). A lone LF only: "\r\n" typed is text, not a break.
    @inline(__always)
    static func isNewline(_ g: Character) -> Bool { let u = g.utf8; return u.first == 0x0A && u.count == 1 }
    @inline(__always)
    static func isSpace(_ g: Character) -> Bool { let u = g.utf8; return u.first == 0x20 && u.count == 1 }

    /// The last grapheme index whose cursor is drawn on `row`: the end of the line, unless
    /// that belongs to the next row (a wrap inside a word) or would be at the right edge.
    func lastIndex(onRow row: Int) -> Int {
        let line = lines[row]
        var index = line.range.upperBound, column = line.width
        if line.lineBreak == .wrap && index > line.range.lowerBound {
            index -= 1; column -= EditorLayout.cells(graphemes[index])
        }
        // Step back over zero-width graphemes too, so the column stays below the width.
        while index > line.range.lowerBound && column >= width {
            index -= 1; column -= EditorLayout.cells(graphemes[index])
        }
        return index
    }

    /// Row and column (in cells) where the cursor at `index` is drawn.
    func position(of index: Int) -> (row: Int, column: Int) {
        // Binary search: the first row whose last cursor index is at or after `index`.
        var lo = 0, hi = lines.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if lastIndex(onRow: mid) < index { lo = mid + 1 } else { hi = mid }
        }
        let line = lines[lo]
        guard index > line.range.lowerBound else { return (lo, 0) }
        var column = 0
        for i in line.range.lowerBound..<min(index, line.range.upperBound) { column += EditorLayout.cells(graphemes[i]) }
        return (lo, column)
    }

    /// The index on `row` whose cursor column is the largest not beyond `column`
    /// (never the middle of a wide character).
    func index(row: Int, column: Int) -> Int {
        let line = lines[min(max(0, row), lines.count - 1)]
        let last = lastIndex(onRow: min(max(0, row), lines.count - 1))
        var index = line.range.lowerBound, x = 0
        while index < last {
            let w = EditorLayout.cells(graphemes[index])
            if x + w > column { break }
            x += w
            index += 1
        }
        return index
    }
}

extension TextEditor {
    /// The wrapped display lines at `width` cells.
    public func layout(width: Int) -> [EditorLine] { EditorLayout(graphemes, width: width).lines }

    /// Where the cursor is drawn at `width`: row of `layout(width:)` and column in cells,
    /// always less than `width` (a cursor after a full line goes to the next row).
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        EditorLayout(graphemes, width: width).position(of: cursor)
    }

    /// The text of one display line.
    public func text(of line: EditorLine) -> String { String(graphemes[line.range]) }
}
