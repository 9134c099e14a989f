import TovholderCore

/// Dot votes. The facilitator's `v` starts a vote on the part of the current item (across
/// the groups at a plenum, within each group otherwise), `v` on the vote screen closes it
/// and opens it again; `r` shows the counts to the room. A participant gives and takes back
/// dots with Space; the file decides, so a terminal never has more dots than it may.
enum VoteUpdate {
    /// The parts a vote can be about: lists of entries (not the one challenge, not the form).
    static let votableParts: [WorksheetPart] = [.goals, .mechanisms, .trialActions, .signs]

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        let s = state.strings
        switch command {
        case .vote:
            guard state.seat.isFacilitator else { return [] }
            if case .vote = state.screen, let vote = state.workshop.currentVote {
                state.notice = s[vote.isOpen ? MethodKey.voteEnded : MethodKey.voteReopened]
                return [.workshop(.setVoteOpen(vote.id, !vote.isOpen))]
            }
            return start(&state)
        case .reveal:
            guard let vote = state.workshop.currentVote else { state.notice = s[MethodKey.noVote]; return [] }
            state.notice = s[vote.revealed ? MethodKey.hiddenCounts : MethodKey.revealed]
            return [.workshop(.revealVote(vote.id, !vote.revealed))]
        case .up, .down:
            guard case .vote(var v) = state.screen else { return [] }
            let count = ballot(state).count
            v.selected = min(max(0, count - 1), max(0, v.selected + (command == .up ? -1 : 1)))
            state.screen = .vote(v)
            return []
        case .toggle:
            guard case .vote(let v) = state.screen, case .participant(let group) = state.seat else { return [] }
            guard let vote = state.workshop.currentVote else { state.notice = s[MethodKey.noVote]; return [] }
            guard vote.isOpen else { state.notice = s[MethodKey.voteIsClosed]; return [] }
            let entries = ballot(state)
            guard entries.indices.contains(v.selected) else { return [] }
            let entry = entries[v.selected]
            // Said at once; the file has the last word (another of this terminal's presses may be on its way).
            if !vote.given(by: state.voter).contains(entry.id), vote.remaining(for: state.voter) == 0 {
                state.notice = s[MethodKey.noDotsLeft]
                return []
            }
            return [.workshop(.toggleDot(voteID: vote.id, entryID: entry.id, groupID: group))]
        case .openVote:
            guard state.workshop.currentVote != nil else { state.notice = s[MethodKey.noVote]; return [] }
            let effects = FieldTyping.finish(&state)
            state.screen = .vote(VoteView(returnTo: state.screen))
            return effects
        default:
            return []
        }
    }

    /// `v` away from the vote screen: on an open vote, to its screen; a closed vote of this
    /// item and part opens again; else a new vote on the current item's part.
    static func start(_ state: inout AppState) -> [Effect] {
        let s = state.strings
        let item = state.session.currentItem
        let back = returnScreen(state)
        if let vote = state.workshop.currentVote, vote.isOpen {
            state.screen = .vote(VoteView(returnTo: back))
            return []
        }
        guard let part = item.part ?? (item.kind == .plenum ? currentPart(state) : nil), votableParts.contains(part) else {
            state.notice = s[MethodKey.noPartToVote]
            return []
        }
        state.screen = .vote(VoteView(returnTo: back))
        if let vote = state.workshop.currentVote, vote.itemID == item.id, vote.part == part {
            state.notice = s[MethodKey.voteReopened]
            return [.workshop(.setVoteOpen(vote.id, true))]
        }
        let dots = state.session.programme.voteDots
        state.notice = s.format(MethodKey.voteStarted, s.dots(dots))
        return [.workshop(.startVote(itemID: item.id, part: part, scope: item.kind == .plenum ? .all : .group, dots: dots))]
    }

    /// The entries on this terminal's ballot: its own group's (within each group) or all.
    static func ballot(_ state: AppState) -> [Entry] {
        guard let vote = state.workshop.currentVote else { return [] }
        if case .participant(let group) = state.seat { return vote.ballot(state.visibleWorkshop, groupID: group) }
        return vote.ballot(state.workshop, groupID: nil)
    }

    static func returnScreen(_ state: AppState) -> Screen {
        if case .vote(let v) = state.screen { return v.returnTo }
        return state.screen
    }

    /// The file's answer to a press of Space.
    static func dotToggled(_ result: DotResult, _ state: inout AppState) {
        let s = state.strings
        switch result {
        case .given, .takenBack: break
        case .noDotsLeft: state.notice = s[MethodKey.noDotsLeft]
        case .closed: state.notice = s[MethodKey.voteIsClosed]
        case .notOnBallot: state.notice = s[MethodKey.notOnBallot]
        }
    }

    /// A participant is taken to a newly opened vote once: at once, or when it leaves the
    /// field it is typing in (a notice says so meanwhile); never out of help.
    static func follow(_ state: inout AppState) -> [Effect] {
        guard case .participant = state.seat, let vote = state.workshop.currentVote, vote.isOpen,
              state.seenVote != vote.id else { return [] }
        switch state.screen {
        case .help, .chooseGroup: return []
        case .vote: state.seenVote = vote.id; return []
        default: break
        }
        guard state.editing == nil else {
            if state.notice == nil { state.show(state.strings[MethodKey.voteInProgressNotice], forSeconds: 30) }
            return []
        }
        state.seenVote = vote.id
        state.screen = .vote(VoteView(returnTo: state.screen))
        return []
    }
}
