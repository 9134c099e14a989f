import TovholderCore

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
    /// Where Esc leads: the screen plenum was opened from (nil: the day's item).
    public var returnTo: Screen?
    public init(part: WorksheetPart, returnTo: Screen? = nil) { self.part = part; self.returnTo = returnTo }
}

public struct GroupsView: Equatable, Sendable {
    public var selected: Int = 0
    /// Delete pressed once on this group: press again to remove it.
    public var pendingRemove: Int64?
    public init() {}
}

/// A participant picking a group (theirs was removed).
public struct ChooseGroupView: Equatable, Sendable {
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
