import TovholderCore

/// Which screen the facilitator looks at.
public indirect enum Screen: Equatable, Sendable {
    case item
    case agenda(selected: Int)
    case help(returnTo: Screen)
    /// One group's worksheet chain.
    case worksheet(WorksheetView)
    /// The template's worked example (the sick-leave chain), read-only.
    case example(returnTo: Screen)
    /// Every group's work for one part, side by side.
    case plenum(PlenumView)
    /// Pick, add, rename, remove and bring back groups.
    case groups(GroupsView)
    /// Earlier versions of a field, to bring one back.
    case history(HistoryView)
    /// Who is joined: group, user, host, last activity.
    case terminals(returnTo: Screen)
    /// A group's agreement form (aftaleskema).
    case agreement(AgreementView)
    /// The roadmap to the next development day, editable by the facilitator.
    case roadmap(RoadmapView)
    /// A participant whose group was removed picks another.
    case chooseGroup(ChooseGroupView)

    var keyContext: KeyContext {
        switch self {
        case .item: return .item
        case .agenda: return .agenda
        case .help: return .help
        case .worksheet(let v): return v.linkPicker == nil ? .worksheet : .linkPicker
        case .example: return .example
        case .plenum: return .plenum
        case .groups: return .groups
        case .history: return .history
        case .terminals: return .terminals
        case .agreement: return .agreement
        case .roadmap: return .roadmap
        case .chooseGroup: return .chooseGroup
        }
    }
}

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
    /// "Quit? Enter: yes" is asked; the next key answers.
    public var confirmingQuit = false
    public var seat: Seat = .facilitator
    /// Leases, the lock and the joined terminals, as other processes left them.
    public var live = LiveState()
    /// Each group's agreement form, and the roadmap as held.
    public var agreements: [Int64: Agreement] = [:]
    public var roadmap: [RoadmapEntry] = []

    public init(session: SessionState, workshop: Workshop = Workshop(), language: Language, fileName: String,
                now: Double, utcOffsetSeconds: Int, size: Size) {
        self.session = session; self.workshop = workshop; self.strings = Strings(language)
        self.fileName = fileName; self.now = now; self.utcOffsetSeconds = utcOffsetSeconds; self.size = size
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
            && a.confirmingQuit == b.confirmingQuit && a.unsaved == b.unsaved && a.seat == b.seat && a.live == b.live
            && a.agreements == b.agreements && a.roadmap == b.roadmap
    }
}

/// Facts the loop reports to `update`.
public enum Message: Equatable, Sendable {
    case key(Key)
    case tick(now: Double)
    /// The terminal closed or the process was asked to stop: leave cleanly.
    case terminalEnded
    /// The terminal sends Latin-1 (read as Windows-1252): say once how to switch to UTF-8.
    case notUTF8
    case resized(Size)
    case sessionReloaded(SessionState)
    case workshopReloaded(Workshop)
    case agreementsReloaded([Int64: Agreement], [RoadmapEntry])
    case exported([String])
    /// The shell added an entry or a group: focus it (and start editing a new entry).
    case entryAdded(Entry)
    case agreementRowAdded(groupID: Int64, AgreementRow)
    case roadmapPhaseAdded(RoadmapEntry)
    case groupAdded(TovholderCore.Group)
    /// Something could not be done; the text is already worded for the user.
    case failed(String)
    /// Another terminal holds the field: editing did not start.
    case leaseDenied(FieldRef, Lease)
    /// The facilitator took over the field this terminal was typing in.
    case leaseLost(FieldRef, Lease)
    /// 30 s without a keystroke: the field was given back.
    case leaseExpired(FieldRef)
    /// Changes wait in memory because the file cannot be written (the words why), or nil:
    /// everything is saved again.
    case unsavedChanged(String?)
    case liveRefreshed(LiveState)
    case versionsLoaded(FieldRef, [TextVersion])
    case restored
}

/// One version of a field's text, for the history screen.
public struct TextVersion: Equatable, Sendable {
    public var text: String
    public var at: Double
    public var author: String?
    public init(text: String, at: Double, author: String?) { self.text = text; self.at = at; self.author = author }
}

/// Plain data the shell carries out.
public enum Effect: Equatable, Sendable {
    case save([SessionChange])
    case bell
    case quit
    case workshop(WorkshopChange)
    /// Take or give back the right to write in a field (two terminals never type in one).
    /// The facilitator takes a field over even when a participant holds it.
    case acquireLease(FieldRef, takeOver: Bool)
    case releaseLease(FieldRef)
    /// A participant moved to another group (theirs was removed).
    case changeGroup(Int64)
    case setLocked(Bool, reason: String?)
    /// Write the minutes beside the session file, in every format.
    case exportMinutes
    case loadVersions(FieldRef)
    case restore(FieldRef, text: String)
}

/// A change to groups, worksheets or notes, carried out by the shell in one transaction.
public enum WorkshopChange: Equatable, Sendable {
    case setText(FieldRef, String)
    /// A new entry, holding the first letters typed on an empty section's "add" line.
    case addEntry(groupID: Int64, kind: EntryKind, after: Int64?, text: String)
    case deleteEntry(Int64)
    case moveEntry(Int64, by: Int)
    case setLinks(Int64, targets: [Int64])
    case addGroup(name: String)
    case renameGroup(Int64, name: String)
    case removeGroup(Int64)
    case restoreGroup(Int64)
    case addAgreementRow(groupID: Int64, after: Int64?, who: String)
    case deleteAgreementRow(Int64)
    case addRoadmapEntry(after: Int64?)
    case deleteRoadmapEntry(Int64)
    case updateRoadmapEntry(RoadmapEntry)
}

extension Effect {
    /// A change that needs the file's answer (the new entry's, group's or row's number).
    var createsSomething: Bool {
        switch self {
        case .workshop(.addEntry), .workshop(.addGroup), .workshop(.addAgreementRow), .workshop(.addRoadmapEntry): return true
        default: return false
        }
    }
}
