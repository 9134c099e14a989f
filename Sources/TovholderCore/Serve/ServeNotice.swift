/// Something serve tells the facilitator's console (`t`): a laptop that could not connect and
/// why, or that nobody has reached serve yet. Written by serve in both languages, since the
/// console may run in the other one.
public struct ServeNotice: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// A connection that failed before login (cipher, handshake, protocol, timeout, limits).
        case failure
        /// Nobody has reached serve since it started: the room's network may isolate laptops.
        case silent
    }

    public var at: Double
    public var kind: Kind
    public var text: Localized

    public init(at: Double, kind: Kind, text: Localized) {
        self.at = at; self.kind = kind; self.text = text
    }

    /// How many failures the console shows, newest last.
    public static let shown = 5
    /// How many are kept in the file: a flood of failures must not grow it.
    static let kept = 20
}
