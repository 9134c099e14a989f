import TovholderCore

/// A participant picking a group (theirs was removed).
public struct ChooseGroupView: Equatable, Sendable {
    public var selected: Int = 0
    public init() {}
}
