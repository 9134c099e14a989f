/// The one control-character sanitizer, for the screens (cell by cell, `Canvas.put`) and the
/// minutes (`visible`): characters that are invisible or act on the reader (control
/// characters, escape sequences, bidi overrides) become visible symbols, so what a
/// participant typed can neither hide text, reorder it, nor reach anyone's terminal, and a
/// lone CR (a line ending to CommonMark and iCalendar) cannot start a new line. Newlines and
/// tabs are kept in documents.
public enum VisibleText {
    public static func visible(_ text: String) -> String {
        // Fast path: most text has nothing to replace.
        if !text.unicodeScalars.contains(where: needsReplacing) { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if needsReplacing(u) { out.append(contentsOf: replacement(u).unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }

    public static func needsReplacing(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        // Bidi embeddings, overrides and isolates; zero-width marks LRM/RLM/ALM stay harmless.
        case 0x202A...0x202E, 0x2066...0x2069: return true
        // Line and paragraph separators: some readers break lines there.
        case 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// C0 controls as their Control Pictures (␛, ␀, ␍), DEL as ␡, everything else as U+FFFD.
    public static func replacement(_ u: Unicode.Scalar) -> String {
        switch u.value {
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + u.value)!)
        case 0x7F: return "\u{2421}"
        default: return "\u{FFFD}"
        }
    }
}
