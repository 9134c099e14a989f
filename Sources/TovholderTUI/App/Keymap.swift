import TovholderCore

/// A key as the app sees it, independent of ncurses and of how a terminal spells it
/// (`KeyDecoder` turns bytes into these).
public enum Key: Hashable, Sendable {
    /// A printable grapheme (never a control character).
    case char(Character)
    /// Ctrl and a letter ("a"…"z"), except those that are keys of their own: Ctrl-H
    /// (Backspace), Ctrl-I (Tab), Ctrl-M (Enter). Ctrl-J arrives as `.ctrl("j")`.
    case ctrl(Character)
    /// Alt (Meta) and a key: ESC followed by a printable character, or by CR for Alt-Enter.
    case alt(Character)
    case up, down, left, right, pageUp, pageDown, home, end, insert
    /// Ctrl-← / Ctrl-→ (or Alt-b / Alt-f): a word back or forward.
    case wordLeft, wordRight
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    case paste(String)
}

/// Everything a key can ask for. The key bar and the help screen are drawn from `Keymap`.
public enum Command: Hashable, Sendable {
    case next, previous, toggleTimer, addMinute, removeMinute
    case agenda, help, quit, back, up, down, select
    case groups, plenum, example
    case edit, nextField, previousField, newEntry, deleteEntry, link, moveUp, moveDown
    case toggle, scrollLeft, scrollRight, rename, removeRestore, undo
    case newGroup, lock, history, terminals, restore
    case agreementForm, roadmapView, export
}

/// Which screen (or mode) a binding belongs to.
public enum KeyContext: Sendable, CaseIterable {
    case item, agenda, help, worksheet, linkPicker, example, plenum, groups, history, terminals, agreement, roadmap
    /// Typing in a text field: only these bindings; every other key goes to the editor.
    case editing
}

public struct KeyBinding: Sendable {
    public let keys: [Key]
    /// How the key is written in the bar and in help ("→", "Mellemrum").
    public let label: Localized
    public let command: Command
    public let description: StringKey
    public let contexts: [KeyContext]
    /// Lower numbers stay in the key bar when space runs out; nil: only in help.
    public let barPriority: Int?
}

/// The one table of keys (DESIGN.md: a contract the tests rely on).
public enum Keymap {
    static func l(_ s: String) -> Localized { Localized(da: s, en: s) }
    static func b(_ keys: [Key], _ label: String, _ command: Command, _ description: StringKey,
                  _ contexts: [KeyContext], _ priority: Int?) -> KeyBinding {
        KeyBinding(keys: keys, label: l(label), command: command, description: description,
                   contexts: contexts, barPriority: priority)
    }
    static let browsing: [KeyContext] = [.item, .agenda, .help, .worksheet, .example, .plenum, .groups,
                                         .history, .terminals, .agreement, .roadmap]
    static let views: [KeyContext] = [.item, .worksheet, .example, .plenum, .groups]

    public static let bindings: [KeyBinding] = [
        b([.tab], "Tab", .nextField, .keyNextField, [.worksheet, .editing, .agreement, .roadmap], 1),
        b([.backTab], "Shift-Tab", .previousField, .keyNextField, [.worksheet, .editing, .agreement, .roadmap], nil),
        b([.enter], "Enter", .edit, .keyEdit, [.worksheet, .plenum, .agreement, .roadmap], 0),
        b([.escape], "Esc", .back, .keyDone, [.editing, .linkPicker], 0),
        b([.ctrl("z")], "Ctrl-Z", .undo, .keyUndo, [.editing], 2),
        b([.right, .pageDown, .char("n")], "→", .next, .keyNext, [.item, .worksheet, .plenum, .example], 0),
        b([.left, .pageUp, .char("p")], "←", .previous, .keyPrevious, [.item, .worksheet, .plenum, .example], 1),
        KeyBinding(keys: [.char(" ")], label: Localized(da: "Mellemrum", en: "Space"), command: .toggleTimer,
                   description: .keyTimer, contexts: [.item, .plenum, .worksheet], barPriority: 2),
        b([.char(" ")], "Mellemrum", .toggle, .keyToggle, [.linkPicker], 1),
        b([.char("+")], "+", .newEntry, .keyNewEntry, [.worksheet, .agreement, .roadmap], 2),
        b([.char("+")], "+", .newGroup, .keyNewEntry, [.groups], 2),
        b([.char("+")], "+", .addMinute, .keyMinutes, [.item, .plenum], nil),
        b([.char("-")], "+/-", .removeMinute, .keyMinutes, [.item, .plenum], 3),
        b([.delete], "Del", .deleteEntry, .keyDelete, [.worksheet, .agreement, .roadmap], 4),
        b([.delete], "Del", .removeRestore, .keyRemoveRestore, [.groups], 3),
        b([.char("l")], "l", .link, .keyLink, [.worksheet], 3),
        b([.char("<")], "<", .moveUp, .keyMove, [.worksheet], nil),
        b([.char(">")], "</>", .moveDown, .keyMove, [.worksheet], 6),
        b([.char("<")], "<", .moveUp, .keyMove, [.roadmap], nil),
        b([.char(">")], "</>", .moveDown, .keyMove, [.roadmap], 6),
        b([.char("<")], "<", .scrollLeft, .keyScrollGroups, [.plenum], nil),
        b([.char(">")], "</>", .scrollRight, .keyScrollGroups, [.plenum], 5),
        b([.char("r")], "r", .rename, .keyRename, [.groups], 2),
        b([.up], "↑↓", .up, .keySelect, [.agenda, .groups, .worksheet, .linkPicker, .agreement, .roadmap], 1),
        b([.down], "↓", .down, .keySelect, [.agenda, .groups, .worksheet, .linkPicker, .agreement, .roadmap], nil),
        b([.enter], "Enter", .select, .keyGoTo, [.agenda], 2),
        b([.enter], "Enter", .select, .keyOpen, [.groups], 0),
        b([.enter], "Enter", .back, .keyDone, [.linkPicker], nil),
        b([.char("a")], "a", .agenda, .keyAgenda, browsing, 4),
        b([.char("g")], "g", .groups, .keyGroups, [.item, .agenda, .worksheet, .example, .plenum], 5),
        b([.char("o")], "o", .plenum, .keyPlenum, [.item, .agenda, .worksheet, .example, .groups], 6),
        b([.char("e")], "e", .example, .keyExample, [.item, .agenda, .worksheet, .plenum, .groups], 7),
        b([.char("h")], "h", .history, .keyHistory, [.worksheet, .plenum], 8),
        b([.enter], "Enter", .restore, .keyRestore, [.history], 0),
        b([.up], "↑↓", .up, .keySelect, [.history], 1),
        b([.down], "↓", .down, .keySelect, [.history], nil),
        b([.char("s")], "s", .agreementForm, .keyAgreement, [.worksheet, .agreement], 7),
        b([.char("k")], "k", .roadmapView, .keyRoadmap, [.item, .agenda, .plenum, .roadmap], 8),
        b([.char("x")], "x", .export, .keyExport, [.item, .agenda, .plenum, .roadmap, .groups], 9),
        b([.char("L")], "L", .lock, .keyLock, [.item, .worksheet, .plenum, .groups, .terminals], 9),
        b([.char("t")], "t", .terminals, .keyTerminals, [.item, .agenda, .worksheet, .plenum, .groups], 9),
        b([.escape], "Esc", .back, .keyBack, [.agenda, .help, .worksheet, .example, .plenum, .groups, .history,
                                              .terminals, .agreement, .roadmap], 0),
        b([.function(1), .char("?")], "?", .help, .keyHelp, browsing, 1),
        b([.function(1)], "F1", .help, .keyHelp, [.editing], nil),
        b([.char("q"), .function(10)], "q", .quit, .keyQuit, browsing, 0),
        b([.function(10)], "F10", .quit, .keyQuit, [.editing], 3),
    ]

    public static func command(for key: Key, in context: KeyContext) -> Command? {
        bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.command
    }

    /// The bindings shown in the bottom bar of a screen, in table order; a participant's bar
    /// leaves out what only the facilitator may do.
    public static func bar(for context: KeyContext, seat: Seat = .facilitator) -> [KeyBinding] {
        bindings.filter {
            $0.contexts.contains(context) && $0.barPriority != nil
                && (seat.isFacilitator || !Seat.facilitatorOnly.contains($0.command))
        }
    }
}
