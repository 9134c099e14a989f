import Foundation
import TovholderCore

/// The shell around `update`: reads events, performs effects (saving, the bell), notices
/// other processes' commits, and draws a frame only when something visible changed.
public final class Runner {
    private var state: AppState
    private let store: SessionStore
    private let backend: TerminalBackend
    private let clock: () -> Double
    private var lastVersion: Int?
    /// Shown instead of crashing when saving fails (e.g. a full disk); cleared by the next save.
    public private(set) var saveError: String?

    public init(state: AppState, store: SessionStore, backend: TerminalBackend,
                clock: @escaping () -> Double = { Date().timeIntervalSince1970 }) {
        self.state = state; self.store = store; self.backend = backend; self.clock = clock
    }

    public var currentState: AppState { state }

    public func run() {
        var canvas = Canvas(size: backend.size)
        state.size = backend.size
        state.now = clock()
        var drawn: Canvas?
        lastVersion = try? store.dataVersion()
        loop: while true {
            if backend.size != canvas.size { canvas = Canvas(size: backend.size); state.size = backend.size }
            render(state, into: &canvas)
            if canvas != drawn { backend.draw(canvas); drawn = canvas }
            // Wake at the next whole second so the countdown never shows a stale second.
            let now = clock()
            let toNextSecond = Int((1 - (now - now.rounded(.down))) * 1000) + 1
            let event = backend.nextEvent(timeoutMs: min(250, toNextSecond))
            var effects: [Effect] = []
            switch event {
            case .key(let key)?: effects += update(&state, .key(key))
            case .resized(let size)?: effects += update(&state, .resized(size))
            case nil: break
            }
            effects += update(&state, .tick(now: clock()))
            for effect in effects {
                switch effect {
                case .quit: break loop
                case .bell: backend.bell()
                case .save(let changes): save(changes)
                }
            }
            reloadIfChangedElsewhere()
        }
    }

    private func save(_ changes: [SessionChange]) {
        do {
            try store.save(changes, of: state.session)
            lastVersion = try store.dataVersion()
            saveError = nil
        } catch {
            saveError = "\(error)"
        }
    }

    /// Another process committed: take its state (cheap check by `PRAGMA data_version`).
    private func reloadIfChangedElsewhere() {
        guard let version = try? store.dataVersion(), version != lastVersion else { return }
        lastVersion = version
        if let session = try? store.load() { _ = update(&state, .sessionReloaded(session)) }
    }
}
