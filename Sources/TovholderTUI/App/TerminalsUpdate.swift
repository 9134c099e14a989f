import TovholderCore

/// Keys on the terminals screen: choose a terminal, disconnect a group's SSH terminal (asked
/// first), renew the join codes, and show how to join on the projector.
enum TerminalsUpdate {
    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .terminals(var view) = state.screen else { return [] }
        let list = state.live.terminals
        view.selected = min(max(0, view.selected), max(0, list.count - 1))
        let chosen = list.indices.contains(view.selected) ? list[view.selected] : nil
        if command != .disconnect { view.pendingDisconnect = nil }
        defer { if case .terminals = state.screen { state.screen = .terminals(view) } }
        let s = state.strings
        switch command {
        case .up: view.selected = max(0, view.selected - 1)
        case .down: view.selected = min(max(0, list.count - 1), view.selected + 1)
        case .disconnect:
            guard let t = chosen else { break }
            // Only a participant who came over SSH: a terminal on this machine is someone's window here.
            guard t.role == .participant, !t.isLocal else { state.notice = s[ServeKey.onlyRemote]; break }
            let who = "\(groupName(t, state)) (\(t.host))"
            if view.pendingDisconnect == t.id {
                view.pendingDisconnect = nil
                state.notice = s.format(ServeKey.disconnecting, who)
                return [.disconnect(pid: t.pid)]
            }
            view.pendingDisconnect = t.id
            state.notice = s.format(ServeKey.disconnectAgain, who)
        case .renewCodes:
            guard state.session.service != nil else { state.notice = s[ServeKey.notServing]; break }
            return [.renewCodes]
        case .projectJoin:
            guard state.session.service != nil else { state.notice = s[ServeKey.notServing]; break }
            let shows: Projection.Shows = state.session.projection.shows == .join
                ? (ProjectorFollow.shows(for: view.returnTo) ?? .item) : .join
            state.session.projection.shows = shows
            state.session.projection.blank = false
            state.notice = s[shows == .join ? ServeKey.joinProjected : ServeKey.joinNotProjected]
            return [.save([.projection])]
        default: break
        }
        return []
    }

    static func groupName(_ t: TerminalPresence, _ state: AppState) -> String {
        t.groupID.flatMap { id in state.workshop.groups.first { $0.id == id }?.name } ?? t.user
    }
}
