/// Edits to the worksheets that are refused, with a message for the person who tried.
public enum WorksheetError: Error, Equatable {
    case emptyGroupName
    case duplicateGroupName(String)
    case groupNotFound(Int64)
    case entryNotFound(Int64)
    /// A worksheet has one challenge text; write in it instead of adding another.
    case challengeExists
    /// `after` must be a live entry of the same group and kind.
    case notInSameList(Int64)
    /// Only trial actions and signs link to anything.
    case kindHasNoLinks(EntryKind)
    /// A link target that is deleted, in another group, or of the wrong kind.
    case invalidLinkTarget(Int64)
    /// A field name that is neither `HistoryField.entry` nor `.plenum`.
    case unknownField(String)

    public var message: Localized {
        switch self {
        case .emptyGroupName:
            return Localized(da: "Gruppen skal have et navn", en: "The group needs a name")
        case .duplicateGroupName(let n):
            return Localized(da: "Der er allerede en gruppe, der hedder »\(n)«",
                             en: "There is already a group called “\(n)”")
        case .groupNotFound(let id):
            return Localized(da: "Gruppen findes ikke (\(id))", en: "The group does not exist (\(id))")
        case .entryNotFound(let id):
            return Localized(da: "Feltet findes ikke længere (\(id))", en: "The field no longer exists (\(id))")
        case .challengeExists:
            return Localized(da: "Gruppen har allerede en udfordring; skriv i den",
                             en: "The group already has a challenge; write in it")
        case .notInSameList(let id):
            return Localized(da: "Feltet \(id) hører ikke til samme liste",
                             en: "Field \(id) is not in the same list")
        case .kindHasNoLinks(let kind):
            return Localized(da: "\(kind.title.da) kan ikke kobles til noget",
                             en: "\(kind.title.en) cannot be linked to anything")
        case .invalidLinkTarget(let id):
            return Localized(da: "Kan ikke kobles til felt \(id): det er slettet, af en anden slags eller fra en anden gruppe",
                             en: "Cannot link to field \(id): it is deleted, of another kind or from another group")
        case .unknownField(let f):
            return Localized(da: "Feltet findes ikke (\(f))", en: "The field does not exist (\(f))")
        }
    }
}
