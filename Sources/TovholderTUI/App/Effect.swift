import TovholderCore

/// Plain data the shell carries out.
public enum Effect: Equatable, Sendable {
    case save([SessionChange])
    case bell
    case quit
    case workshop(WorkshopChange)
    /// Take or give back the right to write in a field (two terminals never type in one).
    /// The facilitator takes a field over even when a participant holds it.
    case acquireLease(FieldRef, takeOver: Bool)
    case releaseLease(FieldRef)
    /// A participant moved to another group (theirs was removed).
    case changeGroup(Int64)
    case setLocked(Bool, reason: String?)
    /// Write the minutes beside the session file, in every format.
    case exportMinutes
    case loadVersions(FieldRef)
    case restore(FieldRef, text: String)
    /// New join codes for every group (`tovholder serve` reads them at each login).
    case renewCodes
    /// Hang up a participant's terminal (its process) as a closed connection would.
    case disconnect(pid: Int32)
    /// Start the day afresh after a rehearsal (a snapshot first; the groups' work stays).
    case resetDay
}

extension Effect {
    /// A change that needs the file's answer (the new entry's, group's or row's number).
    var createsSomething: Bool {
        switch self {
        case .workshop(.addEntry), .workshop(.addGroup), .workshop(.addAgreementRow), .workshop(.addRoadmapEntry): return true
        default: return false
        }
    }
}
