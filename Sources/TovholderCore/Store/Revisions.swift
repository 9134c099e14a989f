/// The session's revision counters (table `revision`): the total, bumped by every content
/// change, and one per area a terminal loads separately. Triggers keep them (schema v6), so
/// no code path can forget one.
public struct Revisions: Equatable, Sendable {
    public var total: Int
    public var session: Int
    public var workshop: Int
    public var agreements: Int

    public init(total: Int, session: Int, workshop: Int, agreements: Int) {
        self.total = total; self.session = session; self.workshop = workshop; self.agreements = agreements
    }

    /// What a terminal loads in one go: the day (`load`), the worksheets (`loadWorkshop`),
    /// the agreements and the roadmap.
    public enum Area: String, CaseIterable, Sendable {
        case session, workshop, agreements
    }

    /// The tables each area is read from. `session_flags` (the lock) has none: every look
    /// at the others reads it anyway.
    static let tables: [(Area, [String])] = [
        (.session, ["position", "item_progress", "projector", "ssh_service", "ssh_codes", "hidden_parts", "programme_changes", "programme", "ssh_notices"]),
        (.workshop, ["groups", "entries", "entry_links", "plenum_notes", "item_notes", "votes", "vote_dots",
                     "card_deals", "card_answers"]),
        (.agreements, ["agreements", "agreement_rows", "roadmap", "earlier_agreements"]),
    ]

    /// The areas that moved since `earlier` (all of them when there is nothing earlier).
    public func changed(since earlier: Revisions?) -> Set<Area> {
        guard let earlier else { return Set(Area.allCases) }
        var areas = Set<Area>()
        if session != earlier.session { areas.insert(.session) }
        if workshop != earlier.workshop { areas.insert(.workshop) }
        if agreements != earlier.agreements { areas.insert(.agreements) }
        return areas
    }
}
