import Foundation
import TovholderCore

/// Typing into the focused field of a form, as in a web form: the first key starts the edit
/// (taking the field's lease), later keys go to the editor, leaving the field ends it.
enum FieldTyping {
    /// Keys that edit text or move in it; no binding claims them on a form.
    static func isEditingKey(_ key: Key) -> Bool {
        switch key {
        case .char, .paste, .backspace, .delete, .left, .right, .home, .end, .wordLeft, .wordRight: return true
        case .ctrl(let c): return TextEditor.ctrlKeys.contains(c)
        default: return false
        }
    }

    /// The most characters a field holds (about ten pages).
    static let maxLength = 20_000

    /// One line only: a line break typed or pasted moves on or becomes a space.
    static func isSingleLine(_ field: FieldRef) -> Bool {
        switch field {
        case .groupName, .agreementRow, .roadmap(_, .from), .roadmap(_, .to), .roadmap(_, .title), .itemTitle, .newItemTitle:
            return true
        case .agreement(_, let f): return f != .perspectives && f != .involve
        case .entry, .plenumNote, .itemNote, .roadmap(_, .activities), .cardAnswer, .followUpNote, .itemContent: return false
        }
    }

    /// A key for the focused field: start editing it when needed, then hand the key over.
    static func type(_ key: Key, _ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        if state.editing == nil {
            guard let target = FormUpdate.focusedTarget(state) else { return [] }
            switch target {
            case .field(let field, let text):
                effects = begin(field, text: text, &state)
                guard state.editing != nil else { return effects }
            case .newEntry, .newAgreementRow:
                // Typing on an empty section's "add" line writes the first entry there.
                guard let typed = insertedText(key), !typed.isEmpty, !lockedNotice(&state) else { return [] }
                let text = fitted(typed, into: 0, &state)
                return FormUpdate.create(target, text: text)
            }
        }
        return effects + edit(key, &state)
    }

    /// A field holds a few pages at most: text beyond what fits after `count` characters is
    /// cut, and the user told.
    static func fitted(_ text: String, into count: Int, _ state: inout AppState) -> String {
        guard count + text.count > maxLength else { return text }
        state.notice = state.strings.format(.pasteCut, maxLength)
        return String(text.prefix(max(0, maxLength - count)))
    }

    /// What a key would insert, for the "add" lines that have no editor yet.
    static func insertedText(_ key: Key) -> String? {
        switch key {
        case .char(let c): return String(c)
        case .paste(let s): return TextEditor.normalizePaste(s)
        default: return nil
        }
    }

    /// Applies a key to the field being edited and saves what changed.
    static func edit(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var editing = state.editing else { return [] }
        // Backspace in an empty list entry removes it, as in a bulleted list in Word.
        if key == .backspace, editing.editor.text.isEmpty, case .entry(let id) = editing.field,
           let entry = state.workshop.entry(id: id), entry.kind != .challenge {
            let effects = finish(&state)
            return effects + WorksheetUpdate.removeEmpty(entry, &state)
        }
        var key = key
        if case .paste(let text) = key { key = .paste(fitted(text, into: editing.editor.count, &state)) }
        let single = isSingleLine(editing.field)
        let width = FieldGeometry.width(of: editing.field, state)
        let before = editing.editor.text
        _ = editing.editor.handle(single ? flattened(key) : key, width: width)
        return changed(editing, width: width, saving: editing.editor.text != before, &state)
    }

    /// Printable keys read at once (Message.typed): one insertion and one undo step. Each key
    /// alone rebuilt the field's whole text (a 36 kB burst took minutes). Typing is never cut
    /// at a field's length the way a paste is; the run holds no line breaks.
    static func typeRun(_ text: String, _ state: inout AppState) -> [Effect] {
        guard var editing = state.editing, !text.isEmpty else { return [] }
        editing.editor.insert(text)
        return changed(editing, width: FieldGeometry.width(of: editing.field, state), saving: true, &state)
    }

    /// After an edit: the notes box scrolls to the cursor, and what changed is saved.
    private static func changed(_ editing: FieldEditing, width: Int, saving: Bool, _ state: inout AppState) -> [Effect] {
        var editing = editing
        if case .plenumNote = editing.field {
            // The notes are a box of a few rows: it scrolls only as far as the cursor needs.
            editing.view.scrollTop = TextFieldView.scrolled(
                editing.view.scrollTop, cursorRow: editing.editor.cursorPosition(width: width).row,
                rows: editing.editor.layout(width: width).count, height: PlenumScreen.notesTextRect(state.size).height,
                keepCursor: true)
        }
        state.editing = editing
        return saving ? saveTyped(editing, &state) : []
    }

    /// Echoes typed text in memory at once and saves it (groups' names and roadmap dates
    /// wait until the field is left: half a name or half a date is not worth saving).
    static func saveTyped(_ editing: FieldEditing, _ state: inout AppState) -> [Effect] {
        let text = editing.editor.text
        switch editing.field {
        case .groupName, .roadmap(_, .from), .roadmap(_, .to), .itemTitle, .newItemTitle, .itemContent: return []
        case .entry(let id): state.workshop.setText(entryID: id, text: text)
        case .plenumNote(let item): state.workshop.plenumNotes[item] = text
        case .itemNote(let item): state.workshop.itemNotes[item] = text
        case .followUpNote(let id): FollowUpUpdate.typed(id, text: text, &state)
        case .cardAnswer(let deal, let q):
            if let i = state.workshop.cardDeals.firstIndex(where: { $0.id == deal }) { state.workshop.cardDeals[i].answers[q] = text }
        case .agreement, .agreementRow, .roadmap:
            return AgreementUpdate.typed(editing.field, text: text, &state)
        }
        return [.workshop(.setText(editing.field, text))]
    }

    /// Leaving a field: a group's new name and a roadmap date are saved now (everything else
    /// was saved per keystroke), and the field's lease is given back.
    static func finish(_ state: inout AppState) -> [Effect] {
        guard let editing = state.editing else { return [] }
        state.editing = nil
        state.formUndo.record(editing.field, before: editing.original, after: editing.editor.text)
        switch editing.field {
        case .groupName(let id):
            let name = editing.editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, let group = state.workshop.groups.first(where: { $0.id == id }),
                  name != group.name else { return [] }
            return [.workshop(.renameGroup(id, name: name))]
        case .roadmap(let id, let f) where f == .from || f == .to:
            return AgreementUpdate.leaveDate(id: id, f, text: editing.editor.text, &state)
        case .itemTitle, .newItemTitle, .itemContent:
            state.editing = editing
            return AgendaEdit.finish(&state)
        default:
            return [.releaseLease(editing.field)]
        }
    }

    /// Starts editing a field unless the worksheets are locked for this terminal or another
    /// terminal is writing there (the facilitator may take over); the shell takes the lease.
    static func begin(_ field: FieldRef, text: String, _ state: inout AppState) -> [Effect] {
        if lockedNotice(&state) { return [] }
        if !state.seat.isFacilitator, let lease = state.live.leases[field] {
            state.notice = FieldNames.taken(field, by: lease, state)
            return []
        }
        state.editing = FieldEditing(field: field, text: text)
        return [.acquireLease(field, takeOver: state.seat.isFacilitator)]
    }

    /// True (with a notice) when a participant may not change anything because of the lock.
    static func lockedNotice(_ state: inout AppState) -> Bool {
        guard state.live.locked, !state.seat.isFacilitator else { return false }
        state.notice = state.strings[.lockedNotice]
        return true
    }

    /// A one-line field: line breaks in a paste become spaces, a line-break key does nothing.
    static func flattened(_ key: Key) -> Key {
        switch key {
        case .paste(let text):
            let flat = TextEditor.normalizePaste(text).split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: " ")
            return .paste(flat)
        default: return key
        }
    }
}
