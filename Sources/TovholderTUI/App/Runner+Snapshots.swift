import Foundation
import TovholderCore

/// The facilitator's terminal keeps snapshots (participants' terminals leave it to it). Each
/// is taken on a thread of its own; its outcome waits in a box the loop empties on every
/// turn (the loop wakes at least every second), so state changes only on the loop's thread.
extension Runner {
    func takeSnapshotIfDue(force: Bool) {
        guard state.seat.isFacilitator else { return }
        collectSnapshotOutcome()
        guard unsaved.isEmpty else { return }
        let now = clock()
        guard force && snapshots.running == nil || snapshots.isDue(now: now, revision: { try? store.revision() }) else { return }
        snapshots.started(now: now, revision: try? store.revision())
        let box = snapshotOutcome
        Snapshots.takeInBackground(session: store.path, now: now, utcOffsetSeconds: state.utcOffsetSeconds) { box.put($0) }
    }

    /// A finished snapshot's outcome, told to `update` on the loop's thread.
    func collectSnapshotOutcome() {
        guard let outcome = snapshotOutcome.take() else { return }
        switch outcome {
        case .success:
            snapshots.finished(succeeded: true, now: clock())
            dispatch(.snapshotTaken)
        case .failure(let failure):
            snapshots.finished(succeeded: false, now: clock())
            dispatch(.snapshotFailed(failure))
        }
    }
}

/// One outcome handed from the snapshot's thread to the loop.
final class SnapshotOutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: Result<Snapshot, SnapshotFailure>?

    func put(_ value: Result<Snapshot, SnapshotFailure>) { lock.withLock { outcome = value } }

    func take() -> Result<Snapshot, SnapshotFailure>? {
        lock.withLock { defer { outcome = nil }; return outcome }
    }
}
