/// Text: strict UTF-8, and Windows-1252 for the bytes an older PuTTY set to Latin-1 sends.
extension KeyDecoder {
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

    static let cp1252High: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
