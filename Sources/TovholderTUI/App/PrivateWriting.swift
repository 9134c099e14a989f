import TovholderCore

/// Private writing, then reveal (as in Mural's private mode): `h` hides the current item's
/// part of every group's chain from the other groups, the plenum and the projector, so no
/// group is anchored by another's goals; `h` again shows them to everyone. The facilitator
/// always sees everything, marked as hidden from the room.
enum PrivateWriting {
    /// What another group's hidden entry shows: the same for every entry, so not even its length tells.
    static let blurred = String(repeating: "░", count: 10)

    static func toggle(_ state: inout AppState) -> [Effect] {
        let s = state.strings
        let item = state.session.currentItem
        guard let part = item.part ?? (item.kind == .plenum ? currentPart(state) : nil), part != .agreement,
              let kind = EntryKind(part: part) else {
            state.notice = s[MethodKey.noPartToHide]
            return []
        }
        let name = kind.title.text(s.language)
        if state.session.hiddenParts.remove(part) != nil {
            state.notice = s.format(MethodKey.shownNotice, name)
        } else {
            state.session.hiddenParts.insert(part)
            state.notice = s.format(MethodKey.hiddenNotice, name.lowercased())
        }
        return [.save([.hiddenParts])]
    }
}

extension AppState {
    /// The groups' work as this terminal may see it: while a part is written privately, a
    /// participant reads only its own group's entries of it, and the projector none. The
    /// others' entries are there but blurred (as sticky notes in Mural's private mode): the
    /// room sees that a group is writing, not what.
    var visibleWorkshop: Workshop {
        let hidden = session.hiddenParts
        guard !hidden.isEmpty, !seat.isFacilitator else { return workshop }
        var own: Int64?
        if case .participant(let group) = seat { own = group }
        var shown = workshop
        func blur(_ e: Entry) -> Entry { var b = e; b.text = e.isBlank ? e.text : PrivateWriting.blurred; return b }
        for (id, var sheet) in workshop.worksheets where id != own {
            for part in hidden {
                switch part {
                case .goals: sheet.goals = sheet.goals.map(blur)
                case .mechanisms: sheet.mechanisms = sheet.mechanisms.map(blur)
                case .trialActions: sheet.trialActions = sheet.trialActions.map(blur)
                case .signs: sheet.signs = sheet.signs.map(blur)
                case .challenge: sheet.challenge = sheet.challenge.map(blur)
                case .agreement: break
                }
            }
            shown.worksheets[id] = sheet
        }
        return shown
    }
}
