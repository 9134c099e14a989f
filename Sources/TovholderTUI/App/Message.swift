import TovholderCore

/// Facts the loop reports to `update`.
public enum Message: Equatable, Sendable {
    case key(Key)
    /// Printable keys read at once (a burst without paste markers): into the open field as
    /// one insertion, elsewhere key by key (Runner+Typing).
    case typed(String)
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
    /// The facilitator renewed the join codes (`tovholder serve`).
    case codesRenewed
    /// Another facilitator's terminal has the day open too (told on opening; both go on).
    case alsoOpenAsFacilitator(TerminalPresence)
    /// What became of this terminal's press of Space in a vote.
    case dotToggled(DotResult)
    /// The day was started afresh; the rehearsal is kept in this snapshot.
    case dayReset(snapshot: String)
    /// The facilitator's background snapshot was taken, or why not (it is tried again).
    case snapshotTaken
    case snapshotFailed(SnapshotFailure)
}
