import TovholderCore

/// The facilitator's countdown, small, for screens that are not the item itself.
enum SmallCountdown {
    static func draw(_ state: AppState, into canvas: inout Canvas, rightEdge: Int, y: Int) {
        let item = state.session.currentItem
        guard item.timed else { return }
        let countdown = state.session.currentProgress.countdown
        let phase = countdown.phase(at: state.now)
        var text = "⏱ " + CountdownView.digits(remaining: countdown.remaining(at: state.now))
        if phase == .overrun { text += " " + state.strings[.timerOverrun].split(separator: " ").first.map(String.init)! }
        else if !countdown.isRunning { text += " ‖" }
        canvas.put(text, x: rightEdge - DisplayWidth.of(text), y: y, role: CountdownView.role(phase), attributes: [.bold])
    }
}
