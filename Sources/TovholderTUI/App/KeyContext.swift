import TovholderCore

/// Which screen a binding belongs to.
public enum KeyContext: Sendable, CaseIterable {
    case item, agenda, help, worksheet, linkPicker, example, plenum, groups, history, terminals, agreement, roadmap
    /// The facilitator's notes for an item: one free text.
    case notes
    /// A participant whose group was removed picks another.
    case chooseGroup
    /// "Quit? Enter: yes, any other key: no."
    case confirmQuit
    /// "Start the day afresh? Enter: yes · Esc: no."
    case confirmReset
    /// The dot vote (no text field: Space gives a dot), the deck of cards, a group's card.
    case vote, cards, card
    /// The follow-up of the day before's agreements: a note per agreement, F2 for its status.
    case followUp
    /// The facilitator writing the plenum notes (entered with Enter or `m`, left with Esc).
    /// The plenum itself (`plenum`) is a day screen: the day keys move the day there.
    case plenumNotes
    /// "Start the day now? Enter: yes · Esc: no" (`S` on the agenda).
    case confirmStartNow

    /// Screens that are forms: printable keys type into the focused field, so commands sit
    /// on function and Ctrl keys only (README.md, Taster: a letter typed by mistake never moves the day).
    public var takesTyping: Bool {
        switch self {
        case .worksheet, .agreement, .roadmap, .plenumNotes, .notes, .card, .followUp: return true
        default: return false
        }
    }
}
