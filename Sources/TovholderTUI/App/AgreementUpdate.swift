import Foundation
import TovholderCore

/// The agreement form's and the roadmap's own commands, and what typing there means: an
/// agreement date is kept as typed (its reading shown under it); a roadmap date is saved
/// only when it can be read, when the field is left.
enum AgreementUpdate {
    static func agreement(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .agreement(var v) = state.screen, let form = state.agreements[v.groupID] else { return [] }
        let slots = form.slots
        guard slots.indices.contains(v.focus) else { v.focus = 0; state.screen = .agreement(v); return [] }
        let slot = slots[v.focus]
        var effects: [Effect] = []
        if command != .deleteEntry { v.pendingDelete = nil }
        switch command {
        case .newEntry:
            var after = form.rows.last?.id
            if case .row(let id, _) = slot { after = id }
            effects = [.workshop(.addAgreementRow(groupID: v.groupID, after: after, who: ""))]
        case .deleteEntry:
            if case .row(let id, _) = slot {
                let row = form.rows.first { $0.id == id }
                if v.pendingDelete == id || row?.isBlank ?? true {
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
        var effects: [Effect] = []
        if command != .deleteEntry { v.pendingDelete = nil }
        let current = slots.indices.contains(v.focus) ? slots[v.focus] : nil
        switch command {
        case .newEntry:
            effects = [.workshop(.addRoadmapEntry(after: current?.id))]
        case .deleteEntry:
            if let c = current {
                if v.pendingDelete == c.id { v.pendingDelete = nil; effects = [.workshop(.deleteRoadmapEntry(c.id))] }
                else { v.pendingDelete = c.id }
            }
        default: break
        }
        state.screen = .roadmap(v)
        return effects
    }

    /// The shell added an agreement row (maybe with its first letters): type on in it.
    static func rowAdded(groupID: Int64, row: AgreementRow, _ state: inout AppState) -> [Effect] {
        guard case .agreement(var v) = state.screen, v.groupID == groupID,
              let i = state.agreements[groupID]?.slots.firstIndex(of: .row(row.id, .who)) else { return [] }
        v.focus = i
        state.screen = .agreement(v)
        return FieldTyping.begin(.agreementRow(id: row.id, .who), text: row.who, &state)
    }

    /// A new phase takes the focus, on its title, ready to be typed over.
    static func phaseAdded(_ entry: RoadmapEntry, _ state: inout AppState) -> [Effect] {
        guard case .roadmap(var v) = state.screen,
              let i = RoadmapScreen.slots(state.roadmap).firstIndex(where: { $0.id == entry.id && $0.field == .title })
        else { return [] }
        v.focus = i
        state.screen = .roadmap(v)
        return []
    }

    /// Leaving a roadmap date: saved when it can be read and the end is not before the
    /// start; else nothing is saved and the reason is shown.
    static func leaveDate(id: Int64, _ field: RoadmapField, text: String, _ state: inout AppState) -> [Effect] {
        guard let i = state.roadmap.firstIndex(where: { $0.id == id }) else { return [] }
        var entry = state.roadmap[i]
        let s = state.strings
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch RoadmapDates.read(trimmed, field, of: entry, near: state.session.programme.date) {
        case .failure(let problem):
            state.notice = s.format(.dateNotSaved, problem.message.text(s.language))
            return []
        case .success(let date):
            if field == .from { entry.from = date! } else { entry.to = date }
        }
        guard entry != state.roadmap[i] else { return [] }
        state.roadmap[i] = entry
        state.roadmap.sort { ($0.from, $0.position) < ($1.from, $1.position) }
        if case .roadmap(var v) = state.screen,
           let focus = RoadmapScreen.slots(state.roadmap).firstIndex(where: { $0.id == id && $0.field == field }) {
            v.focus = focus
            state.screen = .roadmap(v)
        }
        return [.workshop(.updateRoadmapEntry(entry))]
    }

    /// A keystroke changed an agreement field or a roadmap title or activities: echo it in
    /// memory and save it.
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
            case .title:
                // A phase always has a title: typing over it saves once there is one.
                guard !text.allSatisfy(\.isWhitespace) else { return [] }
                entry.title = text
            case .activities:
                entry.activities = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            case .from, .to:
                return []  // saved when the field is left (`leaveDate`)
            }
            state.roadmap[i] = entry
            return [.workshop(.updateRoadmapEntry(entry))]
        default:
            return []
        }
        return [.workshop(.setText(field, text))]
    }
}
