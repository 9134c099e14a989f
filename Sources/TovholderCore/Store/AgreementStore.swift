import Foundation
import GRDB

/// The groups' agreement forms (aftaleskema). Texts are kept as typed — dates and times
/// too, read on load against the day of the session — and every replaced text goes to
/// `text_history` by the same rule as the worksheets' entries.
extension SessionStore {
    /// Every active group's agreement; an empty one for a group that has written nothing.
    public func loadAgreements() throws -> [Int64: Agreement] {
        try reading { db in try readAgreements(db) }
    }

    /// Inside a read transaction, so an export can take everything from one snapshot.
    func readAgreements(_ db: Database) throws -> [Int64: Agreement] {
        let reference = try programmeDate(db)
        var result: [Int64: Agreement] = [:]
        for id in try Int64.fetchAll(try db.cachedStatement(sql: "SELECT id FROM groups WHERE removed_at IS NULL")) {
            result[id] = Agreement(groupID: id)
        }
        for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM agreements")) {
            guard var a = result[row["group_id"]] else { continue }
            a.perspectives = row["perspectives"]
            a.involve = row["involve"]
            a.tovholder = row["tovholder"]
            let dateText: String = row["next_date_text"], timeText: String = row["next_time_text"]
            a.nextMeeting = NextMeeting(dateText: dateText, date: try? DanishDate.parse(dateText, near: reference).get(),
                                        timeText: timeText, time: try? DanishTime.parse(timeText).get(),
                                        place: row["next_place"])
            result[a.groupID] = a
        }
        for row in try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT id, group_id, who, knowledge, due_text FROM agreement_rows
            WHERE deleted_at IS NULL ORDER BY position, id
            """)) {
            let groupID: Int64 = row["group_id"]
            let due: String = row["due_text"]
            result[groupID]?.rows.append(AgreementRow(
                id: row["id"], who: row["who"], knowledge: row["knowledge"], dueText: due,
                due: try? DanishDate.parse(due, near: reference).get()))
        }
        for earlier in try Self.readEarlierAgreements(db) { result[earlier.groupID]?.earlier.append(earlier) }
        return result
    }

    /// Replaces one of a group's agreement texts; the earlier text goes to the history
    /// (field `HistoryField.agreement(groupID, field)`). A removed group's form still takes
    /// the text: a terminal that has not seen the removal must not lose what it types.
    public func setAgreementField(groupID: Int64, field: AgreementField, text: String, author: String? = nil,
                                  now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            _ = try Self.requireGroup(db, groupID)
            let previous = try String.fetchOne(try db.cachedStatement(sql: "SELECT \(field.column) FROM agreements WHERE group_id = ?"),
                                               arguments: [groupID])
            guard (previous ?? "") != text else { return }
            try Self.keepStamped(db, field: HistoryField.agreement(groupID, field), previous: previous ?? "",
                                 replacement: text, author: author, now: now)
            try db.execute(sql: """
                INSERT INTO agreements(group_id, \(field.column), updated_at) VALUES (?, ?, ?)
                ON CONFLICT(group_id) DO UPDATE SET \(field.column) = excluded.\(field.column),
                    updated_at = excluded.updated_at
                """, arguments: [groupID, storable(text), now])
        }
    }

    /// Adds an empty concrete agreement right after `after` (a live row of the group), or last.
    @discardableResult
    public func addAgreementRow(groupID: Int64, after: Int64? = nil) throws -> AgreementRow {
        try writing { db in
            _ = try Self.requireGroup(db, groupID)
            let list = try Self.liveRows(db, groupID: groupID)
            let position = try Self.positionAfter(db, table: "agreement_rows", list: list, after: after)
            try db.execute(sql: "INSERT INTO agreement_rows(group_id, position) VALUES (?, ?)",
                           arguments: [groupID, position])
            return AgreementRow(id: db.lastInsertedRowID)
        }
    }

    /// Changes a row's texts; nil leaves one as it is. Replaced texts go to the history
    /// (`HistoryField.agreementRow`). A deleted row still takes text, as entries do.
    public func setAgreementRow(id: Int64, who: String? = nil, knowledge: String? = nil, dueText: String? = nil,
                                author: String? = nil, now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT who, knowledge, due_text FROM agreement_rows WHERE id = ?"),
                                             arguments: [id]) else { throw AgreementError.rowNotFound(id) }
            for (field, value) in [(AgreementRowField.who, who), (.knowledge, knowledge), (.dueText, dueText)] {
                guard let value else { continue }
                let previous: String = row[field.column]
                guard previous != value else { continue }
                try Self.keepStamped(db, field: HistoryField.agreementRow(id, field), previous: previous,
                                     replacement: value, author: author, now: now)
                try db.execute(sql: "UPDATE agreement_rows SET \(field.column) = ? WHERE id = ?",
                               arguments: [storable(value), id])
            }
        }
    }

    /// Soft: the row leaves the form with its texts kept.
    public func deleteAgreementRow(id: Int64, now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            try db.execute(sql: "UPDATE agreement_rows SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                           arguments: [now, id])
            if db.changesCount == 0 { throw AgreementError.rowNotFound(id) }
        }
    }

    /// Moves a row `by` places within its group's rows (negative is up), stopping at the ends.
    public func moveAgreementRow(id: Int64, by offset: Int) throws {
        try writing { db in
            guard let groupID = try Int64.fetchOne(try db.cachedStatement(sql: """
                SELECT group_id FROM agreement_rows WHERE id = ? AND deleted_at IS NULL
                """), arguments: [id]) else { throw AgreementError.rowNotFound(id) }
            try Self.move(db, table: "agreement_rows", ids: try Self.liveRows(db, groupID: groupID).map(\.id),
                          id: id, by: offset)
        }
    }

    // MARK: helpers

    static func liveRows(_ db: Database, groupID: Int64) throws -> [(id: Int64, position: Double)] {
        try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT id, position FROM agreement_rows WHERE group_id = ? AND deleted_at IS NULL ORDER BY position, id
            """), arguments: [groupID]).map { (id: $0["id"], position: $0["position"]) }
    }

    /// The day of the session, against which dates without a year are read.
    func programmeDate(_ db: Database) throws -> CalendarDate {
        guard let json = try String.fetchOne(try db.cachedStatement(sql: "SELECT json FROM programme WHERE id = 1")),
              let date = try? decodeProgramme(json).date else {
            throw SessionError.damaged(path: path, detail: SessionError.programmeMissing)
        }
        return date
    }

    /// `keepPrevious` for a field whose last writer and time are in `field_stamps`, then
    /// stamps the new text. A text with no stamp is kept whatever replaces it: who wrote it
    /// and when is unknown, so it may be another terminal's.
    static func keepStamped(_ db: Database, field: String, previous: String, replacement: String,
                            author: String?, now: Double) throws {
        let stamp = try Row.fetchOne(try db.cachedStatement(sql: "SELECT at, author FROM field_stamps WHERE field = ?"), arguments: [field])
        let by: String? = stamp?["author"]
        try keepPrevious(db, field: field, previous: previous, at: stamp?["at"] ?? now, author: by,
                         replacement: replacement, now: now, always: stamp == nil || by != author)
        try db.execute(sql: """
            INSERT INTO field_stamps(field, at, author) VALUES (?, ?, ?)
            ON CONFLICT(field) DO UPDATE SET at = excluded.at, author = excluded.author
            """, arguments: [field, now, author])
    }

    /// The position for a new line right after `after` in `list` (in position order), or
    /// last. Halfway between neighbours; when halving runs out of precision the list is
    /// renumbered 1…n first.
    static func positionAfter(_ db: Database, table: String, list: [(id: Int64, position: Double)],
                              after: Int64?) throws -> Double {
        guard let after else { return (list.last?.position ?? 0) + 1 }
        guard let i = list.firstIndex(where: { $0.id == after }) else { throw AgreementError.notInSameList(after) }
        let lo = list[i].position, hi = i + 1 < list.count ? list[i + 1].position : lo + 2
        let mid = (lo + hi) / 2
        if lo < mid && mid < hi { return mid }
        try renumber(db, table: table, list.map(\.id))
        return Double(i + 1) + 0.5
    }

    /// Moves `id` within `ids` (the live list in order) by `offset`, then renumbers.
    static func move(_ db: Database, table: String, ids: [Int64], id: Int64, by offset: Int) throws {
        var ids = ids
        guard let from = ids.firstIndex(of: id) else { return }
        let to = min(max(0, from + offset), ids.count - 1)
        guard to != from else { return }
        ids.remove(at: from)
        ids.insert(id, at: to)
        try renumber(db, table: table, ids)
    }

    static func renumber(_ db: Database, table: String, _ ids: [Int64]) throws {
        for (i, id) in ids.enumerated() {
            try db.execute(sql: "UPDATE \(table) SET position = ? WHERE id = ?", arguments: [Double(i + 1), id])
        }
    }
}
