import TovholderCore

/// What the focus of a form is on: a field with its text, or an "add" line that becomes a
/// new entry (or agreement row) when something is typed there.
enum FocusTarget: Equatable {
    case field(FieldRef, String)
    case newEntry(groupID: Int64, kind: EntryKind)
    case newAgreementRow(groupID: Int64, after: Int64?)
}

/// The keys every form shares (worksheet, agreement form, roadmap, plenum notes): moving
/// between fields, Enter, line breaks, undo; the rest goes to the screen's own update.
enum FormUpdate {
    static func focusedTarget(_ state: AppState) -> FocusTarget? {
        switch state.screen {
        case .worksheet(let v) where v.linkPicker == nil:
            guard let sheet = state.workshop.worksheets[v.groupID], sheet.slots.indices.contains(v.focus) else { return nil }
            if let kind = v.newRow { return .newEntry(groupID: v.groupID, kind: kind) }
            switch sheet.slots[v.focus] {
            case .entry(let e): return .field(.entry(e.id), e.text)
            case .add(let kind): return .newEntry(groupID: v.groupID, kind: kind)
            }
        case .agreement(let v):
            guard let form = state.agreements[v.groupID], form.slots.indices.contains(v.focus) else { return nil }
            let slot = form.slots[v.focus]
            if slot == .addRow { return .newAgreementRow(groupID: v.groupID, after: form.rows.last?.id) }
            return slot.fieldRef(v.groupID).map { .field($0, form.text(of: slot)) }
        case .roadmap(let v):
            let slots = RoadmapScreen.slots(state.roadmap)
            guard slots.indices.contains(v.focus),
                  let entry = state.roadmap.first(where: { $0.id == slots[v.focus].id }) else { return nil }
            let field = slots[v.focus].field
            // A new phase's title is a placeholder: typing replaces it.
            let text = field == .title && entry.title == state.strings[.newPhaseTitle]
                ? "" : entry.editableText(of: field, state.strings.language)
            return .field(.roadmap(id: entry.id, field), text)
        case .plenum(let v) where state.seat.isFacilitator && v.writing:
            let id = state.session.currentItem.id
            return .field(.plenumNote(itemID: id), state.workshop.plenumNotes[id] ?? "")
        case .notes:
            let item = state.session.currentItem
            return .field(.itemNote(itemID: item.id), state.workshop.notes(for: item))
        case .card(let v):
            return CardUpdate.focusedField(v, state).map { .field($0.0, $0.1) }
        case .followUp(let v):
            return FollowUpUpdate.focusedField(v, state).map { .field($0.0, $0.1) }
        default:
            return nil
        }
    }

    /// The change that turns an "add" line into an entry or row holding `text`.
    static func create(_ target: FocusTarget, text: String) -> [Effect] {
        switch target {
        case .newEntry(let group, let kind): return [.workshop(.addEntry(groupID: group, kind: kind, after: nil, text: text))]
        case .newAgreementRow(let group, let after): return [.workshop(.addAgreementRow(groupID: group, after: after, who: text))]
        case .field: return []
        }
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch state.screen {
        case .worksheet(let v) where v.linkPicker != nil: return WorksheetUpdate.linkPicker(command, &state)
        case .worksheet, .agreement, .roadmap, .plenum, .notes, .card, .followUp: break
        case .groups: return GroupsUpdate.perform(command, &state)
        default: return []
        }
        switch command {
        case .undo:
            return undo(&state)
        case .redo:
            return FieldTyping.edit(TextEditor.redoKey, &state)
        case .lineBreak:
            guard case .field(let field, _)? = focusedTarget(state), !FieldTyping.isSingleLine(field) else { return [] }
            return FieldTyping.type(.enter, &state)
        case .up, .down:
            // Inside a field of several lines the arrows move between its lines first.
            if let e = state.editing, !FieldTyping.isSingleLine(e.field) {
                let width = FieldGeometry.width(of: e.field, state)
                let row = e.editor.cursorPosition(width: width).row
                let rows = e.editor.layout(width: width).count
                if (command == .up && row > 0) || (command == .down && row < rows - 1) {
                    return FieldTyping.edit(command == .up ? .up : .down, &state)
                }
            }
            return FieldTyping.finish(&state) + moveFocus(by: command == .up ? -1 : 1, &state)
        case .nextField, .previousField:
            return FieldTyping.finish(&state) + moveFocus(by: command == .previousField ? -1 : 1, &state)
        case .submit:
            return submit(&state)
        default:
            let effects = FieldTyping.finish(&state)
            switch state.screen {
            case .worksheet: return effects + WorksheetUpdate.perform(command, &state)
            case .agreement: return effects + AgreementUpdate.agreement(command, &state)
            case .roadmap: return effects + AgreementUpdate.roadmap(command, &state)
            case .plenum: return effects + PlenumUpdate.perform(command, &state)
            case .card: return effects + CardUpdate.perform(command, &state)
            case .notes where command == .history:
                return effects + [.loadVersions(.itemNote(itemID: state.session.currentItem.id))]
            default: return effects
            }
        }
    }

    /// Enter: in a list (goals, mechanisms, trial actions, signs) the entry ends and a new
    /// one starts below, as in a bulleted list; on an empty entry the list ends and the
    /// focus moves on. In a text of several lines (notes, open questions, a phase's
    /// activities) a new line. Anywhere else the next field.
    static func submit(_ state: inout AppState) -> [Effect] {
        guard let target = focusedTarget(state) else { return [] }
        guard case .field(let field, let stored) = target else {
            guard !FieldTyping.lockedNotice(&state) else { return [] }
            return create(target, text: "")
        }
        if case .entry(let id) = field, let entry = state.workshop.entry(id: id), entry.kind != .challenge {
            let text = state.editing?.field == field ? state.editing!.editor.text : stored
            let effects = FieldTyping.finish(&state)
            if text.allSatisfy(\.isWhitespace) { return effects + WorksheetUpdate.endList(entry, &state) }
            guard !FieldTyping.lockedNotice(&state) else { return effects }
            return effects + [.workshop(.addEntry(groupID: entry.groupID, kind: entry.kind, after: id, text: ""))]
        }
        if isTextArea(field) { return FieldTyping.type(.enter, &state) }
        return FieldTyping.finish(&state) + moveFocus(by: 1, &state)
    }

    /// Free texts where Enter starts a new line.
    static func isTextArea(_ field: FieldRef) -> Bool {
        switch field {
        case .plenumNote, .itemNote, .agreement(_, .perspectives), .agreement(_, .involve), .roadmap(_, .activities),
             .cardAnswer, .followUpNote: return true
        default: return false
        }
    }

    /// Moves the focus `delta` places within the form, stopping at its ends (never past the
    /// last field into something new).
    static func moveFocus(by delta: Int, _ state: inout AppState) -> [Effect] {
        switch state.screen {
        case .worksheet(var v):
            guard let sheet = state.workshop.worksheets[v.groupID] else { return [] }
            // From the "new entry" line, up is its part's last entry and down the next part.
            let from = v.newRow != nil && delta < 0 ? v.focus + 1 : v.focus
            v.newRow = nil
            v.focus = min(max(0, from + delta), max(0, sheet.slots.count - 1))
            v.pendingDelete = nil
            state.screen = .worksheet(v)
        case .agreement(var v):
            let count = state.agreements[v.groupID]?.slots.count ?? 0
            v.focus = min(max(0, v.focus + delta), max(0, count - 1))
            v.pendingDelete = nil
            state.screen = .agreement(v)
        case .roadmap(var v):
            let count = RoadmapScreen.slots(state.roadmap).count
            v.focus = min(max(0, v.focus + delta), max(0, count - 1))
            v.pendingDelete = nil
            state.screen = .roadmap(v)
        case .card(var v):
            let count = state.workshop.card(of: v.groupID).flatMap { CardUpdate.card(of: $0, state) }?.questions.count ?? 0
            v.focus = min(max(0, v.focus + delta), max(0, count - 1))
            state.screen = .card(v)
        case .followUp(var v):
            v.focus = min(max(0, v.focus + delta), max(0, FollowUpUpdate.earlier(v.groupID, state).count - 1))
            state.screen = .followUp(v)
        default: break
        }
        return []
    }
}

extension Workshop {
    public func entry(id: Int64) -> Entry? {
        for sheet in worksheets.values { if let e = sheet.entry(id: id) { return e } }
        return nil
    }
}
