import Yams

/// The keys a deck file may use, in the order they are listed in messages.
enum DeckKeys {
    static let root = ["format", "title", "cards"]
    static let card = ["id", "title", "questions"]
}

/// Turns a composed deck file into a validated `Deck`, or the issues that stop it.
extension NodeReader {
    func readDeck(_ root: Node, id: String) -> Deck? {
        guard case .mapping = root else { report(root, M.rootNotMapping); return nil }
        guard formatIsKnown(root), let f = fields(root, named: "", allowed: DeckKeys.root) else { return nil }
        requireKeys(f, ["format", "title", "cards"])
        let title = required(f, "title").flatMap(text)
        let cards = required(f, "cards").flatMap(readCards)
        guard issues.isEmpty, let title, let cards else { return nil }
        return Deck(id: id, title: title, cards: cards)
    }

    private func readCards(_ field: Field) -> [DialogueCard]? {
        if NodeReader.isNull(field.value) { report(field.key, DeckMessage.noCards); return nil }
        guard case let .sequence(seq) = field.value else {
            report(field.value, M.wrongType(field.name, expected: .list, found: NodeReader.shape(field.value)))
            return nil
        }
        if seq.isEmpty { report(field.value, DeckMessage.noCards); return nil }
        var firstLineOfID: [String: Int] = [:]
        return seq.compactMap { node in
            guard let f = fields(node, named: field.name, allowed: DeckKeys.card) else { return nil }
            requireKeys(f, ["id", "title"])
            var id = required(f, "id").flatMap(requiredScalar)
            if let s = id, let idField = f["id"] {
                if !Self.isValidID(s) {
                    report(idField.value, DeckMessage.badCardID(s)); id = nil
                } else if let first = firstLineOfID[s] {
                    report(idField.value, DeckMessage.duplicateCardID(s, firstLine: first))
                } else {
                    firstLineOfID[s] = NodeReader.line(idField.value)
                }
            }
            let title = required(f, "title").flatMap(text)
            let questions = readQuestions(f, card: id)
            guard let id, let title, let questions else { return nil }
            return DialogueCard(id: id, title: title, questions: questions)
        }
    }

    /// A card is its questions: one without any is reported where they are missing.
    private func readQuestions(_ card: Fields, card id: String?) -> [String]? {
        guard let field = card["questions"] else { report(card.node, DeckMessage.noQuestions(id)); return nil }
        if NodeReader.isNull(field.value) { report(field.key, DeckMessage.noQuestions(id)); return nil }
        if case let .sequence(seq) = field.value, seq.isEmpty {
            report(field.value, DeckMessage.noQuestions(id)); return nil
        }
        let questions = texts(field)
        return questions.isEmpty ? nil : questions
    }
}
