import Foundation
import TovholderCore
import TovholderTUI

// Prints how long a full render of a screen takes (median and p99 over many frames).
// Budget (README.md, benchmarks): a full render at 240x67 in at most 2 ms.

let root = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : FileManager.default.currentDirectoryPath
guard case .success(let day) = TemplateLoader.load(path: root + "/sessions/udviklingsdag.yaml") else {
    fatalError("run from the repository root, or pass it as the first argument")
}

func measure(_ name: String, _ state: AppState, frames: Int = 2000) {
    var canvas = Canvas(size: state.size)
    var times: [Double] = []
    for i in 0..<frames {
        var s = state
        s.now += Double(i)  // a new second each frame, as the countdown sees it
        let t0 = DispatchTime.now().uptimeNanoseconds
        render(s, into: &canvas)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
    times.sort()
    let median = times[times.count / 2], p99 = times[times.count * 99 / 100]
    print(String(format: "%-34@ median %.3f ms  p99 %.3f ms", name as NSString, median, p99))
}

/// Groups each with 30 entries: a challenge, 3 goals, 8 mechanisms, 10 trial actions, 8 signs.
func workshop(groups: Int) -> Workshop {
    var w = Workshop()
    var id: Int64 = 1
    for g in 0..<groups {
        let group = TovholderCore.Group(id: Int64(1000 + g), name: "Gruppe \(g + 1)", position: g)
        func list(_ kind: EntryKind, _ n: Int, _ text: String) -> [Entry] {
            (0..<n).map { i in defer { id += 1 }
                return Entry(id: id, groupID: group.id, kind: kind, text: "\(text) \(i + 1) – æøå og lidt mere tekst", position: Double(i)) }
        }
        let mechanisms = list(.mechanism, 8, "Mekanisme")
        var actions = list(.trialAction, 10, "Prøvehandling")
        for i in actions.indices { actions[i].links = [mechanisms[i % 8].id] }
        w.groups.append(group)
        w.worksheets[group.id] = Worksheet(group: group, challenge: list(.challenge, 1, "Udfordring")[0],
                                           goals: list(.goal, 3, "Mål"), mechanisms: mechanisms,
                                           trialActions: actions, signs: list(.sign, 8, "Tegn"))
    }
    return w
}

let start = 1_701_734_400.0 + 9.5 * 3600
for size in [Size(width: 80, height: 24), Size(width: 240, height: 67)] {
    var state = AppState(session: SessionState(programme: day), language: .da, fileName: "udviklingsdag.tovholder",
                         now: start, utcOffsetSeconds: 0, size: size)
    let groupWork = day.agenda.firstIndex { $0.kind == .groupWork }!
    _ = state.session.go(to: groupWork, at: start)
    _ = state.session.toggleTimer(at: start)
    state.screen = .agenda(selected: groupWork)
    measure("agenda \(size.width)x\(size.height)", state)
    state.screen = .item
    measure("countdown \(size.width)x\(size.height)", state)
    state.workshop = workshop(groups: 8)
    state.screen = .plenum(PlenumView(part: .trialActions))
    measure("plenum 8 groups \(size.width)x\(size.height)", state)
    state.screen = .worksheet(WorksheetView(groupID: 1000))
    measure("worksheet \(size.width)x\(size.height)", state)
}

// The projector's screens at 240x67 (budget 2 ms each, big-letter layout included), with
// 8 groups of 30 entries each: the plenum pages, the sheet and the example turn pages.
do {
    let size = Size(width: 240, height: 67)
    var state = AppState(session: SessionState(programme: day), language: .da, fileName: "udviklingsdag.tovholder",
                         now: start, utcOffsetSeconds: 0, size: size)
    state.workshop = workshop(groups: 8)
    state.sit(as: .projector)
    for (index, item) in day.agenda.enumerated() where [.welcome, .exercise, .groupWork, .talk, .intro].contains(item.kind) {
        var s = state
        _ = s.session.go(to: index, at: start)
        _ = s.session.toggleTimer(at: start)
        measure("projector \(item.kind.rawValue) \(index)", s, frames: 500)
    }
    let shows: [(String, Projection.Shows)] = [
        ("agenda", .agenda), ("plenum goals", .plenum(.goals)), ("plenum trial actions", .plenum(.trialActions)),
        ("plenum agreements", .plenum(.agreement)), ("example", .example), ("roadmap", .roadmap),
        ("group sheet", .worksheet(groupID: 1000)),
    ]
    for (name, what) in shows {
        var s = state
        s.session.projection.shows = what
        measure("projector \(name)", s, frames: 500)
    }
}

// Export time of a full day: 8 groups × 30 entries, per format (release build).
do {
    var session = SessionState(programme: day)
    _ = session.go(to: 5, at: start)
    let w = workshop(groups: 8)
    var agreements: [Int64: Agreement] = [:]
    for g in w.groups {
        agreements[g.id] = Agreement(groupID: g.id, perspectives: "Borgerpanelet", involve: "Borgere med lange sager",
                                     rows: (0..<4).map { AgreementRow(id: g.id * 10 + Int64($0), who: "Anne",
                                                                        knowledge: "Erfaringer \($0)", dueText: "18/1") },
                                     nextMeeting: NextMeeting(dateText: "18/1", date: CalendarDate(year: 2024, month: 1, day: 18),
                                                              timeText: "14.00", time: ClockTime(hour: 14, minute: 0), place: "Rådhuset"),
                                     tovholder: "Anne")
    }
    let roadmap = day.roadmap.enumerated().map {
        RoadmapEntry(id: Int64($0), from: $1.from, to: $1.to, title: $1.title, activities: $1.activities, position: Double($0))
    }
    func time(_ name: String, _ work: () -> Void) {
        var xs: [Double] = []
        for _ in 0..<50 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            work()
            xs.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        xs.sort()
        print(String(format: "%-34@ median %.3f ms", name as NSString, xs[xs.count / 2]))
    }
    // The chain check runs on every frame that shows it (worksheet, plenum, console, groups).
    time("chain check 8 groups × 30 entries") {
        for sheet in w.worksheets.values { _ = ChainCheck(sheet, reached: Set(WorksheetPart.allCases)).findings() }
    }
    var minutes: Minutes?
    time("export: build the model") {
        minutes = Minutes(session: session, workshop: w, agreements: agreements, roadmap: roadmap,
                          utcOffsetSeconds: 3600, exportedAt: start, language: .da)
    }
    for format in ExportFormat.allCases {
        time("export: \(format.rawValue)") { _ = render(minutes!, as: format) }
    }
}

// A snapshot of a full day (8 groups × 30 entries) in a real session file: how long it
// takes (the typing loop pauses that long in the facilitator's terminal), and the disk a
// day's snapshots use after thinning.
do {
    let dir = NSTemporaryDirectory() + "tovholder-snapbench-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let store = try SessionStore.create(path: dir + "/dag.tovholder", programme: day, templateName: "bench", now: start)
    for g in 0..<8 {
        let group = g < 4 ? try store.loadWorkshop().activeGroups[g] : try store.addGroup(name: "Gruppe \(g + 1)")
        for i in 0..<30 {
            let kind: EntryKind = [.goal, .mechanism, .trialAction, .sign][i % 4]
            _ = try store.addEntry(groupID: group.id, kind: kind,
                                   text: "Borgeren oplever en sammenhængende indsats med én kontaktperson nr. \(i)")
        }
    }
    // What a terminal does when another one committed: the parts of a reload, each timed.
    func timed(_ name: String, _ work: () throws -> Void) rethrows {
        var ys: [Double] = []
        for _ in 0..<200 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try work()
            ys.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        ys.sort()
        print(String(format: "%-34@ median %.3f ms", name as NSString, ys[ys.count / 2]))
    }
    try timed("reload: data_version + revision") { _ = try store.dataVersion(); _ = try store.revision() }
    try timed("reload: session") { _ = try store.load() }
    try timed("reload: workshop (8 × 30)") { _ = try store.loadWorkshop() }
    try timed("reload: agreements + roadmap") { _ = try store.loadAgreements(); _ = try store.loadRoadmap() }
    try timed("reload: leases + lock") { _ = try store.heldLeases(); _ = try store.lockState() }
    var xs: [Double] = []
    var bytes = 0
    for i in 0..<20 {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let s = try Snapshots.take(store, now: start + Double(i) * 300, utcOffsetSeconds: 0)
        xs.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        bytes = s.bytes
    }
    xs.sort()
    print(String(format: "%-34@ median %.2f ms  max %.2f ms  (%d kB each)", "snapshot 8 groups × 30 entries" as NSString,
                 xs[xs.count / 2], xs.last!, bytes / 1024))
    // The typing loop's side: a write every 5 ms while a snapshot runs in the background.
    var pauses: [Double] = []
    let group = try store.loadWorkshop().activeGroups[0]
    let entry = try store.addEntry(groupID: group.id, kind: .goal, text: "")
    let finished = DispatchSemaphore(value: 0)
    Snapshots.takeInBackground(session: store.path, now: start + 9999, utcOffsetSeconds: 0) { _ in finished.signal() }
    var typed = ""
    while finished.wait(timeout: .now() + .milliseconds(5)) == .timedOut {
        typed += "x"
        let t0 = DispatchTime.now().uptimeNanoseconds
        try store.setText(entryID: entry.id, text: typed)
        pauses.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
    print(String(format: "%-34@ %d keystrokes saved meanwhile, longest %.2f ms", "typing during a snapshot" as NSString,
                 pauses.count, pauses.max() ?? 0))
    // A day from 8.30 to 15.30 every 5 minutes, thinned as the program thins them.
    let snapshotsOfADay = stride(from: 0.0, through: 7 * 3600, by: 300).map { Snapshot(path: "\($0)", takenAt: $0, bytes: bytes) }
    let kept = snapshotsOfADay.count - Snapshots.toThin(snapshotsOfADay, now: 7 * 3600).count
    print(String(format: "%-34@ %d snapshots kept, %.1f MB", "snapshots after a 7-hour day" as NSString, kept,
                 Double(kept * bytes) / 1_048_576))
} catch {
    print("snapshot benchmark failed: \(error)")
}
