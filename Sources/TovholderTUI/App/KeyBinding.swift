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
    /// Whose binding it is: a participant never quits with a letter someone may type by mistake.
    public var seats: Seats = .all

    public enum Seats: Sendable { case all, facilitator, participant }

    func applies(to seat: Seat) -> Bool {
        switch seats {
        case .all: return true
        case .facilitator: return seat.isFacilitator
        case .participant: return !seat.isFacilitator
        }
    }
}
