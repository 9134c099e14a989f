/// The method's questions for the part of the chain a group is writing, shown on the
/// worksheet and the projector at a group-work item. Worded from the reference day's
/// programme; a template may give its own per part (`prompts:`).
public enum MethodPrompts {
    typealias L = Localized

    /// The built-in prompts of a part; none for the agreement form (it has its own questions).
    /// Each fits one line of an 80-column worksheet ("? " and 70 characters).
    public static func builtIn(_ part: WorksheetPart) -> [Localized] {
        switch part {
        case .challenge:
            return [L(da: "Hvordan ser situationen ud nu – i dag, ikke i fremtiden?",
                      en: "What is the situation now – today, not in the future?"),
                    L(da: "Hvorfor er udfordringen relevant?", en: "Why is the challenge relevant?")]
        case .goals:
            return [L(da: "Hvilken tilstand i fremtiden vil I nå – ikke hvilken handling?",
                      en: "What state in the future do you want to reach – not what action?"),
                    L(da: "Tænk stort og tværfagligt – og i forandringer",
                      en: "Think big and across professions – and in changes"),
                    L(da: "Vi kan ikke løse problemerne selv", en: "We cannot solve the problems on our own")]
        case .mechanisms:
            return [L(da: "Hvad skal ændres i indsatsen for at ændre den effekt, vi får?",
                      en: "What must change in the effort to change the effect we get?"),
                    L(da: "– uden at gå til den konkrete handling", en: "– without going to the concrete action"),
                    L(da: "Hvis vi gør det samme, sker det samme", en: "If we do the same, the same happens")]
        case .trialActions:
            return [L(da: "Hvilken konkret handling afprøver mekanismen?",
                      en: "Which concrete action tries the mechanism?"),
                    L(da: "Kort og konkret: fra nogle uger op til tre måneder",
                      en: "Short and concrete: from a few weeks up to three months"),
                    L(da: "Hvem gør hvad, og hvornår?", en: "Who does what, and when?")]
        case .signs:
            return [L(da: "Hvordan ser vi, at vi lykkes med de mål, vi har formuleret?",
                      en: "How do we see that we succeed with the goals we have set?"),
                    L(da: "Hvem ser tegnet – også borgerne?", en: "Who sees the sign – the citizens too?")]
        case .agreement:
            return []
        }
    }

    /// The prompts of a part in a programme: the template's own, as written (a template is
    /// in one language), else the built-in ones in `lang`. None for the agreement form.
    public static func prompts(for part: WorksheetPart, in programme: DayTemplate, _ lang: Language) -> [String] {
        guard part != .agreement else { return [] }
        if let own = programme.prompts[part], !own.isEmpty { return own }
        return builtIn(part).map { $0.text(lang) }
    }

    /// The part and its prompts while the current item is a group work on a part of the
    /// chain; nil at every other item (an intro or a plenum about a part shows none).
    public static func atCurrentItem(_ session: SessionState, _ lang: Language)
        -> (part: WorksheetPart, prompts: [String])? {
        let item = session.currentItem
        guard item.kind == .groupWork, let part = item.part else { return nil }
        let prompts = prompts(for: part, in: session.programme, lang)
        return prompts.isEmpty ? nil : (part, prompts)
    }
}
