import TovholderCore

/// What other terminals are doing, refreshed whenever the session file changes: who holds
/// which field, whether the worksheets are locked, and (for the facilitator) who is joined.
public struct LiveState: Equatable, Sendable {
    /// Fields another terminal is writing in, with who and until when.
    public var leases: [FieldRef: Lease] = [:]
    public var locked = false
    public var lockReason: String?
    public var terminals: [TerminalPresence] = []
    public init() {}
}
