/// A working group of the day. Removing one is soft: its work stays in the file and comes
/// back with it.
public struct Group: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var position: Int
    public var removed: Bool
    public init(id: Int64, name: String, position: Int, removed: Bool = false) {
        self.id = id; self.name = name; self.position = position; self.removed = removed
    }
}

/// The links in the worksheet chain: Udfordring → Mål → Virksomme mekanismer →
/// Prøvehandlinger → Tegn. The raw value is what the session file stores.
public enum EntryKind: String, CaseIterable, Sendable {
    case challenge, goal, mechanism, trialAction = "trial-action", sign

    /// The kind this kind's entries point at: a mechanism serves goals, a trial action tries
    /// mechanisms, a sign shows goals.
    public var linksTo: EntryKind? {
        switch self {
        case .mechanism: return .goal
        case .trialAction: return .mechanism
        case .sign: return .goal
        default: return nil
        }
    }

    /// The worksheet part a group-work item fills, as named in templates.
    public var part: WorksheetPart {
        switch self {
        case .challenge: return .challenge
        case .goal: return .goals
        case .mechanism: return .mechanisms
        case .trialAction: return .trialActions
        case .sign: return .signs
        }
    }

    public var title: Localized {
        switch self {
        case .challenge: return Localized(da: "Udfordring (nutid)", en: "Challenge (present)")
        case .goal: return Localized(da: "Mål (fremtid)", en: "Goals (future)")
        case .mechanism: return Localized(da: "Virksomme mekanismer", en: "Effective mechanisms")
        case .trialAction: return Localized(da: "Prøvehandlinger", en: "Trial actions")
        case .sign: return Localized(da: "Tegn", en: "Signs")
        }
    }
}

/// One piece of free text on a worksheet. `links` holds only live targets of the right kind
/// in the same group, in the targets' order; anything else in the file is ignored on load.
public struct Entry: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var groupID: Int64
    public var kind: EntryKind
    public var text: String
    public var position: Double
    public var links: [Int64]
    /// Where it was first written, when that was on an earlier day of the series.
    public var origin: EntryOrigin?
    public init(id: Int64, groupID: Int64, kind: EntryKind, text: String, position: Double,
                links: [Int64] = [], origin: EntryOrigin? = nil) {
        self.id = id; self.groupID = groupID; self.kind = kind; self.text = text
        self.position = position; self.links = links; self.origin = origin
    }

    public var isBlank: Bool { text.allSatisfy { $0.isWhitespace } }
}

/// One group's chain, every list in position order. Deleted entries are not here.
public struct Worksheet: Equatable, Sendable {
    public var group: Group
    public var challenge: Entry?
    public var goals: [Entry]
    public var mechanisms: [Entry]
    public var trialActions: [Entry]
    public var signs: [Entry]

    public init(group: Group, challenge: Entry? = nil, goals: [Entry] = [], mechanisms: [Entry] = [],
                trialActions: [Entry] = [], signs: [Entry] = []) {
        self.group = group; self.challenge = challenge; self.goals = goals
        self.mechanisms = mechanisms; self.trialActions = trialActions; self.signs = signs
    }

    public func entries(of kind: EntryKind) -> [Entry] {
        switch kind {
        case .challenge: return challenge.map { [$0] } ?? []
        case .goal: return goals
        case .mechanism: return mechanisms
        case .trialAction: return trialActions
        case .sign: return signs
        }
    }

    /// Every entry in chain order, for drawing and exporting.
    public var allEntries: [Entry] { EntryKind.allCases.flatMap { entries(of: $0) } }

    public func entry(id: Int64) -> Entry? { allEntries.first { $0.id == id } }
}

/// Everything the groups and the facilitator have written, read in one transaction: the one
/// consistent snapshot the screens and exports draw from.
public struct Workshop: Equatable, Sendable {
    /// All groups in position order, removed ones included (flagged), so they can be restored.
    public var groups: [Group]
    public var worksheets: [Int64: Worksheet]
    /// Agenda item id → the facilitator's notes for that plenum.
    public var plenumNotes: [String: String]
    /// Agenda item id → the facilitator's own notes as edited during the day (the
    /// template's `notes:` until then; see `notes(for:)`).
    public var itemNotes: [String: String]
    /// Every dot vote of the day, oldest first (schema v7).
    public var votes: [Vote]
    /// Every dialogue card dealt or drawn, oldest first, with the groups' answers.
    public var cardDeals: [CardDeal]
    /// Entries carried from an earlier day and deleted since: what the minutes list as removed.
    public var carriedAway: [Entry] = []

    public init(groups: [Group] = [], worksheets: [Int64: Worksheet] = [:], plenumNotes: [String: String] = [:],
                itemNotes: [String: String] = [:], votes: [Vote] = [], cardDeals: [CardDeal] = []) {
        self.groups = groups; self.worksheets = worksheets; self.plenumNotes = plenumNotes
        self.itemNotes = itemNotes; self.votes = votes; self.cardDeals = cardDeals
    }

    /// The facilitator's notes for an item: as edited, else as the template gave them.
    public func notes(for item: AgendaItem) -> String { itemNotes[item.id] ?? item.notes ?? "" }

    public var activeGroups: [Group] { groups.filter { !$0.removed } }
    public func worksheet(_ groupID: Int64) -> Worksheet? { worksheets[groupID] }
}

/// Names of the fields whose earlier texts `text_history` keeps.
public enum HistoryField {
    public static func entry(_ id: Int64) -> String { "entry:\(id)" }
    public static func plenum(_ itemID: String) -> String { "plenum:\(itemID)" }
    public static func itemNote(_ itemID: String) -> String { "notes:\(itemID)" }
    public static func cardAnswer(_ dealID: Int64, _ question: Int) -> String { "card:\(dealID):\(question)" }
    public static func followUpNote(_ id: Int64) -> String { "followup:\(id)" }
}
