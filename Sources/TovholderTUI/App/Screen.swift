import TovholderCore

/// Which screen the facilitator looks at.
public indirect enum Screen: Equatable, Sendable {
    case item
    case agenda(selected: Int)
    case help(returnTo: Screen)
    /// One group's worksheet chain.
    case worksheet(WorksheetView)
    /// The template's worked example (the sick-leave chain), read-only.
    case example(returnTo: Screen)
    /// Every group's work for one part, side by side.
    case plenum(PlenumView)
    /// Pick, add, rename, remove and bring back groups.
    case groups(GroupsView)
    /// Earlier versions of a field, to bring one back.
    case history(HistoryView)
    /// Who is joined: group, user, host, last activity.
    case terminals(TerminalsView)
    /// A group's agreement form (aftaleskema).
    case agreement(AgreementView)
    /// The roadmap to the next development day, editable by the facilitator.
    case roadmap(RoadmapView)
    /// A participant whose group was removed picks another.
    case chooseGroup(ChooseGroupView)
    /// The facilitator's own notes for the current item (never on the projector).
    case notes(returnTo: Screen)
    /// The current dot vote: the facilitator's counts, a participant's ballot.
    case vote(VoteView)
    /// The day's dialogue cards (the facilitator's): show, deal.
    case cards(CardsView)
    /// A group's dialogue card and its answers.
    case card(CardView)
    /// A group's follow-up of the agreements from the day before.
    case followUp(FollowUpView)

    var keyContext: KeyContext {
        switch self {
        case .item: return .item
        case .agenda: return .agenda
        case .help: return .help
        case .worksheet(let v): return v.linkPicker == nil ? .worksheet : .linkPicker
        case .example: return .example
        case .plenum(let v): return v.writing ? .plenumNotes : .plenum
        case .groups: return .groups
        case .history: return .history
        case .terminals: return .terminals
        case .agreement: return .agreement
        case .roadmap: return .roadmap
        case .chooseGroup: return .chooseGroup
        case .notes: return .notes
        case .vote: return .vote
        case .cards: return .cards
        case .card: return .card
        case .followUp: return .followUp
        }
    }
}
