import GRDB

extension SessionSchema {
    /// v7: the method's activities. Dot votes and the dots each terminal gave, dialogue cards
    /// dealt to (or drawn by) groups with their answers, the parts hidden from the room while
    /// groups write privately, and the projector showing a card.
    static func migrateV7(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE votes(
                id INTEGER PRIMARY KEY,
                item_id TEXT NOT NULL,
                part TEXT NOT NULL,
                scope TEXT NOT NULL,
                dots INTEGER NOT NULL,
                open INTEGER NOT NULL,
                revealed INTEGER NOT NULL DEFAULT 0,
                started_at REAL NOT NULL);
            CREATE TABLE vote_dots(
                vote_id INTEGER NOT NULL,
                terminal TEXT NOT NULL,
                entry_id INTEGER NOT NULL,
                at REAL NOT NULL,
                PRIMARY KEY(vote_id, terminal, entry_id));
            CREATE TABLE card_deals(
                id INTEGER PRIMARY KEY,
                group_id INTEGER NOT NULL,
                deck TEXT NOT NULL,
                card TEXT NOT NULL,
                drawn INTEGER NOT NULL,
                dealt_at REAL NOT NULL);
            CREATE TABLE card_answers(
                deal_id INTEGER NOT NULL,
                question INTEGER NOT NULL,
                text TEXT NOT NULL,
                updated_at REAL NOT NULL,
                updated_by TEXT,
                PRIMARY KEY(deal_id, question));
            CREATE TABLE hidden_parts(
                part TEXT PRIMARY KEY,
                since REAL NOT NULL);
            ALTER TABLE projector ADD COLUMN card TEXT;
            """)
        try createRevisionTriggers(db, tables: ["votes", "vote_dots", "card_deals", "card_answers"], area: "workshop")
        try createRevisionTriggers(db, tables: ["hidden_parts"], area: "session")
    }
}
