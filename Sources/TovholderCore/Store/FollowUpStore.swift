import Foundation
import GRDB

/// The follow-up of earlier days' agreements: each group says how each went (done, partly,
/// not done) and adds a note, with history like every text.
extension SessionStore {
    /// Every earlier agreement of live groups, oldest day first, in their order.
    static func readEarlierAgreements(_ db: Database) throws -> [EarlierAgreement] {
        try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT * FROM earlier_agreements ORDER BY day, position, id
            """)).compactMap { row in
            // A day this program cannot read was written by hand: skipped rather than shown wrong.
            guard let day = CalendarDate(iso: row["day"]) else { return nil }
            let dueText: String = row["due_text"]
            return EarlierAgreement(id: row["id"], groupID: row["group_id"], day: day, who: row["who"],
                                    knowledge: row["knowledge"], dueText: dueText,
                                    due: try? DanishDate.parse(dueText, near: day).get(),
                                    status: (row["status"] as String?).flatMap(FollowUpStatus.init(rawValue:)),
                                    note: String.fromDatabaseValue(row["note"] as DatabaseValue) ?? "")
        }
    }

    public func setFollowUpStatus(id: Int64, _ status: FollowUpStatus?, author: String? = nil,
                                  now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            try Self.requireEarlierAgreement(db, id)
            try db.execute(sql: "UPDATE earlier_agreements SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                           arguments: [status?.rawValue, now, author, id])
        }
    }

    public func setFollowUpNote(id: Int64, text: String, author: String? = nil,
                                now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in try Self.writeFollowUpNote(db, id: id, text: text, author: author, now: now, keepAlways: false) }
    }

    static func writeFollowUpNote(_ db: Database, id: Int64, text: String, author: String?, now: Double,
                                  keepAlways: Bool) throws {
        try requireEarlierAgreement(db, id)
        let row = try Row.fetchOne(db, sql: "SELECT note, updated_at, updated_by FROM earlier_agreements WHERE id = ?",
                                   arguments: [id])!
        let previous: String = row["note"]
        guard previous != text else { return }
        try keepPrevious(db, field: HistoryField.followUpNote(id), previous: previous, at: row["updated_at"] ?? now,
                         author: row["updated_by"], replacement: text, now: now,
                         always: keepAlways || (row["updated_by"] as String?) != author)
        try db.execute(sql: "UPDATE earlier_agreements SET note = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                       arguments: [storable(text), now, author, id])
    }

    static func requireEarlierAgreement(_ db: Database, _ id: Int64) throws {
        guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM earlier_agreements WHERE id = ?", arguments: [id]) == 1 else {
            throw WorksheetError.unknownField(HistoryField.followUpNote(id))
        }
    }
}
