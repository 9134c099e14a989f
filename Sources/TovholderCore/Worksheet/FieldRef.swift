/// One text a person can edit, shared by the store and the screens. The string form
/// (`historyName`) exists only at the SQL edge: leases, the text history, presence.
public enum FieldRef: Hashable, Sendable {
    case entry(Int64)
    case plenumNote(itemID: String)
    /// The facilitator's own notes for an agenda item (presenter console only).
    case itemNote(itemID: String)
    case groupName(Int64)
    /// One of a group's agreement form answers.
    case agreement(groupID: Int64, AgreementField)
    /// One cell of a concrete agreement row.
    case agreementRow(id: Int64, AgreementRowField)
    /// One field of a roadmap phase (the facilitator's).
    case roadmap(id: Int64, RoadmapField)
    /// A group's answer to one question (0-based) of the dialogue card it holds.
    case cardAnswer(dealID: Int64, question: Int)
    /// A group's note on how an agreement from an earlier day went.
    case followUpNote(Int64)
    /// An agenda item's title, renamed during the day (the facilitator's; saved on Enter).
    case itemTitle(itemID: String)
    /// The title of a new agenda item to come after the item at `afterIndex` (added on Enter).
    case newItemTitle(afterIndex: Int)
    /// An agenda item's points ("bullets"), one per line (the facilitator's; saved on Esc).
    case itemContent(itemID: String)

    /// The name in leases and in the text history ("entry:42"); nil for fields that have
    /// neither (a group's name and the roadmap are the facilitator's alone).
    public var historyName: String? {
        switch self {
        case .entry(let id): return HistoryField.entry(id)
        case .plenumNote(let item): return HistoryField.plenum(item)
        case .itemNote(let item): return HistoryField.itemNote(item)
        case .agreement(let group, let field): return HistoryField.agreement(group, field)
        case .agreementRow(let id, let field): return HistoryField.agreementRow(id, field)
        case .cardAnswer(let id, let q): return HistoryField.cardAnswer(id, q)
        case .followUpNote(let id): return HistoryField.followUpNote(id)
        case .groupName, .roadmap, .itemTitle, .newItemTitle, .itemContent: return nil
        }
    }

    /// Reads a name written by `historyName`; nil for anything else.
    public init?(historyName name: String) {
        let parts = name.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("entry", 2):
            guard let id = Int64(parts[1]) else { return nil }
            self = .entry(id)
        case ("plenum", _) where name.count > "plenum:".count:
            self = .plenumNote(itemID: String(name.dropFirst("plenum:".count)))
        case ("notes", _) where name.count > "notes:".count:
            self = .itemNote(itemID: String(name.dropFirst("notes:".count)))
        case ("agreement", 3):
            guard let id = Int64(parts[1]), let f = AgreementField(rawValue: parts[2]) else { return nil }
            self = .agreement(groupID: id, f)
        case ("followup", 2):
            guard let id = Int64(parts[1]) else { return nil }
            self = .followUpNote(id)
        case ("card", 3):
            guard let id = Int64(parts[1]), let q = Int(parts[2]), q >= 0 else { return nil }
            self = .cardAnswer(dealID: id, question: q)
        case ("agreement-row", 3):
            guard let id = Int64(parts[1]), let f = AgreementRowField(rawValue: parts[2]) else { return nil }
            self = .agreementRow(id: id, f)
        default:
            return nil
        }
    }
}

/// The fields of one roadmap phase.
public enum RoadmapField: String, Hashable, Sendable, CaseIterable { case from, to, title, activities }
