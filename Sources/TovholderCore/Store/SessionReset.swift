import Foundation
import GRDB

/// Starting the day afresh: a rehearsal the evening before leaves "+551 min – bagud" and
/// items held at 18.15 in the minutes. A snapshot is taken first, so the rehearsal can be
/// brought back with `tovholder restore`.
extension SessionStore {
    /// Ends the snapshot's name, and keeps it from ever being thinned away.
    public static let resetLabel = "før nulstilling"

    /// Running the day: emptied by every reset (children before parents).
    static let runningTables = ["item_progress", "programme_changes", "vote_dots", "votes", "hidden_parts"]
    /// One row each, set back by every reset as a new session has it.
    static let settingTables = ["position", "projector", "session_flags"]
    /// The groups' work: emptied only by `reset(all: true)`, children before parents (the
    /// entries refer to their groups). The leases go with the fields they were for.
    static let workTables = ["entry_links", "entries", "groups", "plenum_notes", "item_notes", "text_history",
                             "field_stamps", "agreement_rows", "agreements", "roadmap", "card_answers", "card_deals",
                             "earlier_agreements", "leases"]
    /// Never touched: the programme, the counters (they must move, so every terminal reloads),
    /// the terminals and `tovholder serve`, which keep running through a reset, and the
    /// session's identity (a reset day is the same session: its journal still belongs).
    static let untouchedTables = ["programme", "revision", "terminals", "ssh_service", "ssh_codes", "ssh_notices",
                                  "session_identity"]

    /// Takes a labelled snapshot, then in one transaction sets the day back to its first
    /// item: no timers, no actual starts, no programme changes, no votes, nothing hidden, the
    /// projector showing the item, the sheets unlocked. The groups' work stays — unless
    /// `all`: then the session is as `create` leaves one from the same programme (its groups
    /// with an empty challenge and goal, its roadmap). The programme itself is kept as it is.
    /// The revision triggers tell every running terminal at once. Returns the snapshot.
    @discardableResult
    public func reset(all: Bool, now: Double = Date().timeIntervalSince1970, utcOffsetSeconds: Int) throws -> Snapshot {
        let snapshot: Snapshot
        do { snapshot = try Snapshots.take(self, now: now, utcOffsetSeconds: utcOffsetSeconds, label: Self.resetLabel) }
        catch { throw SnapshotError.cannotTake(path) }
        try writing { db in
            // Read first: a session whose programme cannot be read is refused before any change.
            let programme = try readState(db).programme
            for table in Self.runningTables { try db.execute(sql: "DELETE FROM \"\(table)\"") }
            try db.execute(sql: """
                INSERT INTO position(id, item_index, step) VALUES (1, 0, 0)
                ON CONFLICT(id) DO UPDATE SET item_index = 0, step = 0
                """)
            // As the migration made it: every other column at its default (not blank, no page).
            try db.execute(sql: "DELETE FROM projector")
            try db.execute(sql: "INSERT INTO projector(id, shows) VALUES (1, 'item')")
            try db.execute(sql: "UPDATE session_flags SET locked = 0, lock_reason = NULL WHERE id = 1")
            guard all else { return }
            for table in Self.workTables { try db.execute(sql: "DELETE FROM \"\(table)\"") }
            // What `create` seeds after inserting the programme.
            try SessionSchema.seedGroups(db, names: programme.groups, now: now)
            try SessionSchema.seedRoadmap(db, phases: programme.roadmap)
        }
        return snapshot
    }
}
