import Foundation
import GRDB

/// Errors about session files: each names the file, in the UI language.
public enum SessionError: Error, Equatable {
    case notFound(path: String)
    case notSQLite(path: String)
    case foreignDatabase(path: String)
    case newerSchema(path: String, version: String)
    /// `detail` is already worded for a person (see `SessionError.why`).
    case damaged(path: String, detail: Localized)
    case unreadable(path: String, detail: Localized)
    case exists(path: String)
    case cannotCreate(path: String, detail: Localized)
    /// Other terminals kept the file busy through every retry (seconds, not a normal wait).
    case busy(path: String)
    /// The path names a folder, a FIFO, a device or a link to nothing.
    case isFolder(path: String)
    case notOrdinaryFile(path: String)
    case danglingLink(path: String)
    /// What `tovholder check` and opening found wrong, one line each; the file is untouched.
    case problems(path: String, [Localized])
    /// The `-wal` beside the file was written by another session (`JournalIdentity`); neither
    /// file was used or changed. `snapshot`: the newest readable snapshot's name, if any.
    case foreignJournal(path: String, snapshot: String?)

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
            return Localized(da: "\(p): sessionen er beskadiget: \(d.da)", en: "\(p): the session is damaged: \(d.en)")
        case .unreadable(let p, let d):
            return Localized(da: "\(p): kan ikke læses som en Tovholder-session: \(d.da)",
                             en: "\(p): cannot be read as a Tovholder session: \(d.en)")
        case .exists(let p):
            return Localized(da: "\(p): findes allerede", en: "\(p): already exists")
        case .cannotCreate(let p, let d):
            return Localized(da: "\(p): kan ikke oprettes: \(d.da)", en: "\(p): cannot be created: \(d.en)")
        case .busy(let p):
            return Localized(da: "\(p): sessionen er optaget af en anden terminal lige nu; prøv igen om lidt",
                             en: "\(p): another terminal is keeping the session busy right now; try again in a moment")
        case .problems(let p, let lines):
            let restore = Localized(
                da: "Filen er ikke ændret. Se de gemte øjebliksbilleder med: tovholder backups \(p)",
                en: "The file was not changed. See the snapshots kept with: tovholder backups \(p)")
            return Localized(da: (lines.map { "\(p): " + $0.da } + [restore.da]).joined(separator: "\n"),
                             en: (lines.map { "\(p): " + $0.en } + [restore.en]).joined(separator: "\n"))
        case .foreignJournal(let p, let snapshot):
            return Self.foreignJournalMessage(p, snapshot)
        case .isFolder(let p):
            return Localized(da: "\(p): er en mappe, ikke en sessionsfil", en: "\(p): is a folder, not a session file")
        case .notOrdinaryFile(let p):
            return Localized(da: "\(p): er ikke en almindelig fil (fx en FIFO eller en enhed); intet er ændret",
                             en: "\(p): is not an ordinary file (e.g. a FIFO or a device); nothing was changed")
        case .danglingLink(let p):
            return Localized(da: "\(p): er en genvej (symlink) til en fil, der ikke findes; intet er oprettet",
                             en: "\(p): is a symbolic link to a file that does not exist; nothing was created")
        }
    }
}

extension SessionError {
    /// Said to a facilitator who copied or moved files: what is wrong, that nothing changed,
    /// and the two ways on (without the journal, or the newest snapshot).
    static func foreignJournalMessage(_ p: String, _ snapshot: String?) -> Localized {
        let wal = p + "-wal"
        let what = Localized(
            da: "\(p): filen \(wal) hører ikke til denne session – den kommer fra en anden session (er filer blevet kopieret eller flyttet?). Den er ikke brugt, og begge filer er som før.",
            en: "\(p): the file \(wal) does not belong to this session – it comes from another session (were files copied or moved?). It was not used, and both files are as they were.")
        let without = Localized(
            da: "Flyt \(wal) væk, så åbner \(p) uden den (de nyeste ændringer kan mangle)",
            en: "Move \(wal) away, and \(p) opens without it (the latest changes may be missing)")
        let way: Localized
        if let snapshot {
            way = Localized(
                da: "\(without.da) – eller hent det nyeste øjebliksbillede, \(snapshot), tilbage med: tovholder restore \(p) --from \"\(snapshot)\"",
                en: "\(without.en) – or bring back the newest snapshot, \(snapshot), with: tovholder restore \(p) --from \"\(snapshot)\"")
        } else {
            way = Localized(da: "\(without.da). Der er ingen øjebliksbilleder af sessionen (tovholder backups \(p)).",
                            en: "\(without.en). There are no snapshots of the session (tovholder backups \(p)).")
        }
        return Localized(da: what.da + "\n" + way.da, en: what.en + "\n" + way.en)
    }
}

/// Checks made before anything is written, so a file that is not ours stays byte-for-byte.
public enum SessionFileCheck {
    /// What a path is, before anything opens it (opening a FIFO to read would hang).
    public enum PathKind: Equatable { case missing, ordinaryFile }

    /// `missing` or `ordinaryFile`; a folder, a FIFO, a device, a link to nothing or a file
    /// the user may not read is refused with its own message.
    public static func examine(path: String) throws -> PathKind {
        var st = stat()
        if lstat(path, &st) != 0 {
            if errno == ENOENT { return .missing }
            // A folder on the way the user may not enter: the file cannot be reached.
            throw SessionError.unreadable(path: path, detail: Localized(da: "du må ikke læse filen eller mappen den ligger i",
                                                                        en: "you may not read the file or the folder it is in"))
        }
        if (st.st_mode & S_IFMT) == S_IFLNK {
            guard stat(path, &st) == 0 else { throw SessionError.danglingLink(path: path) }
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: throw SessionError.isFolder(path: path)
        case S_IFREG: break
        default: throw SessionError.notOrdinaryFile(path: path)
        }
        guard access(path, R_OK) == 0 else {
            throw SessionError.unreadable(path: path, detail: Localized(da: "du må ikke læse filen", en: "you may not read the file"))
        }
        return .ordinaryFile
    }

    static func requireSQLiteHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileManager.default.fileExists(atPath: path)
                ? SessionError.unreadable(path: path, detail: Localized(da: "du må ikke læse filen", en: "you may not read the file"))
                : SessionError.notFound(path: path)
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header == Data("SQLite format 3\0".utf8) else { throw SessionError.notSQLite(path: path) }
    }

    /// The migrations a file has had.
    static func appliedMigrations(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
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

extension SessionError {
    /// Why, in words, for an error from SQLite or the file system (never their own text).
    static func why(_ error: Error) -> Localized {
        if let db = error as? DatabaseError, [.SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN].contains(db.resultCode) {
            return Localized(da: "du må ikke åbne filen her (rettigheder for filen eller mappen)",
                             en: "you may not open the file here (permissions of the file or its folder)")
        }
        return UserFacing.message(for: error)
    }
    /// An error met while opening: damage SQLite found is a `problems` line (so the newest
    /// snapshot is named); anything else is unreadable, in words.
    static func from(_ error: Error, path: String) -> SessionError {
        if let db = error as? DatabaseError, db.resultCode == .SQLITE_CORRUPT || db.resultCode == .SQLITE_NOTADB {
            return .problems(path: path, [Localized(da: "SQLite fandt en skade i filen (den er beskadiget eller afkortet)",
                                                    en: "SQLite found damage in the file (it is damaged or cut short)")])
        }
        return .unreadable(path: path, detail: why(error))
    }

    static let programmeMissing = Localized(da: "dagens program mangler i filen", en: "the day's programme is missing from the file")
}
