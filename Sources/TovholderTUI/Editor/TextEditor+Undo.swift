/// One undo step: at `start`, `removed` was replaced by `inserted`. Kept as the difference
/// rather than a copy of the whole text, so a long text with many steps stays small.
struct Edit: Equatable, Sendable {
    enum Kind: Equatable, Sendable { case typing, deleteBackward, deleteForward, paste }
    var start: Int
    var removed: [Character]
    var inserted: [Character]
    var cursorBefore: Int
    var cursorAfter: Int
    var kind: Kind
}

extension TextEditor {
    /// Undoes the last step. Returns false when there was nothing to undo.
    @discardableResult
    public mutating func undo() -> Bool {
        guard let edit = undoStack.popLast() else { return false }
        graphemes.replaceSubrange(edit.start..<edit.start + edit.inserted.count, with: edit.removed)
        cursor = edit.cursorBefore
        redoStack.append(edit)
        goalColumn = nil
        coalescing = false
        return true
    }

    /// Replays the last undone step. Returns false when there was nothing to redo.
    @discardableResult
    public mutating func redo() -> Bool {
        guard let edit = redoStack.popLast() else { return false }
        graphemes.replaceSubrange(edit.start..<edit.start + edit.removed.count, with: edit.inserted)
        cursor = edit.cursorAfter
        undoStack.append(edit)
        goalColumn = nil
        coalescing = false
        return true
    }

    /// The one way the text changes: replaces `range` with `new`, puts the cursor after the
    /// new text, and records the step (joined to the previous one when asked and possible).
    ///
    /// Graphemes can merge across the seam (e + a typed combining accent becomes é; deleting
    /// a newline lets a mark join the letter before it), so the text around the edit is
    /// segmented again and only the real difference is recorded. This keeps `graphemes`
    /// equal to `Array(text)`, and undo restores the earlier array exactly.
    mutating func replace(_ range: Range<Int>, with new: [Character], kind: Edit.Kind, joinPrevious: Bool) {
        let cursorBefore = cursor
        // A few graphemes either side suffice for merges (e.g. emoji ZWJ sequences), except
        // runs of regional indicators (flags), whose pairing depends on the whole run.
        var lo = max(0, range.lowerBound - 3)
        while lo > 0 && TextEditor.isRegionalIndicator(graphemes[lo - 1]) { lo -= 1 }
        var hi = min(graphemes.count, range.upperBound + 3)
        while hi < graphemes.count && TextEditor.isRegionalIndicator(graphemes[hi]) { hi += 1 }

        var window = String(graphemes[lo..<range.lowerBound])
        window.append(contentsOf: String(new))
        // The cursor goes after the new text, counted in scalars because graphemes may merge.
        let cursorScalars = window.unicodeScalars.count
        window.append(contentsOf: String(graphemes[range.upperBound..<hi]))
        let resegmented = Array(window)

        // The cursor lands on the first grapheme boundary at or after the end of the insert.
        var newCursor = lo, scalars = 0
        for g in resegmented where scalars < cursorScalars {
            scalars += g.unicodeScalars.count
            newCursor += 1
        }

        // Trim what did not change, so the undo step holds only the real difference.
        let old = graphemes[lo..<hi]
        var prefix = 0
        while prefix < old.count, prefix < resegmented.count,
              old[lo + prefix] == resegmented[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < resegmented.count - prefix,
              old[hi - 1 - suffix] == resegmented[resegmented.count - 1 - suffix] { suffix += 1 }
        let start = lo + prefix
        let removed = Array(graphemes[start..<hi - suffix])
        let inserted = Array(resegmented[prefix..<resegmented.count - suffix])

        graphemes.replaceSubrange(start..<hi - suffix, with: inserted)
        cursor = newCursor
        goalColumn = nil
        redoStack.removeAll()
        record(Edit(start: start, removed: removed, inserted: inserted,
                    cursorBefore: cursorBefore, cursorAfter: newCursor, kind: kind), join: joinPrevious)
        // Typing and deleting keep the step open for the next key of the same kind.
        coalescing = kind != .paste
    }

    private mutating func record(_ edit: Edit, join: Bool) {
        if join, let last = undoStack.last, let merged = TextEditor.merge(last, edit) {
            undoStack[undoStack.count - 1] = merged
            return
        }
        undoStack.append(edit)
        if undoStack.count > TextEditor.undoLimit { undoStack.removeFirst(undoStack.count - TextEditor.undoLimit) }
    }

    /// Two steps as one, when the second continues the first: typing on at the end of (or
    /// inside) what was just typed, or deleting on from where the last delete stopped.
    static func merge(_ a: Edit, _ b: Edit) -> Edit? {
        var m = a
        m.cursorAfter = b.cursorAfter
        let aEnd = a.start + a.inserted.count
        if b.start >= a.start, b.start + b.removed.count <= aEnd {
            // b replaces part of what a inserted (usually nothing: it appends).
            let offset = b.start - a.start
            m.inserted.replaceSubrange(offset..<offset + b.removed.count, with: b.inserted)
            return m
        }
        guard a.inserted.isEmpty, b.inserted.isEmpty else { return nil }
        if b.start + b.removed.count == a.start {         // Backspace further to the left
            m.start = b.start
            m.removed = b.removed + a.removed
            return m
        }
        if b.start == a.start {                            // Delete further to the right
            m.removed = a.removed + b.removed
            return m
        }
        return nil
    }

    static func isRegionalIndicator(_ g: Character) -> Bool {
        g.unicodeScalars.contains { (0x1F1E6...0x1F1FF).contains($0.value) }
    }
}
