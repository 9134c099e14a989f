import Foundation

/// The SSH user name of a group, from its name: "Gruppe 1" → `gruppe1`, "Ældre & Sundhed" →
/// `aeldresundhed`. Only a–z and digits, as every SSH client and keyboard takes them.
public enum SSHUserName {
    public static func make(for name: String, position: Int, taken: Set<String>) -> String {
        var base = ""
        for ch in name.lowercased() {
            switch ch {
            case "æ": base += "ae"
            case "ø": base += "oe"
            case "å": base += "aa"
            default:
                // é → e, ü → u; anything that does not fold to a–z or 0–9 is left out.
                let folded = String(ch).folding(options: [.diacriticInsensitive], locale: nil)
                base += folded.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            }
        }
        if base.isEmpty || base.count > 20 { base = "gruppe\(position + 1)" }
        var name = base, n = 2
        while taken.contains(name) { name = "\(base)-\(n)"; n += 1 }
        return name
    }
}
