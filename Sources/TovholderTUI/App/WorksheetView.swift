import TovholderCore

/// What the worksheet screen remembers: the group, the focused slot and the link picker
/// when it is open. Scrolling is derived from the focus when drawing.
public struct WorksheetView: Equatable, Sendable {
    public var groupID: Int64
    public var focus: Int = 0
    public var linkPicker: LinkPicker?
    /// Delete pressed once on a non-empty entry: press again to delete.
    public var pendingDelete: Int64?
    public var returnTo: ReturnScreen = .item
    /// The focus is on the "new entry" line under this part (after its last entry, which
    /// `focus` then points at): typing there starts a new entry, never adds to an old one.
    public var newRow: EntryKind?
    public init(groupID: Int64) { self.groupID = groupID }
}

/// Where Esc leads from the worksheet.
public enum ReturnScreen: Equatable, Sendable { case item, groups }
