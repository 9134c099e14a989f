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
    case kindWelcome, kindIntro, kindExercise, kindGroupWork, kindPlenum, kindBreak, kindLunch,
         kindTalk, kindReflection, kindExample, kindRoadmap, kindAgreement, kindClosing
}

public struct Strings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    public subscript(_ key: StringKey) -> String { Strings.table(key).text(language) }

    /// Fills `%1`, `%2`… with the arguments.
    public func format(_ key: StringKey, _ args: CustomStringConvertible...) -> String {
        var s = self[key]
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "%\(i + 1)", with: a.description) }
        return s
    }

    public func kind(_ k: ItemKind) -> String {
        switch k {
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
        case .tooSmall: return l("Terminalen er %1×%2. Tovholder skal bruge mindst %3×%4 – gør vinduet større (q afslutter).",
                                 "The terminal is %1×%2. Tovholder needs at least %3×%4 – make the window larger (q quits).")
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
