/// What is missing in one group's chain, found without touching the file. Links to entries
/// that are not on the worksheet (deleted, another group's) count as missing.
public struct ChainCheck: Equatable, Sendable {
    /// The challenge entry is missing or blank.
    public var challengeMissing: Bool
    /// The challenge entry, if there is one (blank), for the cursor to jump to.
    public var challengeID: Int64?
    /// There is no goal entry at all.
    public var goalMissing: Bool
    public var emptyGoals: [Int64]
    public var untriedMechanisms: [Int64]
    public var trialActionsWithoutMechanism: [Int64]
    public var signsWithoutGoal: [Int64]

    public init(_ worksheet: Worksheet) {
        challengeMissing = worksheet.challenge.map(\.isBlank) ?? true
        challengeID = worksheet.challenge?.id
        goalMissing = worksheet.goals.isEmpty
        emptyGoals = worksheet.goals.filter(\.isBlank).map(\.id)
        let mechanismIDs = Set(worksheet.mechanisms.map(\.id))
        let goalIDs = Set(worksheet.goals.map(\.id))
        trialActionsWithoutMechanism = worksheet.trialActions
            .filter { mechanismIDs.isDisjoint(with: $0.links) }.map(\.id)
        signsWithoutGoal = worksheet.signs.filter { goalIDs.isDisjoint(with: $0.links) }.map(\.id)
        let tried = Set(worksheet.trialActions.flatMap(\.links))
        untriedMechanisms = worksheet.mechanisms.filter { !tried.contains($0.id) }.map(\.id)
    }

    public var count: Int {
        (challengeMissing ? 1 : 0) + (goalMissing ? 1 : 0) + emptyGoals.count + untriedMechanisms.count
            + trialActionsWithoutMechanism.count + signsWithoutGoal.count
    }

    public var isComplete: Bool { count == 0 }

    public func count(of kind: ChainFinding.Kind) -> Int {
        switch kind {
        case .challengeMissing: return challengeMissing ? 1 : 0
        case .goalMissing: return goalMissing ? 1 : 0
        case .emptyGoal: return emptyGoals.count
        case .untriedMechanism: return untriedMechanisms.count
        case .trialActionWithoutMechanism: return trialActionsWithoutMechanism.count
        case .signWithoutGoal: return signsWithoutGoal.count
        }
    }

    /// One finding per entry (or per missing entry), in chain order.
    public func findings() -> [ChainFinding] {
        var all: [ChainFinding] = []
        if challengeMissing { all.append(ChainFinding(kind: .challengeMissing, entryID: challengeID)) }
        if goalMissing { all.append(ChainFinding(kind: .goalMissing, entryID: nil)) }
        all += emptyGoals.map { ChainFinding(kind: .emptyGoal, entryID: $0) }
        all += untriedMechanisms.map { ChainFinding(kind: .untriedMechanism, entryID: $0) }
        all += trialActionsWithoutMechanism.map { ChainFinding(kind: .trialActionWithoutMechanism, entryID: $0) }
        all += signsWithoutGoal.map { ChainFinding(kind: .signWithoutGoal, entryID: $0) }
        return all
    }

    /// One line per kind of finding, counted ("2 prøvehandlinger uden mekanisme"), in chain order.
    public func summary() -> [Localized] {
        ChainFinding.Kind.allCases.compactMap { kind in
            let n = count(of: kind)
            return n == 0 ? nil : kind.message(count: n)
        }
    }
}

public struct ChainFinding: Equatable, Sendable {
    public enum Kind: CaseIterable, Sendable {
        case challengeMissing, goalMissing, emptyGoal, untriedMechanism,
             trialActionWithoutMechanism, signWithoutGoal

        /// The message for `count` findings of this kind: the bare phrase for one, counted for more.
        public func message(count n: Int) -> Localized {
            let one = n == 1
            switch self {
            case .challengeMissing:
                return Localized(da: "Udfordringen er ikke skrevet endnu", en: "The challenge is not written yet")
            case .goalMissing:
                return Localized(da: "Intet mål endnu", en: "No goal yet")
            case .emptyGoal:
                return one ? Localized(da: "Tomt mål", en: "Empty goal")
                    : Localized(da: "\(n) tomme mål", en: "\(n) empty goals")
            case .untriedMechanism:
                return one ? Localized(da: "Mekanisme uden prøvehandling", en: "Mechanism no trial action tries")
                    : Localized(da: "\(n) mekanismer uden prøvehandling", en: "\(n) mechanisms no trial action tries")
            case .trialActionWithoutMechanism:
                return one ? Localized(da: "Prøvehandling uden mekanisme", en: "Trial action without a mechanism")
                    : Localized(da: "\(n) prøvehandlinger uden mekanisme", en: "\(n) trial actions without a mechanism")
            case .signWithoutGoal:
                return one ? Localized(da: "Tegn uden mål", en: "Sign without a goal")
                    : Localized(da: "\(n) tegn uden mål", en: "\(n) signs without a goal")
            }
        }
    }

    public var kind: Kind
    /// The entry the finding is about; nil when the entry itself is what is missing.
    public var entryID: Int64?
    public var message: Localized { kind.message(count: 1) }

    public init(kind: Kind, entryID: Int64?) { self.kind = kind; self.entryID = entryID }
}
