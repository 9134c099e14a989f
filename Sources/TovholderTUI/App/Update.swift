import TovholderCore

/// The one place state changes: a message in, effects out (DESIGN.md, practice 4).
public func update(_ state: inout AppState, _ message: Message) -> [Effect] {
    switch message {
    case .tick(let now):
        state.now = now
        return state.session.takeBell(at: now)
            ? [.bell, .save([.item(state.session.currentItem.id)])] : []
    case .terminalEnded:
        return WorksheetUpdate.finish(&state) + [.quit]
    case .notUTF8:
        state.notice = state.strings[.notUTF8]
        return []
    case .resized(let size):
        state.size = size
        return []
    case .sessionReloaded(let session):
        let before = state.session.currentIndex
        state.session = session
        if session.currentIndex != before { followAgenda(&state) }
        return []
    case .workshopReloaded(let workshop):
        state.workshop = workshop
        clampFocus(&state)
        return []
    case .agreementsReloaded(let agreements, let roadmap):
        // The field being typed in keeps what is typed; everything else follows the file.
        state.agreements = agreements
        state.roadmap = roadmap
        return []
    case .exported(let files):
        state.notice = state.strings.format(.exported, files.joined(separator: ", "))
        return []
    case .entryAdded(let entry):
        return WorksheetUpdate.entryAdded(entry, &state)
    case .groupAdded(let group):
        return WorksheetUpdate.groupAdded(group, &state)
    case .failed(let text):
        state.notice = text
        return []
    case .leaseDenied(let field, let holder):
        if state.editing?.field == field { state.editing = nil }
        state.notice = state.strings.format(.someoneWriting, holder)
        return []
    case .liveRefreshed(let live):
        state.live = live
        // A lock set while a participant types ends the typing (what was typed is saved).
        if live.locked, !state.seat.isFacilitator, state.editing != nil {
            let effects = WorksheetUpdate.finish(&state)
            state.notice = state.strings[.lockedNotice]
            return effects
        }
        return []
    case .versionsLoaded(let field, let versions):
        state.screen = .history(HistoryView(field: field, versions: versions, returnTo: state.screen))
        return []
    case .restored:
        if case .history(let v) = state.screen { state.screen = v.returnTo }
        state.notice = state.strings[.restored]
        return []
    case .key(let key):
        state.notice = nil
        if state.editing != nil { return WorksheetUpdate.editingKey(key, &state) }
        guard let command = Keymap.command(for: key, in: state.screen.keyContext),
              state.seat.allows(command, on: state.screen) else { return [] }
        return perform(command, on: &state)
    }
}

private func perform(_ command: Command, on state: inout AppState) -> [Effect] {
    let now = state.now
    func saved(_ changes: [SessionChange]) -> [Effect] { changes.isEmpty ? [] : [.save(changes)] }
    switch command {
    case .quit:
        return [.quit]
    case .next:
        let effects = saved(state.session.goNext(at: now))
        followAgenda(&state)
        return effects
    case .previous:
        let effects = saved(state.session.goPrevious(at: now))
        followAgenda(&state)
        return effects
    case .toggleTimer:
        return saved(state.session.toggleTimer(at: now))
    case .addMinute:
        return saved(state.session.adjustTimer(minutes: 1, at: now))
    case .removeMinute:
        return saved(state.session.adjustTimer(minutes: -1, at: now))
    case .agenda:
        if case .agenda = state.screen { state.screen = .item }
        else { state.screen = .agenda(selected: state.session.currentIndex) }
        return []
    case .lock:
        let reason = state.live.locked ? nil : state.session.currentItem.title
        state.live.locked.toggle()
        state.live.lockReason = reason
        state.notice = state.strings[state.live.locked ? .lockedNotice : .unlockedNotice]
        return [.setLocked(state.live.locked, reason: reason)]
    case .terminals:
        if case .terminals(let back) = state.screen { state.screen = back }
        else { state.screen = .terminals(returnTo: state.screen) }
        return []
    case .restore:
        guard case .history(let v) = state.screen, v.versions.indices.contains(v.selected), v.selected > 0 else { return [] }
        return [.restore(v.field, text: v.versions[v.selected].text)]
    case .help:
        if case .help(let back) = state.screen { state.screen = back }
        else { state.screen = .help(returnTo: state.screen) }
        return []
    case .back:
        // A participant's home is its own worksheet.
        if case .participant(let group) = state.seat, state.screen.keyContext != .linkPicker {
            if case .worksheet = state.screen { return [] }
            if case .help(let back) = state.screen { state.screen = back; return [] }
            WorksheetUpdate.open(groupID: group, returnTo: .item, &state)
            return []
        }
        switch state.screen {
        case .help(let back), .example(let back), .terminals(let back): state.screen = back
        case .history(let v): state.screen = v.returnTo
        case .roadmap(let v): state.screen = v.returnTo
        case .agreement(let v): WorksheetUpdate.open(groupID: v.groupID, returnTo: .groups, &state)
        case .worksheet(var v) where v.linkPicker != nil:
            v.linkPicker = nil
            state.screen = .worksheet(v)
        case .worksheet(let v):
            switch v.returnTo {
            case .groups: state.screen = .groups(GroupsView())
            case .item: state.screen = .item
            }
        default: state.screen = .item
        }
        return []
    case .up, .down:
        let delta = command == .up ? -1 : 1
        switch state.screen {
        case .agenda(let s):
            let last = state.session.programme.agenda.count - 1
            state.screen = .agenda(selected: min(last, max(0, s + delta)))
        case .groups(var v):
            v.selected = min(max(0, state.workshop.orderedGroups.count - 1), max(0, v.selected + delta))
            state.screen = .groups(v)
        case .history(var v):
            v.selected = min(max(0, v.versions.count - 1), max(0, v.selected + delta))
            state.screen = .history(v)
        default:
            return WorksheetUpdate.perform(command, &state)
        }
        return []
    case .select:
        switch state.screen {
        case .agenda(let s):
            state.screen = .item
            let effects = saved(state.session.go(to: s, at: now))
            followAgenda(&state)
            return effects
        default:
            return WorksheetUpdate.perform(command, &state)
        }
    case .groups:
        state.screen = .groups(GroupsView())
        return []
    case .roadmapView:
        if case .roadmap(let v) = state.screen { state.screen = v.returnTo }
        else { state.screen = .roadmap(RoadmapView(returnTo: state.screen)) }
        return []
    case .export:
        return [.exportMinutes]
    case .plenum:
        if case .plenum = state.screen { state.screen = .item }
        else { state.screen = .plenum(PlenumView(part: currentPart(state))) }
        return []
    case .example:
        if case .example(let back) = state.screen { state.screen = back }
        else { state.screen = .example(returnTo: state.screen) }
        return []
    default:
        return WorksheetUpdate.perform(command, &state)
    }
}

/// The part of the worksheet the day is at: the current item's, else the last one before it.
func currentPart(_ state: AppState) -> WorksheetPart {
    let agenda = state.session.programme.agenda
    return agenda[...state.session.currentIndex].reversed().compactMap(\.part).first ?? .goals
}

/// When the agenda moves, the screen follows: plenum items show the plenum, and a
/// worksheet jumps to the part the new item asks for.
func followAgenda(_ state: inout AppState) {
    let item = state.session.currentItem
    if case .participant(let group) = state.seat, state.editing == nil {
        if item.kind == .plenum {
            state.screen = .plenum(PlenumView(part: currentPart(state)))
        } else if item.part == .agreement {
            state.screen = .agreement(AgreementView(groupID: group))
        } else {
            WorksheetUpdate.open(groupID: group, returnTo: .item, &state)
        }
        return
    }
    switch state.screen {
    case .worksheet(var v):
        if let part = item.part, let kind = EntryKind(part: part), let sheet = state.workshop.worksheets[v.groupID],
           let slot = sheet.slots.firstIndex(where: { $0.kind == kind }) {
            v.focus = slot
            state.screen = .worksheet(v)
        }
    case .item, .plenum:
        state.screen = item.kind == .plenum ? .plenum(PlenumView(part: currentPart(state))) : .item
    default:
        break
    }
}

/// After a reload, keep the focus inside the worksheet's slots.
func clampFocus(_ state: inout AppState) {
    if case .worksheet(var v) = state.screen {
        guard let sheet = state.workshop.worksheets[v.groupID] else { state.screen = .groups(GroupsView()); return }
        v.focus = min(v.focus, max(0, sheet.slots.count - 1))
        state.screen = .worksheet(v)
    }
}
