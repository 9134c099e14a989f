import Foundation

/// The minutes from one consistent snapshot of the session file, and written beside it in
/// every format (the facilitator's one key, and `tovholder export`).
public enum MinutesExport {
    public static func minutes(store: SessionStore, language: Language, utcOffsetSeconds: Int,
                               now: Double, withNotes: Bool = false) throws -> Minutes {
        let (snapshot, extra) = try store.minutesSnapshot(also: { db in
            (try store.readAgreements(db), try store.readRoadmap(db))
        })
        return Minutes(session: snapshot.session, workshop: snapshot.workshop, agreements: extra.0,
                       roadmap: extra.1, utcOffsetSeconds: utcOffsetSeconds, exportedAt: now, language: language,
                       sessionID: snapshot.sessionID, withNotes: withNotes)
    }

    /// Writes NAME.referat.md, .html, .ics and .json next to the session (NAME: the session's
    /// file name without ".tovholder"); returns the paths. Nothing is written when any target
    /// is refused (see `guardTarget`).
    @discardableResult
    public static func write(store: SessionStore, language: Language, utcOffsetSeconds: Int,
                             now: Double) throws -> [String] {
        let m = try minutes(store: store, language: language, utcOffsetSeconds: utcOffsetSeconds, now: now)
        let outputs = ExportFormat.allCases.map { format in
            (path: exportPath(session: store.path, format: format), text: render(m, as: format))
        }
        for o in outputs { try guardTarget(o.path, session: store.path, replacement: o.text) }
        let sharing = FilePermissions.sharing(forFile: store.path)
        for o in outputs {
            try Data(o.text.utf8).write(to: URL(fileURLWithPath: o.path), options: .atomic)
            FilePermissions.apply(sharing, to: o.path)  // the minutes are as private as the session
        }
        return outputs.map(\.path)
    }

    /// "dag.tovholder" → "dag.referat.md": a suffix no session file has, so the minutes can
    /// never take a session's name (a session called "dag.md" once got overwritten).
    public static func exportPath(session: String, format: ExportFormat) -> String {
        var base = session
        if (base as NSString).pathExtension == "tovholder" { base = (base as NSString).deletingPathExtension }
        return base + ".referat." + format.fileExtension
    }

    /// Refuses to write over the session, its -wal/-shm, any SQLite file, or a file that does
    /// not begin as these minutes do (the first line: the day's title, the calendar header,
    /// the HTML doctype, the JSON brace): a file that is not an earlier export of them.
    public static func guardTarget(_ target: String, session: String, replacement: String) throws {
        let t = URL(fileURLWithPath: target).standardizedFileURL.resolvingSymlinksInPath().path
        let s = URL(fileURLWithPath: session).standardizedFileURL.resolvingSymlinksInPath().path
        if [s, s + "-wal", s + "-shm", s + "-journal"].contains(t) { throw ExportError.wouldOverwriteSession(target) }
        guard let handle = FileHandle(forReadingAtPath: target) else { return }  // nothing there (or unreadable: the write says so)
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        if head.starts(with: Data("SQLite format 3\0".utf8)) { throw ExportError.wouldOverwriteSession(target) }
        let firstLine = { (text: String) in text.split(maxSplits: 1, whereSeparator: \.isNewline).first.map(String.init) ?? "" }
        if firstLine(String(decoding: head, as: UTF8.self)) != firstLine(replacement) {
            throw ExportError.notAnEarlierExport(target)
        }
    }
}

/// Why the minutes were not written; nothing was overwritten.
public enum ExportError: Error, Equatable, UserFacingError {
    case wouldOverwriteSession(String)
    case notAnEarlierExport(String)

    public var message: Localized {
        switch self {
        case .wouldOverwriteSession(let p):
            return Localized(da: "\(p): er en sessionsfil – referatet skrives aldrig oven i den. Vælg et andet navn.",
                             en: "\(p): is a session file – the minutes are never written over it. Choose another name.")
        case .notAnEarlierExport(let p):
            return Localized(da: "\(p): findes og er ikke et tidligere referat af denne dag – intet er overskrevet. Flyt eller omdøb filen.",
                             en: "\(p): exists and is not earlier minutes of this day – nothing was overwritten. Move or rename the file.")
        }
    }
}
