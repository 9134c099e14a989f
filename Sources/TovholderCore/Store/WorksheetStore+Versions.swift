import Foundation
import GRDB

/// Bringing back an earlier text of a field. Restoring is an ordinary edit through the same
/// paths as typing, so the text it replaces goes to the history as well: nothing is lost,
/// and a restore can itself be undone by restoring again.
extension SessionStore {
    /// Sets an entry or plenum note to `text`, an earlier
    /// version usually; the text it replaces is always kept in the history.
    public func restore(field: FieldRef, text: String, author: String? = nil,
                        now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            switch field {
            case .entry(let id):
                try Self.writeEntryText(db, entryID: id, text: text, author: author, now: now, keepAlways: true)
            case .plenumNote(let item):
                try Self.writeNote(db, .plenum, itemID: item, text: text, author: author, now: now, keepAlways: true)
            case .itemNote(let item):
                try Self.writeNote(db, .item, itemID: item, text: text, author: author, now: now, keepAlways: true)
            case .cardAnswer(let deal, let q):
                try Self.writeCardAnswer(db, dealID: deal, question: q, text: text, author: author, now: now, keepAlways: true)
            case .followUpNote(let id):
                try Self.writeFollowUpNote(db, id: id, text: text, author: author, now: now, keepAlways: true)
            default:
                throw WorksheetError.unknownField(field.historyName ?? "")
            }
        }
    }

    /// Every version of a field, newest first: the current text first (when the field has
    /// one), then the history. `at` and `author` say when and by whom each was written.
    public func versions(field ref: FieldRef) throws -> [(text: String, at: Double, author: String?)] {
        guard let field = ref.historyName else { return [] }
        return try reading { db in
            var result: [(text: String, at: Double, author: String?)] = []
            let current: Row?
            switch ref {
            case .entry(let id):
                current = try Row.fetchOne(db, sql: "SELECT text, updated_at, updated_by FROM entries WHERE id = ?",
                                           arguments: [id])
            case .plenumNote(let item):
                current = try Row.fetchOne(db, sql: """
                    SELECT text, updated_at, updated_by FROM plenum_notes WHERE item_id = ?
                    """, arguments: [item])
            case .itemNote(let item):
                current = try Row.fetchOne(db, sql: """
                    SELECT text, updated_at, updated_by FROM item_notes WHERE item_id = ?
                    """, arguments: [item])
            case .cardAnswer(let deal, let q):
                current = try Row.fetchOne(db, sql: """
                    SELECT text, updated_at, updated_by FROM card_answers WHERE deal_id = ? AND question = ?
                    """, arguments: [deal, q])
            case .followUpNote(let id):
                current = try Row.fetchOne(db, sql: """
                    SELECT note AS text, COALESCE(updated_at, 0) AS updated_at, updated_by FROM earlier_agreements WHERE id = ?
                    """, arguments: [id])
            default:
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
