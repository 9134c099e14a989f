import Foundation
import TovholderCore

/// The worksheet's own commands (F-keys): new, delete, link, move, the agreement form, the
/// history; and the link picker.
enum WorksheetUpdate {
    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .worksheet(var v) = state.screen, let sheet = state.workshop.worksheets[v.groupID] else { return [] }
        let slots = sheet.slots
        guard slots.indices.contains(v.focus) else { return [] }
        let slot = slots[v.focus]
        var effects: [Effect] = []
        if command != .deleteEntry { v.pendingDelete = nil }
        // On the "new entry" line nothing old is deleted, moved, linked or looked up.
        if v.newRow != nil, [.deleteEntry, .moveUp, .moveDown, .link, .history].contains(command) { return [] }
        switch command {
        case .history:
            if case .entry(let e) = slot { effects = [.loadVersions(.entry(e.id))] }
        case .newEntry where slot.kind != .challenge:
            var after: Int64?
            if case .entry(let e) = slot { after = e.id }
            effects = [.workshop(.addEntry(groupID: v.groupID, kind: slot.kind, after: after, text: ""))]
        case .deleteEntry:
            if case .entry(let e) = slot, e.kind != .challenge {
                if v.pendingDelete == e.id || e.isBlank {
                    v.pendingDelete = nil
                    state.workshop.remove(entryID: e.id)
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

    /// The shell added an entry: focus it and go on typing there (taking its lease).
    static func entryAdded(_ entry: Entry, _ state: inout AppState) -> [Effect] {
        guard case .worksheet(var v) = state.screen, v.groupID == entry.groupID,
              let sheet = state.workshop.worksheets[v.groupID],
              let slot = sheet.slots.firstIndex(where: { if case .entry(let e) = $0 { return e.id == entry.id } else { return false } })
        else { return [] }
        v.focus = slot
        v.newRow = nil
        state.screen = .worksheet(v)
        return FieldTyping.begin(.entry(entry.id), text: entry.text, &state)
    }

    /// Backspace in an empty entry: it goes, and the focus moves to the entry above.
    static func removeEmpty(_ entry: Entry, _ state: inout AppState) -> [Effect] {
        guard case .worksheet(var v) = state.screen, !FieldTyping.lockedNotice(&state) else { return [] }
        state.workshop.remove(entryID: entry.id)
        v.focus = max(0, v.focus - 1)
        state.screen = .worksheet(v)
        return [.workshop(.deleteEntry(entry.id))]
    }

    /// Enter on an empty entry ends the list: an empty entry after others goes, and the
    /// focus moves to the next part of the chain.
    static func endList(_ entry: Entry, _ state: inout AppState) -> [Effect] {
        guard case .worksheet(var v) = state.screen, let sheet = state.workshop.worksheets[v.groupID] else { return [] }
        var effects: [Effect] = []
        if sheet.entries(of: entry.kind).count > 1, !FieldTyping.lockedNotice(&state) {
            state.workshop.remove(entryID: entry.id)
            effects = [.workshop(.deleteEntry(entry.id))]
        }
        let slots = state.workshop.worksheets[v.groupID]?.slots ?? []
        v.focus = slots.firstIndex { EntryKind.chainOrder.firstIndex(of: $0.kind)! > EntryKind.chainOrder.firstIndex(of: entry.kind)! }
            ?? max(0, slots.count - 1)
        state.screen = .worksheet(v)
        return effects
    }
}
