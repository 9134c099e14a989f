import TovholderCore

/// Whose terminal this is: the facilitator's drives the day; a participant's edits its
/// group's worksheet and follows the facilitator.
public enum Seat: Equatable, Sendable {
    case facilitator
    case participant(groupID: Int64)
    /// The room's view on the projector (`tovholder projector`): follows, takes no keys but quit.
    case projector

    public var isFacilitator: Bool { self == .facilitator }
    public var isProjector: Bool { self == .projector }

    /// Commands only the facilitator may give: moving the agenda, the timers, the groups,
    /// the lock and bringing back old versions.
    static let facilitatorOnly: Set<Command> = [
        .next, .previous, .toggleTimer, .addMinute, .removeMinute, .agenda, .groups,
        .newGroup, .rename, .removeRestore, .lock, .history, .terminals, .restore, .roadmapView, .export,
        .blank, .notes, .renewCodes, .projectJoin, .disconnect, .vote, .reveal, .cards, .deal, .projectCard, .hidePart,
        .resetDay, .writeNotes, .startNow, .itemLater, .itemEarlier, .itemLonger, .itemShorter, .renameItem, .addItem, .removeItem, .cycleKind, .editContent,
    ]

    /// Commands that change the groups' work: refused for participants while locked.
    static let changesWork: Set<Command> = [
        .submit, .lineBreak, .newEntry, .deleteEntry, .moveUp, .moveDown, .toggle, .undo, .redo,
    ]

    func allows(_ command: Command, on screen: Screen) -> Bool {
        guard !isFacilitator else { return true }
        if command == .select, case .chooseGroup = screen { return true }
        if command == .select { return false }
        return !Seat.facilitatorOnly.contains(command)
    }
}

extension AppState {
    /// Takes a seat: a participant starts on its own worksheet, at the part the day is at.
    public mutating func sit(as seat: Seat) {
        self.seat = seat
        if case .participant(let group) = seat { WorksheetUpdate.open(groupID: group, returnTo: .item, &self) }
    }
}
