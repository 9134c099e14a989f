import TovholderCore

/// How many terminal cells a grapheme takes, and how text that could steer a terminal is
/// drawn visibly instead. Every string reaches the screen through `Canvas`, which uses these.
public enum DisplayWidth {
    /// 0, 1 or 2 cells. Wide: East Asian wide/fullwidth and emoji presentation.
    public static func of(_ g: Character) -> Int {
        var width = 0
        for (i, s) in g.unicodeScalars.enumerated() {
            if s.value == 0xFE0F, width == 1 { return 2 }  // emoji presentation selector
            if i > 0 { continue }
            width = scalarWidth(s)
        }
        return width
    }

    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return 1 }  // drawn as a visible symbol
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return isVisibleFormat(v) ? 1 : 0
        default: break
        }
        if s.properties.isEmojiPresentation { return 2 }
        if isWide(v) { return 2 }
        return 1
    }

    /// Bidi controls are format characters we show as a marker, so they take a cell.
    static func isVisibleFormat(_ v: UInt32) -> Bool { Unicode.Scalar(v).map(VisibleText.needsReplacing) ?? false }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default: return false
        }
    }

    /// Text of plain narrow scalars only (most of it: Danish, the key bar) is counted by its
    /// scalars, without the Unicode property lookups: every frame measures the key bar.
    public static func of(_ s: String) -> Int {
        var count = 0
        for scalar in s.unicodeScalars {
            guard isPlainNarrow(scalar.value) || (0x2190...0x2193).contains(scalar.value) else {
                return s.reduce(0) { $0 + of($1) }
            }
            count += 1
        }
        return count
    }

    /// One scalar that is printable, safe and one cell wide: ASCII, Latin-1 letters (æøå),
    /// punctuation and the box and block characters. Skips the slower general checks.
    @inline(__always)
    static func isPlainNarrow(_ g: Character) -> Bool {
        let scalars = g.unicodeScalars
        guard let v = scalars.first?.value, scalars.count == 1 else { return false }
        return isPlainNarrow(v)
    }

    @inline(__always)
    static func isPlainNarrow(_ v: UInt32) -> Bool {
        (0x20...0x7E).contains(v) || (0xA0...0x2FF).contains(v) || (0x2010...0x2027).contains(v)
            || (0x2500...0x259F).contains(v)
    }
}

/// Makes text safe to draw: C0/C1 controls, DEL and bidi overrides become visible symbols
/// (ESC → ␛), so nothing typed or pasted can reach a terminal as a control sequence.
/// The canvas's side of `VisibleText`, the one sanitizer: a grapheme that holds a control
/// character, an escape or a bidi override is drawn as its visible stand-in (in a cell, a
/// newline or tab too: a field's lines are laid out before they reach the canvas).
public enum Sanitizer {
    /// The visible stand-in for one grapheme, or nil when it is safe as it is.
    public static func visible(_ g: Character) -> Character? {
        guard let first = g.unicodeScalars.first else { return nil }
        if first.value == 0x0A || first.value == 0x09 { return Character(VisibleText.replacement(first)) }
        if VisibleText.needsReplacing(first) { return Character(VisibleText.replacement(first)) }
        // A control hidden after the first scalar (e.g. combined with a mark) is also unsafe.
        if g.unicodeScalars.dropFirst().contains(where: { $0.value < 0x20 || VisibleText.needsReplacing($0) }) {
            return "\u{FFFD}"
        }
        return nil
    }

    public static func isControl(_ g: Character) -> Bool { visible(g) != nil }

    /// What a cell draws of a grapheme: terminals and their fonts disagree on sequences
    /// joined by a zero-width joiner (👩‍⚕️ as one glyph or two, "F" + joiner as a stray
    /// mark in the next cell), so only the part before the first joiner is drawn; it takes
    /// the cells the layout counted on every terminal.
    public static func drawable(_ g: Character) -> Character {
        guard let joiner = g.unicodeScalars.firstIndex(where: { $0.value == 0x200D }) else { return g }
        var head = String.UnicodeScalarView(g.unicodeScalars[..<joiner])
        if head.isEmpty { head.append(" ") }
        return Character(String(head))
    }
}
