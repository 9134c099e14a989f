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
