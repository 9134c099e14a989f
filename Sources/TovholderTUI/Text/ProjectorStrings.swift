import TovholderCore

/// The words of the projector and the presenter console, in Danish and English (kept apart
/// from `StringKey` so neither table grows past a sitting's reading).
public enum ProjectorKey: CaseIterable, Sendable {
    case notesTitle, noNotes, notesHint, nextTitle, pageOf, projectorShows, projectorNone, projectorStart
    case showsItem, showsAgenda, showsWorksheet, showsAgreement, showsPlenum, showsExample, showsRoadmap, showsBlank
    case sizeTooManyRows, sizeTooFewRows, sizeTooNarrow, sizeGood, fallbackText, consoleGroups, groupsNone
    case entriesCount, typingNow, thin, consoleChainOK, programme, page
    case notesScreenTitle, notesScreenHelp, projectorSeat
    case groupsWithNothingYet
    case breakResume, timerHeld
}

extension Strings {
    public subscript(_ key: ProjectorKey) -> String { Strings.table(key).text(language) }

    public func format(_ key: ProjectorKey, _ args: CustomStringConvertible...) -> String {
        Strings.fill(self[key], args)
    }

    static func table(_ key: ProjectorKey) -> Localized {
        func l(_ da: String, _ en: String) -> Localized { Localized(da: da, en: en) }
        switch key {
        case .notesTitle: return l("Dine noter", "Your notes")
        case .noNotes: return l("(ingen noter – tryk m for at skrive)", "(no notes – press m to write)")
        case .notesHint: return l("m: ret noter", "m: edit notes")
        case .nextTitle: return l("Næste", "Next")
        case .projectorShows: return l("Projektoren viser: %1", "The projector shows: %1")
        case .projectorNone: return l("Projektor: ingen tilsluttet", "Projector: none connected")
        case .projectorStart: return l("Start den i et andet vindue: tovholder projector %1",
                                       "Start it in another window: tovholder projector %1")
        case .showsItem: return l("punktet (følger dagen)", "the item (follows the day)")
        case .showsAgenda: return l("programmet", "the programme")
        case .showsWorksheet: return l("arket for %1", "the sheet of %1")
        case .showsAgreement: return l("aftaleskemaet for %1", "the agreement form of %1")
        case .showsPlenum: return l("plenum · %1", "plenum · %1")
        case .showsExample: return l("eksemplet", "the example")
        case .showsRoadmap: return l("køreplanen", "the roadmap")
        case .showsBlank: return l("SORT (b: vis igen)", "BLANK (b: show again)")
        case .sizeTooManyRows: return l("Gør skriften større: %1 rækker er for småt til et stort lokale (højst %2)",
                                        "Make the font larger: %1 rows is too small for a large room (at most %2)")
        case .sizeTooFewRows: return l("Gør skriften mindre: %1 rækker er for få til at vise punktet (mindst %2)",
                                       "Make the font smaller: %1 rows is too few to show the item (at least %2)")
        case .sizeTooNarrow: return l("Gør skriften mindre: %1 kolonner er for smalt (mindst %2)",
                                      "Make the font smaller: %1 columns is too narrow (at least %2)")
        case .sizeGood: return l("%1×%2 – skriften kan læses bagerst i lokalet", "%1×%2 – readable from the back of the room")
        case .fallbackText: return l("Teksten er for lang til store bogstaver – projektoren viser almindelig tekst",
                                     "The text is too long for big letters – the projector shows ordinary text")
        case .consoleGroups: return l("Grupperne · %1", "The groups · %1")
        case .groupsNone: return l("Ingen grupper", "No groups")
        case .entriesCount: return l("%1 skrevet", "%1 written")
        case .typingNow: return l("skriver: %1", "typing: %1")
        case .thin: return l("⚠ %1", "⚠ %1")
        case .consoleChainOK: return l("kæden hænger sammen", "the chain connects")
        case .programme: return l("Dagens program", "Today's programme")
        // Small at the foot: a page marker, not a heading.
        case .page: return l("%1/%2", "%1/%2")
        case .pageOf: return l("side %1/%2", "page %1/%2")
        case .groupsWithNothingYet: return l("%1: intet endnu", "%1: nothing yet")
        case .projectorSeat: return l("Projektor", "Projector")
        // The room's words for a break and a held countdown: no keys, no "tryk" (issue 23).
        case .breakResume: return l("Pause – vi starter igen kl. %1", "Break – we start again at %1")
        case .timerHeld: return l("Tiden står stille", "The clock is stopped")
        case .notesScreenTitle: return l("Dine noter til: %1", "Your notes for: %1")
        case .notesScreenHelp: return l("Kun på din skærm – aldrig på projektoren, kun i referatet med --with-notes. Esc: gem og luk.",
                                        "On your screen only – never on the projector, in the minutes only with --with-notes. Esc: save and close.")
        }
    }
}
