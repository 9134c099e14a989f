/// Every heading and label the exports write, in Danish and English. The template's own
/// text (titles, questions, phases) is never translated: only what Tovholder adds.
public struct ExportStrings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    private func t(_ da: String, _ en: String) -> String { language == .da ? da : en }

    public var minutes: String { t("Referat", "Minutes") }
    public var challenge: String { t("Udfordringen", "The challenge") }
    public var agenda: String { t("Dagens program", "The day's programme") }
    public var delay: String { t("Forsinkelse", "Delay") }
    public var onTime: String { t("til tiden", "on time") }
    public var notStarted: String { t("Dagen er ikke begyndt", "The day has not begun") }
    public var planned: String { t("planlagt", "planned") }
    public var began: String { t("begyndte", "began") }
    public var worksheets: String { t("Gruppernes arbejdsark", "The groups' worksheets") }
    public var noGroups: String { t("Ingen grupper", "No groups") }
    public var chainFindings: String { t("Spørgsmål til kæden", "Questions about the chain") }
    public var chainComplete: String { t("Kæden er hel", "The chain is complete") }
    public var serves: String { t("tjener", "serves") }
    public func linkVerb(_ kind: EntryKind) -> String { kind == .mechanism ? serves : kind == .trialAction ? tries : shows }
    public var tries: String { t("prøver", "tries") }
    public var shows: String { t("viser", "shows") }
    public var noLink: String { t("ikke koblet", "not linked") }
    public var empty: String { t("(tom)", "(empty)") }
    public var none: String { t("(ingen)", "(none)") }
    public var plenum: String { t("Opsamling i plenum", "Plenum summaries") }
    public var noPlenumNotes: String { t("Ingen noter fra plenum", "No notes from the plenum") }
    public var facilitatorNotes: String { t("Facilitatorens noter", "The facilitator's notes") }
    public var noFacilitatorNotes: String { t("Ingen noter", "No notes") }
    public var agreements: String { t("Aftaleskemaer", "Agreement forms") }
    public var notFilledIn: String { t("Ikke udfyldt", "Not filled in") }
    public var who: String { t("Hvem", "Who") }
    public var knowledge: String { t("Hvilken viden", "What knowledge") }
    public var byWhen: String { t("Inden", "By") }
    public var nextMeeting: String { t("Næste møde", "Next meeting") }
    public var place: String { t("Sted", "Place") }
    public var tovholder: String { t("Tovholder", "Coordinator (tovholder)") }
    /// In running text: "(tovholder: Anne)".
    public var tovholderShort: String { t("tovholder", "coordinator") }
    public var roadmap: String { t("Køreplan", "Roadmap") }
    public var exported: String { t("Eksporteret", "Exported") }
    public var at: String { t("kl.", "at") }
    public var meetsAgain: String { t("mødes igen", "meets again") }
    /// A concrete agreement's deadline in a calendar: "Frist · Gruppe 1: Anne – Erfaringer fra Ballerup".
    public func dueSummary(group: String, who: String, knowledge: String) -> String {
        let what = [who, knowledge].filter { !$0.isEmpty }.joined(separator: " – ")
        return t("Frist", "Due") + " · " + group + (what.isEmpty ? "" : ": " + what)
    }
    public var dotVotes: String { t("Prikafstemninger", "Dot votes") }
    public var programmeChanges: String { t("Ændringer i programmet", "Changes to the programme") }
    /// "Programmet blev ændret 10.42: Frokost flyttet til 11.45".
    public func programmeChanged(_ at: String, _ what: String) -> String {
        t("Programmet blev ændret \(at): \(what)", "The programme was changed at \(at): \(what)")
    }
    /// A change as the minutes word it: a move by its net minutes ("Frokost flyttet 40 min
    /// senere, til 12.10"), everything else as the console says it.
    public func change(_ c: ProgrammeChange) -> String {
        guard case let .moved(title, from, to) = c else { return c.text(language) }
        let n = to.minutes - from.minutes
        return n >= 0 ? t("\(title) flyttet \(n) min senere, til \(time(to))", "\(title) moved \(n) min later, to \(time(to))")
            : t("\(title) flyttet \(-n) min tidligere, til \(time(to))", "\(title) moved \(-n) min earlier, to \(time(to))")
    }
    /// "Dagen startet kl. 9.40: resten af dagen flyttet 25 min senere".
    public func dayStarted(_ at: String, minutes n: Int) -> String {
        t("Dagen startet kl. \(at): resten af dagen flyttet \(howMuch(n))", "The day started at \(at): the rest of the day moved \(howMuch(n))")
    }
    /// "Frokost startet kl. 12.10: resten af dagen flyttet 25 min senere".
    public func itemStarted(_ title: String, _ at: String, minutes n: Int) -> String {
        t("\(title) startet kl. \(at): resten af dagen flyttet \(howMuch(n))",
          "\(title) started at \(at): the rest of the day moved \(howMuch(n))")
    }
    private func howMuch(_ n: Int) -> String {
        n >= 0 ? t("\(n) min senere", "\(n) min later") : t("\(-n) min tidligere", "\(-n) min earlier")
    }
    public var notFollowedUp: String { t("ikke fulgt op", "not followed up") }
    public var earlierDaysLabel: String { t("Tidligere dage i forløbet", "Earlier days of the series") }
    public func followUpHeading(_ days: String) -> String { t("Opfølgning på aftaler fra \(days)", "Follow-up of agreements from \(days)") }
    public func changesSince(_ day: String) -> String { t("Ændret i kæden siden \(day)", "Changed in the chain since \(day)") }
    public var added: String { t("Nyt", "New") }
    public var changedLabel: String { t("Ændret", "Changed") }
    public var removed: String { t("Fjernet", "Removed") }
    public var nothingChanged: String { t("Intet ændret", "Nothing changed") }
    /// "fra 5. december 2023" / "from 5 December 2023", with the group when another wrote it.
    public func firstWritten(_ f: FirstWrittenMinutes, ownGroup: String) -> String {
        t("fra ", "from ") + f.dayText + (f.group == ownGroup || f.group.isEmpty ? "" : ", " + f.group)
    }
    public var voteOpen: String { t("stadig åben", "still open") }
    public var voteClosed: String { t("lukket", "closed") }
    public var card: String { t("Dialogkort", "Dialogue card") }
    public var drawnByGroup: String { t("trukket af gruppen", "drawn by the group") }
    public func dots(_ n: Int) -> String { n == 1 ? t("1 prik", "1 dot") : t("\(n) prikker", "\(n) dots") }
    public func dotsPer(_ n: Int, _ per: VoteDotsPer) -> String {
        per == .group ? t("\(dots(n)) pr. gruppe", "\(dots(n)) per group") : t("\(dots(n)) pr. terminal", "\(dots(n)) per terminal")
    }
    public func votersGave(_ voters: Int, _ given: Int, _ per: VoteDotsPer) -> String {
        switch (per, voters == 1) {
        case (.group, true): return t("1 gruppe gav \(dots(given))", "1 group gave \(dots(given))")
        case (.group, false): return t("\(voters) grupper gav \(dots(given))", "\(voters) groups gave \(dots(given))")
        case (.terminal, true): return t("1 terminal gav \(dots(given))", "1 terminal gave \(dots(given))")
        case (.terminal, false): return t("\(voters) terminaler gav \(dots(given))", "\(voters) terminals gave \(dots(given))")
        }
    }
    public func scope(_ scope: Vote.Scope) -> String {
        scope == .all ? t("på tværs af grupperne", "across the groups") : t("i hver gruppe", "within each group")
    }

    /// Headings for the agreement form when the template has fewer than four questions.
    public var defaultAgreementQuestions: [String] {
        language == .da
            ? ["Perspektiver", "Inddragelse", "Konkrete aftaler", "Næste møde og tovholder"]
            : ["Perspectives", "Whom to involve", "Concrete agreements", "Next meeting and coordinator"]
    }

    public func status(_ s: MinutesItemStatus) -> String {
        switch s {
        case .held: return t("afholdt", "held")
        case .passed: return t("gået hurtigt forbi", "passed through quickly")
        case .current: return t("i gang", "in progress")
        case .skipped: return t("sprunget over", "skipped")
        case .notReached: return t("ikke nået", "not reached")
        }
    }

    /// The short label a chain entry is referred to by ("Mek 2").
    public func label(_ kind: EntryKind, _ number: Int) -> String { Wording.entryLabel(kind, number, language) }

    /// "+7 min", "−3 min", or "til tiden".
    public func delay(minutes: Int) -> String {
        minutes == 0 ? onTime : minutes > 0 ? "+\(minutes) min" : "−\(-minutes) min"
    }

    public func time(_ c: ClockTime) -> String { c.formatted(separator: language == .da ? "." : ":") }

    /// "18. januar 2024" / "18 January 2024".
    public func date(_ d: CalendarDate) -> String { Wording.date(d, language) }

    /// "18.–19. januar 2024", "30. januar – 2. februar 2024", across years both in full.
    public func dateRange(_ from: CalendarDate, _ to: CalendarDate?) -> String { Wording.dateRange(from, to, language) }
}
