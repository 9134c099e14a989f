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
        state.size = backend.size
        state.now = clock()
        lastVersion = try? store.dataVersion()
        draw()
        // The groups' work is read after the first frame: start-up shows the item first.
        reloadWorkshop()
        loop: while true {
            draw()
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
            // Echo first, then save: the keystroke is on screen before its transaction's fsync.
            if !effects.isEmpty && effects != [.quit] { draw() }
            for effect in effects {
                switch effect {
                case .quit: break loop
                case .bell: backend.bell()
                case .save(let changes): save(changes)
                case .workshop(let change): apply(change)
                }
            }
            reloadIfChangedElsewhere()
        }
    }

    private var canvas = Canvas(size: Size(width: 0, height: 0))
    private var drawn: Canvas?

    /// Renders the state and sends the frame to the terminal if anything changed.
    private func draw() {
        if backend.size != canvas.size { canvas = Canvas(size: backend.size); state.size = backend.size }
        render(state, into: &canvas)
        if canvas != drawn { backend.draw(canvas); drawn = canvas }
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

    /// Carries out a change to groups or worksheets in its own transaction. Structural
    /// changes reload the workshop; typing does not (the state already shows the text).
    private func apply(_ change: WorkshopChange) {
        do {
            switch change {
            case .setText(.entry(let id), let text):
                try store.setText(entryID: id, text: text, author: author)
            case .setText(.plenumNote(let item), let text):
                try store.setPlenumNote(itemID: item, text: text, author: author)
            case .setText(.groupName(let id), let name), .renameGroup(let id, let name):
                try store.renameGroup(id: id, name: name)
                reloadWorkshop()
            case .addEntry(let group, let kind, let after):
                let entry = try store.addEntry(groupID: group, kind: kind, after: after, text: "")
                reloadWorkshop()
                _ = update(&state, .entryAdded(entry))
            case .deleteEntry(let id):
                try store.deleteEntry(id: id); reloadWorkshop()
            case .moveEntry(let id, let by):
                try store.moveEntry(id: id, by: by); reloadWorkshop()
            case .setLinks(let id, let targets):
                try store.setLinks(entryID: id, targets: targets)
            case .addGroup(let name):
                let group = try store.addGroup(name: name)
                reloadWorkshop()
                _ = update(&state, .groupAdded(group))
            case .removeGroup(let id):
                try store.removeGroup(id: id); reloadWorkshop()
            case .restoreGroup(let id):
                try store.restoreGroup(id: id); reloadWorkshop()
            }
            lastVersion = try store.dataVersion()
        } catch let error as WorksheetError {
            _ = update(&state, .failed(error.message.text(state.strings.language)))
            reloadWorkshop()
        } catch {
            _ = update(&state, .failed("\(error)"))
            reloadWorkshop()
        }
    }

    private func reloadWorkshop() {
        if let workshop = try? store.loadWorkshop() { _ = update(&state, .workshopReloaded(workshop)) }
    }

    /// Who typed: the user name, as participants' terminals will also say.
    private let author = ProcessInfo.processInfo.environment["USER"]

    /// Another process committed: take its state (cheap check by `PRAGMA data_version`).
    private func reloadIfChangedElsewhere() {
        guard let version = try? store.dataVersion(), version != lastVersion else { return }
        lastVersion = version
        if let session = try? store.load() { _ = update(&state, .sessionReloaded(session)) }
        reloadWorkshop()
    }
}
