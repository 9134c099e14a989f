/// Counting days on the calendar: what "six weeks after the day" and "which weekday" need.
/// Days are counted from 1970-01-01 (proleptic Gregorian), the inverse of
/// `Minutes.localDateTime`, so no Foundation calendar or time zone can shift a date.
extension CalendarDate {
    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier when negative); nil outside the years a date may have.
    public func adding(days: Int) -> CalendarDate? { CalendarDate(dayNumber: dayNumber + days) }

    /// The date `dayNumber` days after 1970-01-01 (Howard Hinnant's civil-from-days); nil
    /// outside the years a date may have.
    public init?(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The same day `months` months later; the month's last day when it is shorter
    /// (31 January + 1 month is 28 or 29 February, not 2 March).
    public func adding(months: Int) -> CalendarDate? {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        guard (1900...2999).contains(y) else { return nil }
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601, as a Danish calendar prints weeks).
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (dayNumber + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }
}

extension Wording {
    static let weekdaysDa = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
    static let weekdaysEn = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// "tirsdag" / "Tuesday" (1 = Monday).
    public static func weekday(_ n: Int, _ lang: Language) -> String { (lang == .da ? weekdaysDa : weekdaysEn)[n - 1] }

    /// "12/1" — a date as short as Danes write it; "1/12" (month first) in English.
    public static func shortDate(_ d: CalendarDate, _ lang: Language) -> String {
        lang == .da ? "\(d.day)/\(d.month)" : "\(d.month)/\(d.day)"
    }
}
