/// The minutes as one self-contained, printable HTML file: inline CSS with a print
/// stylesheet, no script and no external reference of any kind (a Content-Security-Policy
/// says so to the browser too), every text escaped. Same order and headings as Markdown.
public enum HTMLMinutes {
    public static func render(_ m: Minutes) -> String {
        let s = ExportStrings(m.language)
        var h = ""
        h.reserveCapacity(16_384)
        h += """
        <!DOCTYPE html>
        <html lang="\(m.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(s.minutes + ": " + m.title))</title>
        <style>\(css)</style>
        </head>
        <body>

        """
        h += "<header>\n<h1>\(esc(m.title))</h1>\n"
        if let sub = m.subtitle, !sub.isEmpty { h += "<p class=\"subtitle\">\(esc(sub))</p>\n" }
        h += "<p>\(esc(m.organisation)) · \(esc(m.dateText))</p>\n"
        h += "<p class=\"meta\">\(esc(s.minutes)) · \(esc(s.exported)) \(esc(m.exportedAtText))</p>\n"
        if !m.earlierDays.isEmpty {
            h += "<p class=\"meta\">" + esc(s.earlierDaysLabel + ": " + m.earlierDays.map { $0.title + " (" + $0.dateText + ")" }
                .joined(separator: ", ")) + "</p>\n"
        }
        h += "</header>\n"

        h += "<section>\n<h2>\(esc(s.challenge))</h2>\n<p class=\"question\">\(esc(m.challenge.question))</p>\n"
        h += list(m.challenge.bullets.map(esc)) + "</section>\n"

        h += "<section>\n<h2>\(esc(s.agenda))</h2>\n<p>\(esc(s.delay)): <strong>\(esc(m.agenda.delayText))</strong></p>\n"
        h += "<ul class=\"agenda\">\n"
        for item in m.agenda.items {
            var title = esc(item.title)
            if let sub = item.subtitle, !sub.isEmpty { title += " – " + esc(sub) }
            var status = esc(item.statusText)
            if let actual = item.actualStartText { status += ", " + esc(s.began) + " " + esc(actual) }
            h += "<li class=\"\(item.status.rawValue)\"><span class=\"time\">\(esc(item.plannedText))</span> "
                + "\(title) <span class=\"status\">\(status)</span></li>\n"
        }
        h += "</ul>\n"
        if !m.agenda.changes.isEmpty { h += list(m.agenda.changes.map { esc($0.text) }, cls: "changes") }
        h += "</section>\n"

        h += "<section>\n<h2>\(esc(s.worksheets))</h2>\n"
        if m.groups.isEmpty { h += "<p>\(esc(s.noGroups))</p>\n" }
        for g in m.groups {
            h += "<section class=\"group\">\n<h3>\(esc(g.name))</h3>\n"
            for kind in EntryKind.allCases {
                h += "<h4>\(esc(kind.title.text(m.language)))</h4>\n"
                let entries = g.entries(of: kind)
                if entries.isEmpty { h += "<p class=\"none\">\(esc(s.none))</p>\n"; continue }
                h += list(entries.map { e in
                    let label = kind == .challenge ? "" : "<strong>\(esc(e.label)):</strong> "
                    var links = ""
                    if kind.linksTo != nil {
                        let verb = s.linkVerb(kind)
                        links = " <em>(" + esc(e.linkLabels.isEmpty ? s.noLink
                                                 : verb + " " + e.linkLabels.joined(separator: ", ")) + ")</em>"
                    }
                    return label + esc(e.text.isEmpty ? s.empty : e.text) + links
                        + (e.votes.map { " <strong class=\"dots\">— " + esc(s.dots($0)) + "</strong>" } ?? "")
                        + (e.carried ? e.firstWritten.map { " <em>(" + esc(s.firstWritten($0, ownGroup: g.name)) + ")</em>" } ?? "" : "")
                })
            }
            h += "<h4>\(esc(s.chainFindings))</h4>\n"
            h += g.findings.isEmpty ? "<p>\(esc(s.chainComplete))</p>\n" : list(g.findings.map(esc), cls: "findings")
            for card in g.cards {
                h += "<h4>\(esc(s.card + ": " + card.title))</h4>\n"
                h += "<p>\(esc(card.deck + (card.drawn ? " · " + s.drawnByGroup : "")))</p>\n<dl class=\"card\">\n"
                for qa in card.questions {
                    h += "<dt>\(esc(qa.question))</dt><dd>\(esc(qa.answer.isEmpty ? s.empty : qa.answer))</dd>\n"
                }
                h += "</dl>\n"
            }
            if !g.followUp.isEmpty {
                h += "<h4>\(esc(s.followUpHeading(Array(Set(g.followUp.map(\.dayText))).sorted().joined(separator: ", "))))</h4>\n"
                h += list(g.followUp.map { f in
                    "<strong>" + esc(f.who.isEmpty ? s.empty : f.who) + ":</strong> " + esc(f.knowledge)
                        + (f.dueText.isEmpty ? "" : " · " + esc(s.byWhen + " " + f.dueShown))
                        + " — <strong>" + esc(f.statusText) + "</strong>" + (f.note.isEmpty ? "" : ": " + esc(f.note))
                }, cls: "followup")
            }
            if let c = g.changes {
                h += "<h4>\(esc(s.changesSince(c.sinceText)))</h4>\n"
                if c.isEmpty { h += "<p>\(esc(s.nothingChanged))</p>\n" }
                h += list(c.added.map { "<strong>" + esc(s.added) + ":</strong> " + esc($0) }
                    + c.changed.map { "<strong>" + esc(s.changedLabel) + ":</strong> " + esc($0.label + ": " + $0.before) + " → " + esc($0.after) }
                    + c.removed.map { "<strong>" + esc(s.removed) + ":</strong> " + esc($0) }, cls: "changes")
            }
            h += "</section>\n"
        }
        h += "</section>\n"
        if !m.dotVotes.isEmpty {
            h += "<section>\n<h2>\(esc(s.dotVotes))</h2>\n"
            h += list(m.dotVotes.map { esc($0.partTitle + ", " + $0.scopeText + " (" + $0.itemTitle + "): " + $0.summary) })
            h += "</section>\n"
        }

        h += "<section>\n<h2>\(esc(s.plenum))</h2>\n"
        if m.plenumNotes.isEmpty { h += "<p>\(esc(s.noPlenumNotes))</p>\n" }
        for note in m.plenumNotes {
            h += "<h3>\(esc([note.startText, note.title].compactMap { $0 }.joined(separator: " ")))</h3>\n"
            h += "<p>\(esc(note.text))</p>\n"
        }
        h += "</section>\n"
        if let notes = m.facilitatorNotes {
            h += "<section class=\"notes\">\n<h2>\(esc(s.facilitatorNotes))</h2>\n"
            if notes.isEmpty { h += "<p>\(esc(s.noFacilitatorNotes))</p>\n" }
            for note in notes {
                h += "<h3>\(esc([note.startText, note.title].compactMap { $0 }.joined(separator: " ")))</h3>\n"
                h += "<p>\(esc(note.text))</p>\n"
            }
            h += "</section>\n"
        }

        h += "<section>\n<h2>\(esc(s.agreements))</h2>\n"
        for g in m.groups {
            h += "<section class=\"group\">\n<h3>\(esc(g.name))</h3>\n"
            if let a = g.agreement {
                let q = m.agreementQuestions
                h += "<h4>\(esc(q[0]))</h4>\n<p>\(esc(a.perspectives.isEmpty ? s.empty : a.perspectives))</p>\n"
                h += "<h4>\(esc(q[1]))</h4>\n<p>\(esc(a.involve.isEmpty ? s.empty : a.involve))</p>\n"
                h += "<h4>\(esc(q[2]))</h4>\n"
                h += a.rows.isEmpty ? "<p class=\"none\">\(esc(s.none))</p>\n" : list(a.rows.map { r in
                    "<strong>\(esc(s.who)):</strong> \(esc(r.who.isEmpty ? s.empty : r.who)) · "
                        + "<strong>\(esc(s.knowledge)):</strong> \(esc(r.knowledge.isEmpty ? s.empty : r.knowledge))"
                        + (r.dueText.isEmpty ? "" : " · <strong>\(esc(s.byWhen)):</strong> \(esc(r.dueShown))")
                })
                h += "<h4>\(esc(q[3]))</h4>\n" + list([
                    "<strong>\(esc(s.nextMeeting)):</strong> \(esc(a.nextMeeting.text))",
                    "<strong>\(esc(s.tovholder)):</strong> \(esc(a.tovholder.isEmpty ? s.empty : a.tovholder))",
                ])
            } else {
                h += "<p>\(esc(s.notFilledIn))</p>\n"
            }
            h += "</section>\n"
        }
        h += "</section>\n"

        h += "<section>\n<h2>\(esc(s.roadmap))</h2>\n"
        h += m.roadmap.isEmpty ? "<p>\(esc(s.none))</p>\n" : list(m.roadmap.map { p in
            "<strong>\(esc(p.datesText)):</strong> \(esc(p.title))"
                + (p.activities.isEmpty ? "" : "\n" + list(p.activities.map(esc)))
        }, cls: "roadmap")
        h += "</section>\n</body>\n</html>\n"
        return h
    }

    static func list(_ items: [String], cls: String? = nil) -> String {
        guard !items.isEmpty else { return "" }
        let open = cls.map { "<ul class=\"\($0)\">" } ?? "<ul>"
        return open + "\n" + items.map { "<li>" + $0 + "</li>\n" }.joined() + "</ul>\n"
    }

    /// Escapes text for element content and quoted attributes; newlines become `<br>`.
    public static func esc(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in VisibleText.visible(text) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<br>\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Readable on screen, compact on paper; no web fonts (nothing is fetched).
    static let css = """

    body { font-family: "Segoe UI", system-ui, -apple-system, Helvetica, Arial, sans-serif; color: #111;
           max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
    h1 { font-size: 1.9rem; margin-bottom: 0.2rem; }
    h2 { border-bottom: 2px solid #333; padding-bottom: 0.2rem; margin-top: 2rem; }
    h3 { margin-top: 1.5rem; }
    h4 { margin: 1rem 0 0.3rem; font-size: 1rem; }
    .subtitle { font-size: 1.15rem; margin-top: 0; }
    .meta, .status, .none { color: #555; }
    .question { font-weight: bold; }
    ul.agenda { list-style: none; padding-left: 0; }
    ul.agenda .time { font-variant-numeric: tabular-nums; display: inline-block; min-width: 7.5rem; }
    ul.agenda li.skipped, ul.agenda li.not-reached { color: #666; }
    ul.findings { color: #8a1c00; }
    section.group { border-left: 4px solid #bbb; padding-left: 1rem; margin: 1rem 0; }
    @media print {
      body { max-width: none; margin: 0; font-size: 10.5pt; color: #000; }
      h2 { break-after: avoid; }
      h3, h4 { break-after: avoid; }
      section.group { break-inside: avoid-page; border-left: 2px solid #000; }
      li { break-inside: avoid; }
      .meta, .status, .none, ul.findings { color: #000; }
    }

    """
}
