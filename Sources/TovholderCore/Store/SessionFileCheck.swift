import Foundation
import GRDB

/// Errors about session files: each names the file, in the UI language.
public enum SessionError: Error, Equatable {
    case notFound(path: String)
    case notSQLite(path: String)
    case foreignDatabase(path: String)
    case newerSchema(path: String, version: String)
    case damaged(path: String, detail: String)
    case unreadable(path: String, detail: String)
    case exists(path: String)
    case cannotCreate(path: String, detail: String)
    /// Other terminals kept the file busy through every retry (seconds, not a normal wait).
    case busy(path: String)

    public var message: Localized {
        switch self {
        case .notFound(let p):
            return Localized(da: "\(p): filen findes ikke", en: "\(p): the file does not exist")
        case .notSQLite(let p):
            return Localized(da: "\(p): er ikke en Tovholder-session (ikke en SQLite-database); filen er ikke ændret",
                             en: "\(p): is not a Tovholder session (not an SQLite database); the file was not changed")
        case .foreignDatabase(let p):
            return Localized(da: "\(p): er en SQLite-database, men ikke en Tovholder-session; filen er ikke ændret",
                             en: "\(p): is an SQLite database, but not a Tovholder session; the file was not changed")
        case .newerSchema(let p, let v):
            return Localized(da: "\(p): er lavet af en nyere udgave af Tovholder (skema \(v)); opdatér Tovholder. Filen er ikke ændret",
                             en: "\(p): was made by a newer version of Tovholder (schema \(v)); update Tovholder. The file was not changed")
        case .damaged(let p, let d):
            return Localized(da: "\(p): sessionen er beskadiget: \(d)", en: "\(p): the session is damaged: \(d)")
        case .unreadable(let p, let d):
            return Localized(da: "\(p): kan ikke læses som en Tovholder-session: \(d)",
                             en: "\(p): cannot be read as a Tovholder session: \(d)")
        case .exists(let p):
            return Localized(da: "\(p): findes allerede", en: "\(p): already exists")
        case .cannotCreate(let p, let d):
            return Localized(da: "\(p): kan ikke oprettes: \(d)", en: "\(p): cannot be created: \(d)")
        case .busy(let p):
            return Localized(da: "\(p): sessionen er optaget af en anden terminal lige nu; prøv igen om lidt",
                             en: "\(p): another terminal is keeping the session busy right now; try again in a moment")
        }
    }
}

/// Checks made before anything is written, so a file that is not ours stays byte-for-byte.
enum SessionFileCheck {
    static func requireSQLiteHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileManager.default.fileExists(atPath: path)
                ? SessionError.unreadable(path: path, detail: "no read access")
                : SessionError.notFound(path: path)
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header == Data("SQLite format 3\0".utf8) else { throw SessionError.notSQLite(path: path) }
    }

    /// Returns whether every migration this program knows has been applied.
    static func requireTovholderSchema(_ db: Database, path: String) throws -> Bool {
        let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        guard appID == SessionStore.applicationID else { throw SessionError.foreignDatabase(path: path) }
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        let unknown = applied.subtracting(SessionSchema.knownMigrations)
        if let newest = unknown.sorted().last {
            throw SessionError.newerSchema(path: path, version: newest)
        }
        return applied == SessionSchema.knownMigrations
    }
}
