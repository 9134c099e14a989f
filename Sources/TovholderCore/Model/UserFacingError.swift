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
