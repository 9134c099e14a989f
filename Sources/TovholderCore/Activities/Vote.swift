/// A dot vote on one part of the chain (say the goals, to pick what goes on to day 2).
/// Each voter has `dotsPerTerminal` dots and gives at most one to an entry. A voter is a
/// group (`Vote.voter`: its terminals share the dots, so a group with two laptops gets no
/// more say than one with one) or, by the template's `vote_dots_per: terminal`, each
/// terminal. The file keeps which voter gave which dot so nobody votes twice, but the
/// minutes, the JSON and every screen show counts only.
public struct Vote: Equatable, Sendable, Identifiable {
    public enum Scope: String, Sendable {
        /// Every group's entries are on one ballot (a plenum).
        case all
        /// Each terminal votes among its own group's entries (the facilitator: among all).
        case group
    }

    public var id: Int64
    public var itemID: String
    public var part: WorksheetPart
    public var scope: Scope
    public var dotsPerTerminal: Int
    public var isOpen: Bool
    /// The projector and the participants see the counts only once revealed.
    public var revealed: Bool
    public var dots: [VoteDot]

    public init(id: Int64, itemID: String, part: WorksheetPart, scope: Scope, dotsPerTerminal: Int,
                isOpen: Bool = true, revealed: Bool = false, dots: [VoteDot] = []) {
        self.id = id; self.itemID = itemID; self.part = part; self.scope = scope
        self.dotsPerTerminal = dotsPerTerminal; self.isOpen = isOpen; self.revealed = revealed; self.dots = dots
    }

    /// The entry kind voted on.
    public var kind: EntryKind? { EntryKind(part: part) }

    /// Entry id → dots given to it.
    public var tally: [Int64: Int] {
        dots.reduce(into: [:]) { $0[$1.entryID, default: 0] += 1 }
    }

    public func count(for entryID: Int64) -> Int { dots.lazy.filter { $0.entryID == entryID }.count }

    /// The entries one terminal gave its dots to.
    public func given(by terminal: String) -> Set<Int64> {
        Set(dots.filter { $0.terminal == terminal }.map(\.entryID))
    }

    public func remaining(for terminal: String) -> Int { max(0, dotsPerTerminal - given(by: terminal).count) }

    /// How many terminals gave at least one dot.
    public var voters: Int { Set(dots.map(\.terminal)).count }

    /// The entries on the ballot of a terminal of `groupID` (nil: the facilitator, who sees all),
    /// group by group in the groups' order.
    public func ballot(_ workshop: Workshop, groupID: Int64?) -> [Entry] {
        guard let kind else { return [] }
        return workshop.activeGroups.filter { scope == .all || groupID == nil || $0.id == groupID }
            .flatMap { workshop.worksheets[$0.id]?.entries(of: kind) ?? [] }
            .filter { !$0.isBlank }
    }
}

extension Vote {
    /// Who gives the dots of a terminal (`terminal`: its presence id) of `groupID` (nil: the
    /// facilitator, who votes as itself).
    public static func voter(terminal: String, groupID: Int64?, per: VoteDotsPer) -> String {
        guard per == .group, let groupID else { return terminal }
        return "group:\(groupID)"
    }
}

/// One dot: a voter (a group, or a terminal's presence id) gave it to an entry.
public struct VoteDot: Equatable, Sendable {
    public var terminal: String
    public var entryID: Int64
    public init(terminal: String, entryID: Int64) { self.terminal = terminal; self.entryID = entryID }
}

/// What became of a press of Space on the vote screen.
public enum DotResult: Equatable, Sendable {
    case given, takenBack
    /// Every dot is given: one must be taken back first.
    case noDotsLeft
    /// The vote was closed meanwhile.
    case closed
    /// The entry is not on this terminal's ballot (deleted meanwhile, another group's).
    case notOnBallot
}

extension EntryKind {
    /// The entry kind a worksheet part holds, the section an agenda item's part points at
    /// (nil for the agreement form).
    public init?(part: WorksheetPart) {
        switch part {
        case .challenge: self = .challenge
        case .goals: self = .goal
        case .mechanisms: self = .mechanism
        case .trialActions: self = .trialAction
        case .signs: self = .sign
        case .agreement: return nil
        }
    }
}
