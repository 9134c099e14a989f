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

    /// This terminal, as the others see it (group, user, host), kept alive by heartbeats.
    private var presence: TerminalPresence?
    private var lastHeartbeat = 0.0
    private var lastRevision: Int?
    /// Fields this terminal holds the lease of, and when each was last renewed.
    private var held: [String: Double] = [:]

    public init(state: AppState, store: SessionStore, backend: TerminalBackend, presence: TerminalPresence? = nil,
                clock: @escaping () -> Double = { Date().timeIntervalSince1970 }) {
        self.state = state; self.store = store; self.backend = backend; self.clock = clock
        self.presence = presence
    }

    public var currentState: AppState { state }

    public func run() {
        state.size = backend.size
        state.now = clock()
        lastVersion = try? store.dataVersion()
        draw()
        // The groups' work is read after the first frame: start-up shows the item first.
        reloadWorkshop()
        lastRevision = try? store.revision()
        if let p = presence { try? store.announce(p) }
        refreshLive()
        defer {
            if let p = presence { try? store.releaseAll(holder: p.id); try? store.leave(id: p.id) }
        }
        loop: while true {
            draw()
            heartbeat()
            // Wake often enough to see other terminals' edits quickly (a cheap PRAGMA), and at
            // the next whole second so the countdown never shows a stale second.
            let now = clock()
            let toNextSecond = Int((1 - (now - now.rounded(.down))) * 1000) + 1
            let event = backend.nextEvent(timeoutMs: min(Runner.pollMs, toNextSecond))
            var effects: [Effect] = []
            switch event {
            case .key(let key)?: effects += update(&state, .key(key))
            case .resized(let size)?: effects += update(&state, .resized(size))
            case .ended?: effects += update(&state, .terminalEnded)
            case .notUTF8?: effects += update(&state, .notUTF8)
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
                case .acquireLease(let field): acquire(field)
                case .releaseLease(let field): release(field)
                case .setLocked(let locked, let reason): perform { try store.setLocked(locked, reason: reason) }
                case .exportMinutes: exportMinutes()
                case .loadVersions(let field): loadVersions(field)
                case .restore(let field, let text):
                    perform { try store.restore(field: field.historyField ?? "", text: text, author: author) }
                    reloadWorkshop()
                    _ = update(&state, .restored)
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
            lastRevision = try? store.revision()
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
                renewLease(.entry(id))
            case .setText(.plenumNote(let item), let text):
                try store.setPlenumNote(itemID: item, text: text, author: author)
                renewLease(.plenumNote(itemID: item))
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
            case .setText(.agreement(let group, let field), let text):
                try store.setAgreementField(groupID: group, field: field, text: text, author: author)
            case .setText(.agreementRow(let id, let field), let text):
                try store.setAgreementRow(id: id, who: field == .who ? text : nil,
                                          knowledge: field == .knowledge ? text : nil, dueText: field == .due ? text : nil)
            case .setText(.roadmap, _):
                break  // roadmap fields arrive as whole entries (updateRoadmapEntry)
            case .addAgreementRow(let group, let after):
                _ = try store.addAgreementRow(groupID: group, after: after); reloadAgreements()
            case .deleteAgreementRow(let id):
                try store.deleteAgreementRow(id: id); reloadAgreements()
            case .addRoadmapEntry(let after):
                let base = state.roadmap.first { $0.id == after } ?? state.roadmap.last
                _ = try store.addRoadmapEntry(after: after, from: base?.to ?? base?.from ?? state.session.programme.date,
                                              to: nil, title: state.strings[.newPhaseTitle], activities: [])
                reloadAgreements()
            case .deleteRoadmapEntry(let id):
                try store.deleteRoadmapEntry(id: id); reloadAgreements()
            case .moveRoadmapEntry(let id, let by):
                try store.moveRoadmapEntry(id: id, by: by); reloadAgreements()
            case .updateRoadmapEntry(let entry):
                try store.updateRoadmapEntry(entry)
            }
            lastVersion = try store.dataVersion()
            lastRevision = try? store.revision()
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
        reloadAgreements()
    }

    private func reloadAgreements() {
        if let agreements = try? store.loadAgreements(), let roadmap = try? store.loadRoadmap() {
            _ = update(&state, .agreementsReloaded(agreements, roadmap))
        }
    }

    /// The minutes in every format, beside the session file ("udviklingsdag.md", ".html"…),
    /// from one consistent snapshot of the file.
    private func exportMinutes() {
        perform {
            let files = try MinutesExport.write(store: store, language: state.strings.language,
                                                utcOffsetSeconds: state.utcOffsetSeconds, now: clock())
            _ = update(&state, .exported(files.map { ($0 as NSString).lastPathComponent }))
        }
    }

    /// Who typed, one name per terminal ("Gruppe 2 · anne@10.0.0.7 #4711"), so the history
    /// says who wrote what and text from another terminal is always kept when replaced.
    private var author: String {
        guard let p = presence else { return ProcessInfo.processInfo.environment["USER"] ?? "" }
        return "\(presenceLabel) · \(p.user)@\(p.host) #\(p.pid)"
    }

    static let pollMs = 40

    /// Another process committed (cheap check by `PRAGMA data_version`): refresh leases and
    /// the lock, and reload the day only when its content changed (the revision counter;
    /// heartbeats and leases do not count).
    private func reloadIfChangedElsewhere() {
        guard let version = try? store.dataVersion(), version != lastVersion else { return }
        lastVersion = version
        if let revision = try? store.revision(), revision != lastRevision {
            lastRevision = revision
            if let session = try? store.load() { _ = update(&state, .sessionReloaded(session)) }
            reloadWorkshop()
        }
        refreshLive()
    }

    private func refreshLive() {
        let now = clock()
        var live = LiveState()
        if let leases = try? store.activeLeases(now: now) {
            live.leases = leases.filter { held[$0.key] == nil }  // our own fields are not "someone else"
        }
        if let lock = try? store.lockState() { live.locked = lock.locked; live.lockReason = lock.reason }
        if state.seat.isFacilitator, let terminals = try? store.terminals(now: now) {
            live.terminals = terminals.filter { $0.id != presence?.id }
        }
        _ = update(&state, .liveRefreshed(live))
    }

    /// Every 2 s: tell the others this terminal is alive (and where it writes); the
    /// facilitator's list of terminals ages with it.
    private func heartbeat() {
        let now = clock()
        guard now - lastHeartbeat >= 2 else { return }
        lastHeartbeat = now
        if let p = presence {
            try? store.heartbeat(id: p.id, now: now, field: state.editing?.field.historyField)
            lastVersion = try? store.dataVersion()
        }
        for field in held.keys where now - (held[field] ?? 0) >= Runner.leaseRenewal {
            _ = try? store.renewLease(field: field, holder: holder, now: now, ttl: Runner.leaseTTL)
            held[field] = now
        }
        refreshLive()
    }

    private func acquire(_ field: FieldRef) {
        guard let name = field.historyField else { return }
        let label = presenceLabel
        do {
            switch try store.acquireLease(field: name, holder: holder, label: label, now: clock(), ttl: Runner.leaseTTL) {
            case .granted: held[name] = clock()
            case .heldBy(let other): _ = update(&state, .leaseDenied(field, holder: other))
            }
        } catch {
            _ = update(&state, .failed("\(error)"))
        }
    }

    private func release(_ field: FieldRef) {
        guard let name = field.historyField, held.removeValue(forKey: name) != nil else { return }
        try? store.releaseLease(field: name, holder: holder)
    }

    private func renewLease(_ field: FieldRef) {
        guard let name = field.historyField, let last = held[name], clock() - last >= Runner.leaseRenewal else { return }
        _ = try? store.renewLease(field: name, holder: holder, now: clock(), ttl: Runner.leaseTTL)
        held[name] = clock()
    }

    /// A lease lasts 8 s and is renewed every 2 s while the terminal lives, so a terminal
    /// that was killed or lost its connection blocks a field for at most 8 s.
    static let leaseTTL = 8.0
    static let leaseRenewal = 2.0

    /// The lease holder: this terminal's presence id.
    private var holder: String { presence?.id ?? "local" }

    /// How other terminals name this one while it writes: its group, or "Facilitator".
    private var presenceLabel: String {
        if case .participant(let id) = state.seat, let g = state.workshop.groups.first(where: { $0.id == id }) {
            return g.name
        }
        return state.strings[.facilitatorSeat].capitalized
    }

    private func loadVersions(_ field: FieldRef) {
        guard let name = field.historyField else { return }
        do {
            let versions = try store.versions(field: name).map { TextVersion(text: $0.text, at: $0.at, author: $0.author) }
            _ = update(&state, .versionsLoaded(field, versions))
        } catch {
            _ = update(&state, .failed("\(error)"))
        }
    }

    private func perform(_ work: () throws -> Void) {
        do { try work() } catch { _ = update(&state, .failed("\(error)")) }
    }
}
