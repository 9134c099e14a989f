import Yams

/// The keys a template may use, in the order they are listed in messages.
enum TemplateKeys {
    static let root = ["format", "title", "subtitle", "organisation", "date", "challenge", "groups",
                       "agenda", "example", "agreement_questions", "roadmap", "prompts", "vote_dots", "vote_dots_per", "decks"]
    static let challenge = ["question", "bullets"]
    static let item = ["id", "kind", "title", "subtitle", "start", "minutes", "timed", "speaker", "part",
                       "bullets", "questions", "steps", "notes", "reaches"]
    static let step = ["title", "instruction", "example", "hint"]
    static let example = ["title", "challenge", "goal", "mechanisms", "trial_actions", "signs"]
    static let phase = ["from", "to", "title", "activities"]
}

/// Turns a composed YAML tree into a validated `DayTemplate`, or the issues that stop it.
extension NodeReader {
    typealias K = TemplateKeys

    static let defaultGroups = (1...4).map { "Gruppe \($0)" }

    func readDay(_ root: Node) -> DayTemplate? {
        guard case .mapping = root else { report(root, M.rootNotMapping); return nil }
        // Check the format first: a file for a newer format would only give confusing errors.
        if case let .mapping(m) = root, let (key, value) = m.first(where: { $0.key.string == "format" }) {
            if NodeReader.isNull(value) { report(key, M.missingValue("format")); return nil }
            guard let raw = value.scalar?.string.trimmingSpaces else {
                report(value, M.wrongType("format", expected: .text, found: NodeReader.shape(value))); return nil
            }
            if raw != "1" { report(value, M.badFormat(raw)); return nil }
        }
        guard let f = fields(root, named: "", allowed: K.root) else { return nil }
        requireKeys(f, ["format", "title", "organisation", "date", "challenge", "agenda"])

        let title = required(f, "title").flatMap(text)
        let subtitle = optionalText(f["subtitle"])
        let organisation = required(f, "organisation").flatMap(text)
        let date = required(f, "date").flatMap(self.date)
        let challenge = required(f, "challenge").flatMap(readChallenge)
        let groups = readGroups(f["groups"])
        let agenda = required(f, "agenda").flatMap(readAgenda)
        let example = f["example"].flatMap { NodeReader.isNull($0.value) ? nil : readExample($0) }
        let questions = texts(f["agreement_questions"])
        let roadmap = list(f["roadmap"]).compactMap { readPhase($0, day: date) }
        deckSelection = readDeckSelection(f["decks"])
        let prompts = readPrompts(f["prompts"])
        let voteDots = f["vote_dots"].flatMap { int($0, in: 1...20) } ?? DayTemplate.defaultVoteDots
        let voteDotsPer: VoteDotsPer = f["vote_dots_per"].flatMap { choice($0, M.dotsPerWord) } ?? .group

        guard issues.isEmpty, let title, let organisation, let date, let challenge, let agenda else { return nil }
        return DayTemplate(title: title, subtitle: subtitle, organisation: organisation, date: date,
                           challenge: challenge, groups: groups, agenda: agenda, example: example,
                           agreementQuestions: questions, roadmap: roadmap, prompts: prompts, voteDots: voteDots,
                           voteDotsPer: voteDotsPer)
    }

    private func readChallenge(_ field: Field) -> Challenge? {
        guard let f = fields(field.value, named: field.name, allowed: K.challenge) else { return nil }
        requireKeys(f, ["question"])
        let question = required(f, "question").flatMap(text)
        let bullets = texts(f["bullets"])
        return question.map { Challenge(question: $0, bullets: bullets) }
    }

    private func readGroups(_ field: Field?) -> [String] {
        guard let field else { return Self.defaultGroups }
        if NodeReader.isNull(field.value) { return Self.defaultGroups }
        if case let .sequence(seq) = field.value, seq.isEmpty { report(field.value, M.emptyList(field.name)); return [] }
        let entries = list(field)
        var seen: [String: Int] = [:]
        var names: [String] = []
        for entry in entries {
            guard let name = text(Field(name: field.name, key: entry, value: entry)) else { continue }
            let key = name.lowercased()
            if let first = seen[key] {
                report(entry, M.duplicateGroup(name, firstLine: first))
            } else {
                seen[key] = NodeReader.line(entry)
                names.append(name)
            }
        }
        return names
    }

    /// `prompts:` — a list of texts per part of the chain; the agreement form has none.
    private func readPrompts(_ field: Field?) -> [WorksheetPart: [String]] {
        guard let field, !NodeReader.isNull(field.value) else { return [:] }
        guard case let .mapping(mapping) = field.value else {
            report(field.value, M.wrongType(field.name, expected: .mapping, found: NodeReader.shape(field.value)))
            return [:]
        }
        let allowed = WorksheetPart.allCases.filter { $0 != .agreement }.map(\.rawValue)
        var prompts: [WorksheetPart: [String]] = [:]
        for (key, value) in mapping {
            guard case let .scalar(k) = key else { report(key, M.keyNotText); continue }
            guard let part = WorksheetPart(rawValue: k.string), part != .agreement else {
                report(key, k.string == WorksheetPart.agreement.rawValue
                       ? M.agreementHasNoPrompts : M.unknownPromptPart(k.string, allowed: allowed))
                continue
            }
            // A part named with no prompts is a mistake, not a way to hide the built-in ones.
            if NodeReader.isNull(value) { report(key, M.emptyList(k.string)); continue }
            if case let .sequence(seq) = value, seq.isEmpty { report(value, M.emptyList(k.string)); continue }
            let entries = texts(Field(name: k.string, key: key, value: value))
            if !entries.isEmpty { prompts[part] = entries }
        }
        return prompts
    }

    /// `reaches:` — the parts of the chain the day has reached at this item, each a part's name.
    private func readReaches(_ field: Field) -> [WorksheetPart] {
        list(field).compactMap { entry in choice(Field(name: field.name, key: entry, value: entry), M.partWord) }
    }

    // MARK: Agenda

    private func readAgenda(_ field: Field) -> [AgendaItem]? {
        guard !NodeReader.isNull(field.value) else { report(field.key, M.emptyList(field.name)); return nil }
        guard case let .sequence(seq) = field.value else {
            report(field.value, M.wrongType(field.name, expected: .list, found: NodeReader.shape(field.value)))
            return nil
        }
        if seq.isEmpty { report(field.value, M.emptyList(field.name)); return nil }

        var items: [AgendaItem] = []
        var firstLineOfID: [String: Int] = [:]
        var previous: (id: String, end: ClockTime)?
        for node in seq {
            guard let f = fields(node, named: field.name, allowed: K.item) else { continue }
            requireKeys(f, ["id", "kind", "title", "start", "minutes"])
            let idField = required(f, "id")
            var id = idField.flatMap(requiredScalar)
            if let s = id, let idf = idField {
                if !Self.isValidID(s) {
                    report(idf.value, M.badID(s)); id = nil
                } else if let first = firstLineOfID[s] {
                    report(idf.value, M.duplicateID(s, firstLine: first))
                } else {
                    firstLineOfID[s] = NodeReader.line(idf.value)
                }
            }
            let kind: ItemKind? = required(f, "kind").flatMap { choice($0, M.kindWord) }
            let title = required(f, "title").flatMap(text)
            let subtitle = optionalText(f["subtitle"])
            let startField = required(f, "start")
            let start = startField.flatMap(time)
            let minutesField = required(f, "minutes")
            let minutes = minutesField.flatMap { int($0, in: 1...600) }
            let timed = f["timed"].flatMap(bool)
            let speaker = optionalText(f["speaker"])
            let part: WorksheetPart? = f["part"].flatMap { NodeReader.isNull($0.value) ? nil : choice($0, M.partWord) }
            let bullets = texts(f["bullets"])
            let questions = texts(f["questions"])
            let steps = list(f["steps"]).compactMap(readStep)
            let notes = optionalText(f["notes"])
            let reaches = f["reaches"].flatMap { NodeReader.isNull($0.value) ? nil : readReaches($0) }

            // Items follow each other: each starts at or after the previous one ends.
            if let start, let sf = startField {
                if let p = previous, start < p.end {
                    report(sf.value, M.overlap(start: start, previousID: p.id, previousEnd: p.end))
                }
                let end = ClockTime(minutes: start.minutes + (minutes ?? 0))
                if end.minutes > 24 * 60, let mf = minutesField { report(mf.value, M.pastMidnight) }
                previous = (id ?? "?", end)
            }
            if let id, let kind, let title, let start, let minutes {
                items.append(AgendaItem(id: id, kind: kind, title: title, subtitle: subtitle, start: start,
                                        minutes: minutes, timed: timed, speaker: speaker, part: part,
                                        bullets: bullets, questions: questions, steps: steps, notes: notes,
                                        reaches: reaches))
            }
        }
        return items
    }

    static func isValidID(_ s: String) -> Bool {
        !s.isEmpty && s.first != "-" && s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }

    private func readStep(_ node: Node) -> ExerciseStep? {
        guard let f = fields(node, named: "steps", allowed: K.step) else { return nil }
        requireKeys(f, ["title"])
        let title = required(f, "title").flatMap(text)
        let instruction = optionalText(f["instruction"])
        let example = texts(f["example"])
        let hint = optionalText(f["hint"])
        return title.map { ExerciseStep(title: $0, instruction: instruction, example: example, hint: hint) }
    }

    // MARK: Example and roadmap

    private func readExample(_ field: Field) -> WorkedExample? {
        guard let f = fields(field.value, named: field.name, allowed: K.example) else { return nil }
        requireKeys(f, ["title", "challenge", "goal"])
        let title = required(f, "title").flatMap(text)
        let challenge = required(f, "challenge").flatMap(text)
        let goal = required(f, "goal").flatMap(text)
        let mechanisms = texts(f["mechanisms"])
        let actions = texts(f["trial_actions"])
        let signs = texts(f["signs"])
        guard let title, let challenge, let goal else { return nil }
        return WorkedExample(title: title, challenge: challenge, goal: goal, mechanisms: mechanisms,
                             trialActions: actions, signs: signs)
    }

    /// A phase's dates are ISO dates or relative to the day (`+6w`, see `DateOffset`), counted
    /// here from the template's `day` and again from the held day by `DayTemplate.dated`.
    private func readPhase(_ node: Node, day: CalendarDate?) -> RoadmapPhase? {
        guard let f = fields(node, named: "roadmap", allowed: K.phase) else { return nil }
        requireKeys(f, ["from", "title"])
        func phaseDate(_ field: Field) -> (CalendarDate, DateOffset?)? {
            if let s = field.value.scalar?.string, let offset = DateOffset(parsing: s) {
                guard let day else { return nil }  // the day's own date is reported already
                guard let d = offset.applied(to: day) else { report(field.value, M.badDate(s)); return nil }
                return (d, offset)
            }
            return date(field).map { ($0, nil) }
        }
        let from = required(f, "from").flatMap(phaseDate)
        let toField = f["to"].flatMap { NodeReader.isNull($0.value) ? nil : $0 }
        let to = toField.flatMap(phaseDate)
        if let from, let to, let tf = toField, to.0 < from.0 {
            report(tf.value, M.roadmapBackwards(from: from.0, to: to.0))
        }
        let title = required(f, "title").flatMap(text)
        let activities = texts(f["activities"])
        guard let from, let title else { return nil }
        return RoadmapPhase(from: from.0, to: to?.0, title: title, activities: activities,
                            fromOffset: from.1, toOffset: to?.1)
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
