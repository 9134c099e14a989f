import TovholderCore

/// Where the focus lands when a form comes up (issue 22): on its first empty field or on a
/// "new entry" line, so the first letter typed after a screen change never adds to text that
/// is already there. Coming back from help keeps the place the form had.
enum FormPlace {
    /// Which form a screen is (nil: not a form), so a change of form can be told.
    static func identity(_ screen: Screen) -> String? {
        switch screen {
        case .worksheet(let v): return "worksheet \(v.groupID)"
        case .agreement(let v): return "agreement \(v.groupID)"
        case .roadmap: return "roadmap"
        case .card(let v): return "card \(v.groupID)"
        case .followUp(let v): return "followUp \(v.groupID)"
        default: return nil
        }
    }

    /// After a message that may have changed the screen from `before`.
    static func settle(from before: Screen, _ state: inout AppState) {
        guard state.editing == nil, let now = identity(state.screen), now != identity(before) else { return }
        if case .help = before { return }
        land(&state)
    }

    static func land(_ state: inout AppState) {
        switch state.screen {
        case .worksheet(var v):
            guard let sheet = state.workshop.worksheets[v.groupID], sheet.slots.indices.contains(v.focus) else { return }
            let slots = sheet.slots
            let kind = slots[v.focus].kind
            guard case .entry = slots[v.focus] else { return }  // an empty part's "add" line already
            if let blank = slots.firstIndex(where: { if case .entry(let e) = $0 { return e.kind == kind && e.isBlank } else { return false } }) {
                v.focus = blank
            } else if kind != .challenge, let last = slots.lastIndex(where: { $0.kind == kind }) {
                v.focus = last
                v.newRow = kind
            }
            state.screen = .worksheet(v)
        case .agreement(var v):
            guard let form = state.agreements[v.groupID] else { return }
            v.focus = form.slots.firstIndex { form.text(of: $0).isEmpty } ?? v.focus
            state.screen = .agreement(v)
        case .card(var v):
            guard let deal = state.workshop.card(of: v.groupID), let card = CardUpdate.card(of: deal, state) else { return }
            v.focus = card.questions.indices.first { deal.answer($0).isEmpty } ?? v.focus
            state.screen = .card(v)
        case .followUp(var v):
            v.focus = FollowUpUpdate.earlier(v.groupID, state).firstIndex { $0.note.isEmpty } ?? v.focus
            state.screen = .followUp(v)
        default:
            break
        }
    }
}
