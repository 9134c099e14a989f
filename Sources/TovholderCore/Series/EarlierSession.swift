import Foundation
import GRDB

/// An earlier day's session, read to carry its work into the next day. The file is only
/// read: it is opened read-only (immutable when not even its -shm may be made), copied into
/// memory with SQLite's backup, and an older file is brought up to date in that copy, never
/// on disk.
public struct EarlierSession: Sendable {
    public var state: SessionState
    public var workshop: Workshop
    public var agreements: [Int64: Agreement]
    public var roadmap: [RoadmapEntry]

    public static func read(path: String) throws -> EarlierSession {
        try SessionFileCheck.requireSQLiteHeader(path: path)
        // Another session's journal would carry its work into the new day as this one's.
        try JournalIdentity.requireOwnJournal(path: path)
        FilePermissions.secure(session: path)  // even a reader may make the -wal others write to
        var config = SessionStore.configuration()
        config.readonly = true
        do {
            let source: DatabaseQueue
            do { source = try DatabaseQueue(path: path, configuration: config) } catch {
                source = try DatabaseQueue(path: URL(fileURLWithPath: path).absoluteString + "?immutable=1",
                                           configuration: config)
            }
            let problems = try source.read { db -> [Localized] in
                _ = try SessionFileCheck.requireTovholderSchema(db, path: path)
                return try SessionDiagnosis.problems(db, applied: try SessionFileCheck.appliedMigrations(db))
            }
            guard problems.isEmpty else { try? source.close(); throw SessionError.problems(path: path, problems) }
            let copy = try DatabaseQueue()
            try source.backup(to: copy)
            try source.close()
            try SessionSchema.migrator.migrate(copy)
            let store = SessionStore(path: path, queue: copy)
            return try store.reading { db in
                EarlierSession(state: try store.readState(db), workshop: try SessionStore.readWorkshop(db),
                               agreements: try store.readAgreements(db), roadmap: try store.readRoadmap(db))
            }
        } catch let error as SessionError {
            throw error
        } catch {
            throw SessionError.from(error, path: path)
        }
    }

    /// The earlier days of the series as the next day lists them: this day's own earlier
    /// days, then this day.
    public var asEarlierDays: [EarlierDay] {
        let day = state.programme
        return day.earlierDays + [EarlierDay(title: day.title, subtitle: day.subtitle, date: day.date)]
    }
}
