/// "Start the day now" after a late (or early) start: the current item and every item after
/// it move by the same minutes, so the current item starts at `minute` and the day keeps its
/// shape. One edit with one line in the log, instead of a `>` per five minutes.
extension SessionState {
    /// How many minutes the rest of the day would move to start the current item at `minute`
    /// (local minutes since midnight): earlier never before the previous item's end. Nil when
    /// nothing would move or the day would end after midnight.
    public func startNowShift(atMinute minute: Int) -> Int? {
        let index = currentIndex
        guard programme.agenda.indices.contains(index) else { return nil }
        let earliest = index > 0 ? programme.agenda[index - 1].end.minutes : 0
        let delta = max(minute, earliest) - programme.agenda[index].start.minutes
        guard delta != 0, programme.agenda.last!.end.minutes + delta <= Self.dayEnd else { return nil }
        return delta
    }

    /// Moves the rest of the day so the current item starts at `minute`; nil (nothing changed)
    /// when it already does or cannot.
    public mutating func startNow(atMinute minute: Int) -> ProgrammeChange? {
        guard let delta = startNowShift(atMinute: minute) else { return nil }
        let item = programme.agenda[currentIndex]
        for i in currentIndex..<programme.agenda.count {
            programme.agenda[i].start = ClockTime(minutes: programme.agenda[i].start.minutes + delta)
        }
        return .startedNow(title: item.title, from: item.start, to: programme.agenda[currentIndex].start)
    }
}
