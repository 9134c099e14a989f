/// One thing a facilitator would ask a group about its chain. Worded as the question, never
/// as an error: the chain is the group's thinking, not a form to pass.
public struct ChainFinding: Equatable, Sendable {
    public enum Kind: CaseIterable, Sendable {
        case challengeMissing, goalMissing, emptyGoal, tooManyGoals, goalWithoutSign, mechanismWithoutGoal,
             mechanismServingAll, untriedMechanism,
             trialActionWithoutMechanism, trialActionTryingAll, signWithoutGoal, signShowingAll

        /// The question for `count` findings of this kind.
        public func message(count n: Int) -> Localized {
            let one = n == 1
            switch self {
            case .challengeMissing:
                return Localized(da: "Hvad er udfordringen?", en: "What is the challenge?")
            case .goalMissing:
                return Localized(da: "Hvilket mål vil I nå?", en: "Which goal do you want to reach?")
            case .emptyGoal:
                return one ? Localized(da: "Hvad skal det tomme mål sige?", en: "What should the empty goal say?")
                    : Localized(da: "Hvad skal de \(n) tomme mål sige?", en: "What should the \(n) empty goals say?")
            case .tooManyGoals:
                return Localized(da: "Over \(ChainCheck.goalsAdvised) mål: hvilke er de vigtigste?",
                                 en: "Over \(ChainCheck.goalsAdvised) goals: which matter most?")
            case .goalWithoutSign:
                return one ? Localized(da: "Hvilket tegn viser, at I når målet?", en: "Which sign shows you reach the goal?")
                    : Localized(da: "Hvilke tegn viser, at I når de \(n) mål?", en: "Which signs show you reach the \(n) goals?")
            case .mechanismWithoutGoal:
                return one ? Localized(da: "Hvilket mål tjener mekanismen?", en: "Which goal does the mechanism serve?")
                    : Localized(da: "Hvilke mål tjener de \(n) mekanismer?", en: "Which goals do the \(n) mechanisms serve?")
            case .mechanismServingAll:
                return Localized(da: "Tjener én mekanisme virkelig alle mål?", en: "Does one mechanism really serve every goal?")
            case .untriedMechanism:
                return one ? Localized(da: "Hvilken prøvehandling afprøver mekanismen?", en: "Which trial action tries the mechanism?")
                    : Localized(da: "Hvilke prøvehandlinger afprøver de \(n) mekanismer?", en: "Which trial actions try the \(n) mechanisms?")
            case .trialActionWithoutMechanism:
                return one ? Localized(da: "Hvilken mekanisme afprøver prøvehandlingen?", en: "Which mechanism does the trial action try?")
                    : Localized(da: "Hvilke mekanismer afprøver de \(n) prøvehandlinger?", en: "Which mechanisms do the \(n) trial actions try?")
            case .trialActionTryingAll:
                return Localized(da: "Afprøver én prøvehandling virkelig alle mekanismer?", en: "Does one trial action really try every mechanism?")
            case .signWithoutGoal:
                return one ? Localized(da: "Hvilket mål viser tegnet?", en: "Which goal does the sign show?")
                    : Localized(da: "Hvilke mål viser de \(n) tegn?", en: "Which goals do the \(n) signs show?")
            case .signShowingAll:
                return Localized(da: "Viser ét tegn virkelig alle mål?", en: "Does one sign really show every goal?")
            }
        }
    }

    public var kind: Kind
    /// The entry the finding is about; nil when the entry itself is what is missing.
    public var entryID: Int64?
    public var message: Localized { kind.message(count: 1) }

    /// The question about one entry, naming it ("Hvilket tegn viser, at I når Mål 2?").
    public func question(naming label: String?) -> Localized {
        guard let l = label else { return message }
        switch kind {
        case .emptyGoal: return Localized(da: "Hvad skal \(l) sige?", en: "What should \(l) say?")
        case .goalWithoutSign: return Localized(da: "Hvilket tegn viser, at I når \(l)?", en: "Which sign shows you reach \(l)?")
        case .mechanismWithoutGoal: return Localized(da: "Hvilket mål tjener \(l)?", en: "Which goal does \(l) serve?")
        case .mechanismServingAll: return Localized(da: "Tjener \(l) virkelig alle mål?", en: "Does \(l) really serve every goal?")
        case .untriedMechanism: return Localized(da: "Hvilken prøvehandling afprøver \(l)?", en: "Which trial action tries \(l)?")
        case .trialActionWithoutMechanism: return Localized(da: "Hvilken mekanisme afprøver \(l)?", en: "Which mechanism does \(l) try?")
        case .trialActionTryingAll: return Localized(da: "Afprøver \(l) virkelig alle mekanismer?", en: "Does \(l) really try every mechanism?")
        case .signWithoutGoal: return Localized(da: "Hvilket mål viser \(l)?", en: "Which goal does \(l) show?")
        case .signShowingAll: return Localized(da: "Viser \(l) virkelig alle mål?", en: "Does \(l) really show every goal?")
        case .challengeMissing, .goalMissing, .tooManyGoals: return message
        }
    }

    public init(kind: Kind, entryID: Int64?) { self.kind = kind; self.entryID = entryID }
}
