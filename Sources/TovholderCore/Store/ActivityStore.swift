import Foundation
import GRDB

/// Dot votes and dialogue cards in the session file (schema v7). Like every edit, each is
/// one small write transaction that checks against what is in the file at that moment: two
/// terminals pressing Space at once can never give a terminal more dots than it has.
extension SessionStore {
    // MARK: votes

    /// Starts a vote; the vote before it, if still open, closes (one vote at a time).
    @discardableResult
    public func startVote(itemID: String, part: WorksheetPart, scope: Vote.Scope, dots: Int,
                          now: Double = Date().timeIntervalSince1970) throws -> Int64 {
        try writing { db in
            try db.execute(sql: "UPDATE votes SET open = 0 WHERE open = 1")
            try db.execute(sql: """
                INSERT INTO votes(item_id, part, scope, dots, open, revealed, started_at) VALUES (?, ?, ?, ?, 1, 0, ?)
                """, arguments: [itemID, part.rawValue, scope.rawValue, max(1, dots), now])
            return db.lastInsertedRowID
        }
    }

    /// Closes a vote (no more dots) or opens it again; opening closes any other.
    public func setVoteOpen(id: Int64, _ open: Bool) throws {
        try writing { db in
            if open { try db.execute(sql: "UPDATE votes SET open = 0 WHERE open = 1 AND id <> ?", arguments: [id]) }
            try db.execute(sql: "UPDATE votes SET open = ? WHERE id = ?", arguments: [open, id])
        }
    }

    /// Shows the counts to the room (projector, participants) or hides them again.
    public func setVoteRevealed(id: Int64, _ revealed: Bool) throws {
        try writing { db in try db.execute(sql: "UPDATE votes SET revealed = ? WHERE id = ?", arguments: [revealed, id]) }
    }

    /// Gives a terminal's dot to an entry, or takes it back if it already has one there.
    /// `groupID`: the voting terminal's group (nil: the facilitator), for the ballot check.
    public func toggleDot(voteID: Int64, terminal: String, entryID: Int64, groupID: Int64?,
                          now: Double = Date().timeIntervalSince1970) throws -> DotResult {
        try writing { db in
            guard let vote = try Row.fetchOne(db, sql: "SELECT * FROM votes WHERE id = ?", arguments: [voteID]),
                  (vote["open"] as Bool) else { return .closed }
            let given = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM vote_dots WHERE vote_id = ? AND terminal = ? AND entry_id = ?
                """, arguments: [voteID, terminal, entryID]) ?? 0
            if given > 0 {
                try db.execute(sql: "DELETE FROM vote_dots WHERE vote_id = ? AND terminal = ? AND entry_id = ?",
                               arguments: [voteID, terminal, entryID])
                return .takenBack
            }
            // On the ballot: a live, written entry of the part voted on (own group's when
            // the vote is within each group).
            guard let part = WorksheetPart(rawValue: vote["part"]), let kind = EntryKind(part: part),
                  let entry = try Row.fetchOne(db, sql: """
                      SELECT e.group_id, e.text FROM entries e JOIN groups g ON g.id = e.group_id
                      WHERE e.id = ? AND e.kind = ? AND e.deleted_at IS NULL AND g.removed_at IS NULL
                      """, arguments: [entryID, kind.rawValue]),
                  !(String.fromDatabaseValue(entry["text"] as DatabaseValue) ?? "").allSatisfy(\.isWhitespace)
            else { return .notOnBallot }
            if (vote["scope"] as String) == Vote.Scope.group.rawValue, let groupID, (entry["group_id"] as Int64) != groupID {
                return .notOnBallot
            }
            let used = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM vote_dots WHERE vote_id = ? AND terminal = ?",
                                        arguments: [voteID, terminal]) ?? 0
            guard used < (vote["dots"] as Int) else { return .noDotsLeft }
            try db.execute(sql: "INSERT INTO vote_dots(vote_id, terminal, entry_id, at) VALUES (?, ?, ?, ?)",
                           arguments: [voteID, terminal, entryID, now])
            return .given
        }
    }

    // MARK: dialogue cards

    /// Deals one card of `deck` to each group, a different card each while the deck lasts
    /// (shuffled by `shuffle`, so tests can fix the order).
    public func dealCards(groupIDs: [Int64], deck: Deck, shuffle: ([DialogueCard]) -> [DialogueCard] = { $0.shuffled() },
                          now: Double = Date().timeIntervalSince1970) throws {
        guard !deck.cards.isEmpty else { return }
        var pile: [DialogueCard] = []
        try writing { db in
            for group in groupIDs {
                if pile.isEmpty { pile = shuffle(deck.cards) }
                let card = pile.removeFirst()
                try db.execute(sql: "INSERT INTO card_deals(group_id, deck, card, drawn, dealt_at) VALUES (?, ?, ?, 0, ?)",
                               arguments: [group, deck.id, card.id, now])
            }
        }
    }

    /// A group draws a card: one no other group holds now, if the deck has one left.
    @discardableResult
    public func drawCard(groupID: Int64, deck: Deck, pick: ([DialogueCard]) -> DialogueCard? = { $0.randomElement() },
                         now: Double = Date().timeIntervalSince1970) throws -> DialogueCard? {
        try writing { db in
            // Each group's latest deal is the card it holds.
            let held = Set(try String.fetchAll(db, sql: """
                SELECT card FROM card_deals d WHERE deck = ? AND id = (SELECT MAX(id) FROM card_deals WHERE group_id = d.group_id)
                """, arguments: [deck.id]))
            let free = deck.cards.filter { !held.contains($0.id) }
            guard let card = pick(free.isEmpty ? deck.cards : free) else { return nil }
            try db.execute(sql: "INSERT INTO card_deals(group_id, deck, card, drawn, dealt_at) VALUES (?, ?, ?, 1, ?)",
                           arguments: [groupID, deck.id, card.id, now])
            return card
        }
    }

    /// A group's answer to one question of its card, with the earlier text kept in history.
    public func setCardAnswer(dealID: Int64, question: Int, text: String, author: String? = nil,
                              now: Double = Date().timeIntervalSince1970) throws {
        try writing { db in
            try Self.writeCardAnswer(db, dealID: dealID, question: question, text: text, author: author, now: now,
                                     keepAlways: false)
        }
    }

    static func writeCardAnswer(_ db: Database, dealID: Int64, question: Int, text: String, author: String?,
                                now: Double, keepAlways: Bool) throws {
        guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM card_deals WHERE id = ?", arguments: [dealID]) == 1 else {
            throw WorksheetError.unknownField(HistoryField.cardAnswer(dealID, question))
        }
        let row = try Row.fetchOne(db, sql: """
            SELECT text, updated_at, updated_by FROM card_answers WHERE deal_id = ? AND question = ?
            """, arguments: [dealID, question])
        let previous: String = row?["text"] ?? ""
        guard previous != text else { return }
        if let row {
            try Self.keepPrevious(db, field: HistoryField.cardAnswer(dealID, question), previous: previous,
                                  at: row["updated_at"], author: row["updated_by"], replacement: text, now: now,
                                  always: keepAlways || (row["updated_by"] as String?) != author)
        }
        try db.execute(sql: """
            INSERT INTO card_answers(deal_id, question, text, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(deal_id, question) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by
            """, arguments: [dealID, question, storable(text), now, author])
    }

    // MARK: reading

    /// Votes with their dots, and card deals with their answers, into a workshop being read.
    static func readActivities(_ db: Database, into workshop: inout Workshop) throws {
        var dots: [Int64: [VoteDot]] = [:]
        let dotRows = try Row.fetchCursor(try db.cachedStatement(sql: "SELECT vote_id, terminal, entry_id FROM vote_dots ORDER BY at"))
        while let row = try dotRows.next() { dots[row[0], default: []].append(VoteDot(terminal: row[1], entryID: row[2])) }
        for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM votes ORDER BY id")) {
            // A part or scope this program does not know was written by a newer one: skipped.
            guard let part = WorksheetPart(rawValue: row["part"]), let scope = Vote.Scope(rawValue: row["scope"]) else { continue }
            let id: Int64 = row["id"]
            workshop.votes.append(Vote(id: id, itemID: row["item_id"], part: part, scope: scope, dotsPerTerminal: row["dots"],
                                       isOpen: row["open"], revealed: row["revealed"], dots: dots[id] ?? []))
        }
        var answers: [Int64: [Int: String]] = [:]
        for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT deal_id, question, text FROM card_answers")) {
            answers[row[0], default: [:]][row[1]] = String.fromDatabaseValue(row[2] as DatabaseValue) ?? ""
        }
        for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM card_deals ORDER BY id")) {
            let id: Int64 = row["id"]
            workshop.cardDeals.append(CardDeal(id: id, groupID: row["group_id"], deckID: row["deck"], cardID: row["card"],
                                               drawn: row["drawn"], answers: answers[id] ?? [:]))
        }
    }
}
