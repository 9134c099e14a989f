/// The timer of one agenda item. It stores the wall-clock start of the running stretch and
/// the time accumulated in earlier stretches, never counted ticks, so it cannot drift and
/// a restarted program resumes it exactly (DECISIONS.md: timers).
public struct Countdown: Equatable, Sendable {
    /// Planned length plus the facilitator's ± minutes, in seconds.
    public var durationSeconds: Int
    /// Seconds run in stretches that have ended (pauses in between do not count).
    public var accumulatedSeconds: Double
    /// Wall-clock time (seconds since 1970) the current stretch began; nil while paused.
    public var runningSince: Double?
    /// Whether the one bell at zero has sounded, so a restart does not ring it again.
    public var bellRung: Bool

    public init(durationSeconds: Int, accumulatedSeconds: Double = 0, runningSince: Double? = nil,
                bellRung: Bool = false) {
        self.durationSeconds = durationSeconds; self.accumulatedSeconds = accumulatedSeconds
        self.runningSince = runningSince; self.bellRung = bellRung
    }

    public var isRunning: Bool { runningSince != nil }
    public var hasStarted: Bool { isRunning || accumulatedSeconds > 0 }

    public func elapsed(at now: Double) -> Double {
        accumulatedSeconds + (runningSince.map { max(0, now - $0) } ?? 0)
    }

    /// Seconds left; negative once the time is up (overrun).
    public func remaining(at now: Double) -> Double { Double(durationSeconds) - elapsed(at: now) }

    public mutating func start(at now: Double) { if runningSince == nil { runningSince = now } }

    public mutating func pause(at now: Double) {
        guard let since = runningSince else { return }
        accumulatedSeconds += max(0, now - since)
        runningSince = nil
    }

    public mutating func toggle(at now: Double) { isRunning ? pause(at: now) : start(at: now) }

    /// One minute more or less; never below one minute in total. Time given back after zero
    /// means the bell may ring again when it runs out.
    public mutating func adjust(minutes: Int, at now: Double) {
        durationSeconds = max(60, durationSeconds + minutes * 60)
        if remaining(at: now) > 0 { bellRung = false }
    }

    /// How urgent the countdown looks; screens add words, never colour alone.
    public func phase(at now: Double) -> Phase {
        let left = remaining(at: now)
        if left < 0 || (left == 0 && elapsed(at: now) > 0) { return .overrun }
        let fraction = left / Double(max(1, durationSeconds))
        if fraction <= 0.05 { return .critical }
        if fraction <= 0.20 { return .warning }
        return .plenty
    }

    public enum Phase: Equatable, Sendable { case plenty, warning, critical, overrun }

    /// True exactly when the bell should ring now: time is up and it has not rung yet.
    public func shouldRingBell(at now: Double) -> Bool {
        !bellRung && hasStarted && remaining(at: now) <= 0
    }
}
