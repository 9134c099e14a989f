import TovholderCore

/// A key as the app sees it, independent of ncurses.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
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
}

/// Which screen a binding belongs to.
public enum KeyContext: Sendable { case item, agenda, help }

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
    static let all: [KeyContext] = [.item, .agenda, .help]

    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.right, .pageDown, .char("n")], label: l("→"), command: .next,
                   description: .keyNext, contexts: [.item], barPriority: 0),
        KeyBinding(keys: [.left, .pageUp, .char("p")], label: l("←"), command: .previous,
                   description: .keyPrevious, contexts: [.item], barPriority: 1),
        KeyBinding(keys: [.char(" ")], label: Localized(da: "Mellemrum", en: "Space"), command: .toggleTimer,
                   description: .keyTimer, contexts: [.item], barPriority: 2),
        KeyBinding(keys: [.char("+")], label: l("+"), command: .addMinute,
                   description: .keyMinutes, contexts: [.item], barPriority: nil),
        KeyBinding(keys: [.char("-")], label: l("+/-"), command: .removeMinute,
                   description: .keyMinutes, contexts: [.item], barPriority: 3),
        KeyBinding(keys: [.up], label: l("↑↓"), command: .up,
                   description: .keySelect, contexts: [.agenda], barPriority: 1),
        KeyBinding(keys: [.down], label: l("↓"), command: .down,
                   description: .keySelect, contexts: [.agenda], barPriority: nil),
        KeyBinding(keys: [.enter], label: l("Enter"), command: .select,
                   description: .keyGoTo, contexts: [.agenda], barPriority: 2),
        KeyBinding(keys: [.char("a")], label: l("a"), command: .agenda,
                   description: .keyAgenda, contexts: [.item, .agenda, .help], barPriority: 4),
        KeyBinding(keys: [.escape], label: l("Esc"), command: .back,
                   description: .keyBack, contexts: [.agenda, .help], barPriority: 0),
        KeyBinding(keys: [.function(1), .char("?")], label: l("?"), command: .help,
                   description: .keyHelp, contexts: all, barPriority: 1),
        KeyBinding(keys: [.char("q"), .function(10)], label: l("q"), command: .quit,
                   description: .keyQuit, contexts: all, barPriority: 0),
    ]

    public static func command(for key: Key, in context: KeyContext) -> Command? {
        bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.command
    }

    /// The bindings shown in the bottom bar of a screen, in table order.
    public static func bar(for context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.contexts.contains(context) && $0.barPriority != nil }
    }
}
