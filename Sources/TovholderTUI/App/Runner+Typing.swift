import TovholderCore

/// Keys that arrive together — a paste without markers, a burst over SSH, a fast typist on
/// a slow disk — are applied as one edit and one write: a run of printable keys goes into
/// the open field as one insertion, the texts written to one field become one transaction
/// (the last), and the screen is drawn once. A key whose effects are anything else (a new
/// entry, a lease, a command) first saves what came before it, then runs as a single key
/// does. Each key once cost a transaction with an fsync and a rebuild of the field's text:
/// 36 kB took minutes, and a closed terminal's burst was partly lost.
extension Runner {
    /// The first key, and every key already read behind it (up to `burstLimit`). A non-key
    /// event met on the way (the end of the terminal, a resize) waits in `pendingEvent`.
    func dispatchKeys(startingWith first: Key) {
        var keys = [first]
        while keys.count < Self.burstLimit, let next = backend.nextEvent(timeoutMs: 0) {
            guard case .key(let key) = next else { pendingEvent = next; break }
            keys.append(key)
        }
        guard keys.count > 1 else { return dispatch(.key(first)) }
        var batch: [Effect] = []
        var i = 0
        while i < keys.count {
            var run = ""
            while state.editing != nil, i < keys.count, case .char(let c) = keys[i], Self.isPrintable(c) {
                run.append(c); i += 1
            }
            let message: Message
            if run.count > 1 { message = .typed(run) }
            else if let c = run.first { message = .key(.char(c)) }
            else { message = .key(keys[i]); i += 1 }
            let effects = update(&state, message)
            if effects.allSatisfy(Self.isTyping) { batch += effects; continue }
            saveTyping(&batch)
            if effects != [.quit] { draw() }
            for effect in effects { perform(effect) }
            if quitting { return }
        }
        saveTyping(&batch)
    }

    static let burstLimit = 1 << 16

    static func isPrintable(_ c: Character) -> Bool {
        !c.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Echo first (the keystrokes are on screen before their fsync), then one write per field.
    private func saveTyping(_ batch: inout [Effect]) {
        guard !batch.isEmpty else { return }
        draw()
        for effect in Self.coalesced(batch) { perform(effect) }
        batch = []
    }

    /// A field's whole text, or a save of what the state holds now (so the last one saves
    /// them all). A programme change carries its own line for the log: never merged.
    static func isTyping(_ effect: Effect) -> Bool {
        switch effect {
        case .workshop(.setText): return true
        case .save(let changes):
            return changes.allSatisfy { if case .programme = $0 { return false } else { return true } }
        default: return false
        }
    }

    /// The last text per field and one of each save, in the order they last happened.
    static func coalesced(_ effects: [Effect]) -> [Effect] {
        var kept: [Effect] = []
        for effect in effects {
            kept.removeAll { earlier in
                if case .workshop(.setText(let a, _)) = earlier, case .workshop(.setText(let b, _)) = effect { return a == b }
                return earlier == effect
            }
            kept.append(effect)
        }
        return kept
    }
}
