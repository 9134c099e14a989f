import Foundation
import GRDB

/// Entries, their links, the facilitator's plenum notes, and the history that keeps every
/// earlier text.
extension SessionStore {
    /// Adds an entry right after `after` (a live entry of the same group and kind), or last.
    @discardableResult
    public func addEntry(groupID: Int64, kind: EntryKind, after: Int64? = nil, text: String = "",
                         author: String? = nil, now: Double = Date().timeIntervalSince1970) throws -> Entry {
        try writing { db in
            _ = try Self.requireGroup(db, groupID)
            var list = try Self.liveList(db, groupID: groupID, kind: kind)
            if kind == .challenge && !list.isEmpty { throw WorksheetError.challengeExists }
            var position = (list.last?.position ?? 0) + 1
            if let after {
                guard var i = list.firstIndex(where: { $0.id == after }) else {
                    throw WorksheetError.notInSameList(after)
                }
                func between() -> Double? {
                    let lo = list[i].position, hi = i + 1 < list.count ? list[i + 1].position : lo + 2
                    let mid = (lo + hi) / 2
                    return lo < mid && mid < hi ? mid : nil
                }
                if let mid = between() {
                    position = mid
                } else {
                    // Halving ran out of precision (or positions tie): renumber, then halve.
                    try Self.renumber(db, list.map(\.id))
                    list = try Self.liveList(db, groupID: groupID, kind: kind)
                    i = list.firstIndex { $0.id == after }!
                    position = between()!
                }
            }
            try db.execute(sql: """
                INSERT INTO entries(group_id, kind, text, position, created_at, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [groupID, kind.rawValue, storable(text), position, now, now, author])
            return Entry(id: db.lastInsertedRowID, groupID: groupID, kind: kind, text: text, position: position)
        }
    }

    /// Replaces an entry's text. The earlier text goes to `text_history` unless the new text
    /// or the last history row already holds all of it (see `keepPrevious`).
    public func setText(entryID: Int64, text: String, author: String? = nil,
                        now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            try Self.writeEntryText(db, entryID: entryID, text: text, author: author, now: now, keepAlways: false)
        }
    }

    /// `keepAlways`: the replaced text goes to history even when the new text holds it
    /// (a restore is a deliberate switch of versions; the one left must be in the list).
    static func writeEntryText(_ db: Database, entryID: Int64, text: String, author: String?, now: Double,
                               keepAlways: Bool) throws {
        // A deleted entry may still be typed into by a terminal that has not seen the
        // deletion: keep that text too rather than refuse it.
        guard let row = try Row.fetchOne(db, sql: "SELECT text, updated_at, updated_by FROM entries WHERE id = ?",
                                         arguments: [entryID]) else { throw WorksheetError.entryNotFound(entryID) }
        let previous: String = row["text"]
        guard previous != text else { return }
        // Text another terminal wrote is always kept when replaced, however soon.
        let otherWriter = (row["updated_by"] as String?) != author
        try keepPrevious(db, field: HistoryField.entry(entryID), previous: previous, at: row["updated_at"],
                         author: row["updated_by"], replacement: text, now: now, always: keepAlways || otherWriter)
        try db.execute(sql: "UPDATE entries SET text = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                       arguments: [storable(text), now, author, entryID])
    }

    /// Soft: the entry leaves the worksheet with its text kept; links from and to it are ignored.
    public func deleteEntry(id: Int64, now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            _ = try Self.requireLiveEntry(db, id)
            try db.execute(sql: "UPDATE entries SET deleted_at = ? WHERE id = ?", arguments: [now, id])
        }
    }

    /// Moves an entry `by` places within its kind's list (negative is up), stopping at the ends.
    public func moveEntry(id: Int64, by offset: Int) throws {
        try writing { db in
            let (groupID, kind) = try Self.requireLiveEntry(db, id)
            var ids = try Self.liveList(db, groupID: groupID, kind: kind).map(\.id)
            let from = ids.firstIndex(of: id)!
            let to = min(max(0, from + offset), ids.count - 1)
            guard to != from else { return }
            ids.remove(at: from)
            ids.insert(id, at: to)
            try Self.renumber(db, ids)
        }
    }

    /// Sets what a trial action tries (mechanisms) or a sign shows (goals): live entries of
    /// that kind in the same group only.
    public func setLinks(entryID: Int64, targets: [Int64]) throws {
        try writing { db in
            let (groupID, kind) = try Self.requireLiveEntry(db, entryID)
            guard let targetKind = kind.linksTo else { throw WorksheetError.kindHasNoLinks(kind) }
            var unique: [Int64] = []
            for t in targets where !unique.contains(t) {
                let target = try? Self.requireLiveEntry(db, t)
                guard let target, target.groupID == groupID, target.kind == targetKind else {
                    throw WorksheetError.invalidLinkTarget(t)
                }
                unique.append(t)
            }
            try db.execute(sql: "DELETE FROM entry_links WHERE entry_id = ?", arguments: [entryID])
            for t in unique {
                try db.execute(sql: "INSERT INTO entry_links(entry_id, target_id) VALUES (?, ?)",
                               arguments: [entryID, t])
            }
        }
    }

    /// The facilitator's notes for a plenum item, kept with history like entries.
    public func setPlenumNote(itemID: String, text: String, author: String? = nil,
                              now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            try Self.writeNote(db, .plenum, itemID: itemID, text: text, author: author, now: now, keepAlways: false)
        }
    }

    /// The facilitator's own notes for an agenda item (the presenter console's), with history.
    public func setItemNote(itemID: String, text: String, author: String? = nil,
                            now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            try Self.writeNote(db, .item, itemID: itemID, text: text, author: author, now: now, keepAlways: false)
        }
    }

    /// The two kinds of notes per agenda item: the same shape, each in its own table.
    enum NoteTable: String {
        case plenum = "plenum_notes", item = "item_notes"
        func historyName(_ itemID: String) -> String {
            self == .plenum ? HistoryField.plenum(itemID) : HistoryField.itemNote(itemID)
        }
    }

    static func writeNote(_ db: Database, _ table: NoteTable, itemID: String, text: String, author: String?,
                          now: Double, keepAlways: Bool) throws {
        let row = try Row.fetchOne(db, sql: "SELECT text, updated_at, updated_by FROM \(table.rawValue) WHERE item_id = ?",
                                   arguments: [itemID])
        let previous: String = row?["text"] ?? ""
        guard previous != text else { return }
        if let row {
            let otherWriter = (row["updated_by"] as String?) != author
            try keepPrevious(db, field: table.historyName(itemID), previous: previous, at: row["updated_at"],
                             author: row["updated_by"], replacement: text, now: now, always: keepAlways || otherWriter)
        }
        try db.execute(sql: """
            INSERT INTO \(table.rawValue)(item_id, text, updated_at, updated_by) VALUES (?, ?, ?, ?)
            ON CONFLICT(item_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by
            """, arguments: [itemID, storable(text), now, author])
    }

    /// Earlier texts of a field (`HistoryField.entry(id)`, `.plenum(item)`), oldest first;
    /// `at` and `author` say when and by whom that text was written.
    public func history(field: String) throws -> [(text: String, at: Double, author: String?)] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT text, at, author FROM text_history WHERE field = ? ORDER BY at, id",
                             arguments: [field]).map { (text: $0["text"], at: $0["at"], author: $0["author"]) }
        }
    }

    // MARK: helpers

    /// A text that stood this long before it was changed is a version worth keeping.
    static let pauseSeconds = 2.0

    /// Appends `previous` (written at `at`) to the history when it stood for a pause, or when
    /// neither the replacement nor the last history row holds all of it. So typing on keeps
    /// the text from before each pause, a run of deletions keeps the text before it once,
    /// and anything replaced — also by another terminal — is always kept. `always` keeps it
    /// whatever the replacement (unless it is already the last history row).
    static func keepPrevious(_ db: Database, field: String, previous: String, at: Double,
                             author: String?, replacement: String, now: Double, always: Bool = false) throws {
        guard !previous.isEmpty else { return }
        let lastRow = try Row.fetchOne(db, sql: "SELECT text, author FROM text_history WHERE field = ? ORDER BY id DESC LIMIT 1",
                                       arguments: [field])
        let last: String? = lastRow?["text"]
        if last == previous { return }
        if !always && now - at < pauseSeconds {
            if isInsertion(of: previous, into: replacement) { return }
            // A step of the same writer's typing towards the last kept text; another
            // writer's text that happens to contain it ("w11-e0" and "w1-e0") is no reason.
            if let last, (lastRow?["author"] as String?) == author, isInsertion(of: previous, into: last) { return }
        }
        try db.execute(sql: "INSERT INTO text_history(field, text, at, author) VALUES (?, ?, ?, ?)",
                       arguments: [field, storable(previous), at, author])
    }

    /// Whether `longer` is `text` with something inserted at one place (or equal).
    static func isInsertion(of text: String, into longer: String) -> Bool {
        let a = Array(text.utf8), b = Array(longer.utf8)
        guard a.count <= b.count else { return false }
        var prefix = 0
        while prefix < a.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        return prefix + suffix == a.count
    }

    static func liveList(_ db: Database, groupID: Int64, kind: EntryKind) throws -> [(id: Int64, position: Double)] {
        try Row.fetchAll(db, sql: """
            SELECT id, position FROM entries WHERE group_id = ? AND kind = ? AND deleted_at IS NULL
            ORDER BY position, id
            """, arguments: [groupID, kind.rawValue]).map { (id: $0["id"], position: $0["position"]) }
    }

    static func renumber(_ db: Database, _ ids: [Int64]) throws {
        for (i, id) in ids.enumerated() {
            try db.execute(sql: "UPDATE entries SET position = ? WHERE id = ?", arguments: [Double(i + 1), id])
        }
    }

    /// The live entry's group and kind, or `entryNotFound`.
    static func requireLiveEntry(_ db: Database, _ id: Int64) throws -> (groupID: Int64, kind: EntryKind) {
        guard let row = try Row.fetchOne(db, sql: "SELECT group_id, kind FROM entries WHERE id = ? AND deleted_at IS NULL",
                                         arguments: [id]),
              let kind = EntryKind(rawValue: row["kind"]) else { throw WorksheetError.entryNotFound(id) }
        return (row["group_id"], kind)
    }
}

/// SQLite's C API binds and reads TEXT only up to the first NUL, so a text containing NUL
/// (pasted by a participant) is stored as its UTF-8 bytes, a BLOB, which GRDB reads back
/// into the same String: nothing typed is lost.
func storable(_ text: String) -> DatabaseValueConvertible {
    text.utf8.contains(0) ? Data(text.utf8) : text
}
