import Foundation
import GRDB

/// One held day in one SQLite file (WAL mode). Every change is a small transaction, so a
/// crash or `kill -9` loses at most the change in flight and never leaves a broken file.
///
/// `@unchecked Sendable`: GRDB's `DatabaseQueue` serialises every access itself, `path` is
/// constant, and the one cache (`decodedProgramme`) is only touched under `programmeLock`.
public final class SessionStore: @unchecked Sendable {
    /// `PRAGMA application_id`: marks a file as a Tovholder session ("TovH").
    public static let applicationID: Int32 = 0x546F_7648
    public let path: String
    let queue: DatabaseQueue
    /// The programme as last decoded, with its JSON: every terminal reloads the session on
    /// every other terminal's keystroke, and the programme almost never changes.
    private var decodedProgramme: (json: String, programme: DayTemplate)?
    private let programmeLock = NSLock()
    /// The session's tag (`JournalIdentity`), set again by every write so each commit carries
    /// it into the journal; nil for a store that only reads.
    let journalTag: Int32?

    init(path: String, queue: DatabaseQueue, journalTag: Int32? = nil) {
        self.path = path; self.queue = queue; self.journalTag = journalTag
    }

    /// `bell`: the session's path, touched after every commit (`CommitBell`).
    static func configuration(bell path: String? = nil) -> Configuration {
        var config = Configuration()
        // Several processes write one session: wait for each other instead of failing.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if let path { CommitBell.install(on: db, path: path) }
        }
        return config
    }

    /// Opens an existing session after checking that it is one, without writing to it
    /// unless it is. A newer schema is refused, not touched. A failure that is not about
    /// the file itself is tried once more: two processes opening (and migrating) one file
    /// at the same moment can trip over each other, and the second try sees the other's work.
    /// `checkDamage: false` leaves the damage check (`damageProblems`) to the caller, who
    /// runs it before writing anything: a terminal draws its first frame first.
    public static func open(path: String, checkDamage: Bool = true) throws -> SessionStore {
        do {
            return try openOnce(path: path, checkDamage: checkDamage)
        } catch let error as SessionError {
            throw error
        } catch {
            usleep(UInt32.random(in: 20_000...100_000))
            do {
                return try openOnce(path: path, checkDamage: checkDamage)
            } catch let error as SessionError {
                throw error
            } catch {
                throw SessionError.from(error, path: path)
            }
        }
    }

    /// Throws `SessionError` for a file that is not a current-or-older session, and the
    /// database's own error for anything `open` may retry.
    /// For `tovholder check`: reads the session without writing anything — no migration,
    /// read-only — and checks that it is ours, not from a newer version, intact and loadable.
    public static func verify(path: String) throws {
        try SessionFileCheck.requireSQLiteHeader(path: path)
        try JournalIdentity.requireOwnJournal(path: path)
        FilePermissions.secure(session: path)  // even a reader may make the -wal others write to
        var config = configuration()
        config.readonly = true
        do {
            // A user who may only read the file cannot make its -shm: read it as immutable then.
            let queue: DatabaseQueue
            do { queue = try DatabaseQueue(path: path, configuration: config) } catch {
                queue = try DatabaseQueue(path: URL(fileURLWithPath: path).absoluteString + "?immutable=1",
                                          configuration: config)
            }
            let problems = try queue.read { db -> [Localized] in
                _ = try SessionFileCheck.requireTovholderSchema(db, path: path)
                return try SessionDiagnosis.problems(db, applied: try SessionFileCheck.appliedMigrations(db))
            }
            guard problems.isEmpty else { throw SessionError.problems(path: path, problems) }
            _ = try SessionStore(path: path, queue: queue).load()
            try queue.close()
        } catch let error as SessionError {
            throw error
        } catch {
            throw SessionError.from(error, path: path)
        }
    }

    private static func openOnce(path: String, checkDamage: Bool) throws -> SessionStore {
        try SessionFileCheck.requireSQLiteHeader(path: path)
        // Before the open below: it would apply another session's journal, and its close
        // would checkpoint that into the file.
        try JournalIdentity.requireOwnJournal(path: path)
        FilePermissions.secure(session: path)  // before SQLite makes the -wal and -shm
        let queue = try DatabaseQueue(path: path, configuration: configuration(bell: path))
        // Not `reading`: that retry belongs to an open store; `open` retries as a whole.
        let (upToDate, problems) = try queue.read { db -> (Bool, [Localized]) in
            let upToDate = try SessionFileCheck.requireTovholderSchema(db, path: path)
            // An older file is migrated (written) below: check it first, whatever was asked.
            guard checkDamage || !upToDate else { return (upToDate, []) }
            return (upToDate, try SessionDiagnosis.quickProblems(db, applied: try SessionFileCheck.appliedMigrations(db)))
        }
        // A damaged file is not opened for writing: it stays byte-for-byte for a restore.
        guard problems.isEmpty else { try? queue.close(); throw SessionError.problems(path: path, problems) }
        // Migrate only an older file: opening a current one writes nothing and stays fast.
        if !upToDate {
            try SessionSchema.migrator.migrate(queue)
        }
        // Missing only from a damaged file, which `damageProblems` reports (unless checked above).
        let uuid = try? queue.read { db in try String.fetchOne(db, sql: "SELECT uuid FROM session_identity WHERE id = 1") }
        return SessionStore(path: path, queue: queue, journalTag: uuid.map(JournalIdentity.tag(of:)))
    }

    /// Creates a new session from a programme. Built beside the target under a temporary
    /// name and linked into place, so a half-made session never exists under the real name
    /// and two processes creating the same file cannot both win.
    /// With `carrying`, the session is the next day of a series: its groups, chains,
    /// agreements to follow up and roadmap come from the earlier day (`CarryOver`).
    public static func create(path: String, programme: DayTemplate, templateName: String,
                              now: Double, carrying earlier: EarlierSession? = nil) throws -> SessionStore {
        if FileManager.default.fileExists(atPath: path) { throw SessionError.exists(path: path) }
        // Placeholders and relative roadmap dates are fixed to the day here, once.
        let programme = programme.dated(programme.date)
        let temp = path + ".new-\(getpid())"
        defer { removeSidecars(temp); unlink(temp) }
        do {
            try FilePermissions.createEmpty(temp, FilePermissions.sharing(forFile: path))
            let q = try DatabaseQueue(path: temp, configuration: configuration())
            try q.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            }
            FilePermissions.secure(session: temp)  // its -wal gets the folder's group before any content
            try SessionSchema.migrator.migrate(q)
            let json = String(decoding: try SessionStore.encoder.encode(programme), as: UTF8.self)
            try q.write { db in
                try db.execute(sql: "INSERT INTO programme(id, template_name, json, created_at) VALUES (1, ?, ?, ?)",
                               arguments: [templateName, json, now])
                try db.execute(sql: "INSERT INTO position(id, item_index, step) VALUES (1, 0, 0)")
                // The migrations ran before the programme existed, so they could not seed
                // the groups and the roadmap.
                if let earlier {
                    try CarryOver.insert(db, earlier, programme: programme, now: now)
                } else {
                    try SessionSchema.seedGroups(db, names: programme.groups, now: now)
                    try SessionSchema.seedRoadmap(db, phases: programme.roadmap)
                }
            }
            // Everything into the main file before it gets its name: its identity must be there,
            // not only in this temporary journal (`JournalIdentity` compares against it).
            let busy = try q.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            guard busy == 0 else { throw SessionError.busy(path: path) }
            try q.close()
        } catch {
            throw SessionError.cannotCreate(path: path, detail: SessionError.why(error))
        }
        if link(temp, path) != 0 {
            if errno == EEXIST { throw SessionError.exists(path: path) }
            throw SessionError.cannotCreate(path: path, detail: Localized(da: "filen kunne ikke lægges på plads (fejl \(errno))", en: "the file could not be put in place (error \(errno))"))
        }
        return try open(path: path)
    }

    private static func removeSidecars(_ path: String) {
        unlink(path + "-wal"); unlink(path + "-shm"); unlink(path + "-journal")
    }

    /// The quick damage check of `open` (the tables the version promises, `quick_check`),
    /// as a `SessionError.problems`, or nil when the file is sound. Reads only.
    public func damageProblems() -> SessionError? {
        let problems = try? queue.read { db in
            try SessionDiagnosis.quickProblems(db, applied: try SessionFileCheck.appliedMigrations(db))
        }
        guard let problems, !problems.isEmpty else { return nil }
        return .problems(path: path, problems)
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder(); e.outputFormatting = [.sortedKeys]; return e
    }()

    // MARK: reading and saving

    public func load() throws -> SessionState {
        try reading { db in try readState(db) }
    }

    /// The facilitator's state inside a read the caller holds (exports read it with the worksheets).
    func readState(_ db: Database) throws -> SessionState {
        guard let json = try String.fetchOne(try db.cachedStatement(sql: "SELECT json FROM programme WHERE id = 1")) else {
            throw SessionError.damaged(path: path, detail: SessionError.programmeMissing)
        }
        let programme: DayTemplate
        do {
            programme = try decodeProgramme(json)
        } catch {
            throw SessionError.damaged(path: path, detail: Localized(da: "dagens program i filen kan ikke læses", en: "the day's programme in the file cannot be read"))
        }
        guard !programme.agenda.isEmpty else { throw SessionError.damaged(path: path, detail: Localized(da: "dagens program er tomt", en: "the day's programme is empty")) }
        var state = SessionState(programme: programme)
        if let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT item_index, step FROM position WHERE id = 1")) {
            state.currentIndex = min(max(0, row["item_index"]), programme.agenda.count - 1)
            state.currentStep = min(max(0, row["step"]), max(0, state.currentItem.steps.count - 1))
        }
        if let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM projector WHERE id = 1")) {
            state.projection = Projection(kind: row["shows"], groupID: row["group_id"], part: row["part"],
                                          card: row["card"], blank: row["blank"], page: row["page"])
        }
        for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT part FROM hidden_parts")) {
            if let part = WorksheetPart(rawValue: row[0]) { state.hiddenParts.insert(part) }
        }
        for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT at, change FROM programme_changes ORDER BY id")) {
            // A change this program cannot read was written by a newer one: left out of the log.
            let json: String = row[1]
            if let change = try? JSONDecoder().decode(ProgrammeChange.self, from: Data(json.utf8)) {
                state.changeLog.append(LoggedChange(at: row[0], change: change))
            }
        }
        state.service = try Self.readService(db)
        for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM item_progress")) {
            let id: String = row["item_id"]
            state.items[id] = ItemProgress(
                actualStart: row["actual_start"],
                countdown: Countdown(durationSeconds: row["duration_seconds"],
                                     accumulatedSeconds: row["accumulated_seconds"],
                                     runningSince: row["running_since"],
                                     bellRung: row["bell_rung"]))
        }
        return state
    }

    func decodeProgramme(_ json: String) throws -> DayTemplate {
        programmeLock.lock(); defer { programmeLock.unlock() }
        if let cached = decodedProgramme, cached.json == json { return cached.programme }
        let programme = try JSONDecoder().decode(DayTemplate.self, from: Data(json.utf8))
        decodedProgramme = (json, programme)
        return programme
    }

    /// Saves what `changes` name, all in one transaction.
    public func save(_ changes: [SessionChange], of state: SessionState) throws {
        guard !changes.isEmpty else { return }
        try writing { db in
            for change in changes {
                switch change {
                case .position:
                    try db.execute(sql: "UPDATE position SET item_index = ?, step = ? WHERE id = 1",
                                   arguments: [state.currentIndex, state.currentStep])
                case .projection:
                    let p = state.projection
                    try db.execute(sql: """
                        INSERT INTO projector(id, shows, group_id, part, card, blank, page) VALUES (1, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET shows = excluded.shows, group_id = excluded.group_id,
                            part = excluded.part, card = excluded.card, blank = excluded.blank, page = excluded.page
                        """, arguments: [p.storedKind, p.storedGroup, p.storedPart, p.storedCard, p.blank, p.page])
                case .programme(let change):
                    let json = String(decoding: try SessionStore.encoder.encode(state.programme), as: UTF8.self)
                    try db.execute(sql: "UPDATE programme SET json = ? WHERE id = 1", arguments: [json])
                    if let change {
                        try db.execute(sql: "INSERT INTO programme_changes(at, change) VALUES (?, ?)",
                                       arguments: [Date().timeIntervalSince1970,
                                                   String(decoding: try SessionStore.encoder.encode(change), as: UTF8.self)])
                    }
                case .hiddenParts:
                    try db.execute(sql: "DELETE FROM hidden_parts")
                    for part in state.hiddenParts.sorted(by: { $0.rawValue < $1.rawValue }) {
                        try db.execute(sql: "INSERT INTO hidden_parts(part, since) VALUES (?, ?)",
                                       arguments: [part.rawValue, Date().timeIntervalSince1970])
                    }
                case .item(let id):
                    guard let p = state.items[id] else { continue }
                    try db.execute(sql: """
                        INSERT INTO item_progress(item_id, actual_start, duration_seconds,
                            accumulated_seconds, running_since, bell_rung)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT(item_id) DO UPDATE SET actual_start = excluded.actual_start,
                            duration_seconds = excluded.duration_seconds,
                            accumulated_seconds = excluded.accumulated_seconds,
                            running_since = excluded.running_since, bell_rung = excluded.bell_rung
                        """, arguments: [id, p.actualStart, p.countdown.durationSeconds,
                                         p.countdown.accumulatedSeconds, p.countdown.runningSince,
                                         p.countdown.bellRung])
                }
            }
        }
    }

    /// Closes the file (checkpointing its WAL when this is the last connection).
    public func close() throws { try queue.close() }

    /// Cheap check for commits by other processes (`PRAGMA data_version`).
    public func dataVersion() throws -> Int {
        try reading { db in try Int.fetchOne(try db.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
    }
}
