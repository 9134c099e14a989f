/// The date to propose for the next day of a series: what the earlier day's roadmap says
/// about it. The next day's template names its own phase — the one that begins on the
/// template's date — and the earlier day's phase of the same title is when the series
/// planned it (day 1's "Udviklingsdage del 2"). Without such a phase nothing is proposed
/// and the template's date stands, still asked about.
public enum NextDayDate {
    public static func proposed(roadmap: [RoadmapEntry], earlierDay: CalendarDate, template: DayTemplate) -> CalendarDate? {
        let own = template.roadmap.filter { phase in
            phase.fromOffset.map { $0.amount == 0 } ?? (phase.from == template.date)
        }
        let titles = Set(own.map { CarryOver.sameTitle($0.title) })
        // Of several, the first after the earlier day: the next day cannot be before it.
        return roadmap.filter { titles.contains(CarryOver.sameTitle($0.title)) && $0.from > earlierDay }
            .map(\.from).min()
    }
}
