/// Digits drawn with block characters for the projector countdown: a 3×5 pixel font where
/// each pixel is 2·scale cells wide and scale rows tall (cells are about twice as tall as wide).
public enum BigDigits {
    static let font: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", ".##", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", ".#.", ".#.", ".#."],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        ":": [".", "#", ".", "#", "."],
        "+": ["...", ".#.", "###", ".#.", "..."],
        "-": ["...", "...", "###", "...", "..."],
    ]
    public static let glyphRows = 5

    /// Width in cells of `text` at `scale`, with one pixel of space between glyphs.
    public static func width(of text: String, scale: Int) -> Int {
        let pixels = text.reduce(0) { $0 + (font[$1]?.first?.count ?? 0) } + max(0, text.count - 1)
        return pixels * 2 * scale
    }

    public static func height(scale: Int) -> Int { glyphRows * scale }

    /// The largest scale at which `text` fits in `size` (0 when it does not fit even at 1).
    public static func scale(toFit text: String, in size: Size) -> Int {
        var s = 0
        while width(of: text, scale: s + 1) <= size.width && height(scale: s + 1) <= size.height { s += 1 }
        return s
    }

    /// Draws `text` with its top-left corner at (x, y): each lit pixel is one filled rect,
    /// which is much faster than drawing the lines as text at projector sizes.
    public static func draw(_ text: String, scale: Int, into canvas: inout Canvas, x: Int, y: Int,
                            role: Role, attributes: TextAttributes) {
        // The whole block in the role's colours: a role drawn as reverse (the last minutes)
        // would otherwise give digits in the background's colour, invisible.
        canvas.fill(Rect(x: x, y: y, width: width(of: text, scale: scale), height: height(scale: scale)),
                    role: role, attributes: attributes)
        var px = 0
        for (i, ch) in text.enumerated() {
            guard let glyph = font[ch] else { continue }
            if i > 0 { px += 1 }
            for (r, row) in glyph.enumerated() {
                for (c, bit) in row.enumerated() where bit == "#" {
                    canvas.fill(Rect(x: x + (px + c) * 2 * scale, y: y + r * scale, width: 2 * scale, height: scale),
                                role: role, attributes: attributes, with: "█")
                }
            }
            px += glyph[0].count
        }
    }

    /// The lines of text to draw, each `width(of:scale:)` cells wide.
    public static func render(_ text: String, scale: Int) -> [String] {
        var rows = Array(repeating: "", count: glyphRows)
        for (i, ch) in text.enumerated() {
            guard let glyph = font[ch] else { continue }
            for r in 0..<glyphRows {
                if i > 0 { rows[r] += "." }
                rows[r] += glyph[r]
            }
        }
        var out: [String] = []
        for row in rows {
            let line = String(row.flatMap { px in Array(repeating: px == "#" ? "█" : " ", count: 2 * scale) })
            out += Array(repeating: line, count: scale)
        }
        return out
    }
}
