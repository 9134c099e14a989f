import TovholderCore

/// What stops `tovholder serve` from starting, worded for the facilitator.
public struct ServeError: Error, UserFacingError {
    public let message: Localized

    static func hostKey(_ path: String, _ problem: Localized) -> ServeError {
        ServeError(message: Localized(da: "Serverens nøgle \(path): \(problem.da)", en: "The server's key \(path): \(problem.en)"))
    }

    /// The log is a symlink, not a regular file, or another account's: serve does not start
    /// (a group account once linked it to the facilitator's ~/.bashrc).
    static func log(_ path: String, _ reason: String?) -> ServeError {
        let why = reason.map { Localized(da: "kan ikke skrives (\($0))", en: "cannot be written (\($0))") }
            ?? Localized(da: "er ikke en almindelig fil, som du ejer (fx et symbolsk link)",
                         en: "is not an ordinary file that you own (e.g. a symbolic link)")
        return ServeError(message: Localized(
            da: "Logfilen \(path) \(why.da) – serve starter ikke. Flyt den væk, så laves en ny.",
            en: "The log \(path) \(why.en) – serve does not start. Move it away and a new one is made."))
    }

    static let notAFile = Localized(da: "er ikke en almindelig fil", en: "is not an ordinary file")
    static let unreadable = Localized(da: "kan ikke læses", en: "cannot be read")
    static func line(_ n: Int) -> Localized {
        Localized(da: "linje \(n) er ikke en Tovholder-nøgle – filen er ikke ændret; flyt den væk for at lave en ny",
                  en: "line \(n) is not a Tovholder key – the file is unchanged; move it away to make a new one")
    }
    static func tooOpen(_ mode: String) -> Localized {
        Localized(da: "andre end ejeren kan læse den (rettigheder \(mode)); ret det med: chmod 600 FILEN",
                  en: "others than its owner can read it (mode \(mode)); fix it with: chmod 600 FILE")
    }
    static func cannotWrite(_ reason: String) -> Localized {
        Localized(da: "kan ikke skrives (\(reason))", en: "cannot be written (\(reason))")
    }

    static func cannotListen(_ address: String, _ port: Int, _ reason: String) -> ServeError {
        ServeError(message: Localized(
            da: "Kan ikke lytte på \(address) port \(port): \(reason). Vælg en anden port med --port.",
            en: "Cannot listen on \(address) port \(port): \(reason). Choose another port with --port."))
    }

    public static func alreadyServing(_ pid: Int32, _ port: Int) -> ServeError {
        ServeError(message: Localized(
            da: "Sessionen deles allerede over SSH (port \(port), proces \(pid)). Stop den først.",
            en: "The session is already served over SSH (port \(port), process \(pid)). Stop that one first."))
    }

    public static let noGroups = ServeError(message: Localized(
        da: "Sessionen har ingen grupper at tilslutte. Opret grupper med g i facilitatorens visning.",
        en: "The session has no groups to join. Add groups with g in the facilitator's view."))
}
