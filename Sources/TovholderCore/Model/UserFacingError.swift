import GRDB

/// An error a person may see, on a screen or the command line: worded for them, in their
/// language, saying what to do. Every error type that reaches a user conforms.
public protocol UserFacingError: Error {
    var message: Localized { get }
}

extension WorksheetError: UserFacingError {}
extension AgreementError: UserFacingError {}
extension SessionError: UserFacingError {}
extension DateError: UserFacingError {}

/// The words for any error on its way to a user: its own when it has them, else a
/// sentence about what happened to their work (never SQLite's or Swift's own text).
public enum UserFacing {
    public static func message(for error: Error) -> Localized {
        if let e = error as? UserFacingError { return e.message }
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_FULL:
                return Localized(da: "Disken er fuld – ændringen er ikke gemt. Frigør plads og prøv igen.",
                                 en: "The disk is full – the change is not saved. Free some space and try again.")
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
                return Localized(da: "Sessionsfilen kan ikke skrives (rettigheder eller skrivebeskyttet mappe) – ændringen er ikke gemt.",
                                 en: "The session file cannot be written (permissions or a read-only folder) – the change is not saved.")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return Localized(da: "Sessionsfilen er optaget af en anden terminal – prøv igen om et øjeblik.",
                                 en: "Another terminal is keeping the session file busy – try again in a moment.")
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return Localized(da: "Sessionsfilen er beskadiget – ændringen er ikke gemt. Kør: tovholder check FIL",
                                 en: "The session file is damaged – the change is not saved. Run: tovholder check FILE")
            case .SQLITE_IOERR:
                return Localized(da: "Sessionsfilen kunne ikke skrives (disk- eller netværksfejl) – ændringen er ikke gemt.",
                                 en: "The session file could not be written (disk or network error) – the change is not saved.")
            default:
                break
            }
        }
        return Localized(da: "Ændringen kunne ikke gemmes. Prøv igen; intet andet er tabt.",
                         en: "The change could not be saved. Try again; nothing else is lost.")
    }
}

extension UserFacing {
    /// A write that failed because of the disk or the file (full, read-only, no permission,
    /// an I/O error, busy past every retry): worth keeping in memory and trying again.
    public static func isStorageFailure(_ error: Error) -> Bool {
        guard let db = error as? DatabaseError else { return false }
        return [.SQLITE_FULL, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_BUSY,
                .SQLITE_LOCKED].contains(db.resultCode)
    }

    /// "Disken er fuld – ændringer siden 10.42 er ikke gemt endnu", and that they are kept.
    public static func unsaved(_ error: Error, since: String) -> Localized {
        let code = (error as? DatabaseError)?.resultCode
        let (da, en): (String, String)
        switch code {
        case .SQLITE_FULL?: (da, en) = ("Disken er fuld", "The disk is full")
        case .SQLITE_READONLY?, .SQLITE_PERM?, .SQLITE_CANTOPEN?:
            (da, en) = ("Sessionsfilen kan ikke skrives (rettigheder)", "The session file cannot be written (permissions)")
        case .SQLITE_BUSY?, .SQLITE_LOCKED?: (da, en) = ("Sessionsfilen er optaget", "The session file is busy")
        default: (da, en) = ("Sessionsfilen kan ikke skrives", "The session file cannot be written")
        }
        return Localized(
            da: "\(da) – ændringer siden \(since) er ikke gemt endnu. De er i behold her og gemmes, så snart det kan lade sig gøre.",
            en: "\(en) – changes since \(since) are not saved yet. They are kept here and saved as soon as possible.")
    }
}
