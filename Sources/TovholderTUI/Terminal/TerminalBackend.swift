/// What the app loop needs from a terminal: draw a canvas, read the next event with a
/// timeout, ring the bell. `NcursesBackend` is the real one; `TestBackend` lives in memory.
public protocol TerminalBackend: AnyObject {
    var size: Size { get }
    func draw(_ canvas: Canvas)
    /// The next key or resize, or nil when `timeoutMs` passed without one.
    func nextEvent(timeoutMs: Int) -> TerminalEvent?
    /// A descriptor polled beside the keyboard (the session's watcher): readable gives
    /// `.watched`. -1: none.
    var watchFD: Int32 { get set }
    func bell()
    func shutdown()
}

public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resized(Size)
    /// The terminal is gone (hang-up, end of input) or the process was asked to stop
    /// (SIGTERM, SIGHUP, SIGINT): save, release, give the terminal back and quit.
    case ended
    /// Bytes that are not UTF-8 arrived and were read as Windows-1252 (an older PuTTY set
    /// to Latin-1): reported once, so the user can be told how to switch to UTF-8.
    case notUTF8
    /// `watchFD` became readable: another process wrote the session, most likely.
    case watched
}

/// How a role looks on a terminal: colour indexes (-1: the terminal's default) and attributes.
public struct TerminalStyle: Equatable, Sendable {
    public var fg: Int16
    public var bg: Int16
    public var attributes: TextAttributes
    public init(fg: Int16, bg: Int16, attributes: TextAttributes) {
        self.fg = fg; self.bg = bg; self.attributes = attributes
    }
}

/// An in-memory terminal for tests: events are queued, frames are kept.
public final class TestBackend: TerminalBackend {
    public var size: Size
    public private(set) var frames: [Canvas] = []
    public private(set) var bells = 0
    public var events: [TerminalEvent] = []
    /// Whether the scripted events were read at once (a burst): otherwise each comes on its
    /// own turn of the loop, as keys typed by hand do, and a look without waiting finds none.
    public var arrivesAtOnce = false
    /// Called once when the script of events is used up, before the terminal closes.
    public var onEmpty: (() -> Void)?

    public var watchFD: Int32 = -1
    public init(size: Size) { self.size = size }
    public func draw(_ canvas: Canvas) { frames.append(canvas) }
    /// When the script of events is used up the terminal closes, so a test whose keys did
    /// not quit ends instead of waiting for ever.
    public func nextEvent(timeoutMs: Int) -> TerminalEvent? {
        if timeoutMs == 0 && !arrivesAtOnce { return nil }
        guard !events.isEmpty else {
            onEmpty?(); onEmpty = nil
            return .ended
        }
        let e = events.removeFirst()
        if case .resized(let s) = e { size = s }
        return e
    }
    public func bell() { bells += 1 }
    public func shutdown() {}
}
