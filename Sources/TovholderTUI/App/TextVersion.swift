import TovholderCore

/// One version of a field's text, for the history screen.
public struct TextVersion: Equatable, Sendable {
    public var text: String
    public var at: Double
    public var author: String?
    public init(text: String, at: Double, author: String?) { self.text = text; self.at = at; self.author = author }
}
