/// What a key did to a `TextEditor`, so the caller knows whether to save, redraw or handle
/// the key itself.
public enum EditResult: Equatable, Sendable {
    /// The text changed (save it, redraw).
    case textChanged
    /// Only the cursor moved (redraw).
    case cursorMoved
    /// A key for the editor that had nothing to do (Backspace at the start, Undo with no history).
    case unchanged
    /// Not an editing key (Esc, Tab, F-keys, PgUp/PgDn): the caller decides.
    case notHandled
}

/// The text of one worksheet field being edited: a value type with a cursor and undo history.
///
/// The text is kept as an array of grapheme clusters, so the cursor is an index into it
/// (0...count) and can never land inside æ, e + accent, 👍🏽 or 👨‍👩‍👧; edits and paste are
/// array operations rather than repeated `String.Index` walks, which would be O(n²).
public struct TextEditor: Equatable, Sendable {
    /// The grapheme clusters of the text; always equal to `Array(text)`.
    public internal(set) var graphemes: [Character]
    /// Grapheme index 0...graphemes.count.
    public internal(set) var cursor: Int
    /// The column up/down try to keep, so passing a short line does not lose it.
    var goalColumn: Int?
    var undoStack: [Edit] = []
    var redoStack: [Edit] = []
    /// Whether the next typed character may join the last undo step.
    var coalescing = false

    /// Undo steps kept; older ones are dropped so a long day cannot grow memory without bound.
    static let undoLimit = 500
    /// Tabs in a paste become this many spaces: a field has no tab stops.
    static let tabReplacement = "    "

    public init(text: String = "", cursor: Int? = nil) {
        graphemes = Array(text)
        self.cursor = min(max(0, cursor ?? graphemes.count), graphemes.count)
    }

    public var text: String { String(graphemes) }
    public var count: Int { graphemes.count }
    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Editing keys on Ctrl, as in nano and shells: start and end of line, delete to the end
    /// of the line, delete the line, delete the word before the cursor.
    public static let ctrlKeys: Set<Character> = ["a", "e", "k", "u", "w"]

    /// Ctrl-Z and Ctrl-Y as terminals send them.
    public static let undoKey = Key.ctrl("z")
    public static let redoKey = Key.ctrl("y")

    /// Applies one key. `width` is the field's text width in cells (see `TextFieldView.textWidth`),
    /// needed because up/down/Home/End work on the wrapped display lines.
    public mutating func handle(_ key: Key, width: Int) -> EditResult {
        switch key {
        case TextEditor.undoKey: return undo() ? .textChanged : .unchanged
        case TextEditor.redoKey: return redo() ? .textChanged : .unchanged
        case .char(let c): return type(c)
        case .enter: return type("\n")
        case .paste(let s): return paste(s)
        case .backspace: return deleteBackward()
        case .delete: return deleteForward()
        case .left: return moveCursor(to: cursor - 1)
        case .right: return moveCursor(to: cursor + 1)
        case .wordLeft: return moveCursor(to: WordMotion.left(from: cursor, in: graphemes))
        case .wordRight: return moveCursor(to: WordMotion.right(from: cursor, in: graphemes))
        case .up, .down:
            let layout = EditorLayout(graphemes, width: width)
            let position = layout.position(of: cursor)
            let goal = goalColumn ?? position.column
            let row = position.row + (key == .up ? -1 : 1)
            let target: Int
            if row < 0 { target = 0 }                              // past the top: to the start
            else if row >= layout.rowCount { target = count }       // past the bottom: to the end
            else { target = layout.index(row: row, column: goal) }
            let result = moveCursor(to: target)
            goalColumn = goal  // after moveCursor, which forgets it
            return result
        case .home, .end:
            let layout = EditorLayout(graphemes, width: width)
            let row = layout.position(of: cursor).row
            return moveCursor(to: layout.index(row: row, column: key == .home ? 0 : Int.max))
        case .ctrl("a"): return moveToLineEdge(end: false)
        case .ctrl("e"): return moveToLineEdge(end: true)
        case .ctrl("k"): return deleteToLineEnd()
        case .ctrl("u"): return deleteLine()
        case .ctrl("w"): return deleteWordBackward()
        case .escape, .tab, .backTab, .function, .pageUp, .pageDown, .ctrl, .alt, .insert:
            return .notHandled
        }
    }

    // MARK: Editing

    /// Types one character: joins the current undo step while a word is being typed; a
    /// word typed after a space starts a new step, so undo takes back a word at a time.
    mutating func type(_ c: Character) -> EditResult {
        let startsWord = !c.isWhitespace && cursor > 0 && graphemes[cursor - 1].isWhitespace
        let join = coalescing && !startsWord && undoStack.last?.kind == .typing
        replace(cursor..<cursor, with: [c], kind: .typing, joinPrevious: join)
        return .textChanged
    }

    /// Inserts a whole paste as one undo step. CR LF and lone CR become LF, tabs become
    /// spaces; every other control character is kept (the canvas shows it visibly).
    mutating func paste(_ s: String) -> EditResult {
        let normalized = TextEditor.normalizePaste(s)
        guard !normalized.isEmpty else { return .unchanged }
        replace(cursor..<cursor, with: Array(normalized), kind: .paste, joinPrevious: false)
        return .textChanged
    }

    mutating func deleteBackward() -> EditResult {
        guard cursor > 0 else { return .unchanged }
        let join = coalescing && undoStack.last?.kind == .deleteBackward
        replace(cursor - 1..<cursor, with: [], kind: .deleteBackward, joinPrevious: join)
        return .textChanged
    }

    mutating func deleteForward() -> EditResult {
        guard cursor < count else { return .unchanged }
        let join = coalescing && undoStack.last?.kind == .deleteForward
        replace(cursor..<cursor + 1, with: [], kind: .deleteForward, joinPrevious: join)
        return .textChanged
    }

    /// The line (between line breaks) the cursor is on, as grapheme indices.
    func lineRange() -> Range<Int> {
        var start = cursor, end = cursor
        while start > 0 && !EditorLayout.isNewline(graphemes[start - 1]) { start -= 1 }
        while end < count && !EditorLayout.isNewline(graphemes[end]) { end += 1 }
        return start..<end
    }

    mutating func moveToLineEdge(end: Bool) -> EditResult {
        let line = lineRange()
        return moveCursor(to: end ? line.upperBound : line.lowerBound)
    }

    mutating func deleteToLineEnd() -> EditResult {
        let line = lineRange()
        guard cursor < line.upperBound else { return .unchanged }
        replace(cursor..<line.upperBound, with: [], kind: .paste, joinPrevious: false)
        return .textChanged
    }

    mutating func deleteLine() -> EditResult {
        var line = lineRange()
        if line.isEmpty {
            guard line.upperBound < count else { return .unchanged }
        }
        if line.upperBound < count { line = line.lowerBound..<line.upperBound + 1 }  // and its line break
        cursor = line.lowerBound
        replace(line, with: [], kind: .paste, joinPrevious: false)
        cursor = min(line.lowerBound, count)
        return .textChanged
    }

    mutating func deleteWordBackward() -> EditResult {
        let start = WordMotion.left(from: cursor, in: graphemes)
        guard start < cursor else { return .unchanged }
        replace(start..<cursor, with: [], kind: .paste, joinPrevious: false)
        return .textChanged
    }

    /// Moves the cursor (clamped); closes the current undo step, as editors do.
    public mutating func moveCursor(to index: Int) -> EditResult {
        let target = min(max(0, index), count)
        goalColumn = nil
        coalescing = false
        guard target != cursor else { return .unchanged }
        cursor = target
        return .cursorMoved
    }

    /// Inserts text at the cursor as one undo step, like a paste but without normalising:
    /// for callers that insert text of their own (a template answer, a dictation).
    public mutating func insert(_ s: String) {
        guard !s.isEmpty else { return }
        replace(cursor..<cursor, with: Array(s), kind: .paste, joinPrevious: false)
    }

    static func normalizePaste(_ s: String) -> String {
        // Work on scalars: in a String "\r\n" is one Character, and a scan over them is O(n).
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\r": out.append("\n")
            case "\n" where previousWasCR: break  // the LF of a CR LF: already written
            case "\t": out.append(contentsOf: tabReplacement.unicodeScalars)
            default: out.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return String(out)
    }
}
