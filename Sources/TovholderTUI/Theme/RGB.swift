import Foundation

/// A 24-bit sRGB colour as written in a theme file (`#rrggbb`).
/// Terminals get it as the nearest palette entry they can show; contrast is computed from
/// these exact values, so theme colours should sit exactly on the xterm-256 palette.
public struct RGB: Hashable, Sendable, CustomStringConvertible {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8

    public init(r: UInt8, g: UInt8, b: UInt8) { self.r = r; self.g = g; self.b = b }

    /// `0xRRGGBB`, for compact colour tables in code.
    public init(_ hex: UInt32) {
        self.init(r: UInt8((hex >> 16) & 0xff), g: UInt8((hex >> 8) & 0xff), b: UInt8(hex & 0xff))
    }

    /// Parses exactly `#rrggbb` (either case); anything else is nil.
    public init?(hex text: String) {
        let digits = Array(text.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#") else { return nil }
        var value: UInt32 = 0
        for d in digits[1...] {
            guard let nibble = RGB.hexValue(d) else { return nil }
            value = value << 4 | UInt32(nibble)
        }
        self.init(value)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// `#rrggbb` in lower case, as theme files write it.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var s = "#"
        for c in [r, g, b] { s.append(digits[Int(c >> 4)]); s.append(digits[Int(c & 15)]) }
        return s
    }

    public var description: String { hex }

    public static let black = RGB(0x000000)
    public static let white = RGB(0xffffff)

    // MARK: Terminal palettes

    /// The six channel levels of the xterm 6×6×6 colour cube (indices 16…231).
    public static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The colour xterm shows for a 256-colour index. Indices 0…15 are the terminal's own
    /// (user-configurable) basic colours, so they are given as the xterm defaults only.
    public static func xterm256(_ index: Int) -> RGB {
        switch index {
        case 16...231:
            let i = index - 16
            return RGB(r: cubeLevels[i / 36], g: cubeLevels[(i / 6) % 6], b: cubeLevels[i % 6])
        case 232...255:
            let v = UInt8(8 + 10 * (index - 232))
            return RGB(r: v, g: v, b: v)
        default:
            return ansi16[max(0, min(15, index))]
        }
    }

    /// xterm's default basic colours, for the rare caller that needs them.
    private static let ansi16: [RGB] = [
        0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
        0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
    ].map { RGB($0) }

    /// The nearest entry of the xterm-256 palette, searched only in 16…255: indices 0…15
    /// are redefined by many terminals, so they would not show what the theme asked for.
    /// Exact for every palette colour (cube wins a tie, as cube and grey ramp never overlap).
    public var xterm256Index: Int {
        let cube = Self.nearestCubeIndex(r), cg = Self.nearestCubeIndex(g), cb = Self.nearestCubeIndex(b)
        let cubeIndex = 16 + 36 * cube + 6 * cg + cb
        // The grey ramp is 8, 18, …, 238; pick the step nearest the channel average.
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let step = max(0, min(23, Int((Double(average - 8) / 10).rounded())))
        let greyIndex = 232 + step
        let dCube = distanceSquared(to: RGB.xterm256(cubeIndex))
        let dGrey = distanceSquared(to: RGB.xterm256(greyIndex))
        return dGrey < dCube ? greyIndex : cubeIndex
    }

    private static func nearestCubeIndex(_ v: UInt8) -> Int {
        var best = 0
        for (i, level) in cubeLevels.enumerated()
        where abs(Int(level) - Int(v)) < abs(Int(cubeLevels[best]) - Int(v)) { best = i }
        return best
    }

    /// The nearest of the 8 basic colours (black, red, green, yellow, blue, magenta, cyan,
    /// white), for terminals with only 8 colours. Their real shades vary by terminal, so the
    /// 8 corners of the RGB cube stand for them: the nearest corner is each channel's half.
    public var ansi8Index: Int {
        (r >= 128 ? 1 : 0) | (g >= 128 ? 2 : 0) | (b >= 128 ? 4 : 0)
    }

    func distanceSquared(to other: RGB) -> Int {
        let dr = Int(r) - Int(other.r), dg = Int(g) - Int(other.g), db = Int(b) - Int(other.b)
        return dr * dr + dg * dg + db * db
    }

    // MARK: WCAG 2 contrast

    /// Relative luminance as WCAG 2 defines it: 0 for black, 1 for white.
    public var relativeLuminance: Double {
        func linear(_ c: UInt8) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// WCAG 2 contrast ratio, 1…21, the same whichever colour is given first.
    public static func contrastRatio(_ a: RGB, _ b: RGB) -> Double {
        let la = a.relativeLuminance, lb = b.relativeLuminance
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
