/// The dates the day agreed, as an RFC 5545 calendar: each group's next meeting that has a
/// readable date, each concrete agreement's deadline that can be read, and each roadmap
/// phase. A meeting with a readable time is timed in Europe/Copenhagen (with the zone's rules
/// included, as the RFC asks) and lasts an hour unless a range was typed ("13.30–15");
/// without a time it is an all-day event, as deadlines and phases are.
public enum ICSMinutes {
    public static let timeZone = "Europe/Copenhagen"
    /// How long a meeting typed with only a start lasts in the calendar: a calendar needs
    /// an end to show a block, and an hour is what a follow-up meeting usually takes.
    static let defaultMeetingMinutes = 60

    public static func render(_ m: Minutes) -> String {
        let s = ExportStrings(m.language)
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
                     "PRODID:-//Tovholder//Referat//" + m.language.rawValue.uppercased(),
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + text(m.title)]
        let meetings = m.groups.compactMap { g in g.agreement?.nextMeeting.date.map { (g, g.agreement!, $0) } }
        if meetings.contains(where: { span($0.1.nextMeeting) != nil }) { lines += copenhagen }
        let stamp = "DTSTAMP:" + utcStamp(m.exportedAt)

        for (g, a, date) in meetings {
            let who = a.tovholder.isEmpty ? "" : " (" + s.tovholderShort + ": " + a.tovholder + ")"
            lines += ["BEGIN:VEVENT", "UID:next-meeting-g\(g.id).\(m.sessionID)@tovholder", stamp]
            if let time = span(a.nextMeeting) {
                lines += ["DTSTART;TZID=\(timeZone):" + local(date, time.start.minutes),
                          "DTEND;TZID=\(timeZone):" + local(date, time.end.minutes)]
            } else {
                lines += ["DTSTART;VALUE=DATE:" + compact(date), "DTEND;VALUE=DATE:" + compact(date.nextDay)]
            }
            lines.append("SUMMARY:" + text(g.name + " " + s.meetsAgain + who))
            if !a.nextMeeting.place.isEmpty { lines.append("LOCATION:" + text(a.nextMeeting.place)) }
            var description = [m.title + " · " + m.organisation]
            description += a.rows.map { r in
                [r.who, r.knowledge].filter { !$0.isEmpty }.joined(separator: ": ")
                    + (r.dueText.isEmpty ? "" : " (" + s.byWhen.lowercased() + " " + r.dueShown + ")")
            }
            lines += ["DESCRIPTION:" + text(description.joined(separator: "\n")), "END:VEVENT"]
        }
        for g in m.groups { lines += deadlines(g, m, s, stamp) }
        for p in m.roadmap {
            lines += ["BEGIN:VEVENT", "UID:roadmap-\(p.id).\(m.sessionID)@tovholder", stamp,
                      "DTSTART;VALUE=DATE:" + compact(p.from),
                      // DTEND is exclusive: the day after the last day.
                      "DTEND;VALUE=DATE:" + compact((p.to ?? p.from).nextDay),
                      "SUMMARY:" + text(p.title)]
            if !p.activities.isEmpty {
                lines.append("DESCRIPTION:" + text(p.activities.map { "– " + $0 }.joined(separator: "\n")))
            }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Start and end of a meeting with a time: a single readable time lasts an hour; a typed
    /// range ("13.30–15", kept as typed in `timeText` since it is not one time) gives both.
    static func span(_ meeting: NextMeetingMinutes) -> (start: ClockTime, end: ClockTime)? {
        if let start = meeting.time { return (start, ClockTime(minutes: start.minutes + defaultMeetingMinutes)) }
        return TimeRange.parse(meeting.timeText).map { ($0.start, $0.end) }
    }

    /// One all-day event per concrete agreement whose date can be read; an unreadable one
    /// ("efter jul") stays in the minutes' text only. The UID counts the group's rows as the
    /// minutes list them, so a re-import updates the events rather than adding to them.
    static func deadlines(_ g: GroupMinutes, _ m: Minutes, _ s: ExportStrings, _ stamp: String) -> [String] {
        guard let rows = g.agreement?.rows else { return [] }
        return rows.enumerated().flatMap { i, r -> [String] in
            guard let due = r.due else { return [] }
            var description = [m.title + " · " + m.organisation, g.name]
            if !r.who.isEmpty { description.append(s.who + ": " + r.who) }
            if !r.knowledge.isEmpty { description.append(s.knowledge + ": " + r.knowledge) }
            description.append(s.byWhen + ": " + r.dueShown)
            return ["BEGIN:VEVENT", "UID:agreement-g\(g.id)-row\(i + 1).\(m.sessionID)@tovholder", stamp,
                    "DTSTART;VALUE=DATE:" + compact(due), "DTEND;VALUE=DATE:" + compact(due.nextDay),
                    "SUMMARY:" + text(s.dueSummary(group: g.name, who: r.who, knowledge: r.knowledge)),
                    "DESCRIPTION:" + text(description.joined(separator: "\n")),
                    // A deadline is a reminder, not time taken.
                    "TRANSP:TRANSPARENT", "END:VEVENT"]
        }
    }

    /// TEXT value escaping (RFC 5545 3.3.11), after making control characters visible:
    /// a CR or other control must not end or corrupt a content line.
    public static func text(_ value: String) -> String {
        var out = ""
        for c in VisibleText.visible(value) {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets (3.1): continuation lines begin with one space,
    /// which counts toward their 75, and a UTF-8 sequence is never split.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = "", used = 0, limit = 75
        for u in line.unicodeScalars {
            let size = String(u).utf8.count
            if used + size > limit { out += "\r\n "; used = 1; limit = 75 }
            out.unicodeScalars.append(u)
            used += size
        }
        return out
    }

    static func compact(_ d: CalendarDate) -> String {
        String(d.year) + pad2(d.month) + pad2(d.day)
    }

    /// Local date-time for minutes since the start of `date`; a meeting ending after
    /// midnight ends on the next day.
    static func local(_ date: CalendarDate, _ minutes: Int) -> String {
        let day = minutes >= 1440 ? date.nextDay : date, m = minutes % 1440
        return compact(day) + "T" + pad2(m / 60) + pad2(m % 60) + "00"
    }

    static func utcStamp(_ t: Double) -> String {
        let (date, time) = Minutes.localDateTime(t, utcOffsetSeconds: 0)
        let seconds = Int(t.rounded(.down)) % 60
        return compact(date) + "T" + pad2(time.minutes / 60) + pad2(time.minutes % 60) + pad2((seconds + 60) % 60) + "Z"
    }

    /// Denmark's rules since 1996 (last Sunday of March and of October).
    static let copenhagen = [
        "BEGIN:VTIMEZONE", "TZID:\(timeZone)",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
        "DTSTART:19810329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
        "DTSTART:19961027T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]
}

extension CalendarDate {
    /// The following day (for exclusive DTEND).
    public var nextDay: CalendarDate {
        if day < CalendarDate.daysIn(month: month, year: year) { return CalendarDate(year: year, month: month, day: day + 1)! }
        if month < 12 { return CalendarDate(year: year, month: month + 1, day: 1)! }
        return CalendarDate(year: year + 1, month: 1, day: 1) ?? self
    }
}
