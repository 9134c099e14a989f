import TovholderCore

/// ^Z on a form reaches every field of it, not only the one being typed in (issue 22): each
/// field left with other text than it had leaves a step here, newest last. The editor's own
/// undo still takes back the field being typed first; when it has nothing left, the newest
/// step of the same form is undone by writing the earlier text back, like any edit.
public struct FormUndo: Equatable, Sendable {
    public struct Step: Equatable, Sendable {
        public var field: FieldRef
        public var before: String
        public var after: String
    }

    public private(set) var steps: [Step] = []
    /// A day's worth of fields; the oldest go first.
    static let limit = 300

    mutating func record(_ field: FieldRef, before: String, after: String) {
        guard before != after else { return }
        steps.append(Step(field: field, before: before, after: after))
        if steps.count > Self.limit { steps.removeFirst(steps.count - Self.limit) }
    }

    /// Takes the newest step whose field is on the form shown.
    mutating func pop(on screen: Screen, _ state: AppState) -> Step? {
        guard let i = steps.lastIndex(where: { Self.field($0.field, isOn: screen, state) }) else { return nil }
        return steps.remove(at: i)
    }

    /// Whether a field belongs to the form on the screen (one group's sheet, its agreement form…).
    static func field(_ field: FieldRef, isOn screen: Screen, _ state: AppState) -> Bool {
        switch (screen, field) {
        case (.worksheet(let v), .entry(let id)): return state.workshop.entry(id: id)?.groupID == v.groupID
        case (.agreement(let v), .agreement(let group, _)): return group == v.groupID
        case (.agreement(let v), .agreementRow(let id, _)):
            return state.agreements[v.groupID]?.rows.contains { $0.id == id } ?? false
        case (.roadmap, .roadmap), (.card, .cardAnswer), (.followUp, .followUpNote), (.notes, .itemNote): return true
        case (.plenum, .plenumNote(let item)): return item == state.session.currentItem.id
        default: return false
        }
    }
}

extension FormUpdate {
    /// ^Z: the field being typed in first; then the last change to any other field of the form.
    static func undo(_ state: inout AppState) -> [Effect] {
        if let e = state.editing, e.editor.canUndo { return FieldTyping.edit(TextEditor.undoKey, &state) }
        var effects = FieldTyping.finish(&state)
        guard let step = state.formUndo.pop(on: state.screen, state) else { return effects }
        if FieldTyping.lockedNotice(&state) { return effects }
        // Written like an edit of that field (saved, history kept), then given back at once.
        var editing = FieldEditing(field: step.field, text: step.before)
        editing.original = step.after
        switch step.field {
        case .roadmap(let id, let f) where f == .from || f == .to:
            effects += AgreementUpdate.leaveDate(id: id, f, text: step.before, &state)
        default:
            effects += FieldTyping.saveTyped(editing, &state)
        }
        state.notice = state.strings.format(.undone, FieldNames.name(step.field, state))
        return effects
    }
}
