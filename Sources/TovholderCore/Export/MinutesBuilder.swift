import Foundation

extension AgendaPlan {
    /// Local minutes since midnight for a wall-clock time (seconds since 1970) at a fixed
    /// UTC offset: the exports' `minuteOfDay`, pure so the same file exports the same anywhere.
    public static func minuteOfDay(_ t: Double, utcOffsetSeconds: Int) -> Double {
        let local = t + Double(utcOffsetSeconds)
        return (local - (local / 86_400).rounded(.down) * 86_400) / 60
    }
}

extension Minutes {
    /// Builds the minutes from one consistent read of the session (see `minutesSnapshot`).
    /// - Parameters:
    ///   - agreements: group id → its agreement form; groups without one say "not filled in".
    ///   - roadmap: the roadmap as held in the session, in any order (sorted by position here).
    ///   - utcOffsetSeconds: the local offset actual start times and `exportedAt` are shown in.
    ///   - sessionID: tells this session's calendar UIDs apart; derived from the day when nil.
    public init(session: SessionState, workshop: Workshop, agreements: [Int64: Agreement],
                roadmap: [RoadmapEntry], utcOffsetSeconds: Int, exportedAt: Double, language: Language,
                sessionID: String? = nil, withNotes: Bool = false) {
        let s = ExportStrings(language)
        let day = session.programme
        self.language = language
        self.sessionID = sessionID ?? Self.derivedID(day)
        self.exportedAt = exportedAt
        let local = Self.localDateTime(exportedAt, utcOffsetSeconds: utcOffsetSeconds)
        exportedAtText = s.date(local.date) + " " + s.at + " " + s.time(local.time)
        title = day.title
        subtitle = day.subtitle
        organisation = day.organisation
        date = day.date
        dateText = s.date(day.date)
        challenge = day.challenge
        agenda = Self.agenda(session, utcOffsetSeconds: utcOffsetSeconds, exportedAt: exportedAt, s)
        let dots = Self.dotCounts(workshop)
        groups = workshop.activeGroups.map { group in
            var g = Self.group(group, workshop.worksheet(group.id) ?? Worksheet(group: group),
                               agreements[group.id], reached: session.reachedParts, s, dots: dots,
                               series: (day.date, day.earlierDays.last, workshop.carriedAway))
            g.cards = Self.cards(group.id, workshop, decks: day.decks)
            g.followUp = Self.followUp(agreements[group.id], s)
            return g
        }
        earlierDays = Self.earlierDays(day, s)
        dotVotes = Self.votes(workshop, agenda: day.agenda, per: day.voteDotsPer, s)
        plenumNotes = Self.plenumNotes(workshop.plenumNotes, agenda: day.agenda, s)
        if withNotes {
            // As the console showed them: edited during the day, else the template's.
            var notes = workshop.itemNotes
            for item in day.agenda where notes[item.id] == nil { notes[item.id] = item.notes }
            facilitatorNotes = Self.plenumNotes(notes, agenda: day.agenda, s)
        }
        agreementQuestions = day.agreementQuestions.count >= 4
            ? Array(day.agreementQuestions.prefix(4))
            : day.agreementQuestions + s.defaultAgreementQuestions.dropFirst(day.agreementQuestions.count)
        self.roadmap = roadmap.sorted { ($0.position, $0.id) < ($1.position, $1.id) }.map {
            PhaseMinutes(id: $0.id, from: $0.from, to: $0.to, datesText: s.dateRange($0.from, $0.to),
                         title: clean($0.title), activities: $0.activities.map(clean))
        }
    }

    // MARK: parts

    /// The delay is taken as of when the current item began (or now, before the day began),
    /// so an export made the next morning does not count the night as delay.
    static func agenda(_ session: SessionState, utcOffsetSeconds: Int, exportedAt: Double,
                       _ s: ExportStrings) -> AgendaMinutes {
        let asOf = session.currentProgress.actualStart ?? exportedAt
        let plan = AgendaPlan(state: session, now: asOf) {
            AgendaPlan.minuteOfDay($0, utcOffsetSeconds: utcOffsetSeconds)
        }
        // An item left within a minute of beginning was passed through (a rehearsal clicking
        // through, a wrong key), not held. It was left when the next item to begin began:
        // the earliest later start of any item (agenda order breaks ties), wherever a jump went.
        let starts = session.programme.agenda.enumerated().compactMap { i, item in
            session.items[item.id]?.actualStart.map { (at: $0, index: i) }
        }
        func passedThrough(_ index: Int) -> Bool {
            guard let begun = starts.first(where: { $0.index == index })?.at,
                  let left = starts.filter({ ($0.at, $0.index) > (begun, index) }).map(\.at).min() else { return false }
            return left - begun < 60
        }
        // The day stands on its first item from the start, whether or not its countdown ran
        // (only a started timer records the first item's start): it was held when the day
        // was still on it at its planned time, i.e. the next item began after that.
        func stoodOnAtItsTime(_ index: Int) -> Bool {
            guard index == 0, let item = session.programme.agenda.first,
                  let left = starts.filter({ $0.index > 0 }).map(\.at).min() else { return false }
            let planned = Double(session.programme.date.dayNumber * 86_400 + item.start.minutes * 60 - utcOffsetSeconds)
            return left > planned
        }
        let items = plan.rows.enumerated().map { index, row -> AgendaItemMinutes in
            let status: MinutesItemStatus = index == session.currentIndex ? .current
                : row.actualStart != nil ? (passedThrough(index) ? .passed : .held)
                : index < session.currentIndex ? (stoodOnAtItsTime(index) ? .held : .skipped) : .notReached
            let item = row.item
            return AgendaItemMinutes(
                id: item.id, kind: item.kind, title: item.title, subtitle: item.subtitle,
                plannedStart: item.start, plannedEnd: item.end, actualStart: row.actualStart, status: status,
                plannedText: s.time(item.start) + "–" + s.time(item.end),
                actualStartText: row.actualStart.map(s.time), statusText: s.status(status))
        }
        let first = session.programme.agenda.first?.title
        let changes = ProgrammeChangeMerge.merged(session.changeLog).map { net -> ProgrammeChangeMinutes in
            let at = localDateTime(net.at, utcOffsetSeconds: utcOffsetSeconds).time
            // "Start dagen nu" (`S`): the rest of the day moved so the current item begins now.
            if case let .startedNow(title, from, to) = net.change {
                let minutes = to.minutes - from.minutes
                return ProgrammeChangeMinutes(at: at, atText: s.time(at), change: net.change,
                                              text: title == first ? s.dayStarted(s.time(to), minutes: minutes)
                                                  : s.itemStarted(title, s.time(to), minutes: minutes))
            }
            return ProgrammeChangeMinutes(at: at, atText: s.time(at), change: net.change,
                                          text: s.programmeChanged(s.time(at), s.change(net.change)))
        }
        return AgendaMinutes(started: plan.started, delayMinutes: plan.delayMinutes,
                             delayText: plan.started ? s.delay(minutes: plan.delayMinutes) : s.notStarted,
                             items: items, changes: changes)
    }

    static func group(_ group: Group, _ sheet: Worksheet, _ agreement: Agreement?, reached: Set<WorksheetPart>,
                      _ s: ExportStrings, dots: [Int64: Int] = [:],
                      series: (today: CalendarDate, since: EarlierDay?, carriedAway: [Entry])? = nil) -> GroupMinutes {
        var labels: [Int64: String] = [:]
        func entries(_ kind: EntryKind) -> [EntryMinutes] {
            sheet.entries(of: kind).enumerated().map { i, e in
                let label = s.label(kind, i + 1)
                labels[e.id] = label
                return EntryMinutes(id: e.id, label: label, text: clean(e.text), links: e.links, linkLabels: [],
                                    votes: dots[e.id],
                                    firstWritten: series.map { Self.firstWritten(e, group: group, today: $0.today, s) },
                                    carried: e.origin != nil)
            }
        }
        // Every entry labelled first, so links can name their targets.
        let challenge = entries(.challenge).first
        let goals = entries(.goal), mechanisms = entries(.mechanism)
        let trialActions = entries(.trialAction), signs = entries(.sign)
        func linked(_ list: [EntryMinutes]) -> [EntryMinutes] {
            list.map { var e = $0; e.linkLabels = e.links.compactMap { labels[$0] }; return e }
        }
        // The questions the day has reached, each naming its entry ("Hvilket tegn viser, at I når Mål 2?").
        let findings = ChainCheck(sheet, reached: reached).findings().map { f -> String in
            f.question(naming: f.entryID.flatMap { labels[$0] }).text(s.language)
        }
        let changes = series.flatMap { Self.changes(sheet, carriedAway: $0.carriedAway, since: $0.since, labels: labels, s) }
        return GroupMinutes(id: group.id, name: clean(group.name), challenge: challenge, goals: goals,
                            mechanisms: linked(mechanisms), trialActions: linked(trialActions), signs: linked(signs),
                            findings: findings, agreement: agreement.map { Self.agreement($0, s) }, changes: changes)
    }

    static func agreement(_ a: Agreement, _ s: ExportStrings) -> AgreementMinutes {
        let m = a.nextMeeting
        let date = dateWords(m.dateText, m.date, s), timeText = m.time.map(s.time) ?? clean(m.timeText)
        var when = date.text
        if let question = date.question { when += " (" + question + ")" }
        let at = timeWords(m.timeText, m.time, s)
        if !at.isEmpty { when += (when.isEmpty ? "" : " ") + at }
        let summary = [when, clean(m.place)].filter { !$0.isEmpty }.joined(separator: ", ")
        return AgreementMinutes(
            perspectives: clean(a.perspectives), involve: clean(a.involve),
            rows: a.rows.filter { !$0.isBlank }.map {
                let due = dateWords($0.dueText, $0.due, s)
                return AgreementRowMinutes(who: clean($0.who), knowledge: clean($0.knowledge), due: $0.due,
                                           dueText: due.text, weekdayQuestion: due.question)
            },
            nextMeeting: NextMeetingMinutes(date: m.date, time: m.time, dateText: date.text, timeText: timeText,
                                            place: clean(m.place), text: summary.isEmpty ? s.empty : summary,
                                            weekdayQuestion: date.question),
            tovholder: clean(a.tovholder))
    }

    /// A typed date as the minutes word it: "18. januar 2024" when it can be read; as typed
    /// when it cannot, or when it names a weekday the date is not (then with the question).
    static func dateWords(_ typed: String, _ date: CalendarDate?, _ s: ExportStrings) -> (text: String, question: String?) {
        guard let date else { return (clean(typed), nil) }
        if let question = WeekdayCheck.question(typed, date: date, s.language) { return (clean(typed), question) }
        return (s.date(date), nil)
    }

    /// A typed time as the summary says it, with its "kl." once: "kl. 14.00", "kl. 13.30–15.00"
    /// for a range, and a text that cannot be read as typed, given "kl." only when it has
    /// none of its own ("kl. kl. 13.30-15" was the minutes' word for a typed range).
    static func timeWords(_ typed: String, _ time: ClockTime?, _ s: ExportStrings) -> String {
        if let time { return s.at + " " + s.time(time) }
        if let range = TimeRange.parse(typed) { return s.at + " " + s.time(range.start) + "–" + s.time(range.end) }
        let text = clean(typed)
        guard !text.isEmpty else { return "" }
        let lower = text.lowercased()
        let own = ["kl.", "kl ", "klokken", "at ", "fra ", "from "].contains { lower.hasPrefix($0) }
        return own ? text : s.at + " " + text
    }

    /// Notes in agenda order, blank ones left out; notes for items the programme no longer
    /// has come last, under their id, so no text is lost.
    static func plenumNotes(_ notes: [String: String], agenda: [AgendaItem], _ s: ExportStrings) -> [PlenumNote] {
        let known = Set(agenda.map(\.id))
        let listed = agenda.compactMap { item -> PlenumNote? in
            guard let text = notes[item.id].map(clean), !text.isEmpty else { return nil }
            return PlenumNote(itemID: item.id, title: item.title, startText: s.time(item.start), text: text)
        }
        let orphans = notes.keys.filter { !known.contains($0) }.sorted().compactMap { id -> PlenumNote? in
            let text = clean(notes[id] ?? "")
            return text.isEmpty ? nil : PlenumNote(itemID: id, title: id, startText: nil, text: text)
        }
        return listed + orphans
    }

    // MARK: helpers

    /// A stable id from the day itself (FNV-1a), for callers that have no file to name.
    static func derivedID(_ day: DayTemplate) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (day.organisation + "\u{1F}" + day.title + "\u{1F}" + day.date.iso).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return "d" + String(hash, radix: 16)
    }

    /// Local calendar date and time of day for a wall-clock time (days-to-civil, proleptic Gregorian).
    public static func localDateTime(_ t: Double, utcOffsetSeconds: Int) -> (date: CalendarDate, time: ClockTime) {
        let local = Int64((t + Double(utcOffsetSeconds)).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let minute = Int((local - days * 86_400) / 60)
        let date = CalendarDate(dayNumber: Int(days)) ?? CalendarDate(year: 1970, month: 1, day: 1)!
        return (date, ClockTime(minutes: minute))
    }
}

/// Participants' text without the spaces and blank lines around it, which mean nothing in
/// the minutes and would otherwise end Markdown paragraphs early.
func clean(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
