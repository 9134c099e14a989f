import TovholderCore

/// Everything a key can ask for. The key bar and the help screen are drawn from `Keymap`.
public enum Command: Hashable, Sendable {
    case next, previous, toggleTimer, addMinute, removeMinute
    case agenda, help, quit, back, up, down, select
    case groups, plenum, example
    case nextField, previousField, newEntry, deleteEntry, link, moveUp, moveDown
    case toggle, scrollLeft, scrollRight, rename, removeRestore, undo, redo
    case newGroup, lock, history, terminals, restore
    case agreementForm, roadmapView, export
    /// The projector goes dark and comes back (`b`, as in PowerPoint).
    case blank
    /// The facilitator's own notes for the current item.
    case notes
    /// On the terminals screen: new join codes, the join lines on the projector, and
    /// disconnecting a group's SSH terminal (`tovholder serve`).
    case renewCodes, projectJoin, disconnect
    /// Enter in a form: a list entry ends and a new one starts below; a one-line field moves on.
    case submit
    /// A line break inside a list entry or a text (Ctrl-J, Alt-Enter).
    case lineBreak
    /// The method's activities: start/close/reopen a dot vote (`v`), show its result to the
    /// room (`r`), the deck of dialogue cards (`d`), deal, show a card, hide a part while the
    /// groups write privately (`h`); and a participant's way to the vote and the group's card.
    case vote, reveal, cards, deal, projectCard, hidePart, openVote, openCard
    /// The group's follow-up of the day before's agreements, and F2 there: how one went.
    case followUp, cycleStatus
    /// Changing the programme on the agenda: the item (and the rest of the day) 5 minutes
    /// later/earlier, 5 minutes longer/shorter, renamed, a new item after it, removed, its kind.
    case itemLater, itemEarlier, itemLonger, itemShorter, renameItem, addItem, removeItem, cycleKind, editContent
    /// `R` on the agenda: start the day afresh after a rehearsal (asked first).
    case resetDay
    /// Enter or `m` on the plenum: the facilitator starts writing the plenum notes.
    case writeNotes
    /// `S` on the agenda: the rest of the day moves so the current item starts now (asked first).
    case startNow
    /// Esc on a form: leave the field being typed in, stay on the form.
    case leaveField
    /// F5 on a form: leave the form for the screen it came from.
    case leaveForm
}
