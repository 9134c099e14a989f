import Foundation
import XCTest
@testable import TovholderCore

/// One test per kind of mistake a facilitator can make in a template: each must name the file,
/// the line and column of the offending node, and say what is wrong in Danish and English.
final class TemplateErrorTests: XCTestCase {
    func testUnknownKeyNamesTheKeyAndTheAllowedOnes() {
        let yaml = replacing(line: 10, with: "    titel: Velkommen")
        assertIssue(yaml, at: 10, 5, da: "ukendt nøgle \"titel\" — tilladt: id, kind, title,",
                    en: "unknown key \"titel\" — allowed: id, kind, title,")
        // The item now also lacks its title: reported at the item's mapping.
        assertIssue(yaml, at: 8, 5, da: "mangler nøglen \"title\"", en: "missing key \"title\"")
    }

    func testUnknownTopLevelKey() {
        assertIssue(appending("tema: blå"), at: 18, 1, da: "ukendt nøgle \"tema\"", en: "unknown key \"tema\"")
    }

    func testListWhereTextIsExpected() {
        assertIssue(replacing(line: 10, with: "    title: [Velkommen, Goddag]"), at: 10, 12,
                    da: "\"title\" skal være en tekst, ikke en liste", en: "\"title\" must be a text, not a list")
    }

    func testTextWhereListIsExpected() {
        assertIssue(replacing(line: 12, with: "    minutes: 30\n    bullets: Velkommen"), at: 13, 14,
                    da: "\"bullets\" skal være en liste, ikke en tekst", en: "\"bullets\" must be a list, not a text")
    }

    func testUnquotedColonInAListEntry() {
        assertIssue(replacing(line: 12, with: "    minutes: 30\n    bullets:\n      - Eksempler: sygefravær"), at: 14, 9,
                    da: "sæt det i anførselstegn", en: "put it in quotes")
    }

    func testMinutesMustBeAWholeNumberInRange() {
        assertIssue(replacing(line: 12, with: "    minutes: en halv time"), at: 12, 14,
                    da: "\"minutes\" skal være et helt tal fra 1 til 600", en: "must be a whole number from 1 to 600")
        assertIssue(replacing(line: 12, with: "    minutes: 0"), at: 12, 14, da: "ikke \"0\"", en: "not \"0\"")
    }

    func testImpossibleHour() {
        assertIssue(replacing(line: 11, with: "    start: 25.00"), at: 11, 12,
                    da: "klokkeslættet \"25.00\" findes ikke", en: "the time \"25.00\" does not exist")
    }

    func testImpossibleMinute() {
        assertIssue(replacing(line: 11, with: "    start: 09.75"), at: 11, 12,
                    da: "klokkeslættet \"09.75\" findes ikke", en: "the time \"09.75\" does not exist")
    }

    func testItemStartingBeforeThePreviousEndsNamesBothTimes() {
        assertIssue(replacing(line: 16, with: "    start: 09.20"), at: 16, 12,
                    da: "punktet starter 09.20, men det forrige punkt \"velkommen\" slutter først 09.30",
                    en: "this item starts at 09:20, but the previous item \"velkommen\" ends at 09:30")
    }

    func testEmptyTitle() {
        assertIssue(replacing(line: 10, with: "    title: \"  \""), at: 10, 12,
                    da: "\"title\" er tom", en: "\"title\" is empty")
        // With nothing after the colon, the key is the place to point at.
        assertIssue(replacing(line: 2, with: "title:"), at: 2, 1, da: "\"title\" er tom", en: "\"title\" is empty")
    }

    func testUnknownKindListsTheAllowedKinds() {
        assertIssue(replacing(line: 9, with: "    kind: worksop"), at: 9, 11,
                    da: "ukendt type \"worksop\" — tilladt: welcome, intro, exercise, group-work, plenum",
                    en: "unknown kind \"worksop\" — allowed: welcome, intro, exercise, group-work, plenum")
    }

    func testUnknownWorksheetPart() {
        assertIssue(replacing(line: 12, with: "    minutes: 30\n    part: mekanismer"), at: 13, 11,
                    da: "ukendt del af arbejdsarket \"mekanismer\" — tilladt: challenge, goals, mechanisms, trial-actions",
                    en: "unknown worksheet part \"mekanismer\" — allowed: challenge, goals, mechanisms, trial-actions")
    }

    func testDuplicateIDSaysWhereTheFirstOneWas() {
        assertIssue(replacing(line: 13, with: "  - id: velkommen"), at: 13, 9,
                    da: "id \"velkommen\" er allerede brugt i linje 8", en: "id \"velkommen\" is already used on line 8")
    }

    func testBadID() {
        assertIssue(replacing(line: 8, with: "  - id: Velkommen til"), at: 8, 9,
                    da: "må kun indeholde små bogstaver", en: "may only contain lowercase letters")
    }

    func testDuplicateGroupName() {
        assertIssue(appending("groups: [Gruppe 1, Gruppe 2, gruppe 1]"), at: 18, 30,
                    da: "gruppenavnet \"gruppe 1\" står allerede i linje 18",
                    en: "the group name \"gruppe 1\" already appears on line 18")
    }

    func testEmptyGroupName() {
        assertIssue(appending("groups:\n  - Gruppe 1\n  - \"\""), at: 20, 5, da: "er tom", en: "is empty")
    }

    func testMissingTopLevelKeyPointsAtTheFile() {
        assertIssue(replacing(line: 3, with: "# ingen organisation"), at: 1, 1,
                    da: "mangler nøglen \"organisation\"", en: "missing key \"organisation\"")
    }

    func testMissingItemKeyPointsAtTheItem() {
        assertIssue(replacing(line: 17, with: ""), at: 13, 5,
                    da: "mangler nøglen \"minutes\"", en: "missing key \"minutes\"")
    }

    func testWrongFormat() {
        let found = issues(of: Array(replacing(line: 1, with: "format: 2").utf8))
        XCTAssertEqual(found.count, 1, "a newer format gives only this one error")
        assertIssue(replacing(line: 1, with: "format: 2"), at: 1, 9,
                    da: "format \"2\" kendes ikke — denne version af Tovholder læser format 1",
                    en: "format \"2\" is unknown — this version of Tovholder reads format 1")
    }

    func testMissingFormat() {
        assertIssue(replacing(line: 1, with: "# format glemt"), at: 2, 1,
                    da: "mangler nøglen \"format\"", en: "missing key \"format\"")
    }

    func testYAMLSyntaxError() {
        assertIssue(replacing(line: 10, with: "    title: Velkommen: til dagen"), at: 10, 21,
                    da: "et kolon (:) står et sted, hvor det ikke må", en: "a colon (:) is not allowed here")
    }

    func testTabIndentation() {
        assertIssue(replacing(line: 6, with: "\tquestion: Hvordan?"), at: 6, 1,
                    da: "tabulatortegn", en: "a tab?")
    }

    func testDuplicateKeyPointsAtTheSecond() {
        assertIssue(replacing(line: 10, with: "    title: Velkommen\n    title: Goddag"), at: 11, 5,
                    da: "nøglen \"title\" står to gange i samme afsnit (første gang i linje 10)",
                    en: "the key \"title\" appears twice in the same section (first on line 10)")
    }

    func testBytesThatAreNotUTF8() {
        // "Vælkommen" saved as Latin-1: æ is the single byte 0xE6.
        var bytes = Array(replacing(line: 10, with: "    title: V#lkommen").utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "#"))!] = 0xE6
        assertIssue(bytes: bytes, at: 10, 13, da: "ikke gemt som UTF-8", en: "not saved as UTF-8")
    }

    func testBadByteColumnCountsCharactersNotBytes() {
        var bytes = Array("format: 1\ntitle: Ærø #\n".utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "#"))!] = 0xFF
        assertIssue(bytes: bytes, at: 2, 12, da: "UTF-8", en: "UTF-8")
    }

    func testEmptyFile() {
        assertIssue("", at: 1, 1, da: "filen er tom", en: "the file is empty")
        assertIssue("# kun en kommentar\n\n", at: 1, 1, da: "filen er tom", en: "the file is empty")
    }

    func testTruncatedInsideQuotes() {
        let cut = String(minimalTemplate.prefix(upTo: minimalTemplate.range(of: "09:30")!.lowerBound)) + "09:"
        assertIssue(cut, at: 16, 12, da: "filen slutter for tidligt", en: "the file ends too early")
    }

    func testTruncatedInsideAFlowList() {
        // "groups: [Gruppe 1, Gruppe 2" cut off before the closing bracket: point at the "[".
        assertIssue(appending("groups: [Gruppe 1, Gruppe 2"), at: 18, 9,
                    da: "lukkes ikke", en: "is not closed")
    }

    func testByteOrderMarkIsAccepted() throws {
        let day = try TemplateLoader.parse(bytes: [0xEF, 0xBB, 0xBF] + Array(minimalTemplate.utf8), file: "t.yaml").get()
        XCTAssertEqual(day.title, "Testdag")
        assertIssue(bytes: [0xEF, 0xBB, 0xBF] + Array(replacing(line: 1, with: "format: 3").utf8), at: 1, 9,
                    da: "format \"3\"", en: "format \"3\"")
    }

    func testTruncatedInsideAnItem() {
        let cut = String(minimalTemplate.prefix(upTo: minimalTemplate.range(of: "title: Tak")!.lowerBound))
        let found = issues(of: Array(cut.utf8))
        XCTAssertEqual(found.map { $0.text(.da) },
                       ["skabelon.yaml:13:5: mangler nøglerne \"title\", \"start\" og \"minutes\""])
        XCTAssertEqual(found.map { $0.text(.en) },
                       ["skabelon.yaml:13:5: missing keys \"title\", \"start\" and \"minutes\""])
    }

    func testRoadmapEndBeforeStart() {
        let yaml = appending("roadmap:\n  - from: 2024-02-01\n    to: 2024-01-31\n    title: Del 2")
        assertIssue(yaml, at: 20, 9, da: "slutdatoen 2024-01-31 ligger før startdatoen 2024-02-01",
                    en: "the end date 2024-01-31 is before the start date 2024-02-01")
    }

    func testImpossibleDate() {
        assertIssue(replacing(line: 4, with: "date: 2023-02-30"), at: 4, 7,
                    da: "datoen \"2023-02-30\" findes ikke", en: "the date \"2023-02-30\" does not exist")
        assertIssue(replacing(line: 4, with: "date: 5. december"), at: 4, 7,
                    da: "skriv år-måned-dag", en: "write year-month-day")
    }

    func testMissingFileHasNoLine() {
        let result = TemplateLoader.load(path: "/nonexistent/skabelon.yaml")
        guard case let .failure(errors) = result else { return XCTFail("loaded a missing file") }
        XCTAssertEqual(errors.text(.da), "/nonexistent/skabelon.yaml: filen findes ikke")
        XCTAssertEqual(errors.text(.en), "/nonexistent/skabelon.yaml: file not found")
    }

    func testControlCharactersInValuesNeverReachTheTerminal() {
        assertIssue(replacing(line: 9, with: "    kind: \"\\e[31mrød\""), at: 9, 11, da: "\"?[31mrød\"", en: "\"?[31mrød\"")
    }

    /// A file with several mistakes reports all of them in one pass, in file order.
    func testSeveralIssuesInFileOrder() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/templates/several-errors", withExtension: "yaml"))
        let before = try Data(contentsOf: url)
        guard case let .failure(errors) = TemplateLoader.load(path: url.path, displayName: "several-errors.yaml") else {
            return XCTFail("expected errors")
        }
        XCTAssertEqual(try Data(contentsOf: url), before)
        XCTAssertEqual(errors.issues.map { "\($0.line):\($0.column)" },
                       ["4:7", "10:12", "11:12", "14:11", "18:5", "18:5"], errors.text(.da))
        XCTAssertEqual(errors.text(.da).split(separator: "\n").count, errors.issues.count)
    }
}
