import GRDB

/// What an export reads from a session file, all from one moment.
public struct SessionSnapshot: Equatable, Sendable {
    public var session: SessionState
    public var workshop: Workshop
    /// When the file was created: a key that tells this session's calendar events from
    /// those of another session made from the same template.
    public var createdAt: Double

    /// The `sessionID` the minutes and their calendar UIDs use for this file.
    public var sessionID: String { "s\(Int64(createdAt.rounded(.down)))" }
}

extension SessionStore {
    /// Session and worksheets in ONE read transaction, so an export taken while other
    /// terminals edit never mixes an older agenda with newer worksheets.
    public func minutesSnapshot() throws -> SessionSnapshot {
        try minutesSnapshot(also: { _ in () }).0
    }

    /// As `minutesSnapshot()`, and `extra` reads more inside the same transaction — the
    /// place for the agreements and the roadmap once their store exists, e.g.
    /// `store.minutesSnapshot(also: { db in (try readAgreements(db), try readRoadmap(db)) })`.
    public func minutesSnapshot<Extra>(also extra: (Database) throws -> Extra) throws -> (SessionSnapshot, Extra) {
        try reading { db in
            let session = try readState(db)
            let workshop = try Self.readWorkshop(db)
            let created = try Double.fetchOne(db, sql: "SELECT created_at FROM programme WHERE id = 1") ?? 0
            return (SessionSnapshot(session: session, workshop: workshop, createdAt: created), try extra(db))
        }
    }
}
