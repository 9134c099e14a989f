import Foundation

/// When the facilitator's terminal takes its next snapshot: at start, every 5 minutes while
/// the day changes, and after a failure every minute (whatever changed) until one succeeds.
/// One at a time: the next is not due while one runs.
struct SnapshotSchedule: Equatable {
    var every = 300.0
    var retryEvery = 60.0
    /// The start of the last snapshot that succeeded, and the revision it saw.
    private(set) var last: (at: Double, revision: Int?)?
    private(set) var running: (at: Double, revision: Int?)?
    /// When the last attempt failed; nil after a success.
    private(set) var failedAt: Double?

    /// `TOVHOLDER_SNAPSHOT_RETRY` (seconds) shortens the retry for the end-to-end test.
    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> SnapshotSchedule {
        var s = SnapshotSchedule()
        if let seconds = env["TOVHOLDER_SNAPSHOT_RETRY"].flatMap(Double.init), seconds > 0 { s.retryEvery = seconds }
        return s
    }

    /// `revision` is read only when it matters (a database read).
    func isDue(now: Double, revision: () -> Int?) -> Bool {
        guard running == nil else { return false }
        if let failedAt { return now - failedAt >= retryEvery }
        guard let last else { return true }
        return now - last.at >= every && revision() != last.revision
    }

    mutating func started(now: Double, revision: Int?) { running = (now, revision) }

    mutating func finished(succeeded: Bool, now: Double) {
        if succeeded { last = running; failedAt = nil } else { failedAt = now }
        running = nil
    }

    static func == (a: SnapshotSchedule, b: SnapshotSchedule) -> Bool {
        a.every == b.every && a.retryEvery == b.retryEvery && a.last?.at == b.last?.at && a.last?.revision == b.last?.revision
            && a.running?.at == b.running?.at && a.running?.revision == b.running?.revision && a.failedAt == b.failedAt
    }
}
