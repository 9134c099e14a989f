import Foundation
import GRDB

/// The groups and their worksheets in the session file. Every edit is one small write
/// transaction (GRDB's are IMMEDIATE), so several terminals can edit at once: each edit
/// validates against what is in the file at that moment, not against a stale snapshot.
extension SessionStore {
    /// Everything the groups and the facilitator wrote, as one consistent snapshot.
    public func loadWorkshop() throws -> Workshop {
        try reading { db in try Self.readWorkshop(db) }
    }

    /// The workshop inside a read the caller holds, so it can be read together with other tables.
    static func readWorkshop(_ db: Database) throws -> Workshop {
        var workshop = Workshop()
        for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM groups ORDER BY position, id")) {
            let group = Group(id: row["id"], name: row["name"], position: row["position"],
                              removed: (row["removed_at"] as Double?) != nil)
            workshop.groups.append(group)
            workshop.worksheets[group.id] = Worksheet(group: group)
        }
        var links: [Int64: [Int64]] = [:]
        // Cursors, not arrays of rows: each row is read where it lies, not copied first.
        let linkRows = try Row.fetchCursor(try db.cachedStatement(sql: "SELECT entry_id, target_id FROM entry_links"))
        while let row = try linkRows.next() {
            links[row[0], default: []].append(row[1])
        }
        var entries: [Entry] = []
        let entryRows = try Row.fetchCursor(try db.cachedStatement(sql: """
            SELECT id, group_id, kind, text, position, origin_day, origin_group, carried_text FROM entries
            WHERE deleted_at IS NULL ORDER BY position, id
            """))
        while let row = try entryRows.next() {
            // An unknown kind was written by a newer program; skip it rather than fail.
            // Columns by index: a hundred terminals read this on every keystroke.
            guard let kind = EntryKind(rawValue: row[2]) else { continue }
            // The text through DatabaseValue, which keeps a NUL typed into it (String straight
            // from a cursor's row stops at the first).
            let text = String.fromDatabaseValue(row[3] as DatabaseValue) ?? ""
            var entry = Entry(id: row[0], groupID: row[1], kind: kind, text: text, position: row[4])
            if let day = (row[5] as String?).flatMap(CalendarDate.init(iso:)) {
                entry.origin = EntryOrigin(day: day, group: row[6] ?? "", carriedText: row[7] ?? "")
            }
            entries.append(entry)
        }
        // Entries are in position order, so their index orders a link list.
        let index = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.id, $0) })
        for entry in entries {
            guard workshop.worksheets[entry.groupID] != nil else { continue }
            var e = entry
            if let targetKind = e.kind.linksTo {
                // Only live targets of the right kind in the same group, in their order.
                e.links = Set(links[e.id] ?? []).compactMap { index[$0] }.sorted()
                    .map { entries[$0] }.filter { $0.kind == targetKind && $0.groupID == e.groupID }.map(\.id)
            }
            // Appended in place (a copy of the sheet per entry made reading quadratic).
            switch e.kind {
            case .challenge: if workshop.worksheets[e.groupID]!.challenge == nil { workshop.worksheets[e.groupID]!.challenge = e }
            case .goal: workshop.worksheets[e.groupID]!.goals.append(e)
            case .mechanism: workshop.worksheets[e.groupID]!.mechanisms.append(e)
            case .trialAction: workshop.worksheets[e.groupID]!.trialActions.append(e)
            case .sign: workshop.worksheets[e.groupID]!.signs.append(e)
            }
        }
        for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT item_id, text FROM plenum_notes")) {
            workshop.plenumNotes[row["item_id"]] = row["text"]
        }
        for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT item_id, text FROM item_notes")) {
            workshop.itemNotes[row["item_id"]] = row["text"]
        }
        try readActivities(db, into: &workshop)
        for row in try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT id, group_id, kind, carried_text, position, origin_day, origin_group FROM entries
            WHERE deleted_at IS NOT NULL AND origin_day IS NOT NULL ORDER BY position, id
            """)) {
            guard let kind = EntryKind(rawValue: row[2]), let day = (row[5] as String?).flatMap(CalendarDate.init(iso:)) else { continue }
            let text = String.fromDatabaseValue(row[3] as DatabaseValue) ?? ""
            workshop.carriedAway.append(Entry(id: row[0], groupID: row[1], kind: kind, text: text, position: row[4],
                                              origin: EntryOrigin(day: day, group: row[6] ?? "", carriedText: text)))
        }
        return workshop
    }

    // MARK: groups

    /// Adds a group at the end, with an empty challenge and goal. An empty name becomes
    /// "Gruppe N", the first such name not taken.
    @discardableResult
    public func addGroup(name: String, now: Double = Date().timeIntervalSince1970) throws -> Group {
        try writing { db in
            var name = Self.trimmed(name)
            let taken = try Self.activeNames(db, except: nil)
            if name.isEmpty {
                // Avoid removed groups' names too, so they can still be restored.
                let all = Set(try String.fetchAll(try db.cachedStatement(sql: "SELECT name FROM groups")).map { $0.lowercased() })
                var n = taken.count + 1
                while all.contains("gruppe \(n)") { n += 1 }
                name = "Gruppe \(n)"
            }
            guard !taken.contains(name.lowercased()) else { throw WorksheetError.duplicateGroupName(name) }
            let position = (try Int.fetchOne(try db.cachedStatement(sql: "SELECT MAX(position) FROM groups")) ?? 0) + 1
            try db.execute(sql: "INSERT INTO groups(name, position) VALUES (?, ?)", arguments: [name, position])
            let id = db.lastInsertedRowID
            try SessionSchema.insertStarterEntries(db, groupID: id, now: now)
            return Group(id: id, name: name, position: position)
        }
    }

    public func renameGroup(id: Int64, name: String) throws {
        try writing { db in
            let name = Self.trimmed(name)
            guard !name.isEmpty else { throw WorksheetError.emptyGroupName }
            _ = try Self.requireGroup(db, id)
            guard !(try Self.activeNames(db, except: id)).contains(name.lowercased()) else {
                throw WorksheetError.duplicateGroupName(name)
            }
            try db.execute(sql: "UPDATE groups SET name = ? WHERE id = ?", arguments: [name, id])
        }
    }

    /// Soft: the group leaves the screens, its work stays in the file.
    public func removeGroup(id: Int64, now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            _ = try Self.requireGroup(db, id)
            try db.execute(sql: "UPDATE groups SET removed_at = ? WHERE id = ? AND removed_at IS NULL",
                           arguments: [now, id])
        }
    }

    /// Brings a removed group back with all its work; refused if its name was taken meanwhile.
    public func restoreGroup(id: Int64) throws {
        try writing { db in
            let name = try Self.requireGroup(db, id)
            guard !(try Self.activeNames(db, except: id)).contains(name.lowercased()) else {
                throw WorksheetError.duplicateGroupName(name)
            }
            try db.execute(sql: "UPDATE groups SET removed_at = NULL WHERE id = ?", arguments: [id])
        }
    }

    // MARK: helpers

    static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Lower-cased names of the groups not removed: names must differ ignoring case.
    static func activeNames(_ db: Database, except id: Int64?) throws -> Set<String> {
        let names = try String.fetchAll(try db.cachedStatement(sql: "SELECT name FROM groups WHERE removed_at IS NULL AND id IS NOT ?"),
                                        arguments: [id])
        return Set(names.map { $0.lowercased() })
    }

    /// The group's name, or `groupNotFound`.
    static func requireGroup(_ db: Database, _ id: Int64) throws -> String {
        guard let name = try String.fetchOne(try db.cachedStatement(sql: "SELECT name FROM groups WHERE id = ?"), arguments: [id]) else {
            throw WorksheetError.groupNotFound(id)
        }
        return name
    }
}
