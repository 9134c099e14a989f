import Foundation

/// The minutes from one consistent snapshot of the session file, and written beside it in
/// every format (the facilitator's one key, and `tovholder export`).
public enum MinutesExport {
    public static func minutes(store: SessionStore, language: Language, utcOffsetSeconds: Int,
                               now: Double) throws -> Minutes {
        let (snapshot, extra) = try store.minutesSnapshot(also: { db in
            (try store.readAgreements(db), try store.readRoadmap(db))
        })
        return Minutes(session: snapshot.session, workshop: snapshot.workshop, agreements: extra.0,
                       roadmap: extra.1, utcOffsetSeconds: utcOffsetSeconds, exportedAt: now, language: language,
                       sessionID: snapshot.sessionID)
    }

    /// Writes FILE.md, FILE.html, FILE.ics and FILE.json next to the session; returns the paths.
    @discardableResult
    public static func write(store: SessionStore, language: Language, utcOffsetSeconds: Int,
                             now: Double) throws -> [String] {
        let m = try minutes(store: store, language: language, utcOffsetSeconds: utcOffsetSeconds, now: now)
        let base = (store.path as NSString).deletingPathExtension
        return try ExportFormat.allCases.map { format in
            let path = base + "." + format.fileExtension
            try Data(render(m, as: format).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return path
        }
    }
}
