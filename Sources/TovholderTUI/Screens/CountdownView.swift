import TovholderCore

/// The big countdown: block digits as large as the rect allows (at least 5 rows), and a
/// line of words under it that says what colour says (warning, overrun, paused).
enum CountdownView {
    /// "25:00", "1:05:00", or "+02:15" once past zero.
    static func digits(remaining: Double) -> String {
        let overrun = remaining < 0
        // Round so a fresh 25-minute timer shows 25:00 and zero is reached at the bell.
        let total = Int(overrun ? (-remaining).rounded(.down) : remaining.rounded(.up))
        let h = total / 3600, m = (total % 3600) / 60, sec = total % 60
        let body = h > 0 ? "\(h):" + pad(m) + ":" + pad(sec) : pad(m) + ":" + pad(sec)
        return overrun ? "+" + body : body
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func role(_ phase: Countdown.Phase) -> Role {
        switch phase {
        case .plenty: return .timer
        case .warning: return .timerWarning
        case .critical: return .timerCritical
        case .overrun: return .timerOverrun
        }
    }

    static func label(_ countdown: Countdown, now: Double, _ s: Strings) -> String {
        let phase = countdown.phase(at: now)
        if phase == .overrun { return s[.timerOverrun] + (countdown.isRunning ? "" : " · " + s[.timerPaused]) }
        if !countdown.hasStarted { return s[.timerNotStarted] }
        if !countdown.isRunning { return s[.timerPaused] }
        switch phase {
        case .warning: return s[.timerWarning]
        case .critical: return s[.timerCritical]
        default: return s[.timerRunning]
        }
    }

    /// Height needed for the smallest countdown: 5 rows of digits and a label.
    static let minimumHeight = BigDigits.glyphRows + 1

    static func render(_ countdown: Countdown, now: Double, strings: Strings,
                       into canvas: inout Canvas, in rect: Rect) {
        let text = digits(remaining: countdown.remaining(at: now))
        let role = role(countdown.phase(at: now))
        // A blank row between digits and label when there is room; otherwise bigger digits win.
        var gap = 1
        var scale = BigDigits.scale(toFit: text, in: Size(width: rect.width, height: rect.height - 2))
        let tight = BigDigits.scale(toFit: text, in: Size(width: rect.width, height: rect.height - 1))
        if tight > scale { scale = tight; gap = 0 }
        scale = max(1, scale)
        let height = BigDigits.height(scale: scale)
        let top = rect.y + max(0, (rect.height - height - 1 - gap) / 2)
        let left = rect.x + max(0, (rect.width - BigDigits.width(of: text, scale: scale)) / 2)
        BigDigits.draw(text, scale: scale, into: &canvas, x: left, y: top, role: role, attributes: [.bold])
        let labelY = min(rect.maxY - 1, top + height + gap)
        canvas.putCentred(label(countdown, now: now, strings), in: rect, y: labelY, role: role, attributes: [.bold])
    }
}
