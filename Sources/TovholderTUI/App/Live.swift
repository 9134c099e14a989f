import TovholderCore

/// Whose terminal this is: the facilitator's drives the day; a participant's edits its
/// group's worksheet and follows the facilitator.
public enum Seat: Equatable, Sendable {
    case facilitator
    case participant(groupID: Int64)

    public var isFacilitator: Bool { self == .facilitator }

    /// Commands only the facilitator may give: moving the agenda, the timers, the groups,
    /// the lock and bringing back old versions.
    static let facilitatorOnly: Set<Command> = [
        .next, .previous, .toggleTimer, .addMinute, .removeMinute, .select, .groups,
        .newGroup, .rename, .removeRestore, .lock, .history, .terminals, .restore, .roadmapView, .export,
    ]

    func allows(_ command: Command, on screen: Screen) -> Bool {
        guard !isFacilitator else { return true }
        if case .plenum = screen, command == .edit { return false }  // the notes are the facilitator's
        return !Seat.facilitatorOnly.contains(command)
    }
}

/// What other terminals are doing, refreshed whenever the session file changes: who holds
/// which field, whether the worksheets are locked, and (for the facilitator) who is joined.
public struct LiveState: Equatable, Sendable {
    /// Field (as in the history: "entry:42") → who is writing there ("Gruppe 2").
    public var leases: [String: String] = [:]
    public var locked = false
    public var lockReason: String?
    public var terminals: [TerminalPresence] = []
    public init() {}
}

extension FieldRef {
    /// The name of the field in leases and in the text history.
    public var historyField: String? {
        switch self {
        case .entry(let id): return HistoryField.entry(id)
        case .plenumNote(let item): return HistoryField.plenum(item)
        case .groupName, .agreementRow, .roadmap: return nil
        case .agreement(let group, let field): return "agreement:\(group):\(field.rawValue)"
        }
    }
}

extension AppState {
    /// Takes a seat: a participant starts on its own worksheet, at the part the day is at.
    public mutating func sit(as seat: Seat) {
        self.seat = seat
        if case .participant(let group) = seat { WorksheetUpdate.open(groupID: group, returnTo: .item, &self) }
    }
}
