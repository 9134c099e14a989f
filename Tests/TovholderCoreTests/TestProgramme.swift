import TovholderCore

/// A small programme built in code, so core tests do not depend on the template loader.
enum TestProgramme {
    static func day() -> DayTemplate {
        DayTemplate(
            title: "Testdag", organisation: "Test Kommune",
            date: CalendarDate(year: 2023, month: 12, day: 5)!,
            challenge: Challenge(question: "Hvordan?"),
            groups: ["Gruppe 1", "Gruppe 2"],
            agenda: [
                AgendaItem(id: "velkommen", kind: .welcome, title: "Velkommen", start: t(9, 0), minutes: 10),
                AgendaItem(id: "tael", kind: .exercise, title: "Kan I tælle til 3?", start: t(9, 10), minutes: 10,
                           steps: [ExerciseStep(title: "Tæl"), ExerciseStep(title: "Klap"), ExerciseStep(title: "Tramp")]),
                AgendaItem(id: "maal", kind: .groupWork, title: "Drøm målene større", start: t(9, 20), minutes: 30,
                           part: .goals),
                AgendaItem(id: "pause", kind: .break, title: "Pause", start: t(9, 50), minutes: 10),
                AgendaItem(id: "tak", kind: .closing, title: "Tak for i dag", start: t(10, 0), minutes: 5),
            ],
            roadmap: [
                RoadmapPhase(from: CalendarDate(year: 2023, month: 12, day: 5)!, title: "Udviklingsdag",
                             activities: ["Mål og mekanismer"]),
                RoadmapPhase(from: CalendarDate(year: 2024, month: 1, day: 8)!,
                             to: CalendarDate(year: 2024, month: 2, day: 16)!, title: "Prøvehandlinger",
                             activities: ["Afprøv", "Saml tegn"]),
            ])
    }

    static func t(_ h: Int, _ m: Int) -> ClockTime { ClockTime(hour: h, minute: m)! }

    /// 2023-12-05 at hh:mm UTC, as seconds since 1970 (tests use UTC as local time).
    static func at(_ h: Int, _ m: Int, _ s: Double = 0) -> Double {
        1_701_734_400 + Double(h * 3600 + m * 60) + s
    }

    static func minuteOfDay(_ t: Double) -> Double {
        (t - (t / 86_400).rounded(.down) * 86_400) / 60
    }
}
