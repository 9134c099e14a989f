import Foundation
import GRDB

/// What is wrong with a session file, read without writing a byte: SQLite's own integrity
/// and foreign-key checks, and every table and column its schema version promises. Each
/// problem is one line for a person.
public enum SessionDiagnosis {
    /// The problems of an opened (read-only) database at schema `applied`; empty when sound.
    static func problems(_ db: Database, applied: Set<String>) throws -> [Localized] {
        var found: [Localized] = []
        for (table, columns) in try expectedTables(upTo: applied) {
            let present = Set(try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                .map { $0["name"] as String })
            if present.isEmpty {
                found.append(missingTable(table))
                continue
            }
            for column in columns.sorted() where !present.contains(column) {
                found.append(Localized(da: "kolonnen \(column) i tabellen \(table) mangler",
                                       en: "the column \(column) of the table \(table) is missing"))
            }
        }
        found += try sqliteCheck(db, "integrity_check")
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").prefix(20) {
            let table: String = row[0], parent: String = row[2]
            let rowid: Int64? = row[1]
            found.append(Localized(
                da: "en række i \(table) (nr. \(rowid.map(String.init) ?? "?")) peger på en række i \(parent), som ikke findes",
                en: "a row of \(table) (no. \(rowid.map(String.init) ?? "?")) points at a row of \(parent) that does not exist"))
        }
        return found
    }

    /// The tables each version adds, for the quick check at every open (a test keeps this
    /// equal to what the migrations make).
    static let tablesByVersion: [(version: String, tables: [String])] = [
        ("v1", ["programme", "position", "item_progress"]),
        ("v2", ["groups", "entries", "entry_links", "plenum_notes", "text_history"]),
        ("v3", ["revision", "session_flags", "terminals", "leases"]),
        ("v4", ["agreements", "agreement_rows", "roadmap", "field_stamps"]),
        ("v5", ["item_notes", "projector"]),
        ("v6", ["ssh_service", "ssh_codes"]),
        ("v7", ["votes", "vote_dots", "card_deals", "card_answers", "hidden_parts"]),
        ("v8", ["earlier_agreements", "programme_changes"]),
        ("v9", ["ssh_notices", "session_identity"]),
    ]

    /// At every open: the tables the version promises exist, and SQLite's quick check. A
    /// dropped table once opened as empty worksheets.
    static func quickProblems(_ db: Database, applied: Set<String>) throws -> [Localized] {
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        var found: [Localized] = []
        for (version, tables) in tablesByVersion where applied.contains(version) {
            for table in tables where !present.contains(table) { found.append(missingTable(table)) }
        }
        return found + (try sqliteCheck(db, "quick_check"))
    }

    static func missingTable(_ table: String) -> Localized {
        Localized(da: "tabellen \(table) mangler – dens indhold er væk fra denne fil",
                  en: "the table \(table) is missing – its content is gone from this file")
    }

    /// SQLite's own check (`integrity_check` or `quick_check`), a line per finding (20 at most).
    static func sqliteCheck(_ db: Database, _ pragma: String) throws -> [Localized] {
        let lines = try String.fetchAll(db, sql: "PRAGMA \(pragma)")
        guard lines != ["ok"] else { return [] }
        return lines.prefix(20).map {
            Localized(da: "SQLite fandt en skade i filen: \($0)", en: "SQLite found damage in the file: \($0)")
        }
    }

    /// Every table and its columns as the migrations in `applied` make them, from a
    /// database built in memory by the same migrator: the schema can never disagree with it.
    static func expectedTables(upTo applied: Set<String>) throws -> [String: Set<String>] {
        let queue = try DatabaseQueue()
        let last = SessionSchema.versions.filter(applied.contains).last ?? "v1"
        try SessionSchema.migrator.migrate(queue, upTo: last)
        return try queue.read { db in
            var tables: [String: Set<String>] = [:]
            for name in try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """) {
                tables[name] = Set(try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [name])
                    .map { $0["name"] as String })
            }
            return tables
        }
    }
}
