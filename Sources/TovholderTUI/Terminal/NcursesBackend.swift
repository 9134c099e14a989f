import CNcursesw
import Glibc
import TovholderCore

/// The one file that talks to the terminal. ncurses only draws: changed cells go to the
/// screen. Input is read here with poll(2)/read(2) and decoded by `KeyDecoder` (so keys do not
/// depend on TERM's terminfo entry); SIGWINCH, SIGTERM, SIGHUP and SIGINT arrive through a
/// self-pipe; a terminal that hung up ends the loop. `shutdown` restores the terminal.
public final class NcursesBackend: TerminalBackend {
    private var previous: Canvas?
    private var styles: [Role: TerminalStyle] = [:]
    private var pairs: [Role: Int16] = [:]
    private let useColour: Bool
    private var decoder = KeyDecoder()
    private var queue: [TerminalEvent] = []
    private var lastInputMs = 0
    private var reportedNotUTF8 = false
    private var ended = false
    private var isShutDown = false
    /// The self-pipe's read end: the signal handlers (shim.h) write a byte per signal.
    private let signalFD: Int32

    /// Call `prepareLocale()` first. The theme's colours are matched to what the terminal has.
    public init(theme: Theme) {
        // Exported LINES/COLUMNS would pin the size and break resizing: the terminal's own
        // size (ioctl) wins, at start and on every resize — up to `maxSize`: a participant's
        // window of 5000×5000 once made ncurses allocate gigabytes. Beyond it stays blank.
        var rows: Int32 = 0, cols: Int32 = 0
        if tov_window_size(STDOUT_FILENO, &rows, &cols) == 0,
           rows > Int32(Self.maxSize.height) || cols > Int32(Self.maxSize.width) {
            setenv("LINES", String(min(rows, Int32(Self.maxSize.height))), 1)
            setenv("COLUMNS", String(min(cols, Int32(Self.maxSize.width))), 1)
            use_tioctl(false)
        } else {
            use_tioctl(true)
        }
        initscr()
        raw()
        noecho()
        nonl()
        // Output only: keys are read and decoded here (KeyDecoder), not by terminfo. No
        // keypad(): its smkx would put PuTTY's number pad into application mode.
        typeahead(-1)  // never cut a frame short because input is waiting
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
        // After initscr, so these replace ncurses' own SIGWINCH/SIGINT/SIGTERM handlers.
        signalFD = tov_signals_install()
        fputs("\u{1B}[?2004h", stdout)  // bracketed paste on
        // Ask whether the terminal can show each frame whole (synchronized output, DEC mode
        // 2026); the answer comes with the keys (KeyDecoder). Only of terminals that parse a
        // DECRQM they do not know: the Linux console would print its last letter.
        if SynchronizedOutput.mayAsk(term: getenv("TERM").map { String(cString: $0) }) {
            fputs(SynchronizedOutput.query, stdout)
        }
        fflush(stdout)
    }

    /// The signal that asked the program to stop (SIGTERM, SIGHUP, SIGINT), if one did: a view
    /// stopped with SIGTERM by the facilitator's disconnect exits with 143, so serve can tell
    /// the participant why.
    public private(set) var stopSignal: Int32?

    /// ncurses drops æøå without a UTF-8 locale. Returns a note, in the user's language, when
    /// it had to fall back (an `ssh` from a `LANG=C` laptop sends that).
    public static func prepareLocale() -> Localized? {
        setlocale(LC_ALL, "")
        if String(cString: tov_codeset()) == "UTF-8" { return nil }
        setlocale(LC_ALL, "C.UTF-8")
        return Localized(da: "Terminalens sprogindstilling (LANG) er ikke UTF-8; Tovholder bruger UTF-8 alligevel.",
                         en: "The terminal's language setting (LANG) is not UTF-8; Tovholder uses UTF-8 anyway.")
    }

    public var size: Size { Size(width: Int(tov_cols()), height: Int(tov_lines())) }

    /// The largest screen drawn: past a projector's 240×67 with room to spare.
    public static let maxSize = Size(width: 500, height: 200)

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
        // A terminal that said it knows mode 2026 gets the frame as one update: the room never
        // sees half a projector frame. ncurses writes its frame at refresh, between the two.
        let synchronized = decoder.synchronizedOutput == true
        if synchronized { fputs(SynchronizedOutput.begin, stdout); fflush(stdout) }
        refresh()
        if synchronized { fputs(SynchronizedOutput.end, stdout); fflush(stdout) }
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

    // MARK: - Input: bytes read here, keys decoded by `KeyDecoder`

    /// After bytes that may begin a sequence (a lone Esc), this much silence ends them.
    static let sequenceWaitMs = 25
    /// Inside a bracketed paste, this much silence ends it (the end marker got lost).
    static let pasteWaitMs = 300

    public var watchFD: Int32 = -1

    public func nextEvent(timeoutMs: Int) -> TerminalEvent? {
        if !queue.isEmpty { return queue.removeFirst() }
        if ended { return .ended }
        let deadline = Self.nowMs() + max(0, timeoutMs)
        while queue.isEmpty && !ended {
            let now = Self.nowMs()
            var wait = deadline - now
            var flushing = false
            if decoder.hasPending {
                let flushAt = lastInputMs + (decoder.isPasting ? Self.pasteWaitMs : Self.sequenceWaitMs)
                if flushAt <= now {
                    enqueue(decoder.flush())
                    continue
                }
                if flushAt - now <= wait { wait = flushAt - now; flushing = true }
            }
            if wait <= 0 && !flushing { break }
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: watchFD, events: Int16(POLLIN), revents: 0)]
            // poll ignores a negative descriptor, so a missing self-pipe or watcher is harmless.
            let r = poll(&fds, 3, Int32(clamping: max(0, wait)))
            if r < 0 {
                if errno == EINTR { continue }
                end(); break
            }
            if r == 0 { continue }  // time is up, or a pending sequence is due: checked above
            if fds[1].revents != 0 { readSignals() }
            if fds[2].revents != 0, queue.isEmpty || queue.last != .watched { queue.append(.watched) }
            let input = fds[0].revents
            if input & Int16(POLLIN) != 0 {
                readInput()
            } else if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                end()  // the terminal is gone: never spin on it
            }
        }
        if queue.isEmpty { return ended ? .ended : nil }
        return queue.removeFirst()
    }

    /// Reads what standard input has now, without blocking: one read per readiness.
    private func readInput() {
        var bytes = [UInt8](repeating: 0, count: 4096)
        var got: [UInt8] = []
        while got.count < 1 << 20 {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n > 0 {
                got += bytes[0..<n]
            } else if n == 0 || (errno != EAGAIN && errno != EINTR && errno != EWOULDBLOCK) {
                end()  // end of input or an error: the terminal is gone
                break
            }
            // More now? poll without waiting; stop when nothing (or a hang-up) is left.
            var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&fd, 1, 0) == 1, fd.revents & Int16(POLLIN) != 0 else { break }
        }
        if !got.isEmpty {
            lastInputMs = Self.nowMs()
            enqueue(decoder.feed(got))
        }
    }

    private func enqueue(_ keys: [Key]) {
        // Keys read in the same turn as a stop signal go before the end, or they are never applied.
        let events = keys.map { TerminalEvent.key($0) }
        if let end = queue.firstIndex(of: .ended) { queue.insert(contentsOf: events, at: end) } else { queue += events }
        if decoder.sawNonUTF8 && !reportedNotUTF8 {
            reportedNotUTF8 = true
            queue.append(.notUTF8)
        }
    }

    /// Drains the self-pipe: one byte per signal caught.
    private func readSignals() {
        var bytes = [UInt8](repeating: 0, count: 64)
        var resized = false, stop = false
        while true {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(signalFD, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            for b in bytes[0..<n] {
                if Int32(b) == SIGWINCH { resized = true } else { stop = true; stopSignal = stopSignal ?? Int32(b) }
            }
        }
        if resized {
            var rows: Int32 = 0, cols: Int32 = 0
            if tov_window_size(STDOUT_FILENO, &rows, &cols) == 0 || tov_window_size(STDIN_FILENO, &rows, &cols) == 0 {
                resizeterm(min(rows, Int32(Self.maxSize.height)), min(cols, Int32(Self.maxSize.width)))
            }
            previous = nil
            queue.append(.resized(size))
        }
        // Asked to stop (serve's end, a hang-up, the facilitator's disconnect): what the
        // terminal already sent is read first, so the last keys are saved, not dropped.
        if stop {
            var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            if !ended, poll(&fd, 1, 0) == 1, fd.revents & Int16(POLLIN) != 0 { readInput() }
            end()
        }
    }

    private func end() {
        if !ended { ended = true; queue.append(.ended) }
    }

    private static func nowMs() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
    }

    public func bell() { beep() }

    /// Idempotent: bracketed paste off, the terminal's modes back, signals as they were.
    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        fputs("\u{1B}[?2004l", stdout); fflush(stdout)
        endwin()
        tov_signals_restore()
    }
}
