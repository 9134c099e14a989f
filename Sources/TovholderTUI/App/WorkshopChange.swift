import TovholderCore

/// A change to groups, worksheets or notes, carried out by the shell in one transaction.
public enum WorkshopChange: Equatable, Sendable {
    case setText(FieldRef, String)
    /// A new entry, holding the first letters typed on an empty section's "add" line.
    case addEntry(groupID: Int64, kind: EntryKind, after: Int64?, text: String)
    case deleteEntry(Int64)
    case moveEntry(Int64, by: Int)
    case setLinks(Int64, targets: [Int64])
    case addGroup(name: String)
    case renameGroup(Int64, name: String)
    case removeGroup(Int64)
    case restoreGroup(Int64)
    case addAgreementRow(groupID: Int64, after: Int64?, who: String)
    case deleteAgreementRow(Int64)
    case addRoadmapEntry(after: Int64?)
    case deleteRoadmapEntry(Int64)
    case updateRoadmapEntry(RoadmapEntry)
    case startVote(itemID: String, part: WorksheetPart, scope: Vote.Scope, dots: Int)
    case setVoteOpen(Int64, Bool)
    case revealVote(Int64, Bool)
    /// This terminal's dot on an entry, given or taken back (`groupID`: the voter's group).
    case toggleDot(voteID: Int64, entryID: Int64, groupID: Int64?)
    case dealCards(deckID: String)
    case drawCard(groupID: Int64, deckID: String)
    /// How an agreement of the day before went (nil: not followed up yet).
    case setFollowUpStatus(Int64, FollowUpStatus?)
}
