/// A group's follow-up of the agreements from earlier days: one note per agreement, and its
/// status chosen with F2.
public struct FollowUpView: Equatable, Sendable {
    public var groupID: Int64
    public var focus = 0
    public var returnTo: Screen
    public init(groupID: Int64, returnTo: Screen = .item) { self.groupID = groupID; self.returnTo = returnTo }
}
