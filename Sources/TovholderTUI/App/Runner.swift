import Foundation
import TovholderCore

/// The shell around `update`: reads events, performs effects (saving, leases, the bell),
/// notices other processes' commits, and draws a frame only when something visible changed.
/// Every message, from the terminal or from the shell's own results, goes through
/// `dispatch`, which performs every effect `update` returns.
public final class Runner {
    var state: AppState
    let store: SessionStore
    let backend: TerminalBackend
    let clock: () -> Double
    var lastVersion: Int?
    var quitting = false
    /// An event read while gathering a burst of keys, handled next (Runner+Typing).
    var pendingEvent: TerminalEvent?

    /// This terminal, as the others see it (group, user, host), kept alive by heartbeats.
    var presence: TerminalPresence?
    var lastHeartbeat = 0.0
    /// When presence was last written, and the field it named.
    var lastPresence = 0.0
    var lastPresenceField: String?
    /// Wakes the loop when another process writes the session; nil: poll every `pollMs`.
    var watcher: SessionWatcher?
    var lastRevisions: Revisions?
    /// Fields this terminal holds the lease of: when it was last renewed, and last typed in.
    var held: [FieldRef: (renewed: Double, typed: Double)] = [:]

    /// Run after the first frame and before anything is written: a message ends the program
    /// (a damaged session), given in `refusal` for the caller to print.
    let checkBeforeWriting: (() -> String?)?
    public private(set) var refusal: String?

    public init(state: AppState, store: SessionStore, backend: TerminalBackend, presence: TerminalPresence? = nil,
                clock: @escaping () -> Double = { Date().timeIntervalSince1970 },
                checkBeforeWriting: (() -> String?)? = nil) {
        self.state = state; self.store = store; self.backend = backend; self.clock = clock
        self.presence = presence; self.checkBeforeWriting = checkBeforeWriting
    }

    public var currentState: AppState { state }

    public func run() {
        state.terminalID = holder
        state.size = backend.size
        state.now = clock()
        lastVersion = try? store.dataVersion()
        draw()
        // The file's damage check runs after the first frame (it costs start-up time) and
        // before the first write: a damaged session is left byte-for-byte.
        if let refusal = checkBeforeWriting?() { self.refusal = refusal; return }
        watcher = SessionWatcher(sessionPath: store.path)
        backend.watchFD = watcher?.fd ?? -1
        // The groups' work is read after the first frame: start-up shows the item first.
        reloadWorkshop()
        lastRevisions = try? store.revisions()
        announceSize()
        refreshLive()
        if state.seat.isFacilitator, let other = state.live.terminals.first(where: { $0.role == .facilitator }) {
            dispatch(.alsoOpenAsFacilitator(other))
        }
        takeSnapshotIfDue(force: true)
        while !quitting {
            draw()
            heartbeat()
            // Wake when another process writes the session (the watcher; without one, poll
            // with a cheap PRAGMA), and at the next whole second so the countdown never
            // shows a stale second.
            let now = clock()
            let toNextSecond = Int((1 - (now - now.rounded(.down))) * 1000) + 1
            let timeout = watcher == nil ? min(Runner.pollMs, toNextSecond) : toNextSecond
            let event = pendingEvent ?? backend.nextEvent(timeoutMs: timeout)
            pendingEvent = nil
            // The clock first: a key acts at the moment it came (a pause counts to the key),
            // though the loop may have slept most of a second.
            dispatch(.tick(now: clock()))
            switch event {
            case .watched?:
                _ = watcher?.drain()  // what changed is read below
            case .key(let key)?: dispatchKeys(startingWith: key)
            case .resized(let size)?:
                dispatch(.resized(size))
                announceSize()
            case .ended?: dispatch(.terminalEnded)
            case .notUTF8?: dispatch(.notUTF8)
            case nil: break
            }
            if quitting { break }
            retryUnsaved()
            reloadIfChangedElsewhere()
            takeSnapshotIfDue(force: false)
        }
        // Leaving: what is typed is saved (per keystroke); the fields and the list are freed.
        lastRetry = 0
        retryUnsaved()
        // One transaction: leaving frees the fields too (40 views stopping at once share the disk).
        if let p = presence { try? store.leave(id: p.id) }
    }

    /// The one door for messages: update, then perform every effect it returned. A key's
    /// echo is drawn before its effects (the keystroke is on screen before its fsync).
    func dispatch(_ message: Message) {
        let effects = update(&state, message)
        guard !effects.isEmpty else { return }
        if case .key = message, effects != [.quit] { draw() }
        for effect in effects { perform(effect) }
    }

    func perform(_ effect: Effect) {
        switch effect {
        case .quit: quitting = true
        case .bell: backend.bell()
        case .save, .workshop: write(effect)
        case .acquireLease(let field, let takeOver): acquire(field, takeOver: takeOver)
        case .releaseLease(let field): release(field)
        case .setLocked(let locked, let reason): attempt { try store.setLocked(locked, reason: reason) }
        case .exportMinutes: exportMinutes()
        case .loadVersions(let field): loadVersions(field)
        case .restore(let field, let text):
            if attempt({ try store.restore(field: field, text: text, author: label) }) {
                reloadWorkshop()
                dispatch(.restored)
            }
        case .renewCodes:
            if attempt({ try store.renewCodes() }) {
                if let session = try? store.load() { dispatch(.sessionReloaded(session)) }
                dispatch(.codesRenewed)
            }
        case .resetDay:
            // A change still waiting for the file would be written over the reset: not now.
            guard unsaved.isEmpty else { return }
            var name = ""
            if attempt({ name = try store.reset(all: false, now: clock(), utcOffsetSeconds: state.utcOffsetSeconds).name }) {
                if let session = try? store.load() { dispatch(.sessionReloaded(session)) }
                reloadWorkshop()
                noteOwnCommit()
                dispatch(.dayReset(snapshot: name))
            }
        case .disconnect(let pid):
            // SIGTERM: the view saves, frees its fields and quits with 143, so serve can tell
            // the participant it was the facilitator (a hang-up is a closed connection).
            if kill(pid, SIGTERM) != 0, errno == EPERM { dispatch(.failed(state.strings[ServeKey.cannotDisconnect])) }
        case .changeGroup(let id):
            presence?.groupID = id
            if let p = presence { try? store.announce(p) }
        }
    }

    var canvas = Canvas(size: Size(width: 0, height: 0))
    /// The projector's last frame had text in ordinary letters: its heartbeat tells the console.
    var projectorFellBack = false
    /// The page the projector's last frame showed (from 0) of how many: told to the console.
    var projectorPage = 0
    var projectorPages = 1
    var drawn: Canvas?

    /// The state last drawn, with the clock to the whole second (all a screen shows of it).
    var drawnState: AppState?

    /// Renders the state and sends the frame to the terminal if anything changed. An idle
    /// terminal wakes 25 times a second: it renders only when the state (or the second) moved.
    func draw() {
        if backend.size != canvas.size { canvas = Canvas(size: backend.size); state.size = backend.size; drawnState = nil }
        var shown = state
        shown.now = state.now.rounded(.down)
        guard shown != drawnState else { return }
        drawnState = shown
        if state.seat.isProjector {
            projectorFellBack = !ProjectorScreen.render(state, into: &canvas)
            // The page clock learns the frame's page count: a new one starts on page 1.
            state.paging.noteFrame(screen: ProjectorPaging.screen(of: state), pages: canvas.pages,
                                   console: state.session.projection.page, now: state.now)
            projectorPages = canvas.pages
            projectorPage = ProjectorPaging.page(of: canvas.pages, state)
        } else {
            render(state, into: &canvas)
        }
        if canvas != drawn { backend.draw(canvas); drawn = canvas }
    }

    /// Changes the file could not take (a full disk, a read-only file), in order: the screen
    /// keeps showing them, they are retried every second and saved in order once possible.
    var unsaved: [Effect] = []
    var lastRetry = 0.0

    /// A change for the file: behind any that wait, else now. One the file cannot take
    /// waits in memory (a new entry, group or row cannot: it needs its number from the file).
    func write(_ effect: Effect) {
        if !unsaved.isEmpty {
            if effect.createsSomething { dispatch(.failed(state.strings[.notWhileUnsaved])) } else { enqueue(effect) }
            return
        }
        do {
            try commit(effect)
            noteOwnCommit()
        } catch where UserFacing.isStorageFailure(error) && !effect.createsSomething {
            enqueue(effect)
            let since = state.strings.time(ClockTime(minutes: Int(state.minuteOfDay(clock()))))
            dispatch(.unsavedChanged(UserFacing.unsaved(error, since: since).text(state.strings.language)))
        } catch {
            dispatch(.failed(UserFacing.message(for: error).text(state.strings.language)))
            reloadWorkshop()
        }
    }

    /// Typing into one field queues only its latest text.
    func enqueue(_ effect: Effect) {
        if case .workshop(.setText(let field, _)) = effect, case .workshop(.setText(let last, _))? = unsaved.last,
           last == field {
            unsaved[unsaved.count - 1] = effect
        } else {
            unsaved.append(effect)
        }
    }

    /// Once a second while changes wait: save them in order, stopping at the first refusal.
    func retryUnsaved() {
        let now = clock()
        guard !unsaved.isEmpty, now - lastRetry >= 1 else { return }
        lastRetry = now
        while let first = unsaved.first {
            do { try commit(first) } catch { return }
            unsaved.removeFirst()
        }
        noteOwnCommit()
        dispatch(.unsavedChanged(nil))
        reloadWorkshop()
    }

    /// When the facilitator's terminal takes snapshots, and the outcome of the running one
    /// (Runner+Snapshots.swift).
    var snapshots = SnapshotSchedule.fromEnvironment()
    let snapshotOutcome = SnapshotOutcomeBox()

    /// What could not be saved when the program ends (printed after the screen is given back).
    public var unsavedReport: String? {
        let texts = unsaved.compactMap { effect -> String? in
            guard case .workshop(.setText(let field, let text)) = effect else { return nil }
            return FieldNames.name(field, state) + ": " + text
        }
        return unsaved.isEmpty ? nil : ([state.strings[.unsavedAtExit]] + texts).joined(separator: "\n")
    }

    func commit(_ effect: Effect) throws {
        switch effect {
        case .save(let changes): try store.save(changes, of: state.session)
        case .workshop(let change): try apply(change)
        default: break
        }
    }

    /// After our own commit the revision moved by our hand: adopt it, so our own edit does
    /// not reload the screen — but only when no other terminal committed since we last
    /// looked (our own commits never move our `data_version`). Otherwise leave both, and the
    /// next look reloads what the others wrote.
    func noteOwnCommit() {
        guard let version = try? store.dataVersion(), version == lastVersion else { return }
        lastRevisions = try? store.revisions()
    }

    func reloadWorkshop() {
        if let workshop = try? store.loadWorkshop() { dispatch(.workshopReloaded(workshop)) }
        reloadAgreements()
    }

    func reloadAgreements() {
        if let agreements = try? store.loadAgreements(), let roadmap = try? store.loadRoadmap() {
            dispatch(.agreementsReloaded(agreements, roadmap))
        }
    }

    /// The minutes in every format, beside the session file, from one consistent snapshot.
    func exportMinutes() {
        attempt {
            let files = try MinutesExport.write(store: store, language: state.strings.language,
                                                utcOffsetSeconds: state.utcOffsetSeconds, now: clock())
            dispatch(.exported(files.map { ($0 as NSString).lastPathComponent }))
        }
    }

    static let pollMs = 40

    /// Another process committed (cheap check by `PRAGMA data_version`): refresh leases and
    /// the lock, and reload the parts of the day whose content changed (the revision
    /// counters; heartbeats and leases do not count).
    func reloadIfChangedElsewhere() {
        // While changes wait in memory, the file is older than the screen: no reload.
        guard unsaved.isEmpty, let version = try? store.dataVersion(), version != lastVersion else { return }
        lastVersion = version
        if let revisions = try? store.revisions(), revisions != lastRevisions {
            // Only what changed: a keystroke in a worksheet reloads the worksheets alone.
            let changed = revisions.changed(since: lastRevisions)
            lastRevisions = revisions
            if changed.contains(.session), let session = try? store.load() { dispatch(.sessionReloaded(session)) }
            if changed.contains(.workshop), let workshop = try? store.loadWorkshop() { dispatch(.workshopReloaded(workshop)) }
            if changed.contains(.agreements) { reloadAgreements() }
        }
        refreshLive()
    }

    func refreshLive() {
        let now = clock()
        var live = LiveState()
        if let leases = try? store.heldLeases(now: now) {
            // Ours: held by this process, or by this seat before a reconnect (same label, its
            // process ended). Another running terminal of this seat is another terminal.
            for (field, lease) in leases where lease.holder != holder {
                if lease.lease.label == label, (try? store.holderRuns(lease.holder)) != true { continue }
                live.leases[field] = shown(lease.lease)
                // Ours no more: the facilitator took it over (or it expired and was taken).
                if held.removeValue(forKey: field) != nil { dispatch(.leaseLost(field, lease.lease)) }
            }
        }
        if let lock = try? store.lockState() { live.locked = lock.locked; live.lockReason = lock.reason }
        if state.seat.isFacilitator, let terminals = try? store.terminals(now: now) {
            live.terminals = terminals.filter { $0.id != presence?.id }
        }
        dispatch(.liveRefreshed(live))
    }

    /// Every 2 s: look at the others (leases, the lock, who is joined); give back fields not
    /// typed in for 30 s, so a participant who walked away blocks no one. Tell the others
    /// this terminal is alive only when it matters: at once when its field changes, and
    /// every 2 s while it holds a field (a lease lives as long as its holder is seen). An
    /// idle terminal writes nothing — every write wakes every other terminal, and a hundred
    /// idle ones must stay idle; the list knows it by its running process.
    func heartbeat() {
        let now = clock()
        if let p = presence {
            // The projector has no field: it reports whether its text fell back to ordinary letters.
            let field = state.seat.isProjector
                ? ProjectorStatus.field(fellBack: projectorFellBack, page: projectorPage, of: projectorPages)
                : state.editing?.field.historyName
            let holding = !held.isEmpty || state.editing != nil
            if field != lastPresenceField || (holding && now - lastPresence >= 2) {
                lastPresence = now; lastPresenceField = field
                if (try? store.heartbeat(id: p.id, now: now, field: field)) == false {
                    try? store.announce(p)  // away over a minute (a laptop lid closed): back on the list
                }
            }
        }
        // The facilitator's screen shows who holds what: it looks every second (a killed
        // terminal's field frees 10 s after it was last seen); the others every 2 s. The loop
        // wakes on whole seconds, so a little less is asked for.
        guard now - lastHeartbeat >= (state.seat.isFacilitator ? 0.9 : 1.9) else { return }
        lastHeartbeat = now
        for (field, times) in held where now - times.typed >= Runner.idleRelease {
            release(field)
            dispatch(.leaseExpired(field))
        }
        refreshLive()
    }

    /// Registers this terminal with its size (the console's projector check reads it).
    func announceSize() {
        guard var p = presence else { return }
        p.columns = backend.size.width; p.rows = backend.size.height
        p.lastSeen = clock()
        presence = p
        lastPresence = p.lastSeen
        try? store.announce(p)
    }

    func loadVersions(_ field: FieldRef) {
        attempt {
            let versions = try store.versions(field: field).map { TextVersion(text: $0.text, at: $0.at, author: $0.author) }
            dispatch(.versionsLoaded(field, versions))
        }
    }

    /// Runs `work`; a failure is told in the user's words. True when it worked.
    @discardableResult
    func attempt(_ work: () throws -> Void) -> Bool {
        do { try work(); return true } catch {
            dispatch(.failed(UserFacing.message(for: error).text(state.strings.language)))
            return false
        }
    }
}
