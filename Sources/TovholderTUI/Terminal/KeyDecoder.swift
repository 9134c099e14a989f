/// Turns the bytes a terminal sends into `Key`s, whatever `TERM` says.
///
/// ncurses decodes keys from the terminfo entry of `TERM`, and a terminal that spells a key
/// differently (tmux and PuTTY send End as `ESC [ 4 ~`, which `xterm-256color` does not list)
/// came through as Esc, `[`, `4`, `~` — and letters are commands on the day screens. So the
/// bytes are read here instead: every escape sequence is parsed generically (CSI, SS3), the
/// spellings of xterm, VT220/PuTTY, rxvt, the Linux console, tmux/screen and Windows Terminal
/// map to keys, and every other complete sequence is swallowed whole.
///
/// Pure: no terminal, no clock. The backend calls `feed` with each read and `flush` when no
/// more bytes came within a short while (a lone Esc is only known to be Esc by the silence
/// after it).
struct KeyDecoder {
    /// A paste longer than this keeps its first million bytes; the rest is dropped.
    static let pasteCap = 1_000_000

    /// Bytes not decoded yet: an unfinished escape sequence or UTF-8 character, or the
    /// start of a paste's end marker.
    private var buffer: [UInt8] = []
    private var pasting = false
    private var pasteBytes: [UInt8] = []
    private var pasteOverflowed = false
    /// Some byte was not UTF-8 and was read as Windows-1252 (a terminal set to Latin-1).
    private(set) var sawNonUTF8 = false

    /// The terminal's answer to DECRQM for synchronized output (mode 2026): true when it can
    /// hold a frame until it is complete, false when it said it cannot; nil: no answer yet.
    private(set) var synchronizedOutput: Bool?

    /// Bytes wait for more (call `flush` after a short silence), or a paste is open.
    var hasPending: Bool { !buffer.isEmpty || pasting }
    /// Inside a bracketed paste whose end marker has not come yet.
    var isPasting: Bool { pasting }

    init() {}

    mutating func feed(_ bytes: [UInt8]) -> [Key] {
        buffer += bytes
        noteModeReport()
        return decode(final: false)
    }

    /// The DECRPM answer `ESC [ ? 2026 ; Ps $ y` (Ps 1 or 2: known and settable). The decode
    /// swallows it like every report; only the answer is kept.
    private mutating func noteModeReport() {
        let prefix: [UInt8] = Array("\u{1B}[?2026;".utf8)
        guard buffer.count >= prefix.count + 3 else { return }
        for i in 0...(buffer.count - prefix.count - 3) where buffer[i] == 0x1B && buffer[i..<i + prefix.count].elementsEqual(prefix) {
            let ps = buffer[i + prefix.count], dollar = buffer[i + prefix.count + 1], y = buffer[i + prefix.count + 2]
            guard dollar == 0x24, y == 0x79, (0x30...0x34).contains(ps) else { continue }
            synchronizedOutput = ps == 0x31 || ps == 0x32
        }
    }

    /// No more bytes are coming for now: a lone Esc is Esc, `ESC O` is Alt-O, an unfinished
    /// escape sequence is swallowed, an unfinished UTF-8 character is read as Windows-1252,
    /// an open paste ends with what came.
    mutating func flush() -> [Key] {
        var keys = decode(final: true)
        if pasting { keys += finishPaste() }
        return keys
    }

    // MARK: - The byte loop

    enum Step {
        /// More bytes are needed to know.
        case incomplete
        /// Bytes up to (not including) the index are used, giving these keys.
        case done(Int, [Key])
        /// A paste begins after the index.
        case pasteStarts(Int)
    }

    private static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~

    private mutating func decode(final: Bool) -> [Key] {
        let b = buffer
        let n = b.count
        var i = 0
        var out = Output()
        bytes: while i < n {
            if pasting {
                // Copy everything up to the next Esc; stop at the end marker.
                while i < n {
                    guard let esc = b[i...].firstIndex(of: 0x1B) else {
                        appendPaste(b[i..<n]); i = n; break
                    }
                    appendPaste(b[i..<esc]); i = esc
                    let available = min(Self.pasteEnd.count, n - i)
                    if b[i..<(i + available)].elementsEqual(Self.pasteEnd.prefix(available)) {
                        if available == Self.pasteEnd.count {
                            i += available
                            out.emit(finishPaste())
                            continue bytes
                        }
                        if !final { break bytes }
                        i = n  // the start of an end marker, then silence: drop it
                        break
                    }
                    appendPaste(b[i..<(i + 1)]); i += 1
                }
                continue
            }
            let c = b[i]
            switch c {
            case 0x1B:
                switch escape(b, at: i, final: final) {
                case .incomplete: break bytes
                case .done(let next, let keys): out.emit(keys); i = next
                case .pasteStarts(let next):
                    out.flushText()
                    pasting = true; pasteBytes = []; pasteOverflowed = false
                    i = next
                }
            case 0x20...0x7E:
                out.text.append(Unicode.Scalar(c)); i += 1
            case 0x80...0xFF:
                switch Self.utf8(b, at: i) {
                case .incomplete where !final: break bytes
                case .scalar(let s, let length):
                    if Self.isPrintable(s) { out.text.append(s) }  // C1 controls: nothing
                    i += length
                default:
                    sawNonUTF8 = true
                    let s = Self.windows1252(c)
                    if Self.isPrintable(s) { out.text.append(s) }
                    i += 1
                }
            default:
                out.emit(Self.control(c).map { [$0] } ?? []); i += 1
            }
        }
        buffer.removeFirst(i)
        out.flushText()
        return out.keys
    }

    /// Keys in order; printable text is gathered so a grapheme that came in one read
    /// (👩‍⚕️, e + a combining accent) becomes one key.
    private struct Output {
        var keys: [Key] = []
        var text = String.UnicodeScalarView()
        mutating func flushText() {
            guard !text.isEmpty else { return }
            for ch in String(text) { keys.append(.char(ch)) }
            text = String.UnicodeScalarView()
        }
        mutating func emit(_ more: [Key]) {
            guard !more.isEmpty else { return }
            flushText()
            keys += more
        }
    }

    static func control(_ c: UInt8) -> Key? {
        switch c {
        case 0x0D: return .enter
        case 0x0A: return .ctrl("j")
        case 0x09: return .tab
        case 0x08, 0x7F: return .backspace
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(c + 0x60)))
        default: return nil  // NUL, Ctrl-\ ] ^ _
        }
    }

    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        !(s.value < 0x20 || (0x7F...0x9F).contains(s.value))
    }

    // MARK: - Escape sequences

    private mutating func escape(_ b: [UInt8], at i: Int, final: Bool) -> Step {
        let n = b.count
        guard i + 1 < n else { return final ? .done(i + 1, [.escape]) : .incomplete }
        let c = b[i + 1]
        switch c {
        case 0x5B: return Self.csi(b, at: i, final: final)  // [
        case 0x4F: return Self.ss3(b, at: i, final: final)  // O
        case 0x1B: return .done(i + 1, [.escape])  // the second Esc starts afresh
        case 0x0D: return .done(i + 2, [.alt("\r")])
        case 0x7F, 0x08: return .done(i + 2, [])  // Alt-Backspace: not a key here
        case 0x62: return .done(i + 2, [.wordLeft])  // Alt-b, as in shells
        case 0x66: return .done(i + 2, [.wordRight])  // Alt-f
        case 0x20...0x7E: return .done(i + 2, [.alt(Character(Unicode.Scalar(c)))])
        case 0x80...0xFF:
            switch Self.utf8(b, at: i + 1) {
            case .incomplete: return final ? .done(i + 1, [.escape]) : .incomplete
            case .scalar(let s, let length):
                return .done(i + 1 + length, Self.isPrintable(s) ? [.alt(Character(s))] : [])
            case .invalid:
                sawNonUTF8 = true
                let s = Self.windows1252(c)
                return .done(i + 2, Self.isPrintable(s) ? [.alt(Character(s))] : [])
            }
        default:
            return .done(i + 1, [.escape])  // Esc, then the control key on its own
        }
    }

    // MARK: - Text

    /// UTF-8 with each invalid byte read as Windows-1252.
    private mutating func text(_ bytes: [UInt8]) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            if case .scalar(let s, let length) = Self.utf8(bytes, at: i) {
                out.append(s); i += length
            } else {
                sawNonUTF8 = true
                out.append(Self.windows1252(bytes[i])); i += 1
            }
        }
        return String(out)
    }

    // MARK: - Paste

    private mutating func appendPaste(_ bytes: ArraySlice<UInt8>) {
        let room = Self.pasteCap - pasteBytes.count
        if bytes.count > room { pasteOverflowed = true }
        if room > 0 { pasteBytes += bytes.prefix(room) }
    }

    private mutating func finishPaste() -> [Key] {
        pasting = false
        var bytes = pasteBytes
        pasteBytes = []
        if pasteOverflowed, let lead = bytes.suffix(3).lastIndex(where: { $0 & 0xC0 == 0xC0 }),
           case .incomplete = Self.utf8(bytes, at: lead) {
            bytes.removeSubrange(lead...)  // cut at the cap inside a character: drop its start
        }
        pasteOverflowed = false
        return bytes.isEmpty ? [] : [.paste(text(bytes))]
    }
}
