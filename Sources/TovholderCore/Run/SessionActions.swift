/// The facilitator's moves through the day, as pure state changes. Each returns what changed,
/// so the shell can save exactly that in its own transaction.
public enum SessionChange: Equatable, Sendable {
    case position
    case item(String)
    case projection
    /// The parts hidden from the room while the groups write privately.
    case hiddenParts
    /// The programme as changed during the day, with the change for its log (nil: none).
    case programme(ProgrammeChange?)
}

extension SessionState {
    /// Forward: the next step of an exercise, else the next item. Leaving an item pauses its
    /// timer (the item is over); the item arrived at begins now.
    public mutating func goNext(at now: Double) -> [SessionChange] {
        if currentStep + 1 < currentItem.steps.count {
            currentStep += 1
            return [.position]
        }
        guard currentIndex + 1 < programme.agenda.count else { return [] }
        var changes: [SessionChange] = []
        var leaving = currentProgress
        if leaving.countdown.isRunning {
            leaving.countdown.pause(at: now)
            items[currentItem.id] = leaving
            changes.append(.item(currentItem.id))
        }
        currentIndex += 1
        currentStep = 0
        changes.append(.position)
        changes += markBegun(at: now)
        return changes
    }

    /// Back: the previous step, else the previous item at its last step. Timers keep running:
    /// going back is a look or a correction, not the end of anything.
    public mutating func goPrevious(at now: Double) -> [SessionChange] {
        if currentStep > 0 {
            currentStep -= 1
            return [.position]
        }
        guard currentIndex > 0 else { return [] }
        currentIndex -= 1
        currentStep = max(0, currentItem.steps.count - 1)
        return [.position]
    }

    /// Jump straight to an item (from the agenda).
    public mutating func go(to index: Int, at now: Double) -> [SessionChange] {
        guard programme.agenda.indices.contains(index), index != currentIndex else { return [] }
        if index == currentIndex + 1 { return goNext(at: now) }
        currentIndex = index
        currentStep = 0
        return [.position] + markBegun(at: now)
    }

    public mutating func toggleTimer(at now: Double) -> [SessionChange] {
        var p = currentProgress
        if p.actualStart == nil { p.actualStart = now }
        p.countdown.toggle(at: now)
        items[currentItem.id] = p
        return [.item(currentItem.id)]
    }

    public mutating func adjustTimer(minutes: Int, at now: Double) -> [SessionChange] {
        var p = currentProgress
        p.countdown.adjust(minutes: minutes, at: now)
        items[currentItem.id] = p
        return [.item(currentItem.id)]
    }

    /// The bell rings once at zero; returns true (and records it) when it should ring now.
    public mutating func takeBell(at now: Double) -> Bool {
        var p = currentProgress
        guard currentItem.timed, p.countdown.shouldRingBell(at: now) else { return false }
        p.countdown.bellRung = true
        items[currentItem.id] = p
        return true
    }

    private mutating func markBegun(at now: Double) -> [SessionChange] {
        var p = currentProgress
        guard p.actualStart == nil else { return [] }
        p.actualStart = now
        items[currentItem.id] = p
        return [.item(currentItem.id)]
    }
}
