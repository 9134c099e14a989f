/// Edits to the agreement forms and the roadmap that are refused, with a message for the
/// person who tried.
public enum AgreementError: Error, Equatable, Sendable {
    case rowNotFound(Int64)
    case roadmapEntryNotFound(Int64)
    /// `after` must be a live row of the same group (or a live roadmap entry).
    case notInSameList(Int64)
    case emptyTitle
    /// A phase that ends before it starts.
    case endBeforeStart(from: CalendarDate, to: CalendarDate)

    public var message: Localized {
        switch self {
        case .rowNotFound(let id):
            return Localized(da: "Aftalen findes ikke længere (\(id))", en: "The agreement no longer exists (\(id))")
        case .roadmapEntryNotFound(let id):
            return Localized(da: "Fasen findes ikke længere i køreplanen (\(id))",
                             en: "The phase no longer exists in the roadmap (\(id))")
        case .notInSameList(let id):
            return Localized(da: "Linje \(id) hører ikke til samme liste", en: "Line \(id) is not in the same list")
        case .emptyTitle:
            return Localized(da: "Fasen skal have en overskrift", en: "The phase needs a title")
        case .endBeforeStart(let from, let to):
            return Localized(
                da: "Fasen slutter (\(DanishDate.format(to, .da))) før den begynder (\(DanishDate.format(from, .da))). "
                    + "Ret slutdatoen, eller lad den stå tom for en enkelt dag",
                en: "The phase ends (\(DanishDate.format(to, .en))) before it starts (\(DanishDate.format(from, .en))). "
                    + "Correct the end date, or leave it empty for a single day")
        }
    }
}

/// The agreement form's texts, one per group (the rows are separate).
public enum AgreementField: String, CaseIterable, Sendable {
    case perspectives, involve, nextDate, nextTime, nextPlace, tovholder

    /// The `agreements` column holding it.
    var column: String {
        switch self {
        case .perspectives: return "perspectives"
        case .involve: return "involve"
        case .nextDate: return "next_date_text"
        case .nextTime: return "next_time_text"
        case .nextPlace: return "next_place"
        case .tovholder: return "tovholder"
        }
    }
}

/// The texts of one concrete agreement (row).
public enum AgreementRowField: String, CaseIterable, Sendable {
    case who, knowledge, dueText

    var column: String {
        switch self {
        case .who: return "who"
        case .knowledge: return "knowledge"
        case .dueText: return "due_text"
        }
    }
}

extension HistoryField {
    /// "agreement:3:perspectives"
    public static func agreement(_ groupID: Int64, _ field: AgreementField) -> String {
        "agreement:\(groupID):\(field.rawValue)"
    }
    /// "agreement-row:12:knowledge"
    public static func agreementRow(_ rowID: Int64, _ field: AgreementRowField) -> String {
        "agreement-row:\(rowID):\(field.rawValue)"
    }
}
