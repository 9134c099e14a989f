import TovholderCore

/// Every key of the keymap table, with what it does.
enum HelpScreen {
    static func render(_ state: AppState, into canvas: inout Canvas, in body: Rect) {
        let s = state.strings
        let area = body.inset(dx: 2, dy: 0)
        var y = body.y + 1
        canvas.put(s[.helpTitle], x: area.x, y: y, role: .heading, attributes: [.bold]); y += 1
        canvas.put(s[.helpIntro], x: area.x, y: y, role: .muted, maxX: area.maxX); y += 2
        // The keys of the screen help was opened from; bindings that do one thing (↑ and ↓,
        // + and -) share a line. Two columns when one does not fit.
        var context = KeyContext.item
        if case .help(let back) = state.screen { context = back.keyContext }
        var rows: [(description: StringKey, keys: [Key])] = []
        for binding in Keymap.bindings where binding.contexts.contains(context) && binding.applies(to: state.seat) {
            if let i = rows.firstIndex(where: { $0.description == binding.description }) {
                rows[i].keys += binding.keys
            } else {
                rows.append((binding.description, binding.keys))
            }
        }
        let height = body.maxY - y
        let columns = rows.count > height && area.width >= 76 ? 2 : 1
        let columnWidth = area.width / columns
        for (i, row) in rows.enumerated() {
            let column = i / max(1, height), line = i % max(1, height)
            guard column < columns else { break }
            let x0 = area.x + column * columnWidth
            let keys = row.keys.map { name(of: $0, s.language) }.joined(separator: " / ")
            let x = canvas.put(keys, x: x0, y: y + line, role: .keyName, attributes: [.bold], maxX: x0 + 16)
            canvas.put(s[row.description], x: max(x + 2, x0 + 18), y: y + line, role: .text, maxX: x0 + columnWidth - 1)
        }
    }

    static func name(of key: Key, _ lang: Language) -> String {
        switch key {
        case .char(" "): return lang == .da ? "Mellemrum" : "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "^" + c.uppercased()
        case .alt("\r"): return "Alt-Enter"
        case .alt(let c): return "Alt-" + String(c)
        case .insert: return "Insert"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .wordLeft: return "Ctrl-←"
        case .wordRight: return "Ctrl-→"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .function(let n): return "F\(n)"
        case .paste: return "paste"
        }
    }
}
