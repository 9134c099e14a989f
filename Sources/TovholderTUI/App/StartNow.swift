import TovholderCore

/// `S` on the agenda: after a late start the whole remaining day moves so the current item
/// starts now — one question, one change, one line in the minutes (it took 69 presses of `>`).
enum StartNow {
    /// The local minute the current item would start at.
    static func minute(_ state: AppState) -> Int { Int(state.minuteOfDay(state.now)) }

    /// `S`: ask first, naming the item, the time and how far the day moves.
    static func ask(_ state: inout AppState) -> [Effect] {
        guard state.seat.isFacilitator, case .agenda = state.screen, state.session.startNowShift(atMinute: minute(state)) != nil
        else {
            state.notice = state.strings[.startNowNothing]
            return []
        }
        state.confirmingStartNow = true
        return []
    }

    /// The question, worded from the state as it is when drawn.
    static func question(_ state: AppState) -> String {
        let s = state.strings
        let shift = state.session.startNowShift(atMinute: minute(state)) ?? 0
        return s.format(.startNowQuestion, state.session.currentItem.title,
                        s.time(ClockTime(minutes: state.session.currentItem.start.minutes + shift)), abs(shift),
                        s[shift < 0 ? .earlier : .later])
    }

    /// The answer: Enter moves the day; any other key leaves it as it is.
    static func answer(_ key: Key, _ state: inout AppState) -> [Effect] {
        state.confirmingStartNow = false
        guard Keymap.command(for: key, in: .confirmStartNow, seat: state.seat) == .startNow else { return [] }
        guard let change = state.session.startNow(atMinute: minute(state)) else {
            state.notice = state.strings[.startNowNothing]
            return []
        }
        let s = state.strings
        state.notice = s.format(.programmeChangedNotice, change.text(s.language))
        return [.save([.programme(change)])]
    }
}
