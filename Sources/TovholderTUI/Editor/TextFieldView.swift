/// Scroll state of one text field (view state in a small struct, apart from the text).
public struct FieldViewState: Equatable, Sendable {
    /// The first display row shown.
    public var scrollTop: Int
    public init(scrollTop: Int = 0) { self.scrollTop = scrollTop }
}

/// Draws a `TextEditor` as a multi-line field: wrapped text clipped to a rect, scrolled so the
/// cursor row is visible, "↑" / "↓" in the right-hand column when there is more above or below.
public enum TextFieldView {
    /// The width the text wraps at in `rect`: one column is kept for the scroll marks, so
    /// they never cover text. Pass this as `width` to `TextEditor.handle`.
    public static func textWidth(in rect: Rect) -> Int { max(1, rect.width - 1) }

    public static let moreAbove = "↑"
    public static let moreBelow = "↓"

    /// Draws `editor` into `rect` and updates `state` so the cursor row is visible. Sets
    /// `canvas.cursor` when `focused`. Every string goes through `canvas.put`, which makes
    /// control characters in the text visible.
    public static func render(_ editor: TextEditor, state: inout FieldViewState, into canvas: inout Canvas,
                              in rect: Rect, role: Role = .text, focused: Bool) {
        guard rect.width > 0, rect.height > 0 else { return }
        let width = textWidth(in: rect)
        let layout = EditorLayout(editor.graphemes, width: width)
        let cursor = layout.position(of: editor.cursor)
        let rows = layout.rowCount

        state.scrollTop = scrolled(state.scrollTop, cursorRow: cursor.row, rows: rows, height: rect.height,
                                   keepCursor: focused)
        canvas.fill(rect, role: role)
        for r in 0..<min(rect.height, rows - state.scrollTop) {
            let line = layout.lines[state.scrollTop + r]
            canvas.put(editor.text(of: line), x: rect.x, y: rect.y + r, role: role, maxX: rect.x + width)
        }
        if rect.width > 1 {
            let markX = rect.maxX - 1
            if state.scrollTop > 0 { canvas.put(moreAbove, x: markX, y: rect.y, role: .muted) }
            if state.scrollTop + rect.height < rows {
                canvas.put(moreBelow, x: markX, y: rect.maxY - 1, role: .muted)
            }
        }
        if focused {
            canvas.cursor = (rect.x + min(cursor.column, width), rect.y + cursor.row - state.scrollTop)
        }
    }

    /// The first row to show: as before if the cursor stays visible, else just enough to
    /// bring it in; never scrolled past the last line (e.g. after text was deleted).
    static func scrolled(_ top: Int, cursorRow: Int, rows: Int, height: Int, keepCursor: Bool) -> Int {
        var top = top
        if keepCursor {
            if cursorRow < top { top = cursorRow }
            if cursorRow >= top + height { top = cursorRow - height + 1 }
        }
        return max(0, min(top, rows - height))
    }
}
