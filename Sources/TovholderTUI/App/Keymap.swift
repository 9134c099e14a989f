import TovholderCore

/// The one table of keys (README.md, Taster: a contract the tests rely on). Letters are commands
/// only on the day's screens and in lists; forms take commands on F-keys and Ctrl keys.
public enum Keymap {
    static func l(_ s: String) -> Localized { Localized(da: s, en: s) }
    static func b(_ keys: [Key], _ label: String, _ command: Command, _ description: StringKey,
                  _ contexts: [KeyContext], _ priority: Int?) -> KeyBinding {
        KeyBinding(keys: keys, label: l(label), command: command, description: description,
                   contexts: contexts, barPriority: priority)
    }
    /// Where nothing can be typed: letters may be commands.
    static let noTyping: [KeyContext] = [.item, .agenda, .plenum, .help, .example, .groups, .history, .terminals, .linkPicker,
                                         .chooseGroup, .vote, .cards]
    /// The facilitator's screens of the day: the day keys move the day from every one of them
    /// (the plenum too, until its notes are entered with Enter or `m`).
    static let day: [KeyContext] = [.item, .agenda, .plenum]
    static let forms: [KeyContext] = [.worksheet, .agreement, .roadmap, .card, .followUp]
    static let typing: [KeyContext] = forms + [.plenumNotes, .notes]
    static let space = Localized(da: "Mellemrum", en: "Space")

    public static let bindings: [KeyBinding] = [
        // The day (item, countdown, agenda): letters, as on a presenter's remote.
        b([.right, .pageDown, .char("n")], "→", .next, .keyNext, day, 0),
        b([.left, .pageUp, .char("p")], "←", .previous, .keyPrevious, day, 1),
        KeyBinding(keys: [.char(" ")], label: space, command: .toggleTimer, description: .keyTimer,
                   contexts: day, barPriority: 2),
        b([.char("+")], "+", .addMinute, .keyMinutes, day, nil),
        b([.char("-")], "+/-", .removeMinute, .keyMinutes, day, 3),
        b([.char("a")], "a", .agenda, .keyAgenda, day, 4),
        b([.char("g")], "g", .groups, .keyGroups, day, 5),
        b([.char("o")], "o", .plenum, .keyPlenum, day, 6),
        b([.char("e")], "e", .example, .keyExample, day + [.groups], 7),
        b([.char("k")], "k", .roadmapView, .keyRoadmap, day + [.groups], 8),
        b([.char("x")], "x", .export, .keyExport, day + [.groups], 9),
        b([.char("L")], "L", .lock, .keyLock, day + [.groups, .terminals], 9),
        b([.char("t")], "t", .terminals, .keyTerminals, day + [.groups, .terminals], 9),
        b([.char("b")], "b", .blank, .keyBlank, day + [.example], 5),
        b([.char("m")], "m", .notes, .keyNotes, [.item, .agenda], 6),
        // On the plenum `m` (or Enter) enters the plenum notes; Esc leaves them.
        b([.enter, .char("m")], "Enter", .writeNotes, .keyWriteNotes, [.plenum], 1),
        b([.char("v")], "v", .vote, .keyVote, day + [.vote], 7),
        b([.char("d")], "d", .cards, .keyCards, day, 8),
        b([.char("h")], "h", .hidePart, .keyHide, day, 8),

        // Changing the programme, on the agenda.
        b([.char("<")], "<", .itemEarlier, .keyItemMove, [.agenda], nil),
        b([.char(">")], "</>", .itemLater, .keyItemMove, [.agenda], 3),
        b([.char("[")], "[", .itemShorter, .keyItemLength, [.agenda], nil),
        b([.char("]")], "[/]", .itemLonger, .keyItemLength, [.agenda], 3),
        b([.char("r")], "r", .renameItem, .keyRenameItem, [.agenda], 3),
        b([.char("i")], "i", .addItem, .keyAddItem, [.agenda], 3),
        b([.delete], "Del", .removeItem, .keyRemoveItem, [.agenda], 4),
        b([.char("K")], "K", .cycleKind, .keyItemKind, [.agenda], nil),
        b([.char("c")], "c", .editContent, .keyItemContent, [.agenda], nil),
        // Capital S, asked first: the rest of the day moves so the current item starts now.
        b([.char("S")], "S", .startNow, .keyStartNow, [.agenda], 3),

        // The method's activities: the vote (no text field, so Space is free), the deck of cards.
        KeyBinding(keys: [.char(" ")], label: space, command: .toggle, description: .keyDot,
                   contexts: [.vote], barPriority: 1, seats: .participant),
        b([.char("r")], "r", .reveal, .keyReveal, [.vote], 2),
        b([.char("p"), .enter], "p", .projectCard, .keyProjectCard, [.cards], 2),
        b([.char("d")], "d", .deal, .keyDeal, [.cards], 3),
        b([.function(3), .ctrl("n")], "F3", .newEntry, .keyDrawCard, [.card], 3),
        b([.function(2), .ctrl("l")], "F2", .cycleStatus, .keyFollowUpStatus, [.followUp], 2),

        // Lists.
        b([.up], "↑↓", .up, .keySelect, [.agenda, .groups, .history, .linkPicker, .chooseGroup, .terminals, .vote, .cards], 1),
        b([.down], "↓", .down, .keySelect, [.agenda, .groups, .history, .linkPicker, .chooseGroup, .terminals, .vote, .cards], nil),
        b([.char("x")], "x", .disconnect, .keyDisconnect, [.terminals], 2),
        b([.char("n")], "n", .renewCodes, .keyRenewCodes, [.terminals], 3),
        b([.char("p")], "p", .projectJoin, .keyProjectJoin, [.terminals], 4),
        b([.enter], "Enter", .select, .keyOpen, [.chooseGroup], 0),
        b([.enter], "Enter", .select, .keyGoTo, [.agenda], 2),
        // Capital R, asked first: a stray r never sets the day back.
        b([.char("R")], "R", .resetDay, .keyReset, [.agenda], 20),
        b([.enter], "Enter", .select, .keyOpen, [.groups], 0),
        b([.enter], "Enter", .restore, .keyRestore, [.history], 0),
        KeyBinding(keys: [.char(" ")], label: space, command: .toggle, description: .keyToggle,
                   contexts: [.linkPicker], barPriority: 1),
        b([.enter], "Enter", .back, .keyDone, [.linkPicker], nil),
        b([.char("+")], "+", .newGroup, .keyNewEntry, [.groups], 2),
        b([.char("r")], "r", .rename, .keyRename, [.groups], 2),
        b([.delete], "Del", .removeRestore, .keyRemoveRestore, [.groups], 3),

        // Forms: Tab and arrows move, Enter ends an entry, commands on F-keys and Ctrl keys.
        b([.tab], "Tab", .nextField, .keyNextField, forms, nil),
        b([.backTab], "Shift-Tab", .previousField, .keyPreviousField, forms, nil),
        b([.up], "↑↓", .up, .keyMoveFocus, typing, nil),
        b([.down], "↓", .down, .keyMoveFocus, typing, nil),
        b([.enter], "Enter", .submit, .keySubmit, [.worksheet], 9),
        b([.enter], "Enter", .submit, .keySubmitForm, [.agreement, .roadmap], 9),
        b([.enter], "Enter", .submit, .keyLineBreak, [.notes, .plenumNotes], 6),
        b([.ctrl("j"), .alt("\r")], "^J", .lineBreak, .keyLineBreak, forms + [.plenumNotes], 6),
        b([.ctrl("j"), .alt("\r")], "^J", .lineBreak, .keyLineBreak, [.notes], nil),
        b([.function(2), .ctrl("l")], "F2", .link, .keyLink, [.worksheet], 2),
        b([.function(3), .ctrl("n")], "F3", .newEntry, .keyNewEntry, [.worksheet, .agreement, .roadmap], 3),
        b([.function(4)], "F4", .agreementForm, .keyAgreement, [.worksheet], 4),
        b([.function(4)], "F4", .agreementForm, .keyWorksheet, [.agreement], 4),
        b([.function(5)], "F5", .plenum, .keyPlenum, [.worksheet], 5),
        b([.function(5)], "F5", .plenum, .keyBack, [.plenum, .plenumNotes], 4),
        b([.function(5)], "F5", .leaveForm, .keyLeaveForm, [.agreement, .roadmap, .card, .followUp, .vote], 4),
        b([.function(6)], "F6", .example, .keyExample, [.worksheet], 10),
        b([.function(7)], "F7", .moveUp, .keyMoveUp, [.worksheet], nil),
        b([.function(8)], "F7/F8", .moveDown, .keyMove, [.worksheet], 11),
        b([.function(9)], "F9", .deleteEntry, .keyDelete, [.worksheet, .agreement, .roadmap], 7),
        b([.function(12)], "F12", .history, .keyHistory, [.worksheet, .plenum, .plenumNotes, .notes], 12),
        b([.function(11), .ctrl("p")], "F11", .openVote, .keyOpenVote, [.worksheet, .agreement, .card, .plenumNotes], 13),
        b([.ctrl("d")], "^D", .openCard, .keyOpenCard, [.worksheet, .agreement, .plenumNotes], 14),
        b([.ctrl("o")], "^O", .followUp, .keyFollowUp, [.worksheet, .agreement], nil),
        // Paging the groups: PgUp/PgDn are day keys on the plenum, so ↑/↓ and [/] page there.
        b([.up, .char("[")], "↑", .scrollLeft, .keyScrollGroups, [.plenum], nil),
        b([.down, .char("]")], "↑↓", .scrollRight, .keyScrollGroups, [.plenum], 1),
        b([.pageUp], "PgUp", .scrollLeft, .keyScrollGroups, [.plenumNotes], nil),
        b([.pageDown], "PgUp/PgDn", .scrollRight, .keyScrollGroups, [.plenumNotes], 5),
        b([.ctrl("z")], "^Z", .undo, .keyUndo, typing, 8),
        b([.ctrl("y")], "^Y", .redo, .keyRedo, typing, nil),

        // Everywhere.
        b([.escape], "Esc", .back, .keyBack, [.agenda, .help, .example, .groups, .history, .terminals, .linkPicker,
                                              .chooseGroup, .cards], 0),
        // On a form Esc leaves the field and stays on the form (F5 or the form's own key leaves it).
        b([.escape], "Esc", .leaveField, .keyLeaveField, [.agreement, .roadmap, .card, .followUp], 9),
        // The ballot is a participant's form too; the facilitator's vote screen is a list.
        KeyBinding(keys: [.escape], label: l("Esc"), command: .back, description: .keyBack, contexts: [.vote],
                   barPriority: 0, seats: .facilitator),
        KeyBinding(keys: [.escape], label: l("Esc"), command: .leaveField, description: .keyLeaveField, contexts: [.vote],
                   barPriority: nil, seats: .participant),
        // The plenum of a plenum item is that item's screen: Esc leads back only when it was opened by hand.
        b([.escape], "Esc", .back, .keyBack, [.plenum], nil),
        b([.escape], "Esc", .back, .keyLeaveField, [.worksheet, .plenumNotes], 9),
        b([.escape], "Esc", .back, .keyBack, [.notes], 0),
        b([.function(1), .ctrl("g"), .char("?")], "?", .help, .keyHelp, noTyping, 1),
        b([.function(1), .ctrl("g")], "F1", .help, .keyHelp, typing, 1),
        KeyBinding(keys: [.char("q"), .function(10), .ctrl("x")], label: l("q"), command: .quit, description: .keyQuit,
                   contexts: noTyping, barPriority: 0, seats: .facilitator),
        KeyBinding(keys: [.function(10), .ctrl("x")], label: l("F10"), command: .quit, description: .keyQuit,
                   contexts: noTyping, barPriority: 0, seats: .participant),
        b([.function(10), .ctrl("x")], "F10", .quit, .keyQuit, typing, 0),
        b([.enter, .function(10), .ctrl("x"), .char("j"), .char("y")], "Enter", .quit, .keyQuitYes, [.confirmQuit], 0),
        b([.escape], "Esc", .back, .keyQuitNo, [.confirmQuit], 1),
        b([.enter], "Enter", .resetDay, .keyReset, [.confirmReset], 0),
        b([.escape], "Esc", .back, .keyBack, [.confirmReset], 1),
        b([.enter], "Enter", .startNow, .keyStartNow, [.confirmStartNow], 0),
        b([.escape], "Esc", .back, .keyBack, [.confirmStartNow], 1),
    ]

    public static func command(for key: Key, in context: KeyContext, seat: Seat = .facilitator) -> Command? {
        bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) && $0.applies(to: seat) }?.command
    }

    /// The bindings shown in the bottom bar of a screen, in table order; a participant's bar
    /// leaves out what only the facilitator may do.
    public static func bar(for context: KeyContext, seat: Seat = .facilitator) -> [KeyBinding] {
        bindings.filter {
            $0.contexts.contains(context) && $0.barPriority != nil && $0.applies(to: seat)
                && (seat.isFacilitator || !Seat.facilitatorOnly.contains($0.command))
        }
    }
}
