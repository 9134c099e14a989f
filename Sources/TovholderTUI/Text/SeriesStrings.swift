import TovholderCore

/// The words of a series of days: following up the agreements of the day before.
public enum SeriesKey: CaseIterable, Sendable {
    case followUpOf, followUpHint, nothingToFollowUp, notFollowedUp, statusLine, noteLabel, notePlaceholder, by,
         followUpProgress, carriedLine
}

extension Strings {
    public subscript(_ key: SeriesKey) -> String { Strings.table(key).text(language) }

    public func format(_ key: SeriesKey, _ args: CustomStringConvertible...) -> String {
        Strings.fill(self[key], args)
    }

    static func table(_ key: SeriesKey) -> Localized {
        func l(_ da: String, _ en: String) -> Localized { Localized(da: da, en: en) }
        switch key {
        case .followUpOf: return l("Opfølgning · %1", "Follow-up · %1")
        case .followUpHint: return l("Hvordan gik det? F2: gjort/delvist/ikke gjort · skriv en note",
                                     "How did it go? F2: done/partly/not done · write a note")
        case .nothingToFollowUp: return l("Gruppen har ingen aftaler fra sidst at følge op på.",
                                          "The group has no agreements from last time to follow up.")
        case .notFollowedUp: return l("ikke fulgt op endnu", "not followed up yet")
        case .statusLine: return l("Status: %1", "Status: %1")
        case .noteLabel: return l("Note:", "Note:")
        case .notePlaceholder: return l("(hvad fandt I ud af?)", "(what did you find out?)")
        case .by: return l("inden %1", "by %1")
        case .followUpProgress: return l("%1 af %2 fulgt op", "%1 of %2 followed up")
        case .carriedLine: return l("Fra %1: %2 punkter · nye i dag: %3", "From %1: %2 entries · new today: %3")
        }
    }
}
