import TovholderCore

/// The follow-up item (`follow-up`): each group goes through the concrete agreements of the
/// days before on its terminals — F2 says how it went (done, partly, not done, not yet), and
/// the note says what was found.
enum FollowUpUpdate {
    static func earlier(_ groupID: Int64, _ state: AppState) -> [EarlierAgreement] {
        state.agreements[groupID]?.earlier ?? []
    }

    static func focusedField(_ v: FollowUpView, _ state: AppState) -> (FieldRef, String)? {
        let list = earlier(v.groupID, state)
        guard list.indices.contains(v.focus) else { return nil }
        return (.followUpNote(list[v.focus].id), list[v.focus].note)
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .followUp:
            guard let group = CardUpdate.groupOfScreen(state) else { return [] }
            let effects = FieldTyping.finish(&state)
            state.screen = .followUp(FollowUpView(groupID: group, returnTo: state.screen))
            return effects
        case .cycleStatus:
            guard case .followUp(let v) = state.screen else { return [] }
            let list = earlier(v.groupID, state)
            guard list.indices.contains(v.focus), let i = state.agreements[v.groupID]?.earlier.firstIndex(where: { $0.id == list[v.focus].id })
            else { return [] }
            let next = FollowUpStatus.after(list[v.focus].status)
            state.agreements[v.groupID]?.earlier[i].status = next  // shown at once; the file follows
            return [.workshop(.setFollowUpStatus(list[v.focus].id, next))]
        default:
            return []
        }
    }

    /// A note typed: shown at once, saved per keystroke.
    static func typed(_ id: Int64, text: String, _ state: inout AppState) {
        for (group, form) in state.agreements {
            if let i = form.earlier.firstIndex(where: { $0.id == id }) { state.agreements[group]?.earlier[i].note = text }
        }
    }
}
