import Foundation
import TovholderCore

/// Keys on the worksheet, plenum, groups and link-picker screens, and typing in fields.
enum WorksheetUpdate {
    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch state.screen {
        case .worksheet(let v) where v.linkPicker != nil: return linkPicker(command, &state)
        case .worksheet: return worksheet(command, &state)
        case .plenum(var v):
            switch command {
            case .edit:
                let id = state.session.currentItem.id
                return begin(.plenumNote(itemID: id), text: state.workshop.plenumNotes[id] ?? "", &state)
            case .history:
                return [.loadVersions(.plenumNote(itemID: state.session.currentItem.id))]
            case .scrollLeft, .scrollRight:
                let count = state.workshop.activeGroups.count
                v.firstColumn = min(max(0, count - 1), max(0, v.firstColumn + (command == .scrollLeft ? -1 : 1)))
                state.screen = .plenum(v)
            default: break
            }
            return []
        case .groups(let v): return groups(command, v, &state)
        case .agreement: return AgreementUpdate.agreement(command, &state)
        case .roadmap: return AgreementUpdate.roadmap(command, &state)
        default: return []
        }
    }

    /// Opens a group's worksheet at the part the day is at.
    static func open(groupID: Int64, returnTo: ReturnScreen, _ state: inout AppState) {
        var view = WorksheetView(groupID: groupID)
        view.returnTo = returnTo
        if let sheet = state.workshop.worksheets[groupID], let kind = EntryKind(part: currentPart(state)),
           let slot = sheet.slots.firstIndex(where: { $0.kind == kind }) {
            view.focus = slot
        }
        state.screen = .worksheet(view)
    }

    static func worksheet(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .worksheet(var v) = state.screen, let sheet = state.workshop.worksheets[v.groupID] else { return [] }
        let slots = sheet.slots
        guard slots.indices.contains(v.focus) else { return [] }
        let slot = slots[v.focus]
        var effects: [Effect] = []
        if command != .deleteEntry { v.pendingDelete = nil }
        switch command {
        case .up, .previousField: v.focus = max(0, v.focus - 1)
        case .down, .nextField: v.focus = min(slots.count - 1, v.focus + 1)
        case .edit:
            switch slot {
            case .entry(let e): effects = begin(.entry(e.id), text: e.text, &state)
            case .add(let kind): effects = lockedNotice(&state) ? [] : [.workshop(.addEntry(groupID: v.groupID, kind: kind, after: nil))]
            }
        case .history:
            if case .entry(let e) = slot { effects = [.loadVersions(.entry(e.id))] }
        case .newEntry where slot.kind != .challenge && !lockedNotice(&state):
            var after: Int64?
            if case .entry(let e) = slot { after = e.id }
            effects = [.workshop(.addEntry(groupID: v.groupID, kind: slot.kind, after: after))]
        case .deleteEntry:
            if case .entry(let e) = slot, e.kind != .challenge, !lockedNotice(&state) {
                if v.pendingDelete == e.id || e.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    v.pendingDelete = nil
                    effects = [.workshop(.deleteEntry(e.id))]
                } else {
                    v.pendingDelete = e.id
                }
            }
        case .link:
            if case .entry(let e) = slot, e.kind.linksTo != nil { v.linkPicker = LinkPicker(entryID: e.id) }
        case .agreementForm:
            state.screen = .agreement(AgreementView(groupID: v.groupID))
            return []
        case .moveUp, .moveDown:
            let delta = command == .moveUp ? -1 : 1
            if case .entry(let e) = slot, slots.indices.contains(v.focus + delta), slots[v.focus + delta].kind == e.kind {
                effects = [.workshop(.moveEntry(e.id, by: delta))]
                v.focus += delta
            }
        default: break
        }
        state.screen = .worksheet(v)
        return effects
    }

    static func linkPicker(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .worksheet(var v) = state.screen, var picker = v.linkPicker,
              let sheet = state.workshop.worksheets[v.groupID], let entry = sheet.entry(id: picker.entryID),
              let kind = entry.kind.linksTo else { return [] }
        let targets = sheet.entries(of: kind)
        var effects: [Effect] = []
        switch command {
        case .up: picker.selected = max(0, picker.selected - 1)
        case .down: picker.selected = min(max(0, targets.count - 1), picker.selected + 1)
        case .toggle where targets.indices.contains(picker.selected):
            let target = targets[picker.selected].id
            var links = entry.links
            if let i = links.firstIndex(of: target) { links.remove(at: i) } else { links.append(target) }
            state.workshop.setLinks(entryID: entry.id, targets: links)
            effects = [.workshop(.setLinks(entry.id, targets: links))]
        default: break
        }
        v.linkPicker = picker
        state.screen = .worksheet(v)
        return effects
    }

    static func groups(_ command: Command, _ view: GroupsView, _ state: inout AppState) -> [Effect] {
        let groups = state.workshop.orderedGroups
        let selected = groups.indices.contains(view.selected) ? groups[view.selected] : nil
        switch command {
        case .select:
            guard let g = selected else { break }
            // At the agreement part of the day, a group's agreement form; else its worksheet.
            if currentPart(state) == .agreement { state.screen = .agreement(AgreementView(groupID: g.id)) }
            else { open(groupID: g.id, returnTo: .groups, &state) }
        case .newGroup:
            return [.workshop(.addGroup(name: state.strings.format(.newGroupName, groups.count + 1)))]
        case .rename:
            if let g = selected { state.editing = FieldEditing(field: .groupName(g.id), text: g.name) }
        case .removeRestore:
            if let g = selected { return [.workshop(g.removed ? .restoreGroup(g.id) : .removeGroup(g.id))] }
        default: break
        }
        return []
    }

    // MARK: typing

    static func editingKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var editing = state.editing else { return [] }
        let command = Keymap.command(for: key, in: .editing)
        let singleLine: Bool = {
            switch editing.field {
            case .groupName, .agreementRow, .roadmap(_, .from), .roadmap(_, .to), .roadmap(_, .title): return true
            case .agreement(_, let f): return f != .perspectives && f != .involve
            default: return false
            }
        }()
        switch command {
        case .back?:
            return finish(&state)
        case .quit?:
            return finish(&state) + [.quit]
        case .help?:
            let effects = finish(&state)
            state.screen = .help(returnTo: state.screen)
            return effects
        case .nextField?, .previousField?:
            let effects = finish(&state)
            // Like a form: Tab moves to the next field and goes on typing there.
            switch state.screen {
            case .worksheet, .agreement, .roadmap:
                let more = perform(command!, &state)
                return effects + more + perform(.edit, &state)
            default:
                return effects
            }
        default:
            break
        }
        if singleLine, key == .enter { return finish(&state) }
        let before = editing.editor.text
        let width = fieldWidth(editing.field, state)
        _ = editing.editor.handle(singleLine ? flattened(key) : key, width: width)
        state.editing = editing
        guard editing.editor.text != before else { return [] }
        switch editing.field {
        case .groupName: return []  // saved when done: half a name is not worth a transaction
        case .entry(let id): state.workshop.setText(entryID: id, text: editing.editor.text)
        case .plenumNote(let item): state.workshop.plenumNotes[item] = editing.editor.text
        case .agreement, .agreementRow, .roadmap:
            return AgreementUpdate.typed(editing.field, text: editing.editor.text, &state)
        }
        return [.workshop(.setText(editing.field, editing.editor.text))]
    }

    /// Leaving a field: a group's new name is saved now (entries were saved per keystroke).
    static func finish(_ state: inout AppState) -> [Effect] {
        guard let editing = state.editing else { return [] }
        state.editing = nil
        if editing.field.historyField != nil { return [.releaseLease(editing.field)] }
        if case .groupName(let id) = editing.field {
            let name = editing.editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let group = state.workshop.groups.first(where: { $0.id == id }), name != group.name else { return [] }
            return [.workshop(.renameGroup(id, name: name))]
        }
        return []
    }

    /// A group name is one line: pasted line breaks become spaces.
    static func flattened(_ key: Key) -> Key {
        if case .paste(let text) = key { return .paste(text.replacingOccurrences(of: "\n", with: " ")) }
        return key
    }

    static func fieldWidth(_ field: FieldRef, _ state: AppState) -> Int {
        switch field {
        case .entry(let id):
            var label = 0
            if let sheet = state.workshop.worksheets.values.first(where: { $0.entry(id: id) != nil }),
               let entry = sheet.entry(id: id) {
                label = DisplayWidth.of(ChainRows.label(entry, in: sheet, state.strings))
            }
            // The same width the worksheet screen wraps at (one column, or five when wide).
            let list = state.size.width - 4
            let column = list >= WorksheetScreen.columnsFrom ? list / EntryKind.chainOrder.count - 2 : list
            return max(1, column - 1 - 2 - label)
        case .plenumNote: return max(1, state.size.width - 4)
        case .groupName: return max(1, state.size.width - 10)
        case .agreement, .agreementRow: return max(1, state.size.width - 4 - 1 - 4 - 12)
        case .roadmap: return max(1, state.size.width - 4 - 1 - 2 - RoadmapScreen.labelWidth)
        }
    }

    static func entryAdded(_ entry: Entry, _ state: inout AppState) -> [Effect] {
        guard case .worksheet(var v) = state.screen, let sheet = state.workshop.worksheets[v.groupID],
              let slot = sheet.slots.firstIndex(of: .entry(entry)) ?? sheet.slots.firstIndex(where: {
                  if case .entry(let e) = $0 { return e.id == entry.id } else { return false } }) else { return [] }
        v.focus = slot
        state.screen = .worksheet(v)
        return begin(.entry(entry.id), text: entry.text, &state)
    }

    /// Starts editing a field unless the worksheets are locked for this terminal or another
    /// terminal is writing there; the shell then takes the field's lease.
    static func begin(_ field: FieldRef, text: String, _ state: inout AppState) -> [Effect] {
        if lockedNotice(&state) { return [] }
        if let name = field.historyField, let holder = state.live.leases[name] {
            state.notice = state.strings.format(.someoneWriting, holder)
            return []
        }
        state.editing = FieldEditing(field: field, text: text)
        return field.historyField == nil ? [] : [.acquireLease(field)]
    }

    /// True (with a notice) when a participant may not write because of the lock.
    static func lockedNotice(_ state: inout AppState) -> Bool {
        guard state.live.locked, !state.seat.isFacilitator else { return false }
        state.notice = state.strings[.lockedNotice]
        return true
    }

    static func groupAdded(_ group: TovholderCore.Group, _ state: inout AppState) -> [Effect] {
        var v = GroupsView()
        v.selected = state.workshop.orderedGroups.firstIndex { $0.id == group.id } ?? 0
        state.screen = .groups(v)
        state.editing = FieldEditing(field: .groupName(group.id), text: group.name)
        return []
    }
}
