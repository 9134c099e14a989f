/// The code a group types to join over SSH (`tovholder serve`). Read aloud or copied from the
/// projector, so it has no characters that look alike (0/o, 1/l/i) and no capitals; typed
/// with capitals, spaces or dashes it still matches.
public enum JoinCode {
    public static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
    public static let length = 6

    /// A fresh random code from the system's generator.
    public static func make() -> String {
        var g = SystemRandomNumberGenerator()
        return make(using: &g)
    }

    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// `count` codes, no two alike (a code alone names the group of a user name that is none).
    public static func distinct(_ count: Int) -> [String] {
        var made: [String] = []
        while made.count < count {
            let code = make()
            if !made.contains(code) { made.append(code) }
        }
        return made
    }

    /// What was typed, as compared: lower case, without spaces and dashes.
    public static func normalized(_ typed: String) -> String {
        String(typed.lowercased().filter { $0 != " " && $0 != "-" })
    }

    /// Compared in time that does not depend on where the first difference is.
    public static func matches(_ typed: String, _ code: String) -> Bool {
        let a = Array(normalized(typed).utf8), b = Array(code.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0
    }
}
