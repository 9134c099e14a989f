import TovholderCore

/// A text the user can edit.
public enum FieldRef: Hashable, Sendable {
    case entry(Int64)
    case plenumNote(itemID: String)
    case groupName(Int64)
    /// One of a group's agreement form answers.
    case agreement(groupID: Int64, AgreementField)
    /// One cell of a concrete agreement row.
    case agreementRow(id: Int64, AgreementRowField)
    /// One field of a roadmap phase (facilitator only).
    case roadmap(id: Int64, RoadmapField)
}

public enum AgreementRowField: String, Hashable, Sendable, CaseIterable { case who, knowledge, due }
public enum RoadmapField: String, Hashable, Sendable, CaseIterable { case from, to, title, activities }

/// The field being edited and its editor (text, cursor, undo).
public struct FieldEditing: Equatable, Sendable {
    public var field: FieldRef
    public var editor: TextEditor
    public var view = FieldViewState()
    public init(field: FieldRef, text: String) {
        self.field = field
        editor = TextEditor(text: text)
    }
}

/// What the worksheet screen remembers: the group, the focused slot and the link picker
/// when it is open. Scrolling is derived from the focus when drawing.
public struct WorksheetView: Equatable, Sendable {
    public var groupID: Int64
    public var focus: Int = 0
    public var linkPicker: LinkPicker?
    /// Delete pressed once on a non-empty entry: press again to delete.
    public var pendingDelete: Int64?
    public var returnTo: ReturnScreen = .item
    public init(groupID: Int64) { self.groupID = groupID }
}

/// Where Esc leads from the worksheet.
public enum ReturnScreen: Equatable, Sendable { case item, groups }

/// Ticking which mechanisms a trial action tries (or which goals a sign shows).
public struct LinkPicker: Equatable, Sendable {
    public var entryID: Int64
    public var selected: Int = 0
}

public struct PlenumView: Equatable, Sendable {
    public var part: WorksheetPart
    /// The first group column shown: plenum scrolls sideways when groups do not fit.
    public var firstColumn: Int = 0
    public init(part: WorksheetPart) { self.part = part }
}

public struct GroupsView: Equatable, Sendable {
    public var selected: Int = 0
    public init() {}
}

/// One place the worksheet screen can focus: an entry, or an empty section's "add" slot.
public enum WorksheetSlot: Equatable, Sendable {
    case entry(Entry)
    case add(EntryKind)

    public var kind: EntryKind {
        switch self {
        case .entry(let e): return e.kind
        case .add(let k): return k
        }
    }
}

extension Worksheet {
    /// The chain in order, each section's entries or its add slot when empty.
    public var slots: [WorksheetSlot] {
        EntryKind.chainOrder.flatMap { kind -> [WorksheetSlot] in
            let list = entries(of: kind)
            return list.isEmpty ? [.add(kind)] : list.map { .entry($0) }
        }
    }
}

extension EntryKind {
    public static let chainOrder: [EntryKind] = [.challenge, .goal, .mechanism, .trialAction, .sign]

    /// The section the agenda's worksheet part points at.
    public init?(part: WorksheetPart) {
        switch part {
        case .challenge: self = .challenge
        case .goals: self = .goal
        case .mechanisms: self = .mechanism
        case .trialActions: self = .trialAction
        case .signs: self = .sign
        case .agreement: return nil
        }
    }
}

public struct HistoryView: Equatable, Sendable {
    public var field: FieldRef
    public var versions: [TextVersion]
    public var selected = 0
    public var returnTo: Screen
}
