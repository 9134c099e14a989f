/// Status marks the room sees (the follow-up's ✓ ◐ ✗, the agenda's ▶) that misc-fixed has in
/// some sizes only. Drawn here to each font's size, so no font ever shows its replacement box
/// for them (issue 23: ✓ and ◐ looked the same). A font's own glyph always wins.
enum BigFontExtras {
    static let codePoints: [UInt32] = [0x2713, 0x2717, 0x25D0, 0x25C9, 0x25B6, 0x25C0, 0x2212]

    /// Rows of `height` pixels, the leftmost pixel in bit width - 1; `glyph` reads the font's
    /// own glyphs (○ and ● are in every size, so ◐ and ◉ follow the font's circle).
    static func bitmap(_ code: UInt32, width: Int, height: Int, glyph: (UInt32) -> [UInt32]?) -> [UInt32]? {
        var rows = [UInt32](repeating: 0, count: height)
        // The box capitals sit in: the font's last column and its descender rows stay empty.
        let left = 0, right = width - 2
        let top = max(1, height / 8), bottom = height - 1 - max(1, (height + 3) / 5)
        let thick = width >= 9
        func set(_ x: Int, _ y: Int) {
            guard (0..<width).contains(x), (0..<height).contains(y) else { return }
            rows[y] |= 1 << UInt32(width - 1 - x)
            if thick, x + 1 < width { rows[y] |= 1 << UInt32(width - 2 - x) }
        }
        func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) {
            let steps = max(abs(x1 - x0), abs(y1 - y0), 1)
            for i in 0...steps {
                set(x0 + ((x1 - x0) * i * 2 + steps) / (2 * steps),
                    y0 + ((y1 - y0) * i * 2 + steps) / (2 * steps))
            }
        }
        switch code {
        case 0x2713:  // ✓: a short stroke down to the foot, a long one up to the top right
            let footX = left + (right - left) / 3
            line(left, (top + bottom) / 2 + 1, footX, bottom)
            line(footX, bottom, right, top)
        case 0x2717:  // ✗: two strokes corner to corner
            line(left, top, right, bottom)
            line(right, top, left, bottom)
        case 0x25B6, 0x25C0:  // ▶ ◀: a filled triangle, pointing right or left
            let mid = Double(top + bottom) / 2, half = Double(bottom - top) / 2 + 0.5
            for y in top...bottom {
                let reach = Int((Double(right - left + 1) * (1 - abs(Double(y) - mid) / half)).rounded())
                for i in 0..<max(1, reach) { set(code == 0x25B6 ? left + i : right - i, y) }
            }
            if thick { for y in top...bottom { rows[y] &= ~1 } }  // keep the last column empty
        case 0x25D0:  // ◐: the font's ○ with its left half filled
            guard let circle = glyph(0x25CB) else { return nil }
            rows = circle
            for y in 0..<height where rows[y] != 0 {
                let lit = (0..<width).filter { rows[y] >> UInt32(width - 1 - $0) & 1 == 1 }
                let middle = (lit.first! + lit.last! + 1) / 2
                for x in lit.first!..<max(lit.first! + 1, middle) { rows[y] |= 1 << UInt32(width - 1 - x) }
            }
        case 0x25C9:  // ◉: the font's ○ with the middle of its ● inside
            guard let circle = glyph(0x25CB), let disc = glyph(0x25CF) else { return nil }
            let lit = disc.indices.filter { disc[$0] != 0 }
            rows = circle
            for y in lit.dropFirst(2).dropLast(2) { rows[y] |= disc[y] & disc[y] >> 1 & disc[y] << 1 }
        case 0x2212:  // −: the font's hyphen, as wide as a plus
            guard let plus = glyph(0x2B), let hyphen = glyph(0x2D) else { return nil }
            let y = hyphen.firstIndex { $0 != 0 } ?? height / 2
            rows[y] = plus.max() ?? hyphen[y]
        default:
            return nil
        }
        return rows
    }
}
