import Foundation

/// Reading a time of day as typed in Danish: "14", "14.30", "14:30", "kl. 14.30", "kl 9".
public enum DanishTime {
    public static func parse(_ text: String) -> Result<ClockTime, TimeError> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        var s = Substring(trimmed.lowercased())
        // "kl." / "kl" / "klokken" in front says nothing more than the number does.
        for prefix in ["klokken", "kl.", "kl"] where s.hasPrefix(prefix) {
            s = s.dropFirst(prefix.count); break
        }
        s = s.drop { $0 == " " }
        let parts = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]) else { return .failure(.unreadable(trimmed)) }
        let minute = parts.count == 2 ? Int(parts[1])! : 0
        if parts.count == 2 && parts[1].count != 2 { return .failure(.unreadable(trimmed)) }
        guard hour <= 23 else { return .failure(.noSuchHour(trimmed, hour)) }
        guard minute <= 59 else { return .failure(.noSuchMinute(trimmed, minute)) }
        return .success(ClockTime(hour: hour, minute: minute)!)
    }

    /// "14.30" / "14:30".
    public static func format(_ t: ClockTime, _ lang: Language) -> String {
        t.formatted(separator: lang == .da ? "." : ":")
    }
}

/// Why a typed time could not be read, with a message that shows how to write one.
public enum TimeError: Error, Equatable, Sendable {
    case empty
    case unreadable(String)
    case noSuchHour(String, Int)
    case noSuchMinute(String, Int)

    public var message: Localized {
        let exampleDa = "Skriv fx 14 eller 14.30", exampleEn = "Write e.g. 14 or 14:30"
        func cannotRead(_ text: String, _ da: String, _ en: String) -> Localized {
            let q = TemplateMessage.q(text)
            return Localized(da: "Tidspunktet kunne ikke læses: \(q) – \(da). \(exampleDa)",
                             en: "The time could not be read: \(q) – \(en). \(exampleEn)")
        }
        switch self {
        case .empty:
            return Localized(da: "Der mangler et tidspunkt. \(exampleDa)", en: "A time is missing. \(exampleEn)")
        case .unreadable(let text):
            let q = TemplateMessage.q(text)
            return Localized(da: "Tidspunktet kunne ikke læses: \(q). \(exampleDa)",
                             en: "The time could not be read: \(q). \(exampleEn)")
        case .noSuchHour(let text, let h):
            return cannotRead(text, "døgnet har timerne 0–23, ikke \(h)", "the day has hours 0–23, not \(h)")
        case .noSuchMinute(let text, let m):
            return cannotRead(text, "en time har minutterne 00–59, ikke \(m)", "an hour has minutes 00–59, not \(m)")
        }
    }
}
