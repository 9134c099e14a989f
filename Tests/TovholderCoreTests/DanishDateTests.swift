import XCTest
@testable import TovholderCore

final class DanishDateTests: XCTestCase {
    /// The day of the test session: Tuesday 5 December 2023.
    let dayOfSession = CalendarDate(year: 2023, month: 12, day: 5)!
    func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    func testEveryWayADaneTypesADate() {
        let jan18 = date(2024, 1, 18)
        let cases: [(String, CalendarDate)] = [
            ("18/1", jan18), ("18/1-2024", jan18), ("18/1 2024", jan18), ("18.1", jan18), ("18.1.", jan18),
            ("18.01.2024", jan18), ("18.01.24", jan18), ("18-01-2024", jan18), ("18/01/2024", jan18),
            ("18. januar 2024", jan18), ("18 januar", jan18), ("18. jan.", jan18), ("18 jan 2024", jan18),
            ("18.jan", jan18), ("18januar", jan18),
            ("torsdag den 18. januar 2024", jan18), ("Torsdag d. 18/1", jan18), ("tors. 18.1.", jan18),
            ("2024-01-18", jan18), ("  18/1  ", jan18),
            ("18. JANUAR 2024", jan18), ("18 Januar", jan18),
            ("18 January 2024", jan18), ("January 18, 2024", jan18), ("Thursday 18th January", jan18),
            ("3. februar", date(2024, 2, 3)), ("3 feb", date(2024, 2, 3)),
            ("1. marts", date(2024, 3, 1)), ("1 mar", date(2024, 3, 1)), ("1 March", date(2024, 3, 1)),
            ("2. apr", date(2024, 4, 2)), ("7. maj", date(2024, 5, 7)), ("7 May", date(2024, 5, 7)),
            ("8. jun", date(2024, 6, 8)), ("9. jul", date(2024, 7, 9)), ("10. aug", date(2024, 8, 10)),
            ("11. sep", date(2024, 9, 11)), ("11. sept.", date(2024, 9, 11)), ("12. okt", date(2024, 10, 12)),
            ("12 oct", date(2024, 10, 12)), ("13. nov", date(2024, 11, 13)), ("24. dec", date(2023, 12, 24)),
            ("24. december", date(2023, 12, 24)), ("lørdag den 2. marts 2024", date(2024, 3, 2)),
            ("søndag d. 5. maj 2024", date(2024, 5, 5)), ("onsdag 31/1", date(2024, 1, 31)),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try DanishDate.parse(text, near: dayOfSession).get(), expected, text)
        }
    }

    func testADateWithoutAYearIsTheNextOneOnOrAfterTheDayOfTheSession() {
        XCTAssertEqual(try DanishDate.parse("5/12", near: dayOfSession).get(), date(2023, 12, 5), "the day itself")
        XCTAssertEqual(try DanishDate.parse("6/12", near: dayOfSession).get(), date(2023, 12, 6))
        XCTAssertEqual(try DanishDate.parse("4/12", near: dayOfSession).get(), date(2024, 12, 4), "a year ahead")
        XCTAssertEqual(try DanishDate.parse("31/12", near: dayOfSession).get(), date(2023, 12, 31))
        XCTAssertEqual(try DanishDate.parse("1/1", near: dayOfSession).get(), date(2024, 1, 1), "across New Year")
        XCTAssertEqual(try DanishDate.parse("18/1", near: date(2024, 1, 19)).get(), date(2025, 1, 18))
        // 29 February waits for the next leap year.
        XCTAssertEqual(try DanishDate.parse("29/2", near: dayOfSession).get(), date(2024, 2, 29))
        XCTAssertEqual(try DanishDate.parse("29. februar", near: date(2024, 3, 1)).get(), date(2028, 2, 29))
        // A year typed is taken as typed, even in the past.
        XCTAssertEqual(try DanishDate.parse("18/1 2023", near: dayOfSession).get(), date(2023, 1, 18))
    }

    func testLeapYears() {
        XCTAssertEqual(try DanishDate.parse("29/2 2024", near: dayOfSession).get(), date(2024, 2, 29))
        XCTAssertEqual(try DanishDate.parse("29.02.2000", near: dayOfSession).get(), date(2000, 2, 29))
        XCTAssertEqual(DanishDate.parse("29/2 2023", near: dayOfSession),
                       .failure(.noSuchDay("29/2 2023", day: 29, month: 2, year: 2023)))
        XCTAssertEqual(DanishDate.parse("29.02.2100", near: dayOfSession),
                       .failure(.noSuchDay("29.02.2100", day: 29, month: 2, year: 2100)))
    }

    func testEachErrorSaysWhatIsWrongAndShowsAnExampleInBothLanguages() {
        func message(_ text: String) -> Localized? {
            if case .failure(let e) = DanishDate.parse(text, near: dayOfSession) { return e.message }
            XCTFail("\(text) was read"); return nil
        }
        XCTAssertEqual(message("31/2"), Localized(
            da: "Datoen kunne ikke læses: \"31/2\" – februar har ikke 31 dage. Skriv fx 18/1 eller 18. januar 2024",
            en: "The date could not be read: \"31/2\" – February does not have 31 days. Write e.g. 18/1 or 18 January 2024"))
        XCTAssertEqual(message("30/2 2023"), Localized(
            da: "Datoen kunne ikke læses: \"30/2 2023\" – februar har ikke 30 dage. Skriv fx 18/1 eller 18. januar 2024",
            en: "The date could not be read: \"30/2 2023\" – February does not have 30 days. Write e.g. 18/1 or 18 January 2024"))
        XCTAssertEqual(message("31. april"), Localized(
            da: "Datoen kunne ikke læses: \"31. april\" – april har ikke 31 dage. Skriv fx 18/1 eller 18. januar 2024",
            en: "The date could not be read: \"31. april\" – April does not have 31 days. Write e.g. 18/1 or 18 January 2024"))
        XCTAssertEqual(message("29/2 2023"), Localized(
            da: "Datoen kunne ikke læses: \"29/2 2023\" – 2023 er ikke et skudår, så februar har kun 28 dage. "
                + "Skriv fx 18/1 eller 18. januar 2024",
            en: "The date could not be read: \"29/2 2023\" – 2023 is not a leap year, so February has only 28 days. "
                + "Write e.g. 18/1 or 18 January 2024"))
        XCTAssertEqual(message("18/13"), Localized(
            da: "Datoen kunne ikke læses: \"18/13\" – der er ingen måned 13, kun 1–12. Skriv fx 18/1 eller 18. januar 2024",
            en: "The date could not be read: \"18/13\" – there is no month 13, only 1–12. Write e.g. 18/1 or 18 January 2024"))
        XCTAssertEqual(message("0/1"), Localized(
            da: "Datoen kunne ikke læses: \"0/1\" – der er ingen dag 0. Skriv fx 18/1 eller 18. januar 2024",
            en: "The date could not be read: \"0/1\" – there is no day 0. Write e.g. 18/1 or 18 January 2024"))
        XCTAssertEqual(message("næste uge"), Localized(
            da: "Datoen kunne ikke læses: \"næste uge\". Skriv fx 18/1 eller 18. januar 2024",
            en: "The date could not be read: \"næste uge\". Write e.g. 18/1 or 18 January 2024"))
        XCTAssertEqual(message("18/1/202"), Localized(
            da: "Datoen kunne ikke læses: \"18/1/202\" – årstallet 202 kan ikke bruges; skriv fx 2024 eller 24. "
                + "Skriv fx 18/1 eller 18. januar 2024",
            en: "The date could not be read: \"18/1/202\" – the year 202 cannot be used; write e.g. 2024 or 24. "
                + "Write e.g. 18/1 or 18 January 2024"))
        XCTAssertEqual(message("  "), Localized(da: "Der mangler en dato. Skriv fx 18/1 eller 18. januar 2024",
                                                en: "A date is missing. Write e.g. 18/1 or 18 January 2024"))
    }

    func testGarbageIsRefused() {
        for text in ["", "hej", "18", "18/1/2024/5", "18 januar 2024 kl 14", "18 smarch", "1/2/3/4", "18?1",
                     "123456", "18 1 2024 x", "ons", "\u{1B}[31m18/1"] {
            if case .success(let d) = DanishDate.parse(text, near: dayOfSession) { XCTFail("\(text) read as \(d)") }
        }
        XCTAssertEqual(DanishDate.parse("", near: dayOfSession), .failure(.empty))
        // Control characters never reach a message.
        if case .failure(let e) = DanishDate.parse("\u{1B}[31m", near: dayOfSession) {
            XCTAssertFalse(e.message.da.contains("\u{1B}"))
        }
    }

    func testFormat() {
        XCTAssertEqual(DanishDate.format(date(2024, 1, 18), .da), "18. januar 2024")
        XCTAssertEqual(DanishDate.format(date(2024, 1, 18), .en), "18 January 2024")
        XCTAssertEqual(DanishDate.format(date(2023, 12, 5), .da), "5. december 2023")
        // What is shown reads back as the same date.
        for month in 1...12 {
            let d = date(2024, month, 1)
            for lang in Language.allCases {
                XCTAssertEqual(try DanishDate.parse(DanishDate.format(d, lang), near: dayOfSession).get(), d)
            }
        }
    }

    // MARK: times

    func testTimes() {
        let cases: [(String, Int, Int)] = [
            ("14", 14, 0), ("14.30", 14, 30), ("14:30", 14, 30), ("kl. 14.30", 14, 30), ("kl 14", 14, 0),
            ("Kl. 9.05", 9, 5), ("kl.9", 9, 0), ("klokken 10", 10, 0), ("9:00", 9, 0), ("09.00", 9, 0),
            ("0", 0, 0), ("23.59", 23, 59), (" 8 ", 8, 0),
        ]
        for (text, h, m) in cases {
            XCTAssertEqual(try DanishTime.parse(text).get(), ClockTime(hour: h, minute: m), text)
        }
        XCTAssertEqual(DanishTime.format(ClockTime(hour: 9, minute: 5)!, .da), "09.05")
        XCTAssertEqual(DanishTime.format(ClockTime(hour: 9, minute: 5)!, .en), "09:05")
    }

    func testTimeErrors() {
        XCTAssertEqual(DanishTime.parse(" "), .failure(.empty))
        XCTAssertEqual(DanishTime.parse("25"), .failure(.noSuchHour("25", 25)))
        XCTAssertEqual(DanishTime.parse("14.60"), .failure(.noSuchMinute("14.60", 60)))
        for text in ["frokost", "14.3", "14.300", "14:30:00", "kl.", "1430", "14,30", "-1", "14.30 i morgen"] {
            if case .success(let t) = DanishTime.parse(text) { XCTFail("\(text) read as \(t)") }
        }
        XCTAssertEqual(TimeError.noSuchHour("25", 25).message, Localized(
            da: "Tidspunktet kunne ikke læses: \"25\" – døgnet har timerne 0–23, ikke 25. Skriv fx 14 eller 14.30",
            en: "The time could not be read: \"25\" – the day has hours 0–23, not 25. Write e.g. 14 or 14:30"))
        XCTAssertEqual(TimeError.noSuchMinute("14.60", 60).message, Localized(
            da: "Tidspunktet kunne ikke læses: \"14.60\" – en time har minutterne 00–59, ikke 60. Skriv fx 14 eller 14.30",
            en: "The time could not be read: \"14.60\" – an hour has minutes 00–59, not 60. Write e.g. 14 or 14:30"))
        XCTAssertEqual(TimeError.unreadable("frokost").message, Localized(
            da: "Tidspunktet kunne ikke læses: \"frokost\". Skriv fx 14 eller 14.30",
            en: "The time could not be read: \"frokost\". Write e.g. 14 or 14:30"))
        XCTAssertEqual(TimeError.empty.message, Localized(da: "Der mangler et tidspunkt. Skriv fx 14 eller 14.30",
                                                          en: "A time is missing. Write e.g. 14 or 14:30"))
    }
}
