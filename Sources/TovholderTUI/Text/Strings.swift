import Foundation
import TovholderCore

/// Every piece of chrome the user sees, in Danish and English. The template's own text is
/// never translated. The switch is exhaustive, so a key without both languages cannot compile.
public enum StringKey: CaseIterable, Sendable {
    case keyNext, keyPrevious, keyTimer, keyMinutes, keyAgenda, keyHelp, keyQuit, keyBack,
         keySelect, keyGoTo
    case helpTitle, helpIntro, agendaTitle, colPlanned, colActual, colExpected, colItem
    case next, nowLabel, stepOf, hint, example, questions, speaker
    case onTime, behind, ahead, notStarted
    case timerNotStarted, timerRunning, timerPaused, timerWarning, timerCritical, timerOverrun
    case tooSmall, itemOf, minutesShort, dayFinished, challenge
    case exampleChallenge, exampleGoal, exampleMechanisms, exampleTrialActions, exampleSigns
    case roadmapToday
    case keyEdit, keyDone, keyNextField, keyNewEntry, keyDelete, keyLink, keyMove, keyGroups, keyPlenum,
         keyExample, keyToggle, keyScrollGroups, keyOpen, keyRename, keyRemoveRestore, keyUndo
    case keyHistory, keyRestore, keyLock, keyTerminals, keyAgreement, keyRoadmap, keyExport
    case keyFollowUpStatus, keyFollowUp, kindFollowUp
    case keyItemContent, itemContentPrompt
    case keyItemMove, keyItemLength, keyRenameItem, keyAddItem, keyRemoveItem, keyItemKind, newItemPrompt, removeItemAgain,
         cannotRemoveCurrent, programmeChangedNotice, cannotChangeProgramme, kindChanged
    case keyVote, keyReveal, keyCards, keyDeal, keyProjectCard, keyDrawCard, keyHide, keyOpenVote, keyOpenCard, keyDot
    case keyBlank, keyNotes, projectorBlanked, projectorBack, keyDisconnect, keyRenewCodes, keyProjectJoin
    case keyReset, resetQuestion, resetDone
    case agreementOf, agreementNumber, addAgreementRow, agreementQ1, agreementQ2, agreementQ3, agreementQ4,
         labelWho, labelKnowledge, labelDue, labelDate, labelTime, labelPlace, labelTovholder,
         roadmapTitle, labelFrom, labelTo, labelTitle, labelActivities, newPhaseTitle, exported, todayMark
    case historyTitle, historyCurrent, historyEmpty, secondsAgo, minutesAgo, terminalsTitle, terminalsEmpty,
         colGroup, colUser, colHost, colSeen, colField, facilitatorSeat, lockedBanner, lockedNotice, unlockedNotice,
         someoneWriting, otherTerminal, participantTitle, chooseGroup, unknownGroup, networkShare, restored, notUTF8
    case keyPreviousField, keyMoveFocus, keySubmit, keyLineBreak, keyWorksheet, keyMoveUp, keyRedo, keyQuitYes,
         keyQuitNo, quitQuestion, quitQuestionParticipant, fieldTaken, fieldTakenOver, unknownField, dateNotSaved,
         questionNumber, groupRemovedNotice, chooseGroupTitle, removeAgain, closingPlenumEmpty, keyLeaveField, allSavedAgain, notWhileUnsaved, unsavedAtExit, pasteCut, keySubmitForm
    case groupsTitle, newGroupName, removedMark, goalLabel, mechanismLabel, serves, tries, shows, emptySection,
         chainOK, chainFindings, deleteAgain, plenumTitle, plenumNotes, linkMechanisms, linkGoals, linkServedGoals,
         exampleTitle, noExample, nothingYet, worksheetOf, noGroups, groupCount, moreRight, moreLeft, noLinkTargets
    case kindWelcome, kindIntro, kindExercise, kindGroupWork, kindPlenum, kindBreak, kindLunch,
         kindTalk, kindReflection, kindExample, kindRoadmap, kindAgreement, kindClosing
    case keyWriteNotes, keyStartNow, startNowQuestion, keyLeaveForm, writeNotesHint, startNowNothing, later, earlier, undone, newEntryRow
}

public struct Strings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    public subscript(_ key: StringKey) -> String { Strings.table(key).text(language) }

    /// Fills `%1`, `%2`… with the arguments.
    public func format(_ key: StringKey, _ args: CustomStringConvertible...) -> String {
        Strings.fill(self[key], args)
    }

    /// `%1`, `%2`… in `text` replaced by the arguments (every table's `format`).
    static func fill(_ text: String, _ args: [CustomStringConvertible]) -> String {
        var s = text
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "%\(i + 1)", with: a.description) }
        return s
    }

    public func kind(_ k: ItemKind) -> String {
        switch k {
        case .followUp: return self[.kindFollowUp]
        case .welcome: return self[.kindWelcome]
        case .intro: return self[.kindIntro]
        case .exercise: return self[.kindExercise]
        case .groupWork: return self[.kindGroupWork]
        case .plenum: return self[.kindPlenum]
        case .break: return self[.kindBreak]
        case .lunch: return self[.kindLunch]
        case .talk: return self[.kindTalk]
        case .reflection: return self[.kindReflection]
        case .example: return self[.kindExample]
        case .roadmap: return self[.kindRoadmap]
        case .agreement: return self[.kindAgreement]
        case .closing: return self[.kindClosing]
        }
    }

    /// "09.30" in Danish, "09:30" in English.
    public func time(_ t: ClockTime) -> String { t.formatted(separator: language == .da ? "." : ":") }

    static func table(_ key: StringKey) -> Localized {
        func l(_ da: String, _ en: String) -> Localized { Localized(da: da, en: en) }
        switch key {
        case .keyNext: return l("Næste", "Next")
        case .keyPrevious: return l("Forrige", "Previous")
        case .keyTimer: return l("Start/pause", "Start/pause")
        case .keyMinutes: return l("Minut", "Minute")
        case .keyAgenda: return l("Program", "Agenda")
        case .keyHelp: return l("Hjælp", "Help")
        case .keyQuit: return l("Afslut", "Quit")
        case .keyBack: return l("Tilbage", "Back")
        case .keySelect: return l("Vælg", "Select")
        case .keyGoTo: return l("Gå til punktet", "Go to item")
        case .helpTitle: return l("Hjælp – taster", "Help – keys")
        case .helpIntro: return l("Alt gemmes med det samme. Tryk Esc for at komme tilbage.",
                                  "Everything is saved at once. Press Esc to go back.")
        case .agendaTitle: return l("Dagens program", "Today's agenda")
        case .colPlanned: return l("Plan", "Plan")
        case .colActual: return l("Faktisk", "Actual")
        case .colExpected: return l("Forventet", "Expected")
        case .colItem: return l("Punkt", "Item")
        case .next: return l("Næste", "Next")
        case .nowLabel: return l("Nu", "Now")
        case .stepOf: return l("Trin %1 af %2", "Step %1 of %2")
        case .hint: return l("Tip", "Hint")
        case .example: return l("Eksempel", "Example")
        case .questions: return l("Spørgsmål", "Questions")
        case .speaker: return l("Oplægsholder", "Speaker")
        case .onTime: return l("±0 min – til tiden", "±0 min – on time")
        case .behind: return l("+%1 min – bagud", "+%1 min – behind")
        case .ahead: return l("−%1 min – foran", "−%1 min – ahead")
        case .notStarted: return l("Dagen er ikke gået i gang", "The day has not started")
        case .timerNotStarted: return l("Ikke startet – tryk Mellemrum", "Not started – press Space")
        case .timerRunning: return l("Tid tilbage", "Time left")
        case .timerPaused: return l("PAUSE – tryk Mellemrum for at fortsætte", "PAUSED – press Space to continue")
        case .timerWarning: return l("Under 20 % af tiden tilbage", "Less than 20 % of the time left")
        case .timerCritical: return l("Under 5 % af tiden tilbage", "Less than 5 % of the time left")
        case .timerOverrun: return l("OVERTID – tiden er gået", "OVERRUN – time is up")
        case .tooSmall: return l("Terminalen er %1×%2. Tovholder skal bruge mindst %3×%4 – gør vinduet større (F10 afslutter).",
                                 "The terminal is %1×%2. Tovholder needs at least %3×%4 – make the window larger (F10 quits).")
        case .itemOf: return l("Punkt %1 af %2", "Item %1 of %2")
        case .minutesShort: return l("%1 min", "%1 min")
        case .dayFinished: return l("Sidste punkt", "Last item")
        case .challenge: return l("Udfordringen", "The challenge")
        case .exampleChallenge: return l("Udfordring (nutid)", "Challenge (present)")
        case .exampleGoal: return l("Mål (fremtid)", "Goal (future)")
        case .exampleMechanisms: return l("Virksomme mekanismer", "Effective mechanisms")
        case .exampleTrialActions: return l("Prøvehandlinger", "Trial actions")
        case .exampleSigns: return l("Tegn", "Signs")
        case .roadmapToday: return l("i dag", "today")
        case .keyEdit: return l("Skriv", "Edit")
        case .keyDone: return l("Færdig", "Done")
        case .keyNextField: return l("Næste felt", "Next field")
        case .keyNewEntry: return l("Ny", "New")
        case .keyDelete: return l("Slet", "Delete")
        case .keyLink: return l("Forbind", "Link")
        case .keyMove: return l("Flyt", "Move")
        case .keyGroups: return l("Grupper", "Groups")
        case .keyPlenum: return l("Plenum", "Plenum")
        case .keyExample: return l("Eksempel", "Example")
        case .keyToggle: return l("Til/fra", "On/off")
        case .keyScrollGroups: return l("Flere grupper", "More groups")
        case .keyOpen: return l("Åbn", "Open")
        case .keyRename: return l("Omdøb", "Rename")
        case .keyRemoveRestore: return l("Fjern/genskab", "Remove/restore")
        case .keyUndo: return l("Fortryd", "Undo")
        case .keyAgreement: return l("Aftaleskema", "Agreement form")
        case .keyRoadmap: return l("Køreplan", "Roadmap")
        case .keyExport: return l("Referat", "Minutes")
        case .agreementOf: return l("Aftaleskema · %1", "Agreement form · %1")
        case .agreementNumber: return l("Aftale %1", "Agreement %1")
        case .addAgreementRow: return l("+ Ny aftale (skriv her)", "+ New agreement (type here)")
        case .agreementQ1: return l("Hvilke perspektiver kan berige det videre arbejde?", "Which perspectives can enrich the further work?")
        case .agreementQ2: return l("Hvem vil vi gerne inddrage og hvordan?", "Whom do we want to involve, and how?")
        case .agreementQ3: return l("Konkrete aftaler – hvem indsamler hvilken viden inden vi ses igen?",
                                    "Concrete agreements – who gathers which knowledge before we meet again?")
        case .agreementQ4: return l("Hvornår mødes gruppen igen, og hvem er tovholder?",
                                    "When does the group meet again, and who is the coordinator?")
        case .labelWho: return l("Hvem:", "Who:")
        case .labelKnowledge: return l("Viden:", "Knowledge:")
        case .labelDue: return l("Senest:", "By:")
        case .labelDate: return l("Dato:", "Date:")
        case .labelTime: return l("Klokken:", "Time:")
        case .labelPlace: return l("Sted:", "Place:")
        case .labelTovholder: return l("Tovholder:", "Coordinator:")
        case .roadmapTitle: return l("Køreplan", "Roadmap")
        case .labelFrom: return l("Fra:", "From:")
        case .labelTo: return l("Til:", "To:")
        case .labelTitle: return l("Titel:", "Title:")
        case .labelActivities: return l("Indhold:", "Activities:")
        case .newPhaseTitle: return l("Ny fase", "New phase")
        case .exported: return l("Referatet er gemt: %1", "The minutes are saved: %1")
        case .todayMark: return l("◀ i dag", "◀ today")
        case .keyHistory: return l("Historik", "History")
        case .keyRestore: return l("Hent tilbage", "Bring back")
        case .keyLock: return l("Lås/lås op", "Lock/unlock")
        case .keyTerminals: return l("Terminaler", "Terminals")
        case .keyDisconnect: return l("Afbryd", "Disconnect")
        case .keyRenewCodes: return l("Nye koder", "New codes")
        case .keyProjectJoin: return l("Vis på projektor", "Show on projector")
        case .historyTitle: return l("Tidligere udgaver · %1", "Earlier versions · %1")
        case .historyCurrent: return l("nu", "now")
        case .historyEmpty: return l("Ingen tidligere udgaver endnu", "No earlier versions yet")
        case .secondsAgo: return l("%1 s siden", "%1 s ago")
        case .minutesAgo: return l("%1 min siden", "%1 min ago")
        case .terminalsTitle: return l("Tilsluttede terminaler", "Joined terminals")
        case .terminalsEmpty: return l("Ingen andre terminaler endnu.", "No other terminals yet.")
        case .colGroup: return l("Gruppe", "Group")
        case .colUser: return l("Bruger", "User")
        case .colHost: return l("Maskine", "Host")
        case .colSeen: return l("Sidst aktiv", "Last active")
        case .colField: return l("Skriver i", "Writing in")
        case .facilitatorSeat: return l("facilitator", "facilitator")
        case .lockedBanner: return l("🔒 Arkene er låst af facilitatoren%1", "🔒 The worksheets are locked by the facilitator%1")
        case .lockedNotice: return l("Arkene er låst – kun facilitatoren kan låse op", "The worksheets are locked – only the facilitator can unlock")
        case .unlockedNotice: return l("Arkene er låst op", "The worksheets are unlocked")
        case .someoneWriting: return l("✎ %1 skriver her…", "✎ %1 is writing here…")
        case .otherTerminal: return l("%1 · anden terminal", "%1 · another terminal")
        case .participantTitle: return l("Deltager · %1", "Participant · %1")
        case .chooseGroup: return l("Hvilken gruppe er du i? Skriv nummeret og tryk Enter:", "Which group are you in? Type its number and press Enter:")
        case .unknownGroup: return l("gruppen \"%1\" findes ikke; grupperne er: %2", "no group \"%1\"; the groups are: %2")
        case .networkShare: return l("Advarsel: %1", "Warning: %1")
        case .restored: return l("Den tidligere udgave er hentet tilbage (den nuværende er gemt i historikken)",
                                 "The earlier version is back (the current one is kept in the history)")
        case .notUTF8: return l("Din terminal sender Latin-1, ikke UTF-8. Teksten læses rigtigt, men sæt terminalen til UTF-8 (PuTTY: Window → Translation → UTF-8).",
                                "Your terminal sends Latin-1, not UTF-8. Text is read correctly, but set the terminal to UTF-8 (PuTTY: Window → Translation → UTF-8).")
        case .unsavedAtExit: return l("Tovholder sluttede, før disse ændringer kunne gemmes – skriv dem ind igen:",
                                      "Tovholder ended before these changes could be saved – type them in again:")
        case .keySubmitForm: return l("Næste felt / ny linje", "Next field / new line")
        case .pasteCut: return l("Den indsatte tekst var for lang til feltet og er afkortet til %1 tegn",
                                 "The pasted text was too long for the field and was cut to %1 characters")
        case .allSavedAgain: return l("Alt er gemt igen ✓", "Everything is saved again ✓")
        case .notWhileUnsaved: return l("Kan ikke tilføjes, før sessionsfilen kan skrives igen – det skrevne er i behold",
                                        "Cannot be added until the session file can be written again – what is written is kept")
        case .keyLeaveField: return l("Forlad feltet", "Leave the field")
        case .keyPreviousField: return l("Forrige felt", "Previous field")
        case .keyMoveFocus: return l("Op/ned mellem felter", "Up/down between fields")
        case .keySubmit: return l("Nyt punkt", "New entry")
        case .keyLineBreak: return l("Linjeskift", "Line break")
        case .keyWorksheet: return l("Arbejdsark", "Worksheet")
        case .keyMoveUp: return l("Flyt op", "Move up")
        case .keyRedo: return l("Gentag", "Redo")
        case .keyQuitYes: return l("Ja, afslut", "Yes, quit")
        case .keyQuitNo: return l("Nej, bliv", "No, stay")
        case .keyReset: return l("Start dagen forfra", "Start the day afresh")
        case .resetQuestion: return l("Start dagen forfra? Gruppernes arbejde bevares (et øjebliksbillede tages først). Enter: ja · Esc: nej",
                                      "Start the day afresh? The groups' work is kept (a snapshot is taken first). Enter: yes · Esc: no")
        case .resetDone: return l("Dagen starter forfra. Øjebliksbillede: %1", "The day starts afresh. Snapshot: %1")
        case .quitQuestion: return l("Afslutte Tovholder? Nedtællingen og de tilsluttede terminaler kører videre uden dig. Alt er gemt.",
                                     "Quit Tovholder? The countdown and the joined terminals go on without you. Everything is saved.")
        case .quitQuestionParticipant: return l("Afslutte? Alt, du har skrevet, er gemt. Enter: afslut · enhver anden tast: bliv",
                                                "Quit? Everything you wrote is saved. Enter: quit · any other key: stay")
        case .fieldTaken: return l("%1 er optaget: %2 skriver der – ledigt om højst %3 s", "%1 is taken: %2 is writing there – free in %3 s at most")
        case .fieldTakenOver: return l("%1 har overtaget %2 – det du skrev, er gemt", "%1 took over %2 – what you wrote is saved")
        case .unknownField: return l("et felt", "a field")
        case .dateNotSaved: return l("Datoen er ikke gemt: %1", "The date was not saved: %1")
        case .questionNumber: return l("Spørgsmål %1", "Question %1")
        case .groupRemovedNotice: return l("Facilitatoren har fjernet gruppen %1 – vælg en anden gruppe (alt er gemt)",
                                           "The facilitator removed the group %1 – pick another group (everything is saved)")
        case .chooseGroupTitle: return l("Vælg din gruppe", "Pick your group")
        case .removeAgain: return l("Tryk Del igen for at fjerne %1 – dens terminaler skal vælge en anden gruppe",
                                    "Press Del again to remove %1 – its terminals must pick another group")
        case .closingPlenumEmpty: return l("(ingen aftaler endnu)", "(no agreements yet)")
        case .groupsTitle: return l("Grupper", "Groups")
        case .newGroupName: return l("Gruppe %1", "Group %1")
        case .removedMark: return l("(fjernet – arbejdet er gemt)", "(removed – its work is kept)")
        case .goalLabel: return l("Mål %1", "Goal %1")
        case .mechanismLabel: return l("Mek %1", "Mech %1")
        case .serves: return l("tjener: %1", "serves: %1")
        case .tries: return l("prøver: %1", "tries: %1")
        case .shows: return l("viser: %1", "shows: %1")
        case .emptySection: return l("(tom – skriv her)", "(empty – type here)")
        case .chainOK: return l("Kædetjek: alt hænger sammen ✓", "Chain check: everything connects ✓")
        case .chainFindings: return l("Kædetjek: %1", "Chain check: %1")
        case .deleteAgain: return l("Tryk F9 igen for at slette", "Press F9 again to delete")
        case .plenumTitle: return l("Opsamling i plenum · %1", "Plenum summary · %1")
        case .plenumNotes: return l("Noter fra plenum", "Notes from the plenum")
        case .keyBlank: return l("Sort projektor", "Blank projector")
        case .keyNotes: return l("Noter", "Notes")
        case .keyWriteNotes: return l("Skriv noter", "Write notes")
        case .writeNotesHint: return l("(Enter eller m: skriv noter)", "(Enter or m: write notes)")
        case .keyStartNow: return l("Start dagen nu", "Start the day now")
        case .startNowQuestion: return l("Start dagen nu? »%1« begynder kl. %2, og resten af dagen flyttes %3 min %4. Enter: ja · Esc: nej",
                                         "Start the day now? »%1« begins at %2 and the rest of the day moves %3 min %4. Enter: yes · Esc: no")
        case .later: return l("senere", "later")
        case .earlier: return l("tidligere", "earlier")
        case .keyLeaveForm: return l("Tilbage", "Back")
        case .undone: return l("Fortrudt: %1", "Undone: %1")
        case .newEntryRow: return l("+ Ny (skriv her)", "+ New (type here)")
        case .startNowNothing: return l("Dagen følger allerede planen for dette punkt (eller kan ikke flyttes så langt).",
                                        "The day already keeps to the plan for this item (or cannot move that far).")
        case .projectorBlanked: return l("Projektoren er sort – tryk b for at vise igen", "The projector is blank – press b to show it again")
        case .projectorBack: return l("Projektoren viser igen", "The projector shows again")
        case .keyItemContent: return l("Punktets indhold (én linje pr. punkt)", "The item's points (one per line)")
        case .itemContentPrompt: return l("Indhold for »%1« – én linje pr. punkt · Enter: ny linje · Esc: gem",
                                          "Points of »%1« – one per line · Enter: new line · Esc: save")
        case .keyItemMove: return l("5 min senere/tidligere", "5 min later/earlier")
        case .keyItemLength: return l("5 min længere/kortere", "5 min longer/shorter")
        case .keyRenameItem: return l("Omdøb", "Rename")
        case .keyAddItem: return l("Nyt punkt", "New item")
        case .keyRemoveItem: return l("Fjern punktet", "Remove the item")
        case .keyItemKind: return l("Skift slags", "Change kind")
        case .newItemPrompt: return l("Nyt punkt – skriv titlen, Enter: tilføj, Esc: fortryd", "New item – type its title, Enter: add, Esc: cancel")
        case .removeItemAgain: return l("Tryk Del igen for at fjerne »%1«.", "Press Del again to remove »%1«.")
        case .cannotRemoveCurrent: return l("Det punkt, dagen står ved, kan ikke fjernes – gå videre først.",
                                            "The item the day is at cannot be removed – move on first.")
        case .programmeChangedNotice: return l("Programmet er ændret: %1", "The programme was changed: %1")
        case .cannotChangeProgramme: return l("Det går ikke: dagen skal slutte før midnat, og et punkt varer 1–600 min.",
                                              "That cannot be done: the day must end before midnight, an item lasts 1–600 min.")
        case .kindChanged: return l("»%1« er nu: %2", "»%1« is now: %2")
        case .keyFollowUpStatus: return l("Gjort/delvist/ikke gjort", "Done/partly/not done")
        case .keyFollowUp: return l("Opfølgning på aftalerne fra sidst", "Follow-up of last time's agreements")
        case .kindFollowUp: return l("Opfølgning", "Follow-up")
        case .keyVote: return l("Prikafstemning", "Dot vote")
        case .keyReveal: return l("Vis resultat", "Show result")
        case .keyCards: return l("Dialogkort", "Dialogue cards")
        case .keyDeal: return l("Del ud", "Deal")
        case .keyProjectCard: return l("Vis på projektor", "Show on projector")
        case .keyDrawCard: return l("Træk et kort", "Draw a card")
        case .keyHide: return l("Skjul/vis", "Hide/show")
        case .keyOpenVote: return l("Stem", "Vote")
        case .keyOpenCard: return l("Dialogkort", "Dialogue card")
        case .keyDot: return l("Giv/tag prik", "Give/take a dot")
        case .linkMechanisms: return l("Hvilke mekanismer prøver den? (Mellemrum: til/fra, Esc: færdig)",
                                       "Which mechanisms does it try? (Space: on/off, Esc: done)")
        case .linkServedGoals: return l("Hvilke mål tjener den? (Mellemrum: til/fra, Esc: færdig)",
                                        "Which goals does it serve? (Space: on/off, Esc: done)")
        case .linkGoals: return l("Hvilke mål viser det? (Mellemrum: til/fra, Esc: færdig)",
                                  "Which goals does it show? (Space: on/off, Esc: done)")
        case .exampleTitle: return l("Eksempel – kan ikke redigeres", "Example – read-only")
        case .nothingYet: return l("(intet endnu)", "(nothing yet)")
        case .noExample: return l("Skabelonen har intet eksempel", "The template has no example")
        case .worksheetOf: return l("Arbejdsark · %1", "Worksheet · %1")
        case .noGroups: return l("Ingen grupper endnu", "No groups yet")
        case .groupCount: return l("%1 grupper", "%1 groups")
        case .moreRight: return l("flere →", "more →")
        case .moreLeft: return l("← flere", "← more")
        case .noLinkTargets: return l("Skriv først en mekanisme/et mål i arket", "Write a mechanism/goal in the sheet first")
        case .kindWelcome: return l("Velkomst", "Welcome")
        case .kindIntro: return l("Introduktion", "Introduction")
        case .kindExercise: return l("Øvelse", "Exercise")
        case .kindGroupWork: return l("Gruppearbejde", "Group work")
        case .kindPlenum: return l("Plenum", "Plenum")
        case .kindBreak: return l("Pause", "Break")
        case .kindLunch: return l("Frokost", "Lunch")
        case .kindTalk: return l("Oplæg", "Talk")
        case .kindReflection: return l("Refleksion", "Reflection")
        case .kindExample: return l("Eksempel", "Example")
        case .kindRoadmap: return l("Køreplan", "Roadmap")
        case .kindAgreement: return l("Aftaler", "Agreements")
        case .kindClosing: return l("Afrunding", "Closing")
        }
    }
}
