/// The minutes as CommonMark. Every piece of text — participants' and the template's — goes
/// through `inline` or `heading`, which escape it so it can only ever be text: it can
/// never open a heading, list, quote, code block, HTML, link or emphasis, and a newline in
/// it is a hard line break inside the same paragraph or list item, never a new block.
/// Lists rather than tables: nothing to align, and `|` needs no special care.
public enum MarkdownMinutes {
    public static func render(_ m: Minutes) -> String {
        let s = ExportStrings(m.language)
        var out = Doc()
        out.heading(1, m.title)
        if let sub = m.subtitle, !sub.isEmpty { out.paragraph(sub) }
        out.paragraph(m.organisation + " · " + m.dateText)
        out.paragraph(s.minutes + " · " + s.exported + " " + m.exportedAtText)
        if !m.earlierDays.isEmpty {
            out.paragraph(s.earlierDaysLabel + ": " + m.earlierDays.map { $0.title + " (" + $0.dateText + ")" }.joined(separator: ", "))
        }

        out.heading(2, s.challenge)
        out.paragraph(m.challenge.question)
        out.list(m.challenge.bullets)

        out.heading(2, s.agenda)
        out.paragraph(s.delay + ": " + m.agenda.delayText)
        out.list(m.agenda.items.map { item in
            var line = item.plannedText + " " + item.title
            if let sub = item.subtitle, !sub.isEmpty { line += " – " + sub }
            line += " — " + item.statusText
            if let actual = item.actualStartText { line += ", " + s.began + " " + actual }
            return line
        })

        if !m.agenda.changes.isEmpty {
            // A paragraph between, or CommonMark would join the two lists into one.
            out.paragraph(s.programmeChanges + ":")
            out.list(m.agenda.changes.map(\.text))
        }

        out.heading(2, s.worksheets)
        if m.groups.isEmpty { out.paragraph(s.noGroups) }
        for g in m.groups {
            out.heading(3, g.name)
            for kind in EntryKind.allCases {
                out.heading(4, kind.title.text(m.language))
                let entries = g.entries(of: kind)
                if entries.isEmpty { out.paragraph(s.none); continue }
                out.rawList(entries.map { e in
                    let label = kind == .challenge ? "" : "**" + inline(e.label) + ":** "
                    return label + inline(e.text.isEmpty ? s.empty : e.text, indent: 2) + linkSuffix(kind, e, s)
                        + (e.votes.map { " — **" + s.dots($0) + "**" } ?? "")
                        + (e.carried ? e.firstWritten.map { " *(" + inline(s.firstWritten($0, ownGroup: g.name)) + ")*" } ?? "" : "")
                })
            }
            out.heading(4, s.chainFindings)
            if g.findings.isEmpty { out.paragraph(s.chainComplete) } else { out.list(g.findings) }
            for card in g.cards {
                out.heading(4, s.card + ": " + card.title)
                out.paragraph(card.deck + (card.drawn ? " · " + s.drawnByGroup : ""))
                out.rawList(card.questions.map {
                    "**" + inline($0.question, indent: 2) + "**\\\n  " + inline($0.answer.isEmpty ? s.empty : $0.answer, indent: 2)
                })
            }
            if !g.followUp.isEmpty {
                out.heading(4, s.followUpHeading(Array(Set(g.followUp.map(\.dayText))).sorted().joined(separator: ", ")))
                out.rawList(g.followUp.map { f in
                    "**" + inline(f.who.isEmpty ? s.empty : f.who, indent: 2) + ":** " + inline(f.knowledge, indent: 2)
                        + (f.dueText.isEmpty ? "" : " · " + s.byWhen + " " + inline(f.dueShown, indent: 2))
                        + " — **" + inline(f.statusText) + "**" + (f.note.isEmpty ? "" : ": " + inline(f.note, indent: 2))
                })
            }
            if let c = g.changes {
                out.heading(4, s.changesSince(c.sinceText))
                if c.isEmpty { out.paragraph(s.nothingChanged) }
                out.rawList(c.added.map { "**" + s.added + ":** " + inline($0, indent: 2) }
                    + c.changed.map { "**" + s.changedLabel + ":** " + inline($0.label + ": " + $0.before, indent: 2) + " → " + inline($0.after, indent: 2) }
                    + c.removed.map { "**" + s.removed + ":** " + inline($0, indent: 2) })
            }
        }

        if !m.dotVotes.isEmpty {
            out.heading(2, s.dotVotes)
            out.list(m.dotVotes.map { $0.partTitle + ", " + $0.scopeText + " (" + $0.itemTitle + "): " + $0.summary })
        }

        out.heading(2, s.plenum)
        if m.plenumNotes.isEmpty { out.paragraph(s.noPlenumNotes) }
        for note in m.plenumNotes {
            out.heading(3, [note.startText, note.title].compactMap { $0 }.joined(separator: " "))
            out.paragraph(note.text)
        }

        if let notes = m.facilitatorNotes {
            out.heading(2, s.facilitatorNotes)
            if notes.isEmpty { out.paragraph(s.noFacilitatorNotes) }
            for note in notes {
                out.heading(3, [note.startText, note.title].compactMap { $0 }.joined(separator: " "))
                out.paragraph(note.text)
            }
        }

        out.heading(2, s.agreements)
        for g in m.groups {
            out.heading(3, g.name)
            guard let a = g.agreement else { out.paragraph(s.notFilledIn); continue }
            let q = m.agreementQuestions
            out.heading(4, q[0]); out.paragraph(a.perspectives.isEmpty ? s.empty : a.perspectives)
            out.heading(4, q[1]); out.paragraph(a.involve.isEmpty ? s.empty : a.involve)
            out.heading(4, q[2])
            if a.rows.isEmpty { out.paragraph(s.none) }
            out.rawList(a.rows.map { r in
                "**" + s.who + ":** " + inline(r.who.isEmpty ? s.empty : r.who, indent: 2)
                    + " · **" + s.knowledge + ":** " + inline(r.knowledge.isEmpty ? s.empty : r.knowledge, indent: 2)
                    + (r.dueText.isEmpty ? "" : " · **" + s.byWhen + ":** " + inline(r.dueShown, indent: 2))
            })
            out.heading(4, q[3])
            out.rawList([
                "**" + s.nextMeeting + ":** " + inline(a.nextMeeting.text, indent: 2),
                "**" + s.tovholder + ":** " + inline(a.tovholder.isEmpty ? s.empty : a.tovholder, indent: 2),
            ])
        }

        out.heading(2, s.roadmap)
        if m.roadmap.isEmpty { out.paragraph(s.none) }
        out.rawList(m.roadmap.map { p in
            var item = "**" + inline(p.datesText) + ":** " + inline(p.title, indent: 2)
            for activity in p.activities { item += "\n  - " + inline(activity, indent: 4) }
            return item
        })
        return out.text
    }

    static func linkSuffix(_ kind: EntryKind, _ e: EntryMinutes, _ s: ExportStrings) -> String {
        guard kind.linksTo != nil else { return "" }
        let verb = s.linkVerb(kind)
        return e.linkLabels.isEmpty ? " *(" + s.noLink + ")*" : " *(" + verb + " " + e.linkLabels.joined(separator: ", ") + ")*"
    }

    // MARK: escaping

    /// Characters that may start inline structure anywhere in a line. Escaping them all
    /// (CommonMark allows a backslash before any ASCII punctuation) is simpler to trust than
    /// working out the contexts where each one matters. Parentheses are left readable: they
    /// only act after `]` (escaped) or as `1)` at a line start (escaped there).
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "!", "&", "|", "~", "#"]

    /// One text as inline content. Newlines become hard breaks (backslash-newline) followed
    /// by `indent` spaces, so the next line continues the same paragraph or list item.
    public static func inline(_ text: String, indent: Int = 0) -> String {
        let lines = VisibleText.visible(text).split(separator: "\n", omittingEmptySubsequences: false)
        let pad = String(repeating: " ", count: indent)
        return lines.map { escapeLine(Substring($0)) }.joined(separator: "\\\n" + pad)
    }

    /// A heading is one line: newlines in it become spaces.
    public static func headingText(_ text: String) -> String {
        escapeLine(Substring(VisibleText.visible(text).replacingOccurrences(of: "\n", with: " ")))
    }

    /// Escapes one line as if it began a line: its leading whitespace (which would indent
    /// it into code or out of a list) and a leading block marker (`-`, `+`, `=`, `1.`).
    static func escapeLine(_ line: Substring) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count + 8)
        var atStart = true
        var digitsSoFar = 0
        for c in line {
            if atStart {
                // Only whitespace before anything else indents; after digits ("70 %") a space
                // is plain text, and an entity there would stand in the source for nothing.
                if digitsSoFar == 0 && c == " " { out += "&#32;"; continue }
                if digitsSoFar == 0 && c == "\t" { out += "&#9;"; continue }
                if c.isASCII && c.isNumber && digitsSoFar < 10 { digitsSoFar += 1; out.append(c); continue }
                atStart = false
                if digitsSoFar > 0 {
                    if c == "." || c == ")" { out += "\\" }
                } else if c == "-" || c == "+" || c == "=" {
                    out += "\\"; out.append(c); continue
                }
            }
            if special.contains(c) { out += "\\" }
            out.append(c)
        }
        // cmark drops the spaces that end a paragraph or heading; the last one as an entity
        // keeps them all (only there: "70 %" needs none).
        if let last = out.last, (last == " " || last == "\t"), !out.hasSuffix("&#32;"), !out.hasSuffix("&#9;") {
            out.removeLast(); out += last == " " ? "&#32;" : "&#9;"
        }
        return out
    }

    // MARK: layout

    /// Blocks separated by blank lines; every call escapes its text.
    struct Doc {
        var text = ""
        mutating func block(_ b: String) { text += (text.isEmpty ? "" : "\n") + b + "\n" }
        mutating func heading(_ level: Int, _ t: String) {
            block(String(repeating: "#", count: level) + " " + MarkdownMinutes.headingText(t))
        }
        mutating func paragraph(_ t: String) { block(MarkdownMinutes.inline(t)) }
        mutating func list(_ items: [String]) { rawList(items.map { MarkdownMinutes.inline($0, indent: 2) }) }
        /// Items already escaped (they mix our emphasis with escaped text).
        mutating func rawList(_ items: [String]) {
            guard !items.isEmpty else { return }
            block(items.map { "- " + $0 }.joined(separator: "\n"))
        }
    }
}
