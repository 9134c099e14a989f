import TovholderCore

/// A failed snapshot stays on the facilitator's screen (through keys) until one is taken.
enum SnapshotNotice {
    static func update(_ message: Message, _ state: inout AppState) {
        switch message {
        case .snapshotFailed(let failure):
            state.snapshotTrouble = state.strings.format(.failedRetrying, failure.reason.text(state.strings.language))
        case .snapshotTaken:
            guard state.snapshotTrouble != nil else { return }
            state.snapshotTrouble = nil
            state.show(state.strings[SnapshotKey.takenAgain], forSeconds: 5)
        default:
            break
        }
    }
}
