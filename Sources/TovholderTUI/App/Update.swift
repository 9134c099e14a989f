import TovholderCore

/// The one place state changes: a message in, effects out (DESIGN.md, practice 4).
public func update(_ state: inout AppState, _ message: Message) -> [Effect] {
    switch message {
    case .tick(let now):
        state.now = now
        return state.session.takeBell(at: now)
            ? [.bell, .save([.item(state.session.currentItem.id)])] : []
    case .resized(let size):
        state.size = size
        return []
    case .sessionReloaded(let session):
        state.session = session
        return []
    case .key(let key):
        guard let command = Keymap.command(for: key, in: state.screen.keyContext) else { return [] }
        return perform(command, on: &state)
    }
}

private func perform(_ command: Command, on state: inout AppState) -> [Effect] {
    let now = state.now
    func saved(_ changes: [SessionChange]) -> [Effect] { changes.isEmpty ? [] : [.save(changes)] }
    switch command {
    case .quit:
        return [.quit]
    case .next:
        return saved(state.session.goNext(at: now))
    case .previous:
        return saved(state.session.goPrevious(at: now))
    case .toggleTimer:
        return saved(state.session.toggleTimer(at: now))
    case .addMinute:
        return saved(state.session.adjustTimer(minutes: 1, at: now))
    case .removeMinute:
        return saved(state.session.adjustTimer(minutes: -1, at: now))
    case .agenda:
        if case .agenda = state.screen { state.screen = .item }
        else { state.screen = .agenda(selected: state.session.currentIndex) }
        return []
    case .help:
        switch state.screen {
        case .item: state.screen = .help(returnTo: .item)
        case .agenda(let s): state.screen = .help(returnTo: .agenda(selected: s))
        case .help(let back): state.screen = back.screen
        }
        return []
    case .back:
        if case .help(let back) = state.screen { state.screen = back.screen } else { state.screen = .item }
        return []
    case .up, .down:
        if case .agenda(let s) = state.screen {
            let last = state.session.programme.agenda.count - 1
            state.screen = .agenda(selected: min(last, max(0, s + (command == .up ? -1 : 1))))
        }
        return []
    case .select:
        guard case .agenda(let s) = state.screen else { return [] }
        state.screen = .item
        return saved(state.session.go(to: s, at: now))
    }
}
