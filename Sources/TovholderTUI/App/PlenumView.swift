import TovholderCore

public struct PlenumView: Equatable, Sendable {
    public var part: WorksheetPart
    /// The first group column shown: plenum scrolls sideways when groups do not fit.
    public var firstColumn: Int = 0
    /// Where Esc leads: the screen plenum was opened from (nil: the day's item).
    public var returnTo: Screen?
    /// The facilitator is writing the notes (Enter or `m`; Esc leaves them). Until then the
    /// plenum is a day screen and letters move the day, never type into the notes.
    public var writing = false
    public init(part: WorksheetPart, returnTo: Screen? = nil) { self.part = part; self.returnTo = returnTo }
}
