import TovholderCore

public struct PlenumView: Equatable, Sendable {
    public var part: WorksheetPart
    /// The first group column shown: plenum scrolls sideways when groups do not fit.
    public var firstColumn: Int = 0
    /// Where Esc leads: the screen plenum was opened from (nil: the day's item).
    public var returnTo: Screen?
    public init(part: WorksheetPart, returnTo: Screen? = nil) { self.part = part; self.returnTo = returnTo }
}
