import Foundation
import XCTest
@testable import TovholderCore

final class ReferenceDayTests: XCTestCase {
    func load() throws -> DayTemplate {
        let bytesBefore = FileManager.default.contents(atPath: referenceDayPath)
        let result = TemplateLoader.load(path: referenceDayPath)
        XCTAssertEqual(FileManager.default.contents(atPath: referenceDayPath), bytesBefore)
        switch result {
        case let .success(day): return day
        case let .failure(errors): XCTFail(errors.text(.en)); throw errors
        }
    }

    func testHeader() throws {
        let day = try load()
        XCTAssertEqual(day.title, "Borgerens møde med kommunen")
        // The weekday and date follow the day the session is made for (DatePlaceholderTests).
        XCTAssertEqual(day.subtitle, "Udviklingsuge del 1 – {ugedag} den {dato}")
        XCTAssertEqual(day.dated(day.date).subtitle, "Udviklingsuge del 1 – tirsdag den 5. december 2023")
        XCTAssertEqual(day.organisation, "Albertslund Kommune")
        XCTAssertEqual(day.date, CalendarDate(year: 2023, month: 12, day: 5))
        XCTAssertTrue(day.challenge.question.hasPrefix("Hvordan kan vi arbejde for et bedre møde med borgeren"))
        XCTAssertEqual(day.challenge.bullets.count, 4)
        XCTAssertEqual(day.groups, ["Gruppe 1", "Gruppe 2", "Gruppe 3", "Gruppe 4"])
    }

    func testAgendaRunsFromNineToAThreeOClockClosing() throws {
        let agenda = try load().agenda
        XCTAssertGreaterThanOrEqual(agenda.count, 20)
        XCTAssertEqual(agenda.first?.start, ClockTime(hour: 9, minute: 0))
        XCTAssertEqual(agenda.first?.kind, .welcome)
        XCTAssertEqual(agenda.last?.kind, .closing)
        XCTAssertEqual(agenda.last?.start, ClockTime(hour: 15, minute: 0))
        XCTAssertEqual(agenda.last?.title, "Tak for i dag")
        for (a, b) in zip(agenda, agenda.dropFirst()) { XCTAssertLessThanOrEqual(a.end, b.start, b.id) }
        // The programme's fixed times.
        let fixed: [(String, Int, Int)] = [("maal", 9, 30), ("mekanismer", 10, 30), ("frokost", 11, 30),
                                           ("oplaeg", 12, 0), ("tegn", 13, 0), ("koereplan", 14, 0)]
        for (id, h, m) in fixed {
            XCTAssertEqual(agenda.first { $0.id == id }?.start, ClockTime(hour: h, minute: m), id)
        }
        let lunch = try XCTUnwrap(agenda.first { $0.kind == .lunch })
        XCTAssertEqual(lunch.end, ClockTime(hour: 12, minute: 0))
        let talk = try XCTUnwrap(agenda.first { $0.kind == .talk })
        XCTAssertEqual(talk.speaker, "Anne Torzen")
        XCTAssertTrue(talk.subtitle?.contains("Center for Borgerdialog") ?? false)
    }

    func testWarmUpExercise() throws {
        let agenda = try load().agenda
        let exercise = try XCTUnwrap(agenda.first { $0.kind == .exercise })
        XCTAssertEqual(exercise.title, "Kan I tælle til 3?")
        XCTAssertEqual(exercise.steps.count, 5)
        for step in exercise.steps {
            XCTAssertEqual(step.hint, "Prøv at holde et flydende tempo.")
            XCTAssertEqual(step.example.count, 3, step.title)
        }
        XCTAssertEqual(exercise.steps[1].example, ["Klap", "2", "3"])
        XCTAssertEqual(exercise.steps[4].example, ["1", "Tramp", "3"])
        let index = try XCTUnwrap(agenda.firstIndex { $0.kind == .exercise })
        XCTAssertEqual(agenda[index + 1].kind, .reflection)
        XCTAssertEqual(agenda[index + 1].questions.count, 3)
    }

    func testGroupWorkFillsTheWorksheetInOrder() throws {
        let agenda = try load().agenda
        let parts = agenda.filter { $0.kind == .groupWork || $0.kind == .agreement }.compactMap(\.part)
        XCTAssertEqual(parts, [.goals, .mechanisms, .signs, .agreement])
        let signs = try XCTUnwrap(agenda.first { $0.kind == .groupWork && $0.part == .signs })
        XCTAssertEqual(signs.subtitle, "Hvordan ser vi, at vi lykkes med de mål vi har formuleret")
        XCTAssertEqual(agenda.filter { $0.kind == .plenum }.count, 3)
        XCTAssertTrue(agenda.contains { $0.kind == .example })
        XCTAssertTrue(agenda.contains { $0.kind == .roadmap && $0.start == ClockTime(hour: 14, minute: 0) })
        XCTAssertTrue(agenda.first { $0.kind == .groupWork }?.timed ?? false, "group work is timed by default")
        XCTAssertFalse(agenda.first { $0.kind == .welcome }?.timed ?? true)
    }

    func testExampleAgreementAndRoadmap() throws {
        let day = try load()
        let example = try XCTUnwrap(day.example)
        XCTAssertEqual(example.mechanisms.count, 5)
        XCTAssertEqual(example.trialActions.count, 7)
        XCTAssertEqual(example.signs.count, 6)
        XCTAssertEqual(day.agreementQuestions.count, 4)
        XCTAssertEqual(day.roadmap.count, 3)
        XCTAssertEqual(day.roadmap[0].from, CalendarDate(year: 2023, month: 12, day: 4))
        XCTAssertEqual(day.roadmap[0].to, CalendarDate(year: 2023, month: 12, day: 5))
        XCTAssertEqual(day.roadmap[0].activities.count, 6)
        XCTAssertEqual(day.roadmap[1].from, CalendarDate(year: 2024, month: 1, day: 18))
        XCTAssertEqual(day.roadmap[2].from, CalendarDate(year: 2024, month: 3, day: 1))
        XCTAssertNil(day.roadmap[2].to)
    }

    func testMinimalTemplateLoadsWithDefaults() throws {
        let day = try TemplateLoader.parse(bytes: Array(minimalTemplate.utf8), file: "t.yaml").get()
        XCTAssertEqual(day.groups, ["Gruppe 1", "Gruppe 2", "Gruppe 3", "Gruppe 4"])
        XCTAssertEqual(day.agenda.map(\.start), [ClockTime(hour: 9, minute: 0), ClockTime(hour: 9, minute: 30)])
        XCTAssertNil(day.example)
        XCTAssertEqual(day.roadmap, [])
    }

    func testUnquotedTimesBothWaysAndTimedOverride() throws {
        let yaml = replacing(line: 16, with: "    start: 09:30\n    timed: true", in: replacing(line: 11, with: "    start: 9.00"))
        let day = try TemplateLoader.parse(bytes: Array(yaml.utf8), file: "t.yaml").get()
        XCTAssertEqual(day.agenda.map(\.start), [ClockTime(hour: 9, minute: 0), ClockTime(hour: 9, minute: 30)])
        XCTAssertEqual(day.agenda.map(\.timed), [false, true])
    }
}
