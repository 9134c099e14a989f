import CNcursesw
import Glibc

/// The one file that talks to ncurses: copies changed cells to the screen, turns wide-char
/// input into `Key`s, reads bracketed pastes as one event, and restores the terminal on exit.
public final class NcursesBackend: TerminalBackend {
    private var previous: Canvas?
    private var pending: [TerminalEvent] = []
    private var styles: [Role: TerminalStyle] = [:]
    private var pairs: [Role: Int16] = [:]
    private let useColour: Bool
    private var wordLeft: Set<Int32> = []
    private var wordRight: Set<Int32> = []

    /// Call `prepareLocale()` first. The theme's colours are matched to what the terminal has.
    public init(theme: Theme) {
        // Exported LINES/COLUMNS would pin the size and break resizing: the terminal's own
        // size (ioctl) wins, at start and on every resize.
        use_tioctl(true)
        initscr()
        raw()
        noecho()
        nonl()
        keypad(tov_stdscr(), true)
        set_escdelay(25)  // Esc must feel instant when leaving a field
        useColour = theme.usesColour && has_colors()
        if useColour {
            start_color()
            use_default_colors()
        }
        styles = theme.terminalStyles(colours: useColour ? Int(tov_colors()) : 0)
        if useColour {
            for (i, role) in Role.allCases.enumerated() {
                let st = styles[role] ?? TerminalStyle(fg: -1, bg: -1, attributes: [])
                init_pair(Int16(i + 1), st.fg, st.bg)
                pairs[role] = Int16(i + 1)
            }
        }
        curs_set(0)
        // Ctrl-←/→ (and Alt-←/→) arrive as terminfo's extended keys; ask ncurses their codes.
        wordLeft = Set(["\u{1B}[1;5D", "\u{1B}[1;3D"].map { seq in seq.withCString { key_defined($0) } }.filter { $0 > 0 })
        wordRight = Set(["\u{1B}[1;5C", "\u{1B}[1;3C"].map { seq in seq.withCString { key_defined($0) } }.filter { $0 > 0 })
        fputs("\u{1B}[?2004h", stdout); fflush(stdout)  // bracketed paste on
    }

    /// ncurses drops æøå without a UTF-8 locale. Returns a note when it had to fall back.
    public static func prepareLocale() -> String? {
        setlocale(LC_ALL, "")
        if String(cString: tov_codeset()) == "UTF-8" { return nil }
        setlocale(LC_ALL, "C.UTF-8")
        return "LANG/LC_ALL is not UTF-8; using C.UTF-8"
    }

    public var size: Size { Size(width: Int(tov_cols()), height: Int(tov_lines())) }

    public func draw(_ canvas: Canvas) {
        let full = previous?.size != canvas.size
        if full { erase() }
        for y in 0..<canvas.size.height {
            for x in 0..<canvas.size.width {
                let cell = canvas[x, y]
                if cell.isContinuation { continue }
                if !full, let old = previous, old[x, y] == cell,
                   x + 1 >= canvas.size.width || old[x + 1, y] == canvas[x + 1, y] { continue }
                put(cell, x: x, y: y)
            }
        }
        if let c = canvas.cursor { curs_set(1); move(Int32(c.y), Int32(c.x)) } else { curs_set(0) }
        refresh()
        previous = canvas
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let style = styles[cell.role] ?? TerminalStyle(fg: -1, bg: -1, attributes: [])
        let attrs = attributes(style.attributes.union(cell.attributes))
        let pair = useColour ? (pairs[cell.role] ?? 0) : 0
        var wide = (cell.grapheme.map { String($0) } ?? " ").unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        if tov_put_cell(Int32(y), Int32(x), wide, attrs, pair) == -2 {
            var fallback: [wchar_t] = [0xFFFD, 0]
            _ = tov_put_cell(Int32(y), Int32(x), &fallback, attrs, pair)
        }
    }

    private func attributes(_ a: TextAttributes) -> attr_t {
        var out = tov_a_normal()
        if a.contains(.bold) { out |= tov_a_bold() }
        if a.contains(.reverse) { out |= tov_a_reverse() }
        if a.contains(.underline) { out |= tov_a_underline() }
        if a.contains(.dim) { out |= tov_a_dim() }
        return out
    }

    public func nextEvent(timeoutMs: Int) -> TerminalEvent? {
        if !pending.isEmpty { return pending.removeFirst() }
        timeout(Int32(timeoutMs))
        guard let raw = read() else { return nil }
        switch raw {
        case .function(let code):
            if code == tov_key_resize() { previous = nil; return .resized(size) }
            if wordLeft.contains(code) { return .key(.wordLeft) }
            if wordRight.contains(code) { return .key(.wordRight) }
            return Self.functionKey(code).map { .key($0) }
        case .char(0x1B):
            return readEscape()
        case .char(let c):
            return Self.charKey(c).map { .key($0) }
        }
    }

    private enum Raw { case char(UInt32), function(Int32) }

    private func read() -> Raw? {
        var ch: wint_t = 0
        let r = tov_get_wch(&ch)
        if r == tov_err() { return nil }
        return r == tov_key_code_yes() ? .function(Int32(ch)) : .char(UInt32(ch))
    }

    /// After Esc: a bracketed paste (`ESC [200~ … ESC [201~`) becomes one paste event;
    /// anything else is Esc followed by whatever came with it.
    private func readEscape() -> TerminalEvent? {
        timeout(0)
        var follow: [UInt32] = []
        let prefix: [UInt32] = Array("[200~".unicodeScalars.map(\.value))
        while follow.count < prefix.count, case .char(let c)? = read() {
            follow.append(c)
            if follow != Array(prefix.prefix(follow.count)) { break }
        }
        guard follow == prefix else {
            // Alt-b / Alt-f: a word back / forward, as in shells.
            if follow == [0x62] { return .key(.wordLeft) }
            if follow == [0x66] { return .key(.wordRight) }
            pending += follow.compactMap { Self.charKey($0).map { .key($0) } }
            return .key(.escape)
        }
        let end: [UInt32] = Array("\u{1B}[201~".unicodeScalars.map(\.value))
        var text: [UInt32] = []
        timeout(200)
        while let raw = read() {
            guard case .char(let c) = raw else { continue }
            text.append(c)
            if text.count >= end.count && Array(text.suffix(end.count)) == end {
                text.removeLast(end.count); break
            }
        }
        var s = String.UnicodeScalarView()
        for v in text { if let u = Unicode.Scalar(v) { s.append(u) } }
        return .key(.paste(String(s)))
    }

    static func charKey(_ c: UInt32) -> Key? {
        switch c {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .escape
        default: return Unicode.Scalar(c).map { .char(Character($0)) }
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        default:
            for n in 1...12 where code == tov_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    public func bell() { beep() }

    public func shutdown() {
        fputs("\u{1B}[?2004l", stdout); fflush(stdout)
        endwin()
    }
}
