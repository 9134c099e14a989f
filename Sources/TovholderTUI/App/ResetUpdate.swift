import TovholderCore

/// `R` on the agenda: the day starts afresh after a rehearsal. Asked first, as quitting is;
/// the groups' work stays and the rehearsal is kept as a snapshot (`SessionStore.reset`).
enum ResetUpdate {
    /// `R`: ask. Not while changes wait for the file (its line says why): the reset would
    /// have to be written before them.
    static func ask(_ state: inout AppState) -> [Effect] {
        guard state.seat.isFacilitator, case .agenda = state.screen, state.unsaved == nil else { return [] }
        state.confirmingReset = true
        return []
    }

    /// The answer: Enter resets; any other key leaves the day as it is.
    static func answer(_ key: Key, _ state: inout AppState) -> [Effect] {
        state.confirmingReset = false
        return Keymap.command(for: key, in: .confirmReset, seat: state.seat) == .resetDay ? [.resetDay] : []
    }

    /// Done and read back: the first item, and where the rehearsal is kept. (The screen moves
    /// here, not on Enter: a reset that failed leaves the facilitator where they were.)
    static func done(snapshot: String, _ state: inout AppState) -> [Effect] {
        if case .agenda = state.screen { state.screen = .item }
        state.show(state.strings.format(.resetDone, snapshot), forSeconds: 15)
        return []
    }
}
