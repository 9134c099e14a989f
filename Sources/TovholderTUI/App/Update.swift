import TovholderCore

/// The one place state changes: a message in, effects out (DECISIONS.md: one dispatch). Every
/// message, from a key or from the shell's own results, comes through here, and the shell
/// performs every effect returned (`Runner.dispatch`).
public func update(_ state: inout AppState, _ message: Message) -> [Effect] {
    switch message {
    case .tick(let now):
        state.now = now
        if let until = state.noticeUntil, now >= until { state.notice = nil; state.noticeUntil = nil }
        return state.session.takeBell(at: now)
            ? [.bell, .save([.item(state.session.currentItem.id)])] : []
    case .terminalEnded:
        return FieldTyping.finish(&state) + [.quit]
    case .notUTF8:
        state.show(state.strings[.notUTF8], forSeconds: 20)
        return []
    case .resized(let size):
        state.size = size
        return []
    case .sessionReloaded(let session):
        let before = state.session.currentIndex
        let screenBefore = state.screen
        state.session = session
        if session.currentIndex != before { followAgenda(&state) }
        FormPlace.settle(from: screenBefore, &state)
        return []
    case .workshopReloaded(let workshop):
        state.workshop = workshop
        let screenBefore = state.screen
        let effects = seatStillValid(&state) + clampFocus(&state)
        CardUpdate.follow(&state)
        let more = VoteUpdate.follow(&state)
        FormPlace.settle(from: screenBefore, &state)
        return effects + more
    case .dotToggled(let result):
        VoteUpdate.dotToggled(result, &state)
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
    case .agreementRowAdded(let groupID, let row):
        return AgreementUpdate.rowAdded(groupID: groupID, row: row, &state)
    case .roadmapPhaseAdded(let entry):
        return AgreementUpdate.phaseAdded(entry, &state)
    case .groupAdded(let group):
        return GroupsUpdate.groupAdded(group, &state)
    case .unsavedChanged(let text?):
        state.unsaved = text  // shown until everything is saved
        return []
    case .unsavedChanged(nil):
        state.unsaved = nil
        state.show(state.strings[.allSavedAgain], forSeconds: 5)
        return []
    case .failed(let text):
        state.notice = text
        return []
    case .codesRenewed:
        state.notice = state.strings[ServeKey.codesRenewed]
        return []
    case .alsoOpenAsFacilitator(let other):
        let since = state.strings.time(ClockTime(minutes: Int(state.minuteOfDay(other.startedAt))))
        state.notice = state.strings.format(ServeKey.alsoFacilitator, VisibleText.visible(other.user),
                                            VisibleText.visible(other.hostLabel.text(state.strings.language)), since)
        return []
    case .dayReset(let snapshot):
        return ResetUpdate.done(snapshot: snapshot, &state)
    case .snapshotTaken, .snapshotFailed:
        SnapshotNotice.update(message, &state)
        return []
    case .leaseDenied(let field, let lease):
        if state.editing?.field == field { state.editing = nil }
        state.notice = FieldNames.taken(field, by: lease, state)
        return []
    case .leaseLost(let field, let lease):
        guard state.editing?.field == field else { return [] }
        state.editing = nil
        state.notice = FieldNames.takenOver(field, by: lease, state)
        return []
    case .leaseExpired(let field):
        // 30 s without a keystroke: the field is free for others; the next key takes it again.
        guard state.editing?.field == field else { return [] }
        let effects = FieldTyping.finish(&state)
        catchUpWithTheDay(&state)
        return effects
    case .liveRefreshed(let live):
        state.live = live
        // A lock set while a participant types ends the typing (what was typed is saved).
        if live.locked, !state.seat.isFacilitator, state.editing != nil {
            let effects = FieldTyping.finish(&state)
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
    case .typed(let text):
        guard state.editing != nil else { return text.flatMap { update(&state, .key(.char($0))) } }
        if state.noticeUntil == nil { state.notice = nil }
        return FieldTyping.typeRun(text, &state)
    case .key(let key):
        if state.noticeUntil == nil { state.notice = nil }
        let before = ProjectorFollow.shows(for: state.screen)
        let screenBefore = state.screen
        var effects = KeyRouting.handle(key, &state)
        catchUpWithTheDay(&state)
        // A participant who just left a field goes on to a vote opened or a card dealt meanwhile.
        CardUpdate.follow(&state)
        effects += VoteUpdate.follow(&state)
        FormPlace.settle(from: screenBefore, &state)
        // The projector follows when this key took the facilitator to another screen.
        guard ProjectorFollow.shows(for: state.screen) != before else { return effects }
        return effects + ProjectorFollow.follow(&state)
    }
}

/// When the agenda moves, the screen follows: plenum items show the plenum, and a
/// worksheet jumps to the part the new item asks for.
func followAgenda(_ state: inout AppState) {
    let item = state.session.currentItem
    if case .participant(let group) = state.seat {
        // Never while they are typing (but once the field is left: `catchUpWithTheDay`), and
        // never out of help or the choice of a group.
        guard state.editing == nil else { state.leftBehindByTheDay = true; return }
        state.leftBehindByTheDay = false
        switch state.screen {
        case .help, .chooseGroup: return
        default: break
        }
        if item.kind == .plenum {
            state.screen = .plenum(PlenumView(part: currentPart(state)))
        } else if item.kind == .followUp {
            state.screen = .followUp(FollowUpView(groupID: group))
        } else if item.part == .agreement {
            state.screen = .agreement(AgreementView(groupID: group))
        } else {
            WorksheetUpdate.open(groupID: group, returnTo: .item, &state)
        }
        return
    }
    switch state.screen {
    case .worksheet(var v) where state.editing == nil:
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

/// A participant who was typing when the day moved goes on to where the day is, as soon as
/// the field is left (a keystroke away from the reload, the move would otherwise be missed).
func catchUpWithTheDay(_ state: inout AppState) {
    guard state.leftBehindByTheDay, state.editing == nil else { return }
    followAgenda(&state)
}

/// The part of the worksheet the day is at: the current item's, else the last one before it.
func currentPart(_ state: AppState) -> WorksheetPart {
    let agenda = state.session.programme.agenda
    return agenda[...state.session.currentIndex].reversed().compactMap(\.part).first ?? .goals
}

/// After a reload, keep the focus inside the worksheet's slots.
func clampFocus(_ state: inout AppState) -> [Effect] {
    if case .worksheet(var v) = state.screen {
        guard let sheet = state.workshop.worksheets[v.groupID] else {
            state.screen = .groups(GroupsView())
            return FieldTyping.finish(&state)
        }
        v.focus = min(v.focus, max(0, sheet.slots.count - 1))
        state.screen = .worksheet(v)
    }
    return []
}

/// A participant whose group was removed is told at once and asked to pick another.
func seatStillValid(_ state: inout AppState) -> [Effect] {
    guard case .participant(let id) = state.seat else { return [] }
    let group = state.workshop.groups.first { $0.id == id }
    guard group == nil || group?.removed == true else {
        if case .chooseGroup = state.screen { WorksheetUpdate.open(groupID: id, returnTo: .item, &state) }
        return []
    }
    if case .chooseGroup = state.screen { return [] }
    let effects = FieldTyping.finish(&state)
    state.screen = .chooseGroup(ChooseGroupView())
    state.notice = state.strings.format(.groupRemovedNotice, group?.name ?? "")
    state.noticeUntil = state.now + 30
    return effects
}
