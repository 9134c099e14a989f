import TovholderCore

/// The projector shows what the facilitator opens, as a presenter's audience sees the slide
/// the presenter is on: the item, the agenda, a group's sheet, the plenum, the example, the
/// roadmap. The facilitator's own screens (help, notes, the groups list, terminals, history)
/// leave the projector where it was.
enum ProjectorFollow {
    static func shows(for screen: Screen) -> Projection.Shows? {
        switch screen {
        case .item: return .item
        case .agenda: return .agenda
        case .worksheet(let v): return .worksheet(groupID: v.groupID)
        case .agreement(let v): return .agreement(groupID: v.groupID)
        case .plenum(let v): return .plenum(v.part)
        case .example: return .example
        case .roadmap: return .roadmap
        case .vote: return .vote
        // The deck shows a card on the projector only when asked (`p`).
        case .help, .groups, .history, .terminals, .chooseGroup, .notes, .cards, .card, .followUp: return nil
        }
    }

    /// After a facilitator's key: the projector's choice follows the screen, saved when it moved.
    static func follow(_ state: inout AppState) -> [Effect] {
        guard state.seat.isFacilitator, let shows = shows(for: state.screen),
              shows != state.session.projection.shows else { return [] }
        state.session.projection.shows = shows
        state.session.projection.page = nil  // a new screen pages by itself again
        return [.save([.projection])]
    }
}
