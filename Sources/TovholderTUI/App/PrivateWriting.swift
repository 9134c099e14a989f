import TovholderCore

/// Private writing, then reveal (as in Mural's private mode): `h` hides the current item's
/// part of every group's chain from the other groups, the plenum and the projector, so no
/// group is anchored by another's goals; `h` again shows them to everyone. The facilitator
/// always sees everything, marked as hidden from the room.
enum PrivateWriting {
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
    /// participant sees only its own group's entries of it, and the projector none.
    var visibleWorkshop: Workshop {
        let hidden = session.hiddenParts
        guard !hidden.isEmpty, !seat.isFacilitator else { return workshop }
        var own: Int64?
        if case .participant(let group) = seat { own = group }
        var shown = workshop
        for (id, var sheet) in workshop.worksheets where id != own {
            for part in hidden {
                switch part {
                case .goals: sheet.goals = []
                case .mechanisms: sheet.mechanisms = []
                case .trialActions: sheet.trialActions = []
                case .signs: sheet.signs = []
                case .challenge: sheet.challenge = nil
                case .agreement: break
                }
            }
            shown.worksheets[id] = sheet
        }
        return shown
    }
}
