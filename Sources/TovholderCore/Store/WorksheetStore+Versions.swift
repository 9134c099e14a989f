import Foundation
import GRDB

/// Bringing back an earlier text of a field. Restoring is an ordinary edit through the same
/// paths as typing, so the text it replaces goes to the history as well: nothing is lost,
/// and a restore can itself be undone by restoring again.
extension SessionStore {
    /// What a `HistoryField` string names.
    enum FieldRef: Equatable {
        case entry(Int64)
        case plenum(String)

        init?(_ field: String) {
            if field.hasPrefix("entry:"), let id = Int64(field.dropFirst("entry:".count)) {
                self = .entry(id)
            } else if field.hasPrefix("plenum:"), field.count > "plenum:".count {
                self = .plenum(String(field.dropFirst("plenum:".count)))
            } else {
                return nil
            }
        }
    }

    /// Sets the field (`HistoryField.entry(id)` or `.plenum(item)`) to `text`, an earlier
    /// version usually; the text it replaces is always kept in the history.
    public func restore(field: String, text: String, author: String? = nil,
                        now: Double = Date().timeIntervalSince1970) throws {
        guard let ref = FieldRef(field) else { throw WorksheetError.unknownField(field) }
        try writing { db in
            switch ref {
            case .entry(let id):
                try Self.writeEntryText(db, entryID: id, text: text, author: author, now: now, keepAlways: true)
            case .plenum(let item):
                try Self.writePlenumNote(db, itemID: item, text: text, author: author, now: now, keepAlways: true)
            }
        }
    }

    /// Every version of a field, newest first: the current text first (when the field has
    /// one), then the history. `at` and `author` say when and by whom each was written.
    public func versions(field: String) throws -> [(text: String, at: Double, author: String?)] {
        try reading { db in
            var result: [(text: String, at: Double, author: String?)] = []
            let current: Row?
            switch FieldRef(field) {
            case .entry(let id)?:
                current = try Row.fetchOne(db, sql: "SELECT text, updated_at, updated_by FROM entries WHERE id = ?",
                                           arguments: [id])
            case .plenum(let item)?:
                current = try Row.fetchOne(db, sql: """
                    SELECT text, updated_at, updated_by FROM plenum_notes WHERE item_id = ?
                    """, arguments: [item])
            case nil:
                current = nil
            }
            if let current {
                result.append((text: current["text"], at: current["updated_at"], author: current["updated_by"]))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT text, at, author FROM text_history WHERE field = ? ORDER BY at DESC, id DESC
                """, arguments: [field]) {
                result.append((text: row["text"], at: row["at"], author: row["author"]))
            }
            return result
        }
    }
}
