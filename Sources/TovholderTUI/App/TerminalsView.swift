/// The facilitator's list of joined terminals (`t`), with the SSH join lines above it.
public struct TerminalsView: Equatable, Sendable {
    public var selected = 0
    public var returnTo: Screen
    /// The terminal `x` was pressed on once: a second `x` disconnects it.
    public var pendingDisconnect: String?

    public init(returnTo: Screen, selected: Int = 0) {
        self.returnTo = returnTo; self.selected = selected
    }
}
