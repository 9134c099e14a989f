import TovholderCore

/// The plenum: every group's work side by side; PgUp/PgDn page through the groups, the
/// facilitator types notes below (a participant only reads).
enum PlenumUpdate {
    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .plenum(var v) = state.screen else { return [] }
        switch command {
        case .history:
            return [.loadVersions(.plenumNote(itemID: state.session.currentItem.id))]
        case .scrollLeft, .scrollRight:
            let count = state.workshop.activeGroups.count
            v.firstColumn = min(max(0, count - 1), max(0, v.firstColumn + (command == .scrollLeft ? -1 : 1)))
            state.screen = .plenum(v)
            guard state.seat.isFacilitator else { return [] }  // a participant pages only its own screen
            // The projector turns its page too, by the step (it lays out its own pages and holds
            // a turned one for a minute; see ProjectorPaging), so the count may go below 0.
            let page = state.session.projection.page ?? 0
            state.session.projection.page = page + (command == .scrollLeft ? -1 : 1)
            return [.save([.projection])]
        default: break
        }
        return []
    }
}
