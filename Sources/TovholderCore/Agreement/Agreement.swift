/// A group's agreement form (aftaleskema): the four questions of the reference day.
public struct Agreement: Equatable, Sendable {
    public var groupID: Int64
    /// "Hvilke perspektiver kan berige det videre arbejde?"
    public var perspectives: String
    /// "Hvem vil vi gerne inddrage og hvordan?"
    public var involve: String
    /// "Konkrete aftaler – hvem indsamler hvilken viden inden vi ses igen?"
    public var rows: [AgreementRow]
    /// "Hvornår mødes gruppen igen, og hvem er tovholder?"
    public var nextMeeting: NextMeeting
    public var tovholder: String
    /// Concrete agreements from earlier days of the series, to be followed up today.
    public var earlier: [EarlierAgreement]

    public init(groupID: Int64, perspectives: String = "", involve: String = "", rows: [AgreementRow] = [],
                nextMeeting: NextMeeting = NextMeeting(), tovholder: String = "", earlier: [EarlierAgreement] = []) {
        self.groupID = groupID; self.perspectives = perspectives; self.involve = involve
        self.rows = rows; self.nextMeeting = nextMeeting; self.tovholder = tovholder; self.earlier = earlier
    }
}

/// One concrete agreement: who gathers which knowledge, by when.
public struct AgreementRow: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var who: String
    public var knowledge: String
    /// As typed ("18/1"); `due` is what it was read as, nil while it cannot be read.
    public var dueText: String
    public var due: CalendarDate?
    public init(id: Int64, who: String = "", knowledge: String = "", dueText: String = "", due: CalendarDate? = nil) {
        self.id = id; self.who = who; self.knowledge = knowledge; self.dueText = dueText; self.due = due
    }
}

/// When and where the group meets again.
public struct NextMeeting: Equatable, Sendable {
    public var dateText: String
    public var date: CalendarDate?
    public var timeText: String
    public var time: ClockTime?
    public var place: String
    public init(dateText: String = "", date: CalendarDate? = nil, timeText: String = "", time: ClockTime? = nil,
                place: String = "") {
        self.dateText = dateText; self.date = date; self.timeText = timeText; self.time = time; self.place = place
    }
}

/// A roadmap (køreplan) phase as held in the session: the template's phases, editable by
/// the facilitator (add, change, reorder, remove).
public struct RoadmapEntry: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var from: CalendarDate
    public var to: CalendarDate?
    public var title: String
    public var activities: [String]
    public var position: Double
    /// The day of the series the phase was carried from (nil: this day's own).
    public var originDay: CalendarDate?
    public init(id: Int64, from: CalendarDate, to: CalendarDate? = nil, title: String, activities: [String] = [],
                position: Double, originDay: CalendarDate? = nil) {
        self.id = id; self.from = from; self.to = to; self.title = title; self.activities = activities
        self.position = position; self.originDay = originDay
    }
}

extension AgreementRow {
    /// Nothing written in it: it may go without asking and never reaches the minutes.
    public var isBlank: Bool { (who + knowledge + dueText).allSatisfy(\.isWhitespace) }
}
