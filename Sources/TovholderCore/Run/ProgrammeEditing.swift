/// Changing the programme during the day (a day never runs as planned), as pure edits of the
/// session state. Moving or lengthening an item moves every item after it by the same
/// minutes, so the day stays in order; nothing may end after midnight. Each edit returns the
/// changes to save (the programme, its log line, the position when it moved), or nil with
/// the state untouched when it cannot be done.
extension SessionState {
    /// Every later item moves when an item starts later or lasts longer.
    static let dayEnd = 24 * 60

    /// Moves the item at `index` and every item after it by `minutes` (earlier: not before the
    /// previous item's end).
    public mutating func moveItem(at index: Int, byMinutes minutes: Int) -> ProgrammeChange? {
        guard programme.agenda.indices.contains(index), minutes != 0 else { return nil }
        let earliest = index > 0 ? programme.agenda[index - 1].end.minutes : 0
        let item = programme.agenda[index]
        let delta = max(minutes, earliest - item.start.minutes)
        guard delta != 0, programme.agenda.last!.end.minutes + delta <= Self.dayEnd else { return nil }
        for i in index..<programme.agenda.count { programme.agenda[i].start = ClockTime(minutes: programme.agenda[i].start.minutes + delta) }
        return .moved(title: item.title, from: item.start, to: programme.agenda[index].start)
    }

    /// Sets the item's length (1–600 minutes); the items after it move by the difference.
    public mutating func resizeItem(at index: Int, minutes: Int) -> ProgrammeChange? {
        guard programme.agenda.indices.contains(index), (1...600).contains(minutes) else { return nil }
        let item = programme.agenda[index]
        let delta = minutes - item.minutes
        guard delta != 0, programme.agenda.last!.end.minutes + delta <= Self.dayEnd else { return nil }
        programme.agenda[index].minutes = minutes
        for i in (index + 1)..<programme.agenda.count {
            programme.agenda[i].start = ClockTime(minutes: programme.agenda[i].start.minutes + delta)
        }
        // A running timer keeps its time used, with the new length.
        if var p = items[item.id] { p.countdown.durationSeconds = minutes * 60; items[item.id] = p }
        return .resized(title: item.title, from: item.minutes, to: minutes)
    }

    public mutating func renameItem(at index: Int, to title: String) -> ProgrammeChange? {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard programme.agenda.indices.contains(index), !title.isEmpty, title != programme.agenda[index].title else { return nil }
        let from = programme.agenda[index].title
        programme.agenda[index].title = title
        return .renamed(from: from, to: title)
    }

    /// A new item right after the one at `index`, starting when it ends; the items after it
    /// move by its length.
    public mutating func addItem(after index: Int, title: String, kind: ItemKind, minutes: Int) -> ProgrammeChange? {
        guard programme.agenda.indices.contains(index), (1...600).contains(minutes),
              programme.agenda.last!.end.minutes + minutes <= Self.dayEnd else { return nil }
        let start = programme.agenda[index].end
        let id = Self.freshID(title, taken: Set(programme.agenda.map(\.id)))
        for i in (index + 1)..<programme.agenda.count {
            programme.agenda[i].start = ClockTime(minutes: programme.agenda[i].start.minutes + minutes)
        }
        programme.agenda.insert(AgendaItem(id: id, kind: kind, title: title, start: start, minutes: minutes), at: index + 1)
        if currentIndex > index { currentIndex += 1 }
        return .added(title: title, start: start, minutes: minutes)
    }

    /// Removes an item that is not the current one; a gap is left where it was.
    public mutating func removeItem(at index: Int) -> ProgrammeChange? {
        guard programme.agenda.indices.contains(index), index != currentIndex, programme.agenda.count > 1 else { return nil }
        let item = programme.agenda.remove(at: index)
        if currentIndex > index { currentIndex -= 1 }
        return .removed(title: item.title)
    }

    /// Changes the kind of the item at `index` to the next one in the list (not logged: the
    /// minutes tell an item by its title and time).
    public mutating func cycleKind(at index: Int) -> Bool {
        guard programme.agenda.indices.contains(index) else { return false }
        let kinds = ItemKind.allCases
        let next = kinds[(kinds.firstIndex(of: programme.agenda[index].kind)! + 1) % kinds.count]
        programme.agenda[index].kind = next
        programme.agenda[index].timed = next.timedByDefault
        return true
    }

    /// An id for a new item from its title: "frokost", "frokost-2", … (a–z, 0–9, -).
    static func freshID(_ title: String, taken: Set<String>) -> String {
        let map: [Character: String] = ["æ": "ae", "ø": "oe", "å": "aa"]
        var base = ""
        for ch in title.lowercased() {
            if let m = map[ch] { base += m } else if ch.isASCII, ch.isLetter || ch.isNumber { base.append(ch) }
            else if !base.hasSuffix("-") { base += "-" }
        }
        base = String(base.trimmingCharacters(in: ["-"]).prefix(40))
        if base.isEmpty { base = "punkt" }
        var id = base, n = 2
        while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
        return id
    }
}
