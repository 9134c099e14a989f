import Foundation

extension Language: Codable {}

/// How an agenda item went, as the minutes tell it.
public enum MinutesItemStatus: String, Codable, Sendable {
    /// Began and was left for a later item.
    case held
    /// Began but was left within a minute (clicked through, as in a rehearsal): not held.
    case passed = "passed"
    /// The item the day stood at when exported.
    case current
    /// Passed over without ever beginning.
    case skipped = "skipped"
    /// After the item the day stood at.
    case notReached = "not-reached"
}

/// The minutes (referat) of one day: the ONE model every export format reads. Everything a
/// format shows is decided and worded here (labels, dates, delay); formatters only lay out.
/// Raw values sit beside the worded ones so ICS and JSON need not parse text back.
public struct Minutes: Codable, Equatable, Sendable {
    public var language: Language
    /// Tells this session's calendar events from another made from the same template.
    public var sessionID: String
    public var exportedAt: Double
    public var exportedAtText: String
    public var title: String
    public var subtitle: String?
    public var organisation: String
    public var date: CalendarDate
    public var dateText: String
    public var challenge: Challenge
    public var agenda: AgendaMinutes
    public var groups: [GroupMinutes]
    public var plenumNotes: [PlenumNote]
    /// The facilitator's own notes per item: only when asked for (`export --with-notes`);
    /// nil otherwise, and then absent from every format, the JSON included.
    public var facilitatorNotes: [PlenumNote]?
    /// The agreement form's four headings (the template's questions).
    public var agreementQuestions: [String]
    public var roadmap: [PhaseMinutes]
    /// The day's dot votes, oldest first (the counts are on the entries, as `votes`).
    public var dotVotes: [VoteMinutes] = []
    /// The days before this one, when it is a later day of a series.
    public var earlierDays: [EarlierDayMinutes] = []
}

public struct AgendaMinutes: Codable, Equatable, Sendable {
    public var started: Bool
    /// Behind plan in minutes (negative: ahead), as of when the current item began.
    public var delayMinutes: Int
    /// "+7 min", or the words for on time / not begun.
    public var delayText: String
    public var items: [AgendaItemMinutes]
    /// The changes made to the programme during the day, oldest first.
    public var changes: [ProgrammeChangeMinutes] = []
}

/// "Programmet blev ændret 10.42: Frokost flyttet til 11.45".
public struct ProgrammeChangeMinutes: Codable, Equatable, Sendable {
    public var at: ClockTime
    public var atText: String
    public var change: ProgrammeChange
    public var text: String
}

public struct AgendaItemMinutes: Codable, Equatable, Sendable {
    public var id: String
    public var kind: ItemKind
    public var title: String
    public var subtitle: String?
    public var plannedStart: ClockTime
    public var plannedEnd: ClockTime
    public var actualStart: ClockTime?
    public var status: MinutesItemStatus
    /// "09.30–10.20".
    public var plannedText: String
    /// "09.37", nil until it began.
    public var actualStartText: String?
    public var statusText: String
}

/// One entry of a group's chain with the short label others refer to it by.
public struct EntryMinutes: Codable, Equatable, Sendable {
    public var id: Int64
    /// "Mek 2"
    public var label: String
    public var text: String
    /// Ids of the goals a mechanism serves / the mechanisms a trial action tries / the goals a sign shows.
    public var links: [Int64]
    public var linkLabels: [String]
    /// Dots in the last vote on the entry's part; nil (absent in the JSON) when never voted on.
    public var votes: Int?
    /// The day and group that first wrote it (today and its own group unless carried).
    public var firstWritten: FirstWrittenMinutes?
    /// Carried from an earlier day of the series.
    public var carried = false
}

public struct GroupMinutes: Codable, Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var challenge: EntryMinutes?
    public var goals: [EntryMinutes]
    public var mechanisms: [EntryMinutes]
    public var trialActions: [EntryMinutes]
    public var signs: [EntryMinutes]
    /// The chain check's questions for the parts the day reached ("Hvilket tegn viser, at I når Mål 2?").
    public var findings: [String]
    public var agreement: AgreementMinutes?
    /// The dialogue cards the group held, with its answers.
    public var cards: [CardMinutes] = []
    /// How the agreements of earlier days went (a later day of a series).
    public var followUp: [FollowUpMinutes] = []
    /// What changed in the chain since the day before (nil: not a later day of a series).
    public var changes: ChainChangesMinutes?

    public func entries(of kind: EntryKind) -> [EntryMinutes] {
        switch kind {
        case .challenge: return challenge.map { [$0] } ?? []
        case .goal: return goals
        case .mechanism: return mechanisms
        case .trialAction: return trialActions
        case .sign: return signs
        }
    }
}

public struct PlenumNote: Codable, Equatable, Sendable {
    public var itemID: String
    /// The agenda item's title, or its id when the programme no longer has it.
    public var title: String
    public var startText: String?
    public var text: String
}

public struct AgreementMinutes: Codable, Equatable, Sendable {
    public var perspectives: String
    public var involve: String
    public var rows: [AgreementRowMinutes]
    public var nextMeeting: NextMeetingMinutes
    public var tovholder: String
}

public struct AgreementRowMinutes: Codable, Equatable, Sendable {
    public var who: String
    public var knowledge: String
    public var due: CalendarDate?
    /// The date worded when it could be read, else as typed (and as typed, with the
    /// question, when it names the wrong weekday).
    public var dueText: String
    /// "12/1 er en tirsdag" when the typed date names another weekday (`WeekdayCheck`).
    public var weekdayQuestion: String? = nil
}

public struct NextMeetingMinutes: Codable, Equatable, Sendable {
    public var date: CalendarDate?
    public var time: ClockTime?
    /// Worded when readable, else as typed.
    public var dateText: String
    public var timeText: String
    public var place: String
    /// "18. januar 2024 kl. 10.00, Rådhuset" from whatever was filled in; "(tom)" for nothing.
    public var text: String
    /// "12/1 er en tirsdag" when the typed date names another weekday (`WeekdayCheck`).
    public var weekdayQuestion: String? = nil
    /// Whether anything at all was filled in.
    public var isEmpty: Bool { dateText.isEmpty && timeText.isEmpty && place.isEmpty }
}

public struct PhaseMinutes: Codable, Equatable, Sendable {
    public var id: Int64
    public var from: CalendarDate
    public var to: CalendarDate?
    /// "18.–19. januar 2024".
    public var datesText: String
    public var title: String
    public var activities: [String]
}

extension AgreementRowMinutes {
    /// The deadline as the documents show it: with the weekday question when there is one.
    public var dueShown: String { weekdayQuestion.map { dueText + " (" + $0 + ")" } ?? dueText }
}

extension FollowUpMinutes {
    /// The deadline as the documents show it: with the weekday question when there is one.
    public var dueShown: String { weekdayQuestion.map { dueText + " (" + $0 + ")" } ?? dueText }
}
