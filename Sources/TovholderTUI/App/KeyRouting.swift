import TovholderCore

/// Where a key goes: a binding of the screen's context (the keymap table), else the focused
/// field when the screen is a form, else nowhere. A key nobody claims does nothing.
enum KeyRouting {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        // The projector takes no keys but quit: nothing on the wall can be changed from it.
        if state.seat.isProjector {
            return [.char("q"), .char("Q"), .function(10), .ctrl("x"), .ctrl("c")].contains(key) ? [.quit] : []
        }
        if state.isTooSmall {
            // Nothing can be seen: nothing may be typed or moved unseen. Only quitting works
            // (a participant is asked first, as always: over SSH it closes the connection).
            var quits: [Key] = [.function(10), .ctrl("x")]
            if state.seat.isFacilitator { quits.append(.char("q")) }
            if state.confirmingQuit {
                state.confirmingQuit = false
                return Keymap.command(for: key, in: .confirmQuit) == .quit ? FieldTyping.finish(&state) + [.quit] : []
            }
            guard quits.contains(key) else { return [] }
            if !state.seat.isFacilitator { state.confirmingQuit = true; return [] }
            return FieldTyping.finish(&state) + [.quit]
        }
        if state.confirmingQuit {
            state.confirmingQuit = false
            return Keymap.command(for: key, in: .confirmQuit) == .quit ? FieldTyping.finish(&state) + [.quit] : []
        }
        if state.confirmingReset { return ResetUpdate.answer(key, &state) }
        if state.confirmingStartNow { return StartNow.answer(key, &state) }
        // Renaming a group in the list: the name takes the keys until Enter or Esc.
        if case .groupName? = state.editing?.field { return GroupsUpdate.renameKey(key, &state) }
        // An agenda item's title being typed takes the keys until Enter or Esc.
        switch state.editing?.field {
        case .itemTitle?, .newItemTitle?, .itemContent?: return AgendaEdit.titleKey(key, &state)
        default: break
        }
        let context = state.keyContext
        if let command = Keymap.command(for: key, in: context, seat: state.seat) {
            guard state.seat.allows(command, on: state.screen) else { return [] }
            // A vote goes on while the sheets are locked: locking them first is how a vote begins.
            if Seat.changesWork.contains(command), context != .vote, FieldTyping.lockedNotice(&state) { return [] }
            return perform(command, &state)
        }
        if context.takesTyping, FieldTyping.isEditingKey(key) { return FieldTyping.type(key, &state) }
        return []
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        let now = state.now
        func saved(_ changes: [SessionChange]) -> [Effect] { changes.isEmpty ? [] : [.save(changes)] }
        switch command {
        case .quit:
            if state.quitNeedsConfirmation {
                state.confirmingQuit = true
                return []
            }
            return FieldTyping.finish(&state) + [.quit]
        case .next:
            let effects = FieldTyping.finish(&state) + saved(state.session.goNext(at: now))
            followAgenda(&state)
            return effects
        case .previous:
            let effects = FieldTyping.finish(&state) + saved(state.session.goPrevious(at: now))
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
            if case .terminals(let v) = state.screen { state.screen = v.returnTo }
            else { state.screen = .terminals(TerminalsView(returnTo: state.screen)) }
            return []
        case .restore:
            guard case .history(let v) = state.screen, v.versions.indices.contains(v.selected), v.selected > 0 else { return [] }
            return [.restore(v.field, text: v.versions[v.selected].text)]
        case .help:
            let effects = FieldTyping.finish(&state)
            if case .help(let back) = state.screen { state.screen = back }
            else { state.screen = .help(returnTo: state.screen) }
            return effects
        case .back:
            return back(&state)
        case .up, .down:
            switch state.screen {
            case .agenda(let s):
                let last = state.session.programme.agenda.count - 1
                state.screen = .agenda(selected: min(last, max(0, s + (command == .up ? -1 : 1))))
            case .groups(var v):
                v.selected = min(max(0, state.workshop.orderedGroups.count - 1), max(0, v.selected + (command == .up ? -1 : 1)))
                state.screen = .groups(v)
            case .history(var v):
                v.selected = min(max(0, v.versions.count - 1), max(0, v.selected + (command == .up ? -1 : 1)))
                state.screen = .history(v)
            case .chooseGroup(var v):
                v.selected = min(max(0, state.workshop.activeGroups.count - 1), max(0, v.selected + (command == .up ? -1 : 1)))
                state.screen = .chooseGroup(v)
            case .terminals:
                return TerminalsUpdate.perform(command, &state)
            case .vote:
                return VoteUpdate.perform(command, &state)
            case .cards:
                return CardUpdate.perform(command, &state)
            default:
                return FormUpdate.perform(command, &state)
            }
            return []
        case .select:
            switch state.screen {
            case .agenda(let s):
                state.screen = .item
                let effects = saved(state.session.go(to: s, at: now))
                followAgenda(&state)
                return effects
            case .chooseGroup(let v):
                let groups = state.workshop.activeGroups
                guard groups.indices.contains(v.selected) else { return [] }
                state.seat = .participant(groupID: groups[v.selected].id)
                state.notice = nil; state.noticeUntil = nil
                WorksheetUpdate.open(groupID: groups[v.selected].id, returnTo: .item, &state)
                followAgenda(&state)
                return [.changeGroup(groups[v.selected].id)]
            default:
                return FormUpdate.perform(command, &state)
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
        case .renewCodes, .projectJoin, .disconnect:
            return TerminalsUpdate.perform(command, &state)
        case .vote, .reveal, .openVote:
            return VoteUpdate.perform(command, &state)
        case .cards, .openCard, .deal, .projectCard:
            return CardUpdate.perform(command, &state)
        case .hidePart:
            return PrivateWriting.toggle(&state)
        case .followUp, .cycleStatus:
            return FollowUpUpdate.perform(command, &state)
        case .itemLater, .itemEarlier, .itemLonger, .itemShorter, .renameItem, .addItem, .removeItem, .cycleKind, .editContent:
            return AgendaEdit.perform(command, &state)
        case .resetDay:
            return ResetUpdate.ask(&state)
        case .startNow:
            return StartNow.ask(&state)
        case .writeNotes:
            guard case .plenum(var v) = state.screen, state.seat.isFacilitator else { return [] }
            v.writing = true
            state.screen = .plenum(v)
            let id = state.session.currentItem.id
            return FieldTyping.begin(.plenumNote(itemID: id), text: state.workshop.plenumNotes[id] ?? "", &state)
        case .leaveField:
            return FieldTyping.finish(&state)
        case .leaveForm:
            let effects = FieldTyping.finish(&state)
            return effects + back(&state)
        case .toggle:
            if case .vote = state.screen { return VoteUpdate.perform(command, &state) }
            return FormUpdate.perform(command, &state)
        case .blank:
            state.session.projection.blank.toggle()
            state.notice = state.strings[state.session.projection.blank ? .projectorBlanked : .projectorBack]
            return [.save([.projection])]
        case .notes:
            state.screen = .notes(returnTo: state.screen)
            return []
        case .plenum:
            let effects = FieldTyping.finish(&state)
            if case .plenum(let v) = state.screen { state.screen = v.returnTo ?? .item }
            else { state.screen = .plenum(PlenumView(part: currentPart(state), returnTo: state.screen)) }
            return effects
        case .example:
            let effects = FieldTyping.finish(&state)
            if case .example(let back) = state.screen { state.screen = back }
            else { state.screen = .example(returnTo: state.screen) }
            return effects
        default:
            return FormUpdate.perform(command, &state)
        }
    }

    /// Esc: leave the field being typed in; else go back one screen. A participant's home
    /// is its own worksheet.
    static func back(_ state: inout AppState) -> [Effect] {
        if case .notes(let back) = state.screen {  // one free text: Esc saves and closes it
            let effects = FieldTyping.finish(&state)
            state.screen = back
            return effects
        }
        if case .plenum(var v) = state.screen, v.writing {  // the notes are left, the plenum stays
            let effects = FieldTyping.finish(&state)
            v.writing = false
            state.screen = .plenum(v)
            return effects
        }
        if state.editing != nil { return FieldTyping.finish(&state) }
        if case .worksheet(var v) = state.screen, v.linkPicker != nil {
            v.linkPicker = nil
            state.screen = .worksheet(v)
            return []
        }
        if case .participant(let group) = state.seat {
            switch state.screen {
            case .worksheet, .chooseGroup: return []
            case .help(let back): state.screen = back
            default: WorksheetUpdate.open(groupID: group, returnTo: .item, &state)
            }
            return []
        }
        switch state.screen {
        case .help(let back), .example(let back), .notes(let back): state.screen = back
        case .terminals(let v): state.screen = v.returnTo
        case .history(let v): state.screen = v.returnTo
        case .roadmap(let v): state.screen = v.returnTo
        case .vote(let v): state.screen = v.returnTo
        case .cards(let v): state.screen = v.returnTo
        case .card(let v): state.screen = v.returnTo
        case .followUp(let v): state.screen = v.returnTo
        // A plenum item's own plenum stays (the projector shows it); F5 or `o` leaves it.
        case .plenum(let v): if let back = v.returnTo { state.screen = back }
        case .agreement(let v): WorksheetUpdate.open(groupID: v.groupID, returnTo: .groups, &state)
        case .worksheet(let v):
            switch v.returnTo {
            case .groups: state.screen = .groups(GroupsView())
            case .item: state.screen = .item
            }
        default: state.screen = .item
        }
        return []
    }
}

extension AppState {
    /// The keys in force: the screen's, or the question whether to quit or to reset.
    var keyContext: KeyContext {
        confirmingQuit ? .confirmQuit : confirmingReset ? .confirmReset : confirmingStartNow ? .confirmStartNow : screen.keyContext
    }

    /// A participant's quit closes the connection; the facilitator's, while a timer runs or
    /// terminals are joined, takes the room's screen away: both are asked first.
    var quitNeedsConfirmation: Bool {
        guard seat.isFacilitator else { return true }
        return session.currentProgress.countdown.isRunning || !live.terminals.isEmpty
    }

    /// A notice that stays for a while, even through keys (e.g. how to switch to UTF-8).
    mutating func show(_ text: String, forSeconds seconds: Double) {
        notice = text
        noticeUntil = now + seconds
    }
}
