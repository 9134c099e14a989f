import TovholderCore

/// One group's agreement form as a plenum column, for the closing round: the concrete
/// agreements, when and where the group meets again, its tovholder, and the open answers.
enum AgreementColumn {
    static func render(_ state: AppState, group: TovholderCore.Group, into canvas: inout Canvas, in rect: Rect) {
        let s = state.strings
        var y = rect.y
        canvas.put(group.name, x: rect.x, y: y, role: .heading, attributes: [.bold, .underline], maxX: rect.maxX)
        y += 2
        guard let form = state.agreements[group.id] else { return }
        let questions = AgreementScreen.questionTexts(state)
        func block(_ heading: String, _ lines: [String]) {
            for line in wrap(heading, width: max(1, rect.width)) where y < rect.maxY {
                canvas.put(line, x: rect.x, y: y, role: .muted, attributes: [.bold], maxX: rect.maxX); y += 1
            }
            for text in lines {
                for line in wrap(text, width: max(1, rect.width - 2)) where y < rect.maxY {
                    canvas.put(line, x: rect.x + 2, y: y, role: .text, maxX: rect.maxX); y += 1
                }
            }
            y += 1
        }
        let rows = form.rows.filter { !$0.isBlank }.map { "• " + rowText($0, s) }
        block(questions[2], rows.isEmpty ? [s[.closingPlenumEmpty]] : rows)
        let when = meetingText(form.nextMeeting, s)
        var meeting: [String] = []
        if !when.isEmpty { meeting.append(when) }
        if !form.tovholder.allSatisfy(\.isWhitespace) { meeting.append(s[.labelTovholder] + " " + form.tovholder) }
        block(questions[3], meeting.isEmpty ? [s[.closingPlenumEmpty]] : meeting)
        if !form.perspectives.allSatisfy(\.isWhitespace) { block(questions[0], [form.perspectives]) }
        if !form.involve.allSatisfy(\.isWhitespace) { block(questions[1], [form.involve]) }
    }

    /// "Anna – Tal for ventetider – 1. februar 2024": who, what and by when, as filled in.
    static func rowText(_ row: AgreementRow, _ s: Strings) -> String {
        let due = row.due.map { Wording.date($0, s.language) } ?? row.dueText
        return [row.who, row.knowledge, due].filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: " – ")
    }

    /// When and where the group meets again: date, time and place, as far as filled in.
    static func meetingText(_ m: NextMeeting, _ s: Strings) -> String {
        [m.date.map { Wording.date($0, s.language) } ?? m.dateText, m.time.map(s.time) ?? m.timeText, m.place]
            .filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: ", ")
    }
}
