import TovholderCore

public struct GroupsView: Equatable, Sendable {
    public var selected: Int = 0
    /// Delete pressed once on this group: press again to remove it.
    public var pendingRemove: Int64?
    public init() {}
}
