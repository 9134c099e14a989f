import Foundation
import TovholderCore

/// Keys on the agreement form and the roadmap, and typing into their fields.
enum AgreementUpdate {
    static func agreement(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .agreement(var v) = state.screen, let form = state.agreements[v.groupID] else { return [] }
        let slots = form.slots
        guard slots.indices.contains(v.focus) else { v.focus = 0; state.screen = .agreement(v); return [] }
        let slot = slots[v.focus]
        var effects: [Effect] = []
        if command != .deleteEntry { v.pendingDelete = nil }
        switch command {
        case .up, .previousField: v.focus = max(0, v.focus - 1)
        case .down, .nextField: v.focus = min(slots.count - 1, v.focus + 1)
        case .edit:
            if slot == .addRow {
                effects = WorksheetUpdate.lockedNotice(&state) ? [] : [.workshop(.addAgreementRow(groupID: v.groupID, after: form.rows.last?.id))]
            } else if let ref = slot.fieldRef(v.groupID) {
                effects = WorksheetUpdate.begin(ref, text: form.text(of: slot), &state)
            }
        case .newEntry where !WorksheetUpdate.lockedNotice(&state):
            var after = form.rows.last?.id
            if case .row(let id, _) = slot { after = id }
            effects = [.workshop(.addAgreementRow(groupID: v.groupID, after: after))]
        case .deleteEntry:
            if case .row(let id, _) = slot, !WorksheetUpdate.lockedNotice(&state) {
                let row = form.rows.first { $0.id == id }
                let empty = row.map { ($0.who + $0.knowledge + $0.dueText).trimmingCharacters(in: .whitespaces).isEmpty } ?? true
                if v.pendingDelete == id || empty {
                    v.pendingDelete = nil
                    effects = [.workshop(.deleteAgreementRow(id))]
                } else {
                    v.pendingDelete = id
                }
            }
        case .agreementForm:
            WorksheetUpdate.open(groupID: v.groupID, returnTo: state.seat.isFacilitator ? .groups : .item, &state)
            return []
        default: break
        }
        state.screen = .agreement(v)
        return effects
    }

    static func roadmap(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .roadmap(var v) = state.screen else { return [] }
        let slots = RoadmapScreen.slots(state.roadmap)
        let perPhase = RoadmapField.allCases.count
        var effects: [Effect] = []
        if command != .deleteEntry { v.pendingDelete = nil }
        let current = slots.indices.contains(v.focus) ? slots[v.focus] : nil
        switch command {
        case .up, .previousField: v.focus = max(0, v.focus - 1)
        case .down, .nextField: v.focus = min(max(0, slots.count - 1), v.focus + 1)
        case .edit:
            if let c = current, let entry = state.roadmap.first(where: { $0.id == c.id }) {
                effects = WorksheetUpdate.begin(.roadmap(id: c.id, c.field), text: entry.text(of: c.field), &state)
            } else {
                effects = [.workshop(.addRoadmapEntry(after: nil))]
            }
        case .newEntry:
            effects = [.workshop(.addRoadmapEntry(after: current?.id))]
        case .deleteEntry:
            if let c = current {
                if v.pendingDelete == c.id { v.pendingDelete = nil; effects = [.workshop(.deleteRoadmapEntry(c.id))] }
                else { v.pendingDelete = c.id }
            }
        case .moveUp, .moveDown:
            let delta = command == .moveUp ? -1 : 1
            if let c = current, let i = state.roadmap.firstIndex(where: { $0.id == c.id }),
               state.roadmap.indices.contains(i + delta) {
                effects = [.workshop(.moveRoadmapEntry(c.id, by: delta))]
                state.roadmap.swapAt(i, i + delta)  // shown moved at once; the file follows
                v.focus += delta * perPhase
            }
        default: break
        }
        state.screen = .roadmap(v)
        return effects
    }

    /// A keystroke changed an agreement or roadmap field: echo it in memory and save it.
    /// A roadmap date is saved only once it can be read (the screen says why until then).
    static func typed(_ field: FieldRef, text: String, _ state: inout AppState) -> [Effect] {
        let day = state.session.programme.date
        switch field {
        case .agreement(let group, let f):
            state.agreements[group]?.set(.field(f), text: text, near: day)
        case .agreementRow(let id, let f):
            for (group, form) in state.agreements where form.rows.contains(where: { $0.id == id }) {
                state.agreements[group]?.set(.row(id, f), text: text, near: day)
            }
        case .roadmap(let id, let f):
            guard let i = state.roadmap.firstIndex(where: { $0.id == id }) else { return [] }
            var entry = state.roadmap[i]
            switch f {
            case .title: entry.title = text
            case .activities: entry.activities = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            case .from:
                guard case .success(let d) = DanishDate.parse(text, near: day) else { return [] }
                entry.from = d
            case .to:
                if text.trimmingCharacters(in: .whitespaces).isEmpty { entry.to = nil }
                else {
                    guard case .success(let d) = DanishDate.parse(text, near: entry.from), d >= entry.from else { return [] }
                    entry.to = d
                }
            }
            state.roadmap[i] = entry
            return [.workshop(.updateRoadmapEntry(entry))]
        default:
            return []
        }
        return [.workshop(.setText(field, text))]
    }
}
