import TovholderCore

/// Everything a frame is drawn from. Screens are pure functions of this.
public struct AppState: Equatable, Sendable {
    public var session: SessionState
    public var screen: Screen = .item
    public var strings: Strings
    /// The session file's name, shown in the title line.
    public var fileName: String
    /// Wall-clock now, seconds since 1970: set by every tick.
    public var now: Double
    /// Local time zone offset, so clock times and the agenda are in local time.
    public var utcOffsetSeconds: Int
    public var size: Size
    /// Groups, worksheets and plenum notes, as last read from (or written to) the session.
    public var workshop: Workshop
    /// The text field being edited, if any: keys go to its editor first.
    public var editing: FieldEditing?
    /// A short message on the status line (e.g. an error saving), cleared by the next key.
    public var notice: String?
    /// When set, the notice stays until then, through keys.
    public var noticeUntil: Double?
    /// Why changes wait in memory (the file cannot be written), until they are saved.
    public var unsaved: String?
    /// Why the last snapshot failed, shown until one is taken.
    public var snapshotTrouble: String?
    /// "Quit? Enter: yes" is asked; the next key answers.
    public var confirmingQuit = false
    /// "Start the day afresh?" is asked (`R` on the agenda); the next key answers.
    public var confirmingReset = false
    /// "Start the day now?" is asked (`S` on the agenda); the next key answers.
    public var confirmingStartNow = false
    /// The last changes to each form's text, newest last, so ^Z reaches every field of it.
    public var formUndo = FormUndo()
    public var seat: Seat = .facilitator
    /// Leases, the lock and the joined terminals, as other processes left them.
    public var live = LiveState()
    /// Each group's agreement form, and the roadmap as held.
    public var agreements: [Int64: Agreement] = [:]
    public var roadmap: [RoadmapEntry] = []
    /// This terminal's name in the file (its presence id): whose dots are whose in a vote.
    public var terminalID = "local"
    /// The last vote and card deal a participant was taken to, so each takes them there once.
    public var seenVote: Int64?
    public var seenDeal: Int64?
    /// The agenda item Del was pressed on once: a second Del removes it.
    public var pendingRemoval: String?
    /// The day moved on while this participant typed: their screen follows once the field is left.
    public var leftBehindByTheDay = false
    /// The projector's page clock: which page of a paged screen it shows (local, never saved).
    public var paging = ProjectorPaging()

    public init(session: SessionState, workshop: Workshop = Workshop(), language: Language, fileName: String,
                now: Double, utcOffsetSeconds: Int, size: Size) {
        self.session = session; self.workshop = workshop; self.strings = Strings(language)
        self.fileName = fileName; self.now = now; self.utcOffsetSeconds = utcOffsetSeconds; self.size = size
    }

    /// Who this terminal's dots in a vote belong to: its group's (shared by the group's
    /// terminals), or its own by the template's `vote_dots_per: terminal` and for the facilitator.
    public var voter: String {
        let group: Int64? = { if case .participant(let g) = seat { return g } else { return nil } }()
        return Vote.voter(terminal: terminalID, groupID: group, per: session.programme.voteDotsPer)
    }

    /// Local minutes since midnight for a wall-clock time.
    public func minuteOfDay(_ t: Double) -> Double {
        let local = t + Double(utcOffsetSeconds)
        let day = 86_400.0
        return (local - (local / day).rounded(.down) * day) / 60
    }

    public var clock: ClockTime { ClockTime(minutes: Int(minuteOfDay(now))) }

    public var plan: AgendaPlan { AgendaPlan(state: session, now: now, minuteOfDay: minuteOfDay) }

    public static let minimumSize = Size(width: 80, height: 24)
    public var isTooSmall: Bool { size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height }

    public static func == (a: AppState, b: AppState) -> Bool {
        a.session == b.session && a.screen == b.screen && a.strings.language == b.strings.language
            && a.fileName == b.fileName && a.now == b.now && a.size == b.size && a.workshop == b.workshop
            && a.editing == b.editing && a.notice == b.notice && a.noticeUntil == b.noticeUntil
            && a.confirmingQuit == b.confirmingQuit && a.confirmingReset == b.confirmingReset
            && a.confirmingStartNow == b.confirmingStartNow && a.formUndo == b.formUndo
            && a.unsaved == b.unsaved && a.snapshotTrouble == b.snapshotTrouble && a.seat == b.seat && a.live == b.live
            && a.agreements == b.agreements && a.roadmap == b.roadmap && a.terminalID == b.terminalID
            && a.seenVote == b.seenVote && a.seenDeal == b.seenDeal && a.pendingRemoval == b.pendingRemoval
            && a.leftBehindByTheDay == b.leftBehindByTheDay && a.paging == b.paging
    }
}
