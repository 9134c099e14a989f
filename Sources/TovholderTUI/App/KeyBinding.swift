import TovholderCore

public struct KeyBinding: Sendable {
    public let keys: [Key]
    /// How the key is written in the bar and in help ("→", "F2", "^X").
    public let label: Localized
    public let command: Command
    public let description: StringKey
    public let contexts: [KeyContext]
    /// Lower numbers stay in the key bar when space runs out; nil: only in help.
    public let barPriority: Int?
}
