/// The programme of one development day, as validated from a template file.
/// Stored whole in each session file so a session never depends on the template again.
public struct DayTemplate: Codable, Equatable, Sendable {
    public var title: String
    public var subtitle: String?
    public var organisation: String
    public var date: CalendarDate
    public var challenge: Challenge
    public var groups: [String]
    public var agenda: [AgendaItem]
    public var example: WorkedExample?
    public var agreementQuestions: [String]
    public var roadmap: [RoadmapPhase]
    /// The dialogue card decks the day can deal from (the template's `decks:`, the bundled
    /// seven principles by default).
    public var decks: [Deck]
    /// The method's questions per part of the chain, as the template gave them (`prompts:`);
    /// parts it leaves out get the built-in ones (`MethodPrompts`).
    public var prompts: [WorksheetPart: [String]]
    /// Dots each group gets in a dot vote (`vote_dots:`), or each terminal (`vote_dots_per: terminal`).
    public var voteDots: Int
    public var voteDotsPer: VoteDotsPer
    /// The days before this one when it was made from an earlier day (`new --from`), oldest first.
    public var earlierDays: [EarlierDay]

    public static let defaultVoteDots = 3

    public init(title: String, subtitle: String? = nil, organisation: String, date: CalendarDate,
                challenge: Challenge, groups: [String], agenda: [AgendaItem],
                example: WorkedExample? = nil, agreementQuestions: [String] = [],
                roadmap: [RoadmapPhase] = [], decks: [Deck] = [], prompts: [WorksheetPart: [String]] = [:],
                voteDots: Int = DayTemplate.defaultVoteDots, voteDotsPer: VoteDotsPer = .group,
                earlierDays: [EarlierDay] = []) {
        self.title = title; self.subtitle = subtitle; self.organisation = organisation
        self.date = date; self.challenge = challenge; self.groups = groups; self.agenda = agenda
        self.example = example; self.agreementQuestions = agreementQuestions; self.roadmap = roadmap
        self.decks = decks; self.prompts = prompts; self.voteDots = voteDots; self.voteDotsPer = voteDotsPer
        self.earlierDays = earlierDays
    }

    enum CodingKeys: String, CodingKey {
        case title, subtitle, organisation, date, challenge, groups, agenda, example, agreementQuestions,
             roadmap, decks, prompts, voteDots, voteDotsPer, earlierDays
    }

    /// Sessions made before decks, prompts and votes (schema v6 and older) lack those keys.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        subtitle = try c.decodeIfPresent(String.self, forKey: .subtitle)
        organisation = try c.decode(String.self, forKey: .organisation)
        date = try c.decode(CalendarDate.self, forKey: .date)
        challenge = try c.decode(Challenge.self, forKey: .challenge)
        groups = try c.decode([String].self, forKey: .groups)
        agenda = try c.decode([AgendaItem].self, forKey: .agenda)
        example = try c.decodeIfPresent(WorkedExample.self, forKey: .example)
        agreementQuestions = try c.decode([String].self, forKey: .agreementQuestions)
        roadmap = try c.decode([RoadmapPhase].self, forKey: .roadmap)
        decks = try c.decodeIfPresent([Deck].self, forKey: .decks) ?? []
        prompts = try c.decodeIfPresent([WorksheetPart: [String]].self, forKey: .prompts) ?? [:]
        voteDots = try c.decodeIfPresent(Int.self, forKey: .voteDots) ?? Self.defaultVoteDots
        // Sessions made before issue 22 gave each terminal its dots: the group's rule is the new default.
        voteDotsPer = try c.decodeIfPresent(VoteDotsPer.self, forKey: .voteDotsPer) ?? .group
        earlierDays = try c.decodeIfPresent([EarlierDay].self, forKey: .earlierDays) ?? []
    }

    public func deck(_ id: String) -> Deck? { decks.first { $0.id == id } }
}

public struct Challenge: Codable, Equatable, Sendable {
    public var question: String
    public var bullets: [String]
    public init(question: String, bullets: [String] = []) {
        self.question = question; self.bullets = bullets
    }
}

/// The kinds of agenda item; each has its own screen.
public enum ItemKind: String, Codable, CaseIterable, Sendable {
    case welcome, intro, exercise, groupWork = "group-work", plenum, `break`, lunch, talk,
         reflection, example, roadmap, agreement, closing
    /// Each group goes through the agreements of the day before: done, partly, not done.
    case followUp = "follow-up"

    /// Kinds where the room works against the clock: they show the big countdown by default.
    public var timedByDefault: Bool {
        switch self {
        case .exercise, .groupWork, .break, .lunch, .reflection, .agreement, .plenum, .followUp: return true
        default: return false
        }
    }
}

/// The part of a group's worksheet a group-work or plenum item is about.
public enum WorksheetPart: String, Codable, CodingKeyRepresentable, CaseIterable, Sendable {
    case challenge, goals, mechanisms, trialActions = "trial-actions", signs, agreement
}

public struct AgendaItem: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var kind: ItemKind
    public var title: String
    public var subtitle: String?
    public var start: ClockTime
    public var minutes: Int
    public var timed: Bool
    public var speaker: String?
    public var part: WorksheetPart?
    public var bullets: [String]
    public var questions: [String]
    public var steps: [ExerciseStep]
    /// The facilitator's own notes for the item (the template's `notes:`): shown on the
    /// presenter console, never on the projector, in the minutes only when asked for.
    public var notes: String?
    /// The parts of the chain the day has reached at this item, when the template says so
    /// (`reaches:`); else they follow from the items' parts (`SessionState.reachedParts`).
    public var reaches: [WorksheetPart]?

    public init(id: String, kind: ItemKind, title: String, subtitle: String? = nil,
                start: ClockTime, minutes: Int, timed: Bool? = nil, speaker: String? = nil,
                part: WorksheetPart? = nil, bullets: [String] = [], questions: [String] = [],
                steps: [ExerciseStep] = [], notes: String? = nil, reaches: [WorksheetPart]? = nil) {
        self.id = id; self.kind = kind; self.title = title; self.subtitle = subtitle
        self.start = start; self.minutes = minutes; self.timed = timed ?? kind.timedByDefault
        self.speaker = speaker; self.part = part; self.bullets = bullets
        self.questions = questions; self.steps = steps; self.notes = notes; self.reaches = reaches
    }

    public var end: ClockTime { ClockTime(minutes: start.minutes + minutes) }
}

public struct ExerciseStep: Codable, Equatable, Sendable {
    public var title: String
    public var instruction: String?
    public var example: [String]
    public var hint: String?
    public init(title: String, instruction: String? = nil, example: [String] = [], hint: String? = nil) {
        self.title = title; self.instruction = instruction; self.example = example; self.hint = hint
    }
}

/// The worked example shown before the groups start (the sick-leave chain in the reference day).
public struct WorkedExample: Codable, Equatable, Sendable {
    public var title: String
    public var challenge: String
    public var goal: String
    public var mechanisms: [String]
    public var trialActions: [String]
    public var signs: [String]
    public init(title: String, challenge: String, goal: String, mechanisms: [String],
                trialActions: [String], signs: [String]) {
        self.title = title; self.challenge = challenge; self.goal = goal
        self.mechanisms = mechanisms; self.trialActions = trialActions; self.signs = signs
    }
}

/// A phase of the roadmap (køreplan): a date or a date range, a title and what happens.
public struct RoadmapPhase: Codable, Equatable, Sendable {
    public var from: CalendarDate
    public var to: CalendarDate?
    public var title: String
    public var activities: [String]
    /// Set when the template wrote the date relative to the day (`+6w`); `from`/`to` then hold
    /// it counted from the template's date until `DayTemplate.dated` fixes it for the session.
    public var fromOffset: DateOffset?
    public var toOffset: DateOffset?
    public init(from: CalendarDate, to: CalendarDate? = nil, title: String, activities: [String] = [],
                fromOffset: DateOffset? = nil, toOffset: DateOffset? = nil) {
        self.from = from; self.to = to; self.title = title; self.activities = activities
        self.fromOffset = fromOffset; self.toOffset = toOffset
    }
}

/// Who a dot vote's dots belong to: a group (its terminals share them), or each terminal.
public enum VoteDotsPer: String, Codable, CaseIterable, Sendable {
    case group, terminal
}
