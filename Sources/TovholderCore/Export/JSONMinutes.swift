import Foundation

/// Everything in the minutes as JSON for other tools: the same model, snake_case keys,
/// sorted and pretty-printed so two exports of the same day diff cleanly. Text is kept
/// exactly as typed (JSON escapes control characters itself).
public enum JSONMinutes {
    /// Raised when the shape of the JSON changes in a way a reader must know about.
    /// 2: mechanisms link to goals, `votes` on entries voted on, `dot_votes`, each group's `cards`.
    public static let schemaVersion = 2

    struct Document: Encodable {
        var minutes: Minutes
        enum Key: String, CodingKey { case schemaVersion }
        func encode(to encoder: Encoder) throws {
            // The version sits beside the minutes' own keys rather than wrapping them.
            try minutes.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(JSONMinutes.schemaVersion, forKey: .schemaVersion)
        }
    }

    public static func render(_ m: Minutes) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Minutes hold only strings, numbers and dates as strings: encoding cannot fail.
        let data = (try? encoder.encode(Document(minutes: m))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
