/// Agenda maths: how far ahead or behind plan the day is, and when the rest of the day's
/// items will begin if the delay holds. Pure: the clock and time zone are passed in.
public struct AgendaPlan: Equatable, Sendable {
    public enum Status: Equatable, Sendable { case held, now, next, later }

    public struct Row: Equatable, Sendable {
        public var item: AgendaItem
        public var status: Status
        public var actualStart: ClockTime?
        /// Planned start shifted by the current delay (for items not yet held).
        public var projectedStart: ClockTime
    }

    public var rows: [Row]
    /// Minutes behind plan (negative: ahead). Zero before the day has begun.
    public var delayMinutes: Int
    /// Whether the current item has actually begun (otherwise the day has not started).
    public var started: Bool

    /// - Parameter minuteOfDay: local minutes since midnight for a wall-clock time (seconds since 1970).
    public init(state: SessionState, now: Double, minuteOfDay: (Double) -> Double) {
        let current = state.currentItem
        let progress = state.currentProgress
        var delay = 0
        if let begun = progress.actualStart {
            let countdown = progress.countdown
            let projectedEnd = countdown.hasStarted
                ? now + max(0, countdown.remaining(at: now))
                : max(now, begun + Double(countdown.durationSeconds))
            let endMinute = minuteOfDay(projectedEnd)
            delay = Int((endMinute - Double(current.end.minutes)).rounded())
        }
        started = progress.actualStart != nil
        delayMinutes = delay
        rows = state.programme.agenda.enumerated().map { index, item in
            let status: Status = index < state.currentIndex ? .held
                : index == state.currentIndex ? .now
                : index == state.currentIndex + 1 ? .next : .later
            let actual = state.items[item.id]?.actualStart.map {
                ClockTime(minutes: Int(minuteOfDay($0).rounded(.down)))
            }
            let projected = status == .later || status == .next
                ? ClockTime(minutes: item.start.minutes + delay) : (actual ?? item.start)
            return Row(item: item, status: status, actualStart: actual, projectedStart: projected)
        }
    }
}
