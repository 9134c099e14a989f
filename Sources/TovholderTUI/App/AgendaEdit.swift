import TovholderCore

/// Changing the programme during the day, on the facilitator's agenda (`a`): the chosen item
/// (and the rest of the day) 5 minutes later or earlier, 5 minutes longer or shorter, renamed
/// (`r`), a new item after it (`i`), removed (Del twice), its kind (`K`). Every change is saved
/// at once with a line for the minutes, and every terminal and the projector follow.
enum AgendaEdit {
    static let step = 5

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .agenda(let selected) = state.screen else { return [] }
        let s = state.strings
        if command != .removeItem { state.pendingRemoval = nil }
        let agenda = state.session.programme.agenda
        guard agenda.indices.contains(selected) else { return [] }
        func saved(_ change: ProgrammeChange?, position: Bool = false) -> [Effect] {
            guard let change else { state.notice = s[.cannotChangeProgramme]; return [] }
            state.notice = s.format(.programmeChangedNotice, change.text(s.language))
            return [.save([.programme(change)] + (position ? [.position] : []))]
        }
        switch command {
        case .itemLater: return saved(state.session.moveItem(at: selected, byMinutes: step))
        case .itemEarlier: return saved(state.session.moveItem(at: selected, byMinutes: -step))
        case .itemLonger: return saved(state.session.resizeItem(at: selected, minutes: agenda[selected].minutes + step))
        case .itemShorter: return saved(state.session.resizeItem(at: selected, minutes: max(1, agenda[selected].minutes - step)))
        case .renameItem:
            state.editing = FieldEditing(field: .itemTitle(itemID: agenda[selected].id), text: agenda[selected].title)
            return []
        case .addItem:
            state.editing = FieldEditing(field: .newItemTitle(afterIndex: selected), text: "")
            state.notice = s[.newItemPrompt]
            state.noticeUntil = state.now + 600
            return []
        case .removeItem:
            guard selected != state.session.currentIndex else { state.notice = s[.cannotRemoveCurrent]; return [] }
            guard state.pendingRemoval == agenda[selected].id else {
                state.pendingRemoval = agenda[selected].id
                state.notice = s.format(.removeItemAgain, agenda[selected].title)
                return []
            }
            state.pendingRemoval = nil
            let before = state.session.currentIndex
            let change = state.session.removeItem(at: selected)
            let effects = saved(change, position: state.session.currentIndex != before)
            state.screen = .agenda(selected: min(selected, state.session.programme.agenda.count - 1))
            return effects
        case .editContent:
            state.editing = FieldEditing(field: .itemContent(itemID: agenda[selected].id),
                                         text: agenda[selected].bullets.joined(separator: "\n"))
            return []
        case .cycleKind:
            guard state.session.cycleKind(at: selected) else { return [] }
            let item = state.session.programme.agenda[selected]
            state.notice = s.format(.kindChanged, item.title, s.kind(item.kind))
            // Saved with the programme; a kind is not worth a line in the minutes.
            return [.save([.programme(nil)])]
        default:
            return []
        }
    }

    /// Keys while a title is typed: Enter keeps it, Esc drops it. In an item's points Enter
    /// starts a new line and Esc keeps them.
    static func titleKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if case .itemContent? = state.editing?.field {
            switch key {
            case .escape, .tab: return finish(&state)
            case .enter: return FieldTyping.edit(.enter, &state)
            default: return FieldTyping.isEditingKey(key) ? FieldTyping.edit(key, &state) : []
            }
        }
        switch key {
        case .enter, .tab: return finish(&state)
        case .escape:
            state.editing = nil
            state.noticeUntil = nil; state.notice = nil
            return []
        default:
            guard FieldTyping.isEditingKey(key) else { return [] }
            return FieldTyping.edit(key, &state)
        }
    }

    /// The typed title: the item renamed, or the new item added after the chosen one.
    static func finish(_ state: inout AppState) -> [Effect] {
        guard let editing = state.editing else { return [] }
        state.editing = nil
        state.noticeUntil = nil; state.notice = nil
        if case .itemContent(let id) = editing.field {
            guard let index = state.session.programme.agenda.firstIndex(where: { $0.id == id }) else { return [] }
            let points = editing.editor.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard points != state.session.programme.agenda[index].bullets else { return [] }
            state.session.programme.agenda[index].bullets = points
            // Saved with the programme; its points are the item's, not a change to the day's times.
            return [.save([.programme(nil)])]
        }
        let title = editing.editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { return [] }
        let s = state.strings
        var change: ProgrammeChange?
        var position = false
        switch editing.field {
        case .itemTitle(let id):
            guard let index = state.session.programme.agenda.firstIndex(where: { $0.id == id }) else { return [] }
            change = state.session.renameItem(at: index, to: title)
            guard change != nil else { return [] }  // the same title: nothing to do
        case .newItemTitle(let after):
            let before = state.session.currentIndex
            change = state.session.addItem(after: after, title: title, kind: .intro, minutes: 15)
            position = state.session.currentIndex != before
            if change != nil { state.screen = .agenda(selected: after + 1) }
        default:
            return []
        }
        guard let change else { state.notice = s[.cannotChangeProgramme]; return [] }
        state.notice = s.format(.programmeChangedNotice, change.text(s.language))
        return [.save([.programme(change)] + (position ? [.position] : []))]
    }
}
