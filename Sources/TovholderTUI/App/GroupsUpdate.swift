import TovholderCore

/// The facilitator's list of groups: open one, add, rename, remove (asked first) and bring back.
enum GroupsUpdate {
    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .groups(var view) = state.screen else { return [] }
        let groups = state.workshop.orderedGroups
        let selected = groups.indices.contains(view.selected) ? groups[view.selected] : nil
        if command != .removeRestore { view.pendingRemove = nil; state.screen = .groups(view) }
        switch command {
        case .select:
            guard let g = selected, !g.removed else { break }
            // At the agreement part of the day, a group's agreement form; else its worksheet.
            if currentPart(state) == .agreement { state.screen = .agreement(AgreementView(groupID: g.id)) }
            else { WorksheetUpdate.open(groupID: g.id, returnTo: .groups, &state) }
        case .newGroup:
            return [.workshop(.addGroup(name: state.strings.format(.newGroupName, groups.count + 1)))]
        case .rename:
            if let g = selected { state.editing = FieldEditing(field: .groupName(g.id), text: g.name) }
        case .removeRestore:
            guard let g = selected else { break }
            if g.removed { return [.workshop(.restoreGroup(g.id))] }
            // Removing sends the group's terminals to the choice of a group: ask first.
            if view.pendingRemove == g.id {
                view.pendingRemove = nil
                state.screen = .groups(view)
                return [.workshop(.removeGroup(g.id))]
            }
            view.pendingRemove = g.id
            state.screen = .groups(view)
        default: break
        }
        return []
    }

    /// Keys while a group's name is being typed: Enter, Tab or Esc save it and leave.
    static func renameKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch key {
        case .enter, .escape, .tab, .backTab: return FieldTyping.finish(&state)
        case .function(10), .ctrl("x"):
            let effects = FieldTyping.finish(&state)
            return effects + KeyRouting.perform(.quit, &state)
        default:
            guard FieldTyping.isEditingKey(key) else { return [] }
            return FieldTyping.edit(key, &state)
        }
    }

    static func groupAdded(_ group: TovholderCore.Group, _ state: inout AppState) -> [Effect] {
        var v = GroupsView()
        v.selected = state.workshop.orderedGroups.firstIndex { $0.id == group.id } ?? 0
        state.screen = .groups(v)
        state.editing = FieldEditing(field: .groupName(group.id), text: group.name)
        return []
    }
}
