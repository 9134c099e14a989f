import TovholderCore

/// The title line (day, clock, file) and the bottom key bar, shared by every screen.
enum Chrome {
    static func titleBar(_ state: AppState, into canvas: inout Canvas) {
        let w = canvas.size.width
        canvas.fill(Rect(x: 0, y: 0, width: w, height: 1), role: .titleBar)
        let s = state.strings
        var right = " " + s.format(.itemOf, state.session.currentIndex + 1, state.session.programme.agenda.count)
            + " · " + state.fileName + " "
        if case .participant(let group) = state.seat {
            let name = state.workshop.groups.first { $0.id == group }?.name ?? ""
            right = " " + s.format(.participantTitle, name) + " · " + state.fileName + " "
        }
        let clock = s.time(state.clock)
        let left = " " + clock + "  " + state.session.programme.title
        let rightWidth = min(DisplayWidth.of(right), max(0, w - DisplayWidth.of(left) - 1))
        canvas.put(left, x: 0, y: 0, role: .titleBar, attributes: [.bold], maxX: w - rightWidth)
        canvas.put(truncate(right, width: rightWidth), x: w - rightWidth, y: 0, role: .titleBar)
    }

    /// The keys of this screen from the keymap table; the least important drop off first.
    static func keyBar(_ state: AppState, into canvas: inout Canvas) {
        let w = canvas.size.width, y = canvas.size.height - 1
        canvas.fill(Rect(x: 0, y: y, width: w, height: 1), role: .keyBar)
        let s = state.strings
        let context = state.keyContext
        var entries = Keymap.bar(for: context, seat: state.seat).map {
            (key: $0.label.text(s.language), text: s[$0.description], priority: $0.barPriority ?? 99)
        }
        // Two spaces between entries when they fit, one when tight; then drop the least important.
        func width(_ gap: Int) -> Int {
            entries.reduce(1) { $0 + DisplayWidth.of($1.key) + 1 + DisplayWidth.of($1.text) + gap }
        }
        var gap = width(2) - 2 <= w ? 2 : 1
        while width(gap) - gap > w, let drop = entries.indices.max(by: { entries[$0].priority < entries[$1].priority }) {
            entries.remove(at: drop)
            gap = width(2) - 2 <= w ? 2 : 1
        }
        var x = 1
        for e in entries {
            x = canvas.put(e.key, x: x, y: y, role: .keyName, attributes: [.bold])
            x = canvas.put(" " + e.text, x: x, y: y, role: .keyBar) + gap
        }
    }

    /// A question in a box in the middle of the screen ("Afslutte?").
    static func question(_ text: String, into canvas: inout Canvas, in body: Rect) {
        let width = min(body.width - 4, 64)
        let lines = wrap(text, width: width - 4)
        let box = Rect(x: body.x + (body.width - width) / 2, y: body.y + max(0, (body.height - lines.count - 2) / 2),
                       width: width, height: lines.count + 2)
        canvas.fill(box, role: .error)
        for (i, line) in lines.enumerated() {
            canvas.put(line, x: box.x + 2, y: box.y + 1 + i, role: .error, attributes: [.bold], maxX: box.maxX - 2)
        }
    }

    /// Below the minimum size: a polite message naming the size needed.
    static func tooSmall(_ state: AppState, into canvas: inout Canvas) {
        let s = state.strings
        let text = state.confirmingQuit ? s[.quitQuestionParticipant]
            : s.format(.tooSmall, canvas.size.width, canvas.size.height, AppState.minimumSize.width, AppState.minimumSize.height)
        let lines = wrap(text, width: max(1, canvas.size.width - 2))
        let top = max(0, (canvas.size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            canvas.putCentred(line, in: canvas.bounds, y: top + i, role: .error, attributes: [.bold])
        }
    }

    /// "+7 min – bagud", with the role that says which way.
    static func delay(_ plan: AgendaPlan, _ s: Strings) -> (String, Role) {
        guard plan.started else { return (s[.notStarted], .muted) }
        if plan.delayMinutes > 0 { return (s.format(.behind, plan.delayMinutes), .behind) }
        if plan.delayMinutes < 0 { return (s.format(.ahead, -plan.delayMinutes), .ahead) }
        return (s[.onTime], .ahead)
    }
}

/// Draws a frame for the whole state: a pure function of the state.
public func render(_ state: AppState) -> Canvas {
    var canvas = Canvas(size: state.size)
    render(state, into: &canvas)
    return canvas
}

public func render(_ state: AppState, into canvas: inout Canvas) {
    // Parts written privately are drawn from what this terminal may see.
    var state = state
    state.workshop = state.visibleWorkshop
    if state.seat.isProjector { ProjectorScreen.render(state, into: &canvas); return }
    canvas.fill(canvas.bounds, role: .text)
    if state.isTooSmall {
        Chrome.tooSmall(state, into: &canvas)
        return
    }
    Chrome.titleBar(state, into: &canvas)
    let body = Rect(x: 0, y: 1, width: canvas.size.width, height: canvas.size.height - 2)
    switch state.screen {
    case .item where state.seat.isFacilitator: PresenterConsole.render(state, into: &canvas, in: body)
    case .item: ItemScreen.render(state, into: &canvas, in: body)
    case .notes: NotesScreen.render(state, into: &canvas, in: body)
    case .agenda(let selected): AgendaScreen.render(state, selected: selected, into: &canvas, in: body)
    case .help: HelpScreen.render(state, into: &canvas, in: body)
    case .worksheet(let view): WorksheetScreen.render(state, view: view, into: &canvas, in: body)
    case .example: ExampleScreen.render(state, into: &canvas, in: body)
    case .plenum(let view): PlenumScreen.render(state, view: view, into: &canvas, in: body)
    case .groups(let view): GroupsScreen.render(state, view: view, into: &canvas, in: body)
    case .history(let view): HistoryScreen.render(state, view: view, into: &canvas, in: body)
    case .terminals(let view): TerminalsScreen.render(state, view: view, into: &canvas, in: body)
    case .agreement(let view): AgreementScreen.render(state, view: view, into: &canvas, in: body)
    case .roadmap(let view): RoadmapScreen.render(state, view: view, into: &canvas, in: body)
    case .chooseGroup(let view): ChooseGroupScreen.render(state, view: view, into: &canvas, in: body)
    case .vote(let view): VoteScreen.render(state, view: view, into: &canvas, in: body)
    case .cards(let view): CardsScreen.render(state, view: view, into: &canvas, in: body)
    case .card(let view): CardScreen.render(state, view: view, into: &canvas, in: body)
    case .followUp(let view): FollowUpScreen.render(state, view: view, into: &canvas, in: body)
    }
    if state.live.locked {
        let reason = state.live.lockReason.map { " (" + $0 + ")" } ?? ""
        let text = " " + state.strings.format(.lockedBanner, reason) + " "
        canvas.put(text, x: max(0, canvas.size.width - DisplayWidth.of(text) - 1), y: 1, role: .error, attributes: [.bold])
    }
    if state.confirmingQuit {
        Chrome.question(state.strings[state.seat.isFacilitator ? .quitQuestion : .quitQuestionParticipant],
                        into: &canvas, in: body)
    } else if state.confirmingReset {
        Chrome.question(state.strings[.resetQuestion], into: &canvas, in: body)
    } else if state.confirmingStartNow {
        Chrome.question(StartNow.question(state), into: &canvas, in: body)
    }
    if let notice = state.unsaved ?? state.notice ?? state.snapshotTrouble {
        // Up to two lines above the key bar, so a long message is read to its end.
        let lines = wrap(notice, width: max(1, canvas.size.width - 2)).prefix(2)
        for (i, line) in lines.enumerated() {
            let y = canvas.size.height - 1 - lines.count + i
            canvas.fill(Rect(x: 0, y: y, width: canvas.size.width, height: 1), role: .error)
            canvas.put(" " + line, x: 0, y: y, role: .error, attributes: [.bold])
        }
    }
    Chrome.keyBar(state, into: &canvas)
}
