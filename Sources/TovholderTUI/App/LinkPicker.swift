import TovholderCore

/// Ticking which mechanisms a trial action tries (or which goals a sign shows).
public struct LinkPicker: Equatable, Sendable {
    public var entryID: Int64
    public var selected: Int = 0
}
