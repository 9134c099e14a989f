/// What the facilitator has done with the day so far: where we are, when each item actually
/// began, and each item's timer. Everything here is saved at once on every change.
public struct SessionState: Equatable, Sendable {
    public var programme: DayTemplate
    public var currentIndex: Int
    /// The current step of an exercise (0-based); 0 for other kinds.
    public var currentStep: Int
    public var items: [String: ItemProgress]
    /// What the room's projector shows.
    public var projection: Projection
    /// `tovholder serve` running on this session: the join lines (nil when it does not run).
    public var service: SSHService?
    /// Parts of the chain the groups write privately: each group's entries of these parts
    /// are hidden from the other groups, the plenum and the projector until revealed.
    public var hiddenParts: Set<WorksheetPart> = []
    /// The changes made to the programme during the day, oldest first.
    public var changeLog: [LoggedChange] = []

    public init(programme: DayTemplate, currentIndex: Int = 0, currentStep: Int = 0,
                items: [String: ItemProgress] = [:], projection: Projection = Projection()) {
        self.programme = programme; self.currentIndex = currentIndex
        self.currentStep = currentStep; self.items = items; self.projection = projection
    }

    public var currentItem: AgendaItem { programme.agenda[currentIndex] }
    public var nextItem: AgendaItem? {
        currentIndex + 1 < programme.agenda.count ? programme.agenda[currentIndex + 1] : nil
    }

    public func progress(of item: AgendaItem) -> ItemProgress {
        items[item.id] ?? ItemProgress(countdown: Countdown(durationSeconds: item.minutes * 60))
    }

    public var currentProgress: ItemProgress { progress(of: currentItem) }
}

/// One agenda item's actual start and timer.
public struct ItemProgress: Equatable, Sendable {
    /// Seconds since 1970 when the item actually began; nil until then.
    public var actualStart: Double?
    public var countdown: Countdown
    public init(actualStart: Double? = nil, countdown: Countdown) {
        self.actualStart = actualStart; self.countdown = countdown
    }
}

extension SessionState {
    /// The parts of the chain the day has reached at the current item: the challenge, and
    /// every part an item up to here is about. An item's `reaches:` says it outright (from
    /// that item on, its parts replace what came before). The chain check asks about these
    /// only (trial actions are day 2's on the reference day). A programme that names no parts
    /// at all is checked whole.
    public var reachedParts: Set<WorksheetPart> {
        let agenda = programme.agenda
        guard agenda.contains(where: { $0.part != nil || $0.reaches != nil }) else { return Set(WorksheetPart.allCases) }
        var parts: Set<WorksheetPart> = [.challenge]
        for item in agenda[...min(currentIndex, agenda.count - 1)] {
            if let reaches = item.reaches { parts = Set(reaches).union([.challenge]) }
            if let part = item.part { parts.insert(part) }
        }
        return parts
    }
}
