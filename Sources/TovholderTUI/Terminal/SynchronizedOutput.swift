import Foundation

/// Synchronized output (DEC private mode 2026): a terminal that knows it holds what comes
/// between `begin` and `end` and shows it at once, so a frame is never seen half drawn. It
/// is used only after the terminal answered the `query` that it knows the mode; every other
/// terminal gets exactly the bytes it got before.
enum SynchronizedOutput {
    /// DECRQM: "do you know mode 2026?"; answered `ESC [ ? 2026 ; Ps $ y`.
    static let query = "\u{1B}[?2026$p"
    static let begin = "\u{1B}[?2026h"
    static let end = "\u{1B}[?2026l"

    /// Terminal families that parse a request they do not know without showing any of it.
    /// The Linux console, a VT220 and GNU screen are not asked.
    static func mayAsk(term: String?) -> Bool {
        guard let term = term?.lowercased() else { return false }
        let families = ["xterm", "tmux", "foot", "kitty", "wezterm", "alacritty", "contour", "ghostty", "mintty", "ms-terminal"]
        return families.contains { term.hasPrefix($0) }
    }
}
