import TovholderCore

/// The agreement form screen: one group's answers, focus on one slot.
public struct AgreementView: Equatable, Sendable {
    public var groupID: Int64
    public var focus = 0
    public var pendingDelete: Int64?
    public init(groupID: Int64) { self.groupID = groupID }
}
