/// The escape sequences: CSI (`ESC [ …`) and SS3 (`ESC O x`) parsed generically, and the
/// spellings of the terminals people use mapped to keys; anything else swallowed whole.
extension KeyDecoder {
    /// `ESC [` parameters (0x30–0x3F), intermediates (0x20–0x2F), a final byte (0x40–0x7E).
    static func csi(_ b: [UInt8], at i: Int, final: Bool) -> Step {
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

    static func number<C: Collection>(_ digits: C) -> Int? where C.Element == UInt8 {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var v = 0
        for d in digits {
            guard (0x30...0x39).contains(d) else { return nil }
            v = v * 10 + Int(d - 0x30)
        }
        return v
    }

    /// "1;5" → [1, 5]; an empty field is nil; sub-parameters after ':' are ignored.
    static func numbers(_ params: ArraySlice<UInt8>) -> [Int?] {
        guard !params.isEmpty else { return [] }
        return params.split(separator: 0x3B, omittingEmptySubsequences: false).map { field in
            number(field.prefix { $0 != 0x3A })
        }
    }

    /// Modifier bits from an xterm modifier parameter (1 + shift 1, alt 2, ctrl 4, meta 8).
    static func modifiers(_ m: Int?) -> Int { max(0, (m ?? 1) - 1) }
    static let wordModifiers = 2 | 4 | 8

    static func csiKey(_ params: ArraySlice<UInt8>, final: UInt8) -> [Key] {
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
    static func tildeKey(_ n: Int?) -> [Key] {
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
    static func otherKey(_ code: Int, _ mods: Int) -> [Key] {
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
    static func ss3(_ b: [UInt8], at i: Int, final: Bool) -> Step {
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
}
