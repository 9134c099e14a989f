import TovholderCore

public struct HistoryView: Equatable, Sendable {
    public var field: FieldRef
    public var versions: [TextVersion]
    public var selected = 0
    public var returnTo: Screen
}
