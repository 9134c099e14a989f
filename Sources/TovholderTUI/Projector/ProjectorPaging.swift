import TovholderCore

/// Which page a paged projector screen (plenum, example, vote result, item) shows. Kept by
/// the projector process alone, beside the state it draws: the wall clock's `now / 20`
/// opened screens on any page; this opens them on page 1.
///
/// Render reads it (`page(of:screen:console:now:)`, pure); after each frame the runner tells it
/// the page count the frame had (`noteFrame`), and a new screen or a new page count starts
/// again on page 1. A turn on the console (`Projection.page`, saved in the session) shows at
/// once and holds for `consoleHold` seconds, then pages turn every `secondsPerPage` from there.
public struct ProjectorPaging: Equatable, Sendable {
    public static let secondsPerPage = 20.0
    public static let consoleHold = 60.0

    /// What the last frame showed (`screen(of:)`) and how many pages it had.
    var screen: String?
    var pages = 1
    /// The page shown from `since` for `dwell` seconds, before turning every `secondsPerPage`.
    var startPage = 0
    var since = 0.0
    var dwell = ProjectorPaging.secondsPerPage
    /// The console's page last seen: a change is the facilitator turning (by its difference,
    /// as the console cannot know which page the projector is on).
    var console: Int?

    public init() {}

    /// Names the screen shown: what the projector shows, and for the item, which item (the
    /// day moving on opens a new screen).
    static func screen(of state: AppState) -> String {
        let shows = state.session.projection.shows
        return shows == .item ? "item \(state.session.currentItem.id)" : "\(shows)"
    }

    /// The page (from 0) of `count` that `state`'s projector draws now.
    static func page(of count: Int, _ state: AppState) -> Int {
        state.paging.page(of: count, screen: screen(of: state), console: state.session.projection.page, now: state.now)
    }

    /// The page (from 0) to draw of `count`.
    func page(of count: Int, screen: String, console: Int?, now: Double) -> Int {
        guard count > 1, screen == self.screen, count == pages else { return 0 }
        if console != self.console { return Self.turn(turning(now: now) % count, by: (console ?? 0) - (self.console ?? 0), of: count) }
        return turning(now: now) % count
    }

    /// The page reached by turning on its own since `since`, not yet wrapped.
    private func turning(now: Double) -> Int {
        let elapsed = now - since
        return startPage + (elapsed < dwell ? 0 : 1 + Int((elapsed - dwell) / Self.secondsPerPage))
    }

    private static func turn(_ page: Int, by step: Int, of count: Int) -> Int { ((page + step) % count + count) % count }

    /// After a frame that had `count` pages: a new screen or page count starts on page 1 now;
    /// a turn on the console is held.
    mutating func noteFrame(screen: String, pages count: Int, console: Int?, now: Double) {
        if screen != self.screen || count != pages {
            self = ProjectorPaging()
            self.screen = screen; pages = count; since = now; self.console = console
            return
        }
        guard console != self.console else { return }
        startPage = page(of: count, screen: screen, console: console, now: now)
        since = now; dwell = Self.consoleHold; self.console = console
    }
}
