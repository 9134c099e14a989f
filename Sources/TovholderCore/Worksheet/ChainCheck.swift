/// What is thin in one group's chain, found without touching the file, for the parts of the
/// chain the day has reached (`reached`): on day 1 of the reference day nobody has written
/// trial actions yet, so a mechanism without one is no finding until the day gets there.
/// Links to entries that are not on the worksheet (deleted, another group's) count as missing.
public struct ChainCheck: Equatable, Sendable {
    /// The challenge entry is missing or blank.
    public var challengeMissing: Bool
    /// The challenge entry, if there is one (blank), for the cursor to jump to.
    public var challengeID: Int64?
    /// There is no goal entry at all.
    public var goalMissing: Bool
    public var emptyGoals: [Int64]
    /// More goals than a group can follow (a note: practitioners advise about five).
    public var tooManyGoals: [Int64]
    /// A mechanism linked to no goal: what is it to change?
    public var mechanismsWithoutGoal: [Int64]
    /// A mechanism serving every goal.
    public var mechanismsServingAll: [Int64]
    public var untriedMechanisms: [Int64]
    public var trialActionsWithoutMechanism: [Int64]
    /// A trial action that tries every mechanism: "everything leads to everything".
    public var trialActionsTryingAll: [Int64]
    public var signsWithoutGoal: [Int64]
    /// A sign that shows every goal.
    public var signsShowingAll: [Int64]
    public var goalsWithoutSign: [Int64]

    /// More goals than this is a note.
    public static let goalsAdvised = 5
    /// "Linked to every entry of the part" is a finding from this many entries on.
    public static let everythingFrom = 3

    public init(_ worksheet: Worksheet, reached: Set<WorksheetPart> = Set(WorksheetPart.allCases)) {
        challengeMissing = worksheet.challenge.map(\.isBlank) ?? true
        challengeID = worksheet.challenge?.id
        let goals = reached.contains(.goals), mechanisms = reached.contains(.mechanisms), trials = reached.contains(.trialActions), signs = reached.contains(.signs)
        goalMissing = goals && worksheet.goals.isEmpty
        emptyGoals = goals ? worksheet.goals.filter(\.isBlank).map(\.id) : []
        tooManyGoals = goals && worksheet.goals.count > Self.goalsAdvised ? [worksheet.goals[Self.goalsAdvised].id] : []
        let mechanismIDs = Set(worksheet.mechanisms.map(\.id))
        let goalIDs = Set(worksheet.goals.map(\.id))
        mechanismsWithoutGoal = mechanisms ? worksheet.mechanisms.filter { goalIDs.isDisjoint(with: $0.links) }.map(\.id) : []
        mechanismsServingAll = mechanisms && goalIDs.count >= Self.everythingFrom
            ? worksheet.mechanisms.filter { goalIDs.isSubset(of: $0.links) }.map(\.id) : []
        trialActionsWithoutMechanism = trials ? worksheet.trialActions.filter { mechanismIDs.isDisjoint(with: $0.links) }.map(\.id) : []
        trialActionsTryingAll = trials && mechanismIDs.count >= Self.everythingFrom
            ? worksheet.trialActions.filter { mechanismIDs.isSubset(of: $0.links) }.map(\.id) : []
        let tried = Set(worksheet.trialActions.flatMap(\.links))
        untriedMechanisms = trials ? worksheet.mechanisms.filter { !tried.contains($0.id) }.map(\.id) : []
        signsWithoutGoal = signs ? worksheet.signs.filter { goalIDs.isDisjoint(with: $0.links) }.map(\.id) : []
        signsShowingAll = signs && goalIDs.count >= Self.everythingFrom
            ? worksheet.signs.filter { goalIDs.isSubset(of: $0.links) }.map(\.id) : []
        let shown = Set(worksheet.signs.flatMap(\.links))
        goalsWithoutSign = signs ? worksheet.goals.filter { !$0.isBlank && !shown.contains($0.id) }.map(\.id) : []
    }

    public var count: Int { ChainFinding.Kind.allCases.reduce(0) { $0 + count(of: $1) } }

    public var isComplete: Bool { count == 0 }

    public func count(of kind: ChainFinding.Kind) -> Int { ids(of: kind).count }

    /// The entries a kind of finding is about (nil: the entry itself is missing).
    func ids(of kind: ChainFinding.Kind) -> [Int64?] {
        switch kind {
        case .challengeMissing: return challengeMissing ? [challengeID] : []
        case .goalMissing: return goalMissing ? [nil] : []
        case .emptyGoal: return emptyGoals
        case .tooManyGoals: return tooManyGoals
        case .goalWithoutSign: return goalsWithoutSign
        case .mechanismWithoutGoal: return mechanismsWithoutGoal
        case .mechanismServingAll: return mechanismsServingAll
        case .untriedMechanism: return untriedMechanisms
        case .trialActionWithoutMechanism: return trialActionsWithoutMechanism
        case .trialActionTryingAll: return trialActionsTryingAll
        case .signWithoutGoal: return signsWithoutGoal
        case .signShowingAll: return signsShowingAll
        }
    }

    /// One finding per entry (or per missing entry), in chain order.
    public func findings() -> [ChainFinding] {
        ChainFinding.Kind.allCases.flatMap { kind in ids(of: kind).map { ChainFinding(kind: kind, entryID: $0) } }
    }

    /// One line per kind of finding, counted, in chain order.
    public func summary() -> [Localized] {
        ChainFinding.Kind.allCases.compactMap { kind in
            let n = count(of: kind)
            return n == 0 ? nil : kind.message(count: n)
        }
    }
}
