import TovholderCore

/// A group's work as room-facing lines: its chain, one part of it, its agreements.
enum ProjectorBlocks {
    /// The whole chain of one group: challenge, goals, mechanisms, trial actions, signs.
    static func chain(_ sheet: Worksheet, _ s: Strings) -> [BigLine] {
        var lines: [BigLine] = []
        for kind in EntryKind.allCases {
            let entries = sheet.entries(of: kind).filter { !$0.text.allSatisfy(\.isWhitespace) }
            guard !entries.isEmpty else { continue }
            if !lines.isEmpty { lines.append(.gap) }
            lines.append(BigLine(text: ChainRows.title(kind, s), role: .heading))
            lines += entries.map { BigLine(text: $0.text, marker: "• ") }
        }
        return lines
    }

    /// One part of a group's chain for the plenum: each entry, and under a sign or a trial
    /// action the text of the goal or mechanism it refers to (the room cannot see "Mål 2").
    static func part(_ sheet: Worksheet, kind: EntryKind, _ s: Strings) -> [BigLine] {
        var lines = [BigLine(text: sheet.group.name, role: .heading)]
        let entries = sheet.entries(of: kind).filter { !$0.text.allSatisfy(\.isWhitespace) }
        // A dash, not words: a long placeholder would make every group's letters smaller.
        if entries.isEmpty { lines.append(BigLine(text: "–", role: .muted)) }
        for entry in entries {
            lines.append(BigLine(text: entry.text, marker: "• "))
            if let target = kind.linksTo {
                for linked in sheet.entries(of: target) where entry.links.contains(linked.id) {
                    lines.append(BigLine(text: linked.text, role: .muted, marker: "  → "))
                }
            }
        }
        return lines
    }

    /// A group's agreement form for the closing round: the concrete agreements, when and
    /// where it meets again, its tovholder.
    static func agreement(_ state: AppState, groupID: Int64) -> [BigLine] {
        let s = state.strings
        guard let form = state.agreements[groupID] else { return [BigLine(text: s[.closingPlenumEmpty], role: .muted)] }
        var lines: [BigLine] = []
        for row in form.rows where !row.isBlank {
            lines.append(BigLine(text: AgreementColumn.rowText(row, s), marker: "• "))
        }
        let when = AgreementColumn.meetingText(form.nextMeeting, s)
        if !when.isEmpty { lines.append(BigLine(text: s[.labelDate] + " " + when, role: .next)) }
        if !form.tovholder.allSatisfy(\.isWhitespace) {
            lines.append(BigLine(text: s[.labelTovholder] + " " + form.tovholder, role: .next))
        }
        return lines.isEmpty ? [BigLine(text: s[.closingPlenumEmpty], role: .muted)] : lines
    }
}
