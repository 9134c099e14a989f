/// The dot vote screen: the facilitator's live counts, a participant's ballot. The vote
/// itself is in the workshop (the latest one); this only remembers the chosen row.
public struct VoteView: Equatable, Sendable {
    public var selected = 0
    public var returnTo: Screen
    public init(returnTo: Screen, selected: Int = 0) { self.returnTo = returnTo; self.selected = selected }
}
