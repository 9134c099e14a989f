/// The facilitator's list of the day's dialogue cards (`d`): show one on the projector, deal.
public struct CardsView: Equatable, Sendable {
    public var selected = 0
    public var returnTo: Screen
    public init(returnTo: Screen, selected: Int = 0) { self.returnTo = returnTo; self.selected = selected }
}

/// A group's dialogue card with its answers: a form of one text per question.
public struct CardView: Equatable, Sendable {
    public var groupID: Int64
    public var focus = 0
    public var returnTo: Screen
    public init(groupID: Int64, returnTo: Screen) { self.groupID = groupID; self.returnTo = returnTo }
}
