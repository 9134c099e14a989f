/// Fixing a template to the date its day is held: the date placeholders in every text the
/// day shows (`DatePlaceholders`) and the roadmap's relative dates (`DateOffset`) are counted
/// from that date. Done once, when the session is made, so the stored programme holds plain
/// text and dates: a held day never changes with the calendar, and every screen and export
/// reads what was fixed.
extension DayTemplate {
    public func dated(_ day: CalendarDate) -> DayTemplate {
        var t = self
        t.date = day
        let r = { (text: String) in DatePlaceholders.resolve(text, on: day) }
        t.title = r(title); t.subtitle = subtitle.map(r); t.organisation = r(organisation)
        t.challenge = Challenge(question: r(challenge.question), bullets: challenge.bullets.map(r))
        t.agenda = agenda.map { item in
            var i = item
            i.title = r(item.title); i.subtitle = item.subtitle.map(r); i.speaker = item.speaker.map(r)
            i.bullets = item.bullets.map(r); i.questions = item.questions.map(r); i.notes = item.notes.map(r)
            i.steps = item.steps.map {
                ExerciseStep(title: r($0.title), instruction: $0.instruction.map(r), example: $0.example.map(r), hint: $0.hint.map(r))
            }
            return i
        }
        t.example = example.map {
            WorkedExample(title: r($0.title), challenge: r($0.challenge), goal: r($0.goal), mechanisms: $0.mechanisms.map(r),
                          trialActions: $0.trialActions.map(r), signs: $0.signs.map(r))
        }
        t.agreementQuestions = agreementQuestions.map(r)
        t.roadmap = roadmap.map { phase in
            var p = phase
            if let o = phase.fromOffset, let d = o.applied(to: day) { p.from = d }
            if let o = phase.toOffset, let d = o.applied(to: day) { p.to = d }
            // A fixed start after a fixed end (an absolute end and a relative start) keeps one day.
            if let to = p.to, to < p.from { p.to = nil }
            p.fromOffset = nil; p.toOffset = nil
            p.title = r(phase.title); p.activities = phase.activities.map(r)
            return p
        }
        return t
    }
}
