import Foundation

/// A bitmap font drawn with half blocks (▀ ▄ █): one column per pixel, two pixel rows per
/// terminal row, so pixels are square on a terminal whose cells are twice as tall as wide.
/// The glyphs are xfonts-base's misc-fixed fonts (public domain), generated into
/// BigFontGlyphs*.swift by scripts/make-bigfont.
public struct BigFont: Equatable, Sendable {
    public let name: String          // e.g. "5x8" or "10x20×2"
    public let pixelWidth: Int, pixelHeight: Int, scale: Int
    let source: BigFontSource
    public var cellWidth: Int { pixelWidth * scale }          // columns per character
    public var rows: Int { (pixelHeight * scale + 1) / 2 }     // terminal rows per line

    init(_ source: BigFontSource, scale: Int = 1) {
        self.source = source
        self.scale = scale
        pixelWidth = source.pixelWidth
        pixelHeight = source.pixelHeight
        name = scale == 1 ? source.name : "\(source.name)×\(scale)"
    }

    /// Largest first. Roughly ×1.3 a step in columns × rows: 20×20, 14×13, 10×10, 9×9, 7×7,
    /// 6×5, 5×4. Above 10x20 a font is doubled: misc-fixed has nothing larger. 5x8 is the
    /// floor: in 4x6 "Mellemrum" read as "HelleHrun" (issue 23), so it is gone.
    public static let ladder: [BigFont] = [
        BigFont(.f10x20, scale: 2), BigFont(.f7x13, scale: 2), BigFont(.f10x20), BigFont(.f9x18),
        BigFont(.f7x13), BigFont(.f6x10), BigFont(.f5x8),
    ]

    /// The smallest big letters any room-facing word is drawn in.
    public static var smallest: BigFont { ladder[ladder.count - 1] }

    /// Set by tests (task-local, so parallel tests do not mix) to see every line drawn and its font.
    @TaskLocal static var recorder: BigFontRecorder?

    /// True when the font has a glyph for every scalar of c (after NFC), else it draws a replacement.
    public func covers(_ c: Character) -> Bool {
        let glyphs = source.glyphs
        return BigFont.scalars(of: c).allSatisfy { glyphs.index(of: $0) != nil }
    }

    /// Width in columns of one line of text (characters × cellWidth; a grapheme is one character).
    public func width(of text: String) -> Int { text.count * cellWidth }

    /// Draws one line (no wrapping) with its top-left at (x, y), clipped at maxX (whole
    /// characters only) and the canvas edges. Lit pixels become █ ▀ ▄ cells with `role` and
    /// `attributes`; unlit cells are left as they are, so the line can sit on any background.
    /// Returns the column after the last character drawn.
    @discardableResult
    public func draw(_ text: String, into canvas: inout Canvas, x: Int, y: Int, role: Role,
                     attributes: TextAttributes, maxX: Int? = nil) -> Int {
        let glyphs = source.glyphs
        if let recorder = BigFont.recorder { recorder.record(self, text) }
        let limit = maxX ?? canvas.size.width
        let width = cellWidth, height = pixelHeight * scale
        // The glyph rows that land on the canvas; the rest are clipped.
        let firstRow = max(0, -y), endRow = min(rows, canvas.size.height - y)
        var col = x
        for c in text {
            if col + width > limit { break }
            let x0 = max(col, 0), x1 = min(col + width, canvas.size.width)
            if firstRow < endRow, x0 < x1 {
                let bitmap = glyphs.rows(of: c)
                let base = bitmap.startIndex
                for r in firstRow..<endRow {
                    // Pixel rows 2r and 2r+1 of the scaled glyph; an odd height leaves the last
                    // bottom half empty.
                    let top = bitmap[base + 2 * r / scale]
                    let bottom = 2 * r + 1 < height ? bitmap[base + (2 * r + 1) / scale] : 0
                    if top | bottom == 0 { continue }
                    for cx in x0..<x1 {
                        let bit = UInt32(pixelWidth - 1 - (cx - col) / scale)
                        let t = top >> bit & 1, b = bottom >> bit & 1
                        if t | b == 0 { continue }
                        let block: Character = t & b == 1 ? "█" : t == 1 ? "▀" : "▄"
                        canvas.setNarrow(block, x: cx, y: y + r, role: role, attributes: attributes)
                    }
                }
            }
            col += width
        }
        return col
    }

    /// c's scalars in NFC, so "a" + combining ring finds the font's "å". Most characters are
    /// one scalar already and skip Foundation.
    static func scalars(of c: Character) -> [Unicode.Scalar] {
        var it = c.unicodeScalars.makeIterator()
        if let first = it.next(), it.next() == nil { return [first] }
        return Array(String(c).precomposedStringWithCanonicalMapping.unicodeScalars)
    }
}

/// One font's glyphs, decoded once from the generated literals into arrays the drawing loop
/// can index without hashing Characters.
final class BigFontGlyphTable: Sendable {
    let width: Int, height: Int
    /// Glyph i's rows are rows[i * height ..< (i + 1) * height], leftmost pixel in bit
    /// width - 1. Glyph 0 is the font's default character, drawn for what the font lacks.
    let rows: [UInt32]
    /// Glyph index by code point for U+0000–U+00FF (0: none), which is nearly all text.
    private let latin: [UInt16]
    /// Glyph index for the few others (dashes, quotes, arrows …).
    private let others: [UInt32: UInt16]

    init(width: Int, height: Int, codePoints: [UInt32], bitmaps: String) {
        self.width = width
        self.height = height
        let digits = (width + 3) / 4
        var rows: [UInt32] = []
        rows.reserveCapacity((codePoints.count + 1) * height)
        var row: UInt32 = 0, count = 0
        for byte in bitmaps.utf8 {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: continue  // the literal's line breaks
            }
            row = row << 4 | UInt32(nibble)
            count += 1
            if count == digits { rows.append(row); row = 0; count = 0 }
        }
        precondition(rows.count == (codePoints.count + 1) * height, "BigFontGlyphs*.swift are damaged")
        var latin = [UInt16](repeating: 0, count: 256)
        var others: [UInt32: UInt16] = [:]
        for (i, code) in codePoints.enumerated() {
            if code < 256 { latin[Int(code)] = UInt16(i + 1) } else { others[code] = UInt16(i + 1) }
        }
        // The status marks misc-fixed lacks in some sizes (✓ ◐ ✗ ▶ …), drawn to the font's size.
        func glyph(_ code: UInt32) -> [UInt32]? {
            let i = code < 256 ? Int(latin[Int(code)]) : Int(others[code] ?? 0)
            return i == 0 ? nil : Array(rows[i * height ..< (i + 1) * height])
        }
        var glyphs = codePoints.count
        for code in BigFontExtras.codePoints where others[code] == nil {
            guard let bitmap = BigFontExtras.bitmap(code, width: width, height: height, glyph: glyph) else { continue }
            rows += bitmap
            glyphs += 1
            others[code] = UInt16(glyphs)
        }
        self.rows = rows
        self.latin = latin
        self.others = others
    }

    /// The glyph for one scalar, or nil when the font lacks it.
    func index(of scalar: Unicode.Scalar) -> Int? {
        let i = scalar.value < 256 ? latin[Int(scalar.value)] : others[scalar.value] ?? 0
        return i == 0 ? nil : Int(i)
    }

    /// The rows of c's glyph: its own, else the replacement's. A grapheme of several covered
    /// scalars (a letter and a mark with no precomposed form) gets their pixels combined.
    func rows(of c: Character) -> ArraySlice<UInt32> {
        var it = c.unicodeScalars.makeIterator()
        if let scalar = it.next(), it.next() == nil {  // the usual case, without allocating
            let i = index(of: scalar) ?? 0
            return rows[i * height ..< (i + 1) * height]
        }
        let scalars = BigFont.scalars(of: c)
        let indices = scalars.map { index(of: $0) }
        guard !indices.contains(nil) else { return rows[0..<height] }
        if indices.count == 1, let i = indices[0] { return rows[i * height ..< (i + 1) * height] }
        var combined = [UInt32](repeating: 0, count: height)
        for case let i? in indices {
            for r in 0..<height { combined[r] |= rows[i * height + r] }
        }
        return combined[...]
    }
}
