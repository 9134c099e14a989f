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

    /// Bytes wait for more (call `flush` after a short silence), or a paste is open.
    var hasPending: Bool { !buffer.isEmpty || pasting }
    /// Inside a bracketed paste whose end marker has not come yet.
    var isPasting: Bool { pasting }

    init() {}

    mutating func feed(_ bytes: [UInt8]) -> [Key] {
        buffer += bytes
        return decode(final: false)
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

    private enum Step {
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

    /// `ESC [` parameters (0x30–0x3F), intermediates (0x20–0x2F), a final byte (0x40–0x7E).
    private static func csi(_ b: [UInt8], at i: Int, final: Bool) -> Step {
        let n = b.count
        var j = i + 2
        guard j < n else { return final ? .done(n, []) : .incomplete }
        if b[j] == 0x5B {  // Linux console: ESC [ [ A…E are F1…F5
            guard j + 1 < n else { return final ? .done(n, []) : .incomplete }
            let f = b[j + 1]
            return .done(j + 2, (0x41...0x45).contains(f) ? [.function(Int(f) - 0x40)] : [])
        }
        if b[j] == 0x4D {  // X10 mouse: ESC [ M and three raw bytes
            guard j + 3 < n else { return final ? .done(n, []) : .incomplete }
            return .done(j + 4, [])
        }
        let start = j
        while j < n {
            let c = b[j]
            switch c {
            case 0x20...0x3F:
                // rxvt spells Shift-Insert/Delete/Home/End/PgUp/PgDn as ESC [ n $, with '$'
                // (an intermediate byte by the standard) at the end.
                if c == 0x24, j > start, b[start..<j].allSatisfy({ (0x30...0x39).contains($0) }) {
                    return .done(j + 1, tildeKey(number(b[start..<j])))
                }
                j += 1
                if j - start > 128 { return .done(j, []) }  // runaway: not a sequence
            case 0x40...0x7E:
                let params = b[start..<j]
                if params.first == 0x32, c == 0x7E, params.elementsEqual([0x32, 0x30, 0x30]) {
                    return .pasteStarts(j + 1)  // ESC [ 200 ~
                }
                return .done(j + 1, csiKey(params, final: c))
            default:
                return .done(j, [])  // broken off by a byte that cannot be in a sequence
            }
        }
        return final ? .done(n, []) : .incomplete
    }

    private static func number<C: Collection>(_ digits: C) -> Int? where C.Element == UInt8 {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var v = 0
        for d in digits {
            guard (0x30...0x39).contains(d) else { return nil }
            v = v * 10 + Int(d - 0x30)
        }
        return v
    }

    /// "1;5" → [1, 5]; an empty field is nil; sub-parameters after ':' are ignored.
    private static func numbers(_ params: ArraySlice<UInt8>) -> [Int?] {
        guard !params.isEmpty else { return [] }
        return params.split(separator: 0x3B, omittingEmptySubsequences: false).map { field in
            number(field.prefix { $0 != 0x3A })
        }
    }

    /// Modifier bits from an xterm modifier parameter (1 + shift 1, alt 2, ctrl 4, meta 8).
    private static func modifiers(_ m: Int?) -> Int { max(0, (m ?? 1) - 1) }
    private static let wordModifiers = 2 | 4 | 8

    private static func csiKey(_ params: ArraySlice<UInt8>, final: UInt8) -> [Key] {
        // Private parameters (ESC [ ? … c, SGR mouse ESC [ < …) and intermediates are
        // terminal reports, never keys.
        if let first = params.first, (0x3C...0x3F).contains(first) { return [] }
        if params.contains(where: { (0x20...0x2F).contains($0) }) { return [] }
        let p = numbers(params)
        // ESC [ 1 ; 5 C; an older spelling puts the modifier first: ESC [ 5 C.
        let mods = p.count >= 2 ? modifiers(p[1]) : (p.count == 1 ? modifiers(p[0]) : 0)
        switch final {
        case 0x41: return [.up]  // A
        case 0x42: return [.down]  // B
        case 0x43: return [mods & wordModifiers != 0 ? .wordRight : .right]  // C
        case 0x44: return [mods & wordModifiers != 0 ? .wordLeft : .left]  // D
        case 0x48: return [.home]  // H
        case 0x46: return [.end]  // F
        case 0x50...0x53:  // P Q R S: F1–F4 (ESC [ 1 ; 2 P); not a cursor report ESC [ 12 ; 40 R
            guard p.isEmpty || (p[0] ?? 1) == 1 else { return [] }
            return [.function(Int(final) - 0x4F)]
        case 0x5A: return [.backTab]  // Z
        case 0x61...0x64 where params.isEmpty:  // rxvt Shift-arrows: ESC [ a…d
            return [[.up, .down, .right, .left][Int(final) - 0x61]]
        case 0x7E:  // ~
            if p.count == 3, p[0] == 27, let code = p[2] { return otherKey(code, modifiers(p[1])) }  // modifyOtherKeys
            return tildeKey(p.first ?? nil)
        case 0x5E, 0x40:  // rxvt Ctrl (^) and Ctrl-Shift (@): ESC [ 3 ^
            return p.count == 1 ? tildeKey(p[0]) : []
        case 0x75 where !p.isEmpty:  // u: a key by its code (ESC [ 97 ; 5 u)
            guard let code = p[0] else { return [] }
            return otherKey(code, p.count >= 2 ? modifiers(p[1]) : 0)
        default:
            return []  // focus (I, O), mouse, reports, keypad 5 (E, G) and the rest
        }
    }

    /// VT220 numbers: ESC [ n ~ (also rxvt's ESC [ n $ / ^ / @).
    private static func tildeKey(_ n: Int?) -> [Key] {
        switch n {
        case 1, 7: return [.home]
        case 2: return [.insert]
        case 3: return [.delete]
        case 4, 8: return [.end]
        case 5: return [.pageUp]
        case 6: return [.pageDown]
        case let f? where (11...15).contains(f): return [.function(f - 10)]
        case let f? where (17...21).contains(f): return [.function(f - 11)]
        case 23: return [.function(11)]
        case 24: return [.function(12)]
        default: return []
        }
    }

    /// A key given by its character code and modifiers (xterm's modifyOtherKeys, CSI u).
    private static func otherKey(_ code: Int, _ mods: Int) -> [Key] {
        let alt = mods & (2 | 8) != 0, ctrl = mods & 4 != 0, shift = mods & 1 != 0
        switch code {
        case 13: return [alt ? .alt("\r") : .enter]
        case 9: return [shift ? .backTab : .tab]
        case 27: return [.escape]
        case 8, 127: return [.backspace]
        default: break
        }
        guard code >= 0x20, !(0xE000...0xF8FF).contains(code), let s = Unicode.Scalar(UInt32(code)),
              isPrintable(s) else { return [] }
        let ch = Character(s)
        if ctrl {
            guard s.isASCII, let lower = ch.lowercased().unicodeScalars.first,
                  (0x61...0x7A).contains(lower.value), let key = control(UInt8(lower.value) - 0x60)
            else { return [] }
            return [key]
        }
        if alt {
            if ch == "b" { return [.wordLeft] }
            if ch == "f" { return [.wordRight] }
            return [.alt(ch)]
        }
        return [.char(ch)]
    }

    /// `ESC O` and one final byte (parameters allowed: ESC O 5 C, ESC O 1 ; 2 P).
    private static func ss3(_ b: [UInt8], at i: Int, final: Bool) -> Step {
        let n = b.count
        var j = i + 2
        guard j < n else { return final ? .done(n, [.alt("O")]) : .incomplete }
        let start = j
        while j < n, (0x30...0x3F).contains(b[j]) {
            j += 1
            if j - start > 16 { return .done(j, []) }
        }
        guard j < n else { return final ? .done(n, []) : .incomplete }
        let c = b[j]
        guard (0x40...0x7E).contains(c) else {
            if j == start {  // ESC O then something that is no final byte: Alt-O
                return .done(i + 2, [.alt("O")])
            }
            return .done(j, [])
        }
        let p = numbers(b[start..<j])
        let mods = modifiers(p.last ?? nil)
        let keys: [Key]
        switch c {
        case 0x41: keys = [.up]
        case 0x42: keys = [.down]
        case 0x43: keys = [mods & wordModifiers != 0 ? .wordRight : .right]
        case 0x44: keys = [mods & wordModifiers != 0 ? .wordLeft : .left]
        case 0x48: keys = [.home]
        case 0x46: keys = [.end]
        case 0x50...0x53: keys = [.function(Int(c) - 0x4F)]  // P Q R S: F1–F4
        case 0x61: keys = [.up]  // rxvt Ctrl-arrows: ESC O a…d
        case 0x62: keys = [.down]
        case 0x63: keys = [.wordRight]
        case 0x64: keys = [.wordLeft]
        case 0x4D: keys = [.enter]  // keypad Enter in application keypad mode
        case 0x49: keys = [.tab]
        case 0x6A...0x79:  // keypad * + , - . / 0…9 in application keypad mode
            keys = [.char(Array("*+,-./0123456789")[Int(c) - 0x6A])]
        case 0x58: keys = [.char("=")]
        default: keys = []
        }
        return .done(j + 1, keys)
    }

    // MARK: - Text

    enum UTF8Step: Equatable {
        case scalar(Unicode.Scalar, Int)
        case invalid
        case incomplete
    }

    /// One UTF-8 character at `i` (strict: no overlong forms, surrogates or > U+10FFFF).
    static func utf8(_ b: [UInt8], at i: Int) -> UTF8Step {
        let lead = b[i]
        let length: Int
        var v: UInt32
        switch lead {
        case 0x00...0x7F: return .scalar(Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: length = 2; v = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; v = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; v = UInt32(lead & 0x07)
        default: return .invalid
        }
        for k in 1..<length {
            guard i + k < b.count else { return .incomplete }
            let c = b[i + k]
            guard c & 0xC0 == 0x80 else { return .invalid }
            if k == 1 {
                switch lead {
                case 0xE0 where c < 0xA0, 0xED where c >= 0xA0, 0xF0 where c < 0x90, 0xF4 where c >= 0x90:
                    return .invalid
                default: break
                }
            }
            v = v << 6 | UInt32(c & 0x3F)
        }
        guard let s = Unicode.Scalar(v) else { return .invalid }
        return .scalar(s, length)
    }

    /// Windows-1252 (Latin-1 with typographic characters in 0x80–0x9F). The five bytes it
    /// leaves undefined stay C1 controls.
    static func windows1252(_ c: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(c) else { return Unicode.Scalar(c) }
        let v = cp1252High[Int(c) - 0x80]
        return Unicode.Scalar(v == 0 ? UInt32(c) : UInt32(v))!
    }

    private static let cp1252High: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

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
