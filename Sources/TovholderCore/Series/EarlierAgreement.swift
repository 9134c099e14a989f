/// How a concrete agreement from an earlier day went, as the group says in the follow-up.
public enum FollowUpStatus: String, Codable, CaseIterable, Sendable {
    case done, partly, notDone = "not-done"

    public var title: Localized {
        switch self {
        case .done: return Localized(da: "Gjort", en: "Done")
        case .partly: return Localized(da: "Delvist", en: "Partly")
        case .notDone: return Localized(da: "Ikke gjort", en: "Not done")
        }
    }

    /// The next status when the group presses the key again; after "not done", none yet.
    public static func after(_ status: FollowUpStatus?) -> FollowUpStatus? {
        switch status {
        case nil: return .done
        case .done: return .partly
        case .partly: return .notDone
        case .notDone: return nil
        }
    }
}

/// A concrete agreement made on an earlier day (who gathers which knowledge, by when),
/// carried into this day to be followed up.
public struct EarlierAgreement: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var groupID: Int64
    /// The day it was agreed.
    public var day: CalendarDate
    public var who: String
    public var knowledge: String
    public var dueText: String
    public var due: CalendarDate?
    /// Nil until the group has followed it up.
    public var status: FollowUpStatus?
    public var note: String

    public init(id: Int64, groupID: Int64, day: CalendarDate, who: String, knowledge: String, dueText: String = "",
                due: CalendarDate? = nil, status: FollowUpStatus? = nil, note: String = "") {
        self.id = id; self.groupID = groupID; self.day = day; self.who = who; self.knowledge = knowledge
        self.dueText = dueText; self.due = due; self.status = status; self.note = note
    }
}
