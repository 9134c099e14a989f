import TovholderCore
@testable import TovholderTUI

/// Groups with worksheets filled in as a group at a table might, some with gaps the chain
/// check should find, for screen tests.
enum WorkshopFixtures {
    static let samples: [(challenge: String, goals: [String], mechanisms: [String], actions: [String], signs: [String])] = [
        ("Borgerne oplever lange ventetider og mange skift i sagsbehandler",
         ["Borgeren har én fast kontaktperson", "Ventetiden er under 14 dage"],
         ["Tættere faglig ledelse", "Borgerens perspektiv først", "Tværfaglige teams"],
         ["Faste kontaktpersoner i jobcentret", "Borgerpanel hver måned", "Fælles morgenmøde 👩‍⚕️"],
         ["Færre klager", "Borgerne siger de bliver hørt"]),
        ("Vi taler forbi hinanden i samskabelsen", ["Fælles sprog om målene"], ["Dialog før beslutning"],
         ["Dialogkort på alle møder"], ["Flere forslag fra borgerne"]),
        ("Lange breve, som ingen forstår", ["Breve i klart sprog", ""], ["Skriv som man taler"],
         ["Skabelon til korte breve", "Læsertest med borgere"], []),
        ("", [], [], [], []),
    ]

    /// `count` groups, cycling through the samples; mechanisms serve the goal with the same
    /// index (the last of several serves none), trial actions try the mechanism with the
    /// same index (the last one tries nothing), signs show the first goal.
    static func workshop(groups count: Int) -> Workshop {
        var workshop = Workshop()
        var nextID: Int64 = 1
        func id() -> Int64 { defer { nextID += 1 }; return nextID }
        for g in 0..<count {
            let group = TovholderCore.Group(id: Int64(100 + g), name: "Gruppe \(g + 1)", position: g)
            let sample = samples[g % samples.count]
            func entries(_ kind: EntryKind, _ texts: [String]) -> [Entry] {
                texts.enumerated().map { Entry(id: id(), groupID: group.id, kind: kind, text: $1, position: Double($0)) }
            }
            let goals = entries(.goal, sample.goals)
            var mechanisms = entries(.mechanism, sample.mechanisms)
            // Each mechanism serves a goal, but the last of several serves none.
            for i in mechanisms.indices where !goals.isEmpty && (i < mechanisms.count - 1 || mechanisms.count == 1) {
                mechanisms[i].links = [goals[min(i, goals.count - 1)].id]
            }
            var actions = entries(.trialAction, sample.actions)
            for i in actions.indices where i < mechanisms.count && i < actions.count - 1 { actions[i].links = [mechanisms[i].id] }
            var signs = entries(.sign, sample.signs)
            for i in signs.indices { signs[i].links = goals.first.map { [$0.id] } ?? [] }
            let challenge = Entry(id: id(), groupID: group.id, kind: .challenge, text: sample.challenge, position: 0)
            workshop.groups.append(group)
            workshop.worksheets[group.id] = Worksheet(group: group, challenge: challenge, goals: goals,
                                                      mechanisms: mechanisms, trialActions: actions, signs: signs)
        }
        return workshop
    }
}
