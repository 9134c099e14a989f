import Foundation
import XCTest
@testable import TovholderCore

/// Dialogue card decks: the bundled seven principles, one test per mistake a facilitator can
/// make in a deck file (each naming file, line and column), and how a template names its decks.
final class DeckTests: XCTestCase {
    /// Lines: 1 format, 2 title, 3 cards, 4–8 first card (id, title, questions, two questions),
    /// 9–12 second card.
    let minimalDeck = """
    format: 1
    title: Testbunke
    cards:
      - id: foerste
        title: Første princip
        questions:
          - Hvad?
          - Hvordan?
      - id: anden
        title: Andet princip
        questions:
          - Hvem?

    """

    var sessionsFolder: String { packageRoot().appendingPathComponent("sessions").path }
    var bundledDeckPath: String { sessionsFolder + "/decks/syv-principper.yaml" }

    // MARK: Helpers

    /// A fresh folder, removed after the test, holding `files` (relative path → text).
    func folder(_ files: [String: String]) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tovholder-decks-\(UUID().uuidString)")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.path
    }

    /// `text` with lines `lines` (1-based) replaced by `replacement`.
    func deckLines(_ text: String, replacing lines: ClosedRange<Int>, with replacement: String) -> String {
        var all = text.components(separatedBy: "\n")
        all.replaceSubrange((lines.lowerBound - 1)..<lines.upperBound, with: [replacement])
        return all.joined(separator: "\n")
    }

    func deckLines(_ text: String, replacing n: Int, with replacement: String) -> String {
        deckLines(text, replacing: n...n, with: replacement)
    }

    /// The issues of a deck file "kort.yaml" holding `bytes`, as Danish and English lines.
    func deckIssues(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> (da: [String], en: [String]) {
        let path = temporaryFile(bytes, name: "kort.yaml")
        let result = DeckLoader.load(path: path, displayName: "kort.yaml")
        XCTAssertEqual(FileManager.default.contents(atPath: path).map { [UInt8]($0) }, bytes, file: file, line: line)
        guard case let .failure(errors) = result else {
            XCTFail("expected errors, but the deck loaded", file: file, line: line); return ([], [])
        }
        return (errors.issues.map { $0.text(.da) }, errors.issues.map { $0.text(.en) })
    }

    func deckIssues(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> (da: [String], en: [String]) {
        deckIssues(Array(yaml.utf8), file: file, line: line)
    }

    /// Loads `template` as "skabelon.yaml" in a folder with `files`, bundled decks from the package.
    func loadTemplate(_ template: String, with files: [String: String] = [:],
                      catalog: String?? = .none) -> Result<DayTemplate, TemplateErrors> {
        var all = files
        all["skabelon.yaml"] = template
        let dir = folder(all)
        return TemplateLoader.load(path: dir + "/skabelon.yaml", displayName: "skabelon.yaml",
                                   catalog: catalog ?? sessionsFolder)
    }

    func templateIssues(_ template: String, with files: [String: String] = [:],
                        file: StaticString = #filePath, line: UInt = #line) -> (da: [String], en: [String]) {
        guard case let .failure(errors) = loadTemplate(template, with: files) else {
            XCTFail("expected errors, but the template loaded", file: file, line: line); return ([], [])
        }
        return (errors.issues.map { $0.text(.da) }, errors.issues.map { $0.text(.en) })
    }

    // MARK: The bundled deck

    func testBundledDeckHasSevenPrinciplesWithThreeQuestionsEach() throws {
        let before = FileManager.default.contents(atPath: bundledDeckPath)
        let deck = try DeckLoader.load(path: bundledDeckPath).get()
        XCTAssertEqual(FileManager.default.contents(atPath: bundledDeckPath), before)
        XCTAssertEqual(deck.id, "syv-principper")
        XCTAssertEqual(deck.title, "Syv principper for samarbejde om modernisering")
        XCTAssertEqual(deck.cards.count, 7)
        XCTAssertEqual(Set(deck.cards.map(\.id)).count, 7, "card ids are unique")
        for card in deck.cards {
            XCTAssertTrue(NodeReader.isValidID(card.id), card.id)
            XCTAssertEqual(card.questions.count, 3, card.id)
            XCTAssertTrue(card.questions.allSatisfy { $0.hasSuffix("?") }, card.id)
        }
        XCTAssertEqual(deck.cards.first?.id, "maal-og-resultater")
        XCTAssertEqual(deck.cards.first?.title, "Styring i den offentlige sektor skal fokusere på mål og resultater")
        XCTAssertEqual(deck.cards.last?.title, "Offentlig service skal inddrage borgernes ressourcer")
        // The seed's typos are corrected.
        XCTAssertTrue(deck.cards.contains { $0.title.hasSuffix("bygge på velbegrundet dokumentation") })
        XCTAssertTrue(deck.cards.contains { $0.questions.contains { $0.contains("prioriteringer, nå de fælles mål og") } })
    }

    func testMinimalDeckLoads() throws {
        let deck = try DeckLoader.parse(bytes: Array(minimalDeck.utf8), file: "kort.yaml", id: "kort").get()
        XCTAssertEqual(deck, Deck(id: "kort", title: "Testbunke", cards: [
            DialogueCard(id: "foerste", title: "Første princip", questions: ["Hvad?", "Hvordan?"]),
            DialogueCard(id: "anden", title: "Andet princip", questions: ["Hvem?"]),
        ]))
    }

    // MARK: Mistakes in a deck file

    func testDeckNotUTF8() {
        // "Første" saved as Latin-1: ø is the single byte 0xF8.
        var bytes = Array(deckLines(minimalDeck, replacing: 5, with: "    title: F#rste princip").utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "#"))!] = 0xF8
        let found = deckIssues(bytes)
        XCTAssertEqual(found.da, ["kort.yaml:5:13: filen er ikke gemt som UTF-8 (tegnet her kan ikke læses) — gem den som UTF-8 i din editor"])
        XCTAssertEqual(found.en, ["kort.yaml:5:13: the file is not saved as UTF-8 (the character here cannot be read) — save it as UTF-8 in your editor"])
    }

    func testDeckYAMLSyntaxError() {
        let found = deckIssues(deckLines(minimalDeck, replacing: 5, with: "    title: Første: princip"))
        XCTAssertEqual(found.da, ["kort.yaml:5:18: et kolon (:) står et sted, hvor det ikke må — sæt teksten i anførselstegn, eller tjek indrykningen"])
        XCTAssertEqual(found.en, ["kort.yaml:5:18: a colon (:) is not allowed here — put the text in quotes, or check the indentation"])
    }

    func testEmptyDeckFile() {
        let found = deckIssues("# kun en kommentar\n")
        XCTAssertEqual(found.da, ["kort.yaml:1:1: filen er tom — en kortbunke starter med \"format: 1\""])
        XCTAssertEqual(found.en, ["kort.yaml:1:1: the file is empty — a card deck starts with \"format: 1\""])
    }

    func testDeckWithoutCardsKey() {
        let found = deckIssues("format: 1\ntitle: Testbunke\n")
        XCTAssertEqual(found.da, ["kort.yaml:1:1: mangler nøglen \"cards\""])
        XCTAssertEqual(found.en, ["kort.yaml:1:1: missing key \"cards\""])
    }

    func testDeckWithNoCards() {
        let emptyList = deckIssues("format: 1\ntitle: Testbunke\ncards: []\n")
        XCTAssertEqual(emptyList.da, ["kort.yaml:3:8: kortbunken har ingen kort — skriv mindst ét kort under \"cards\""])
        XCTAssertEqual(emptyList.en, ["kort.yaml:3:8: the deck has no cards — write at least one card under \"cards\""])
        // With nothing after the colon, the key is the place to point at.
        let nothing = deckIssues("format: 1\ntitle: Testbunke\ncards:\n")
        XCTAssertEqual(nothing.da, ["kort.yaml:3:1: kortbunken har ingen kort — skriv mindst ét kort under \"cards\""])
    }

    func testUnknownKeyInACard() {
        let found = deckIssues(deckLines(minimalDeck, replacing: 5, with: "    titel: Første princip"))
        XCTAssertEqual(found.da, ["kort.yaml:4:5: mangler nøglen \"title\"",
                                  "kort.yaml:5:5: ukendt nøgle \"titel\" — tilladt: id, title, questions"])
        XCTAssertEqual(found.en, ["kort.yaml:4:5: missing key \"title\"",
                                  "kort.yaml:5:5: unknown key \"titel\" — allowed: id, title, questions"])
    }

    func testUnknownTopLevelKeyInADeck() {
        let found = deckIssues(deckLines(minimalDeck, replacing: 2, with: "title: Testbunke\ntema: blå"))
        XCTAssertEqual(found.da, ["kort.yaml:3:1: ukendt nøgle \"tema\" — tilladt: format, title, cards"])
        XCTAssertEqual(found.en, ["kort.yaml:3:1: unknown key \"tema\" — allowed: format, title, cards"])
    }

    func testQuestionsWrittenAsTextInsteadOfAList() {
        let found = deckIssues(deckLines(minimalDeck, replacing: 6...8, with: "    questions: Hvad?"))
        XCTAssertEqual(found.da.first, "kort.yaml:6:16: \"questions\" skal være en liste, ikke en tekst")
        XCTAssertEqual(found.en.first, "kort.yaml:6:16: \"questions\" must be a list, not a text")
    }

    func testCardsWrittenAsTextInsteadOfAList() {
        let found = deckIssues("format: 1\ntitle: Testbunke\ncards: foerste\n")
        XCTAssertEqual(found.da, ["kort.yaml:3:8: \"cards\" skal være en liste, ikke en tekst"])
        XCTAssertEqual(found.en, ["kort.yaml:3:8: \"cards\" must be a list, not a text"])
    }

    func testDuplicateCardIDSaysWhereTheFirstOneWas() {
        let found = deckIssues(deckLines(minimalDeck, replacing: 9, with: "  - id: foerste"))
        XCTAssertEqual(found.da, ["kort.yaml:9:9: kort-id \"foerste\" er allerede brugt i linje 4 — hvert kort skal have sit eget id"])
        XCTAssertEqual(found.en, ["kort.yaml:9:9: card id \"foerste\" is already used on line 4 — every card needs its own id"])
    }

    func testBadCardID() {
        let found = deckIssues(deckLines(minimalDeck, replacing: 4, with: "  - id: Første"))
        XCTAssertEqual(found.da, ["kort.yaml:4:9: kort-id \"Første\" må kun indeholde små bogstaver a–z, tal og bindestreg, fx \"mål-og-resultater\" → \"maal-og-resultater\""])
        XCTAssertEqual(found.en, ["kort.yaml:4:9: card id \"Første\" may only contain lowercase letters a–z, digits and dashes"])
    }

    func testCardWithoutTitle() {
        let found = deckIssues(deckLines(minimalDeck, replacing: 5, with: "    # ingen titel"))
        XCTAssertEqual(found.da, ["kort.yaml:4:5: mangler nøglen \"title\""])
        XCTAssertEqual(found.en, ["kort.yaml:4:5: missing key \"title\""])
    }

    func testCardWithoutQuestions() {
        let noKey = deckIssues(deckLines(minimalDeck, replacing: 6...8, with: "    # ingen spørgsmål"))
        XCTAssertEqual(noKey.da, ["kort.yaml:4:5: kortet \"foerste\" har ingen spørgsmål — skriv mindst ét under \"questions\""])
        XCTAssertEqual(noKey.en, ["kort.yaml:4:5: the card \"foerste\" has no questions — write at least one under \"questions\""])
        let emptyList = deckIssues(deckLines(minimalDeck, replacing: 6...8, with: "    questions: []"))
        XCTAssertEqual(emptyList.da, ["kort.yaml:6:16: kortet \"foerste\" har ingen spørgsmål — skriv mindst ét under \"questions\""])
    }

    func testNewerDeckFormatStopsAtTheFormatLine() {
        let found = deckIssues(deckLines(minimalDeck, replacing: 1, with: "format: 2\ntema: blå"))
        XCTAssertEqual(found.da, ["kort.yaml:1:9: format \"2\" kendes ikke — denne version af Tovholder læser format 1"])
    }

    func testMissingDeckFileHasNoLine() {
        guard case let .failure(errors) = DeckLoader.load(path: "/nonexistent/kort.yaml") else { return XCTFail("loaded") }
        XCTAssertEqual(errors.text(.da), "/nonexistent/kort.yaml: filen findes ikke")
    }

    // MARK: Decks named by a template

    func testTemplateWithoutDecksGetsTheBundledDeck() throws {
        let day = try loadTemplate(minimalTemplate).get()
        XCTAssertEqual(day.decks.map(\.id), ["syv-principper"])
        XCTAssertEqual(day.decks, [try DeckLoader.load(path: bundledDeckPath).get()])
        // Where the bundled deck cannot be found, the day simply has no deck.
        XCTAssertEqual(try loadTemplate(minimalTemplate, catalog: .some(nil)).get().decks, [])
    }

    func testEmptyDecksMeansNone() throws {
        XCTAssertEqual(try loadTemplate(appending("decks: []")).get().decks, [])
    }

    func testTemplateNamesBundledAndOwnDecks() throws {
        let own = minimalDeck.replacingOccurrences(of: "Testbunke", with: "Vores kort")
        let day = try loadTemplate(appending("decks: [syv-principper, ./kort/vores-kort.yaml, lokal]"),
                                   with: ["kort/vores-kort.yaml": own, "decks/lokal.yaml": minimalDeck]).get()
        XCTAssertEqual(day.decks.map(\.id), ["syv-principper", "vores-kort", "lokal"])
        XCTAssertEqual(day.deck("vores-kort")?.title, "Vores kort")
        XCTAssertEqual(day.deck("lokal")?.cards.count, 2)
    }

    func testADeckBesideTheTemplateComesBeforeTheBundledOne() throws {
        let day = try loadTemplate(minimalTemplate, with: ["decks/syv-principper.yaml": minimalDeck]).get()
        XCTAssertEqual(day.decks.map(\.title), ["Testbunke"])
    }

    func testTemplateNamingAMissingDeck() {
        let found = templateIssues(appending("decks: [syv-principper, findes-ikke]"))
        XCTAssertEqual(found.da, ["skabelon.yaml:18:25: kortbunken \"findes-ikke\" findes ikke — der er ledt efter findes-ikke.yaml i decks/ og \(sessionsFolder)/decks/. Skriv navnet på en fil i en decks-mappe, eller en sti som ./kort/vores-kort.yaml"])
        XCTAssertEqual(found.en, ["skabelon.yaml:18:25: the card deck \"findes-ikke\" does not exist — looked for findes-ikke.yaml in decks/ and \(sessionsFolder)/decks/. Write the name of a file in a decks folder, or a path such as ./kort/vores-kort.yaml"])
    }

    func testTemplateNamingAMissingDeckFile() {
        let found = templateIssues(appending("decks:\n  - ./vores-kort.yaml"))
        XCTAssertEqual(found.da, ["skabelon.yaml:19:5: kortbunken \"./vores-kort.yaml\" findes ikke — der er ledt efter filen vores-kort.yaml (stien regnes fra skabelonens mappe)"])
        XCTAssertEqual(found.en, ["skabelon.yaml:19:5: the card deck \"./vores-kort.yaml\" does not exist — looked for the file vores-kort.yaml (the path is taken from the template's folder)"])
    }

    func testTemplateWhoseDeckFileIsBrokenNamesTheDeckFile() {
        let broken = deckLines(minimalDeck, replacing: 9, with: "  - id: foerste")
        let found = templateIssues(appending("decks: [./kort/vores-kort.yaml, lokal]"),
                                   with: ["kort/vores-kort.yaml": broken, "decks/lokal.yaml": "format: 1\ntitle: Lokal\ncards: []\n"])
        XCTAssertEqual(found.da, ["kort/vores-kort.yaml:9:9: kort-id \"foerste\" er allerede brugt i linje 4 — hvert kort skal have sit eget id",
                                  "decks/lokal.yaml:3:8: kortbunken har ingen kort — skriv mindst ét kort under \"cards\""])
    }

    func testTemplateAndDeckProblemsAreReportedInOnePass() {
        let yaml = replacing(line: 4, with: "date: 2023-02-30", in: appending("decks: [findes-ikke, ./kort.yaml]"))
        let found = templateIssues(yaml, with: ["kort.yaml": "format: 1\ntitle:\ncards: []\n"])
        XCTAssertEqual(found.da.map { String($0.prefix(while: { $0 != " " })) },
                       ["skabelon.yaml:4:7:", "skabelon.yaml:18:9:", "kort.yaml:2:1:", "kort.yaml:3:8:"])
    }

    func testTheSameDeckNamedTwice() {
        let found = templateIssues(appending("decks: [syv-principper, ./syv-principper.yaml]"))
        XCTAssertEqual(found.da, ["skabelon.yaml:18:25: kortbunken \"syv-principper\" står allerede i linje 18 — nævn hver kortbunke én gang"])
        XCTAssertEqual(found.en, ["skabelon.yaml:18:25: the card deck \"syv-principper\" is already listed on line 18 — name each deck once"])
    }

    func testDecksWrittenAsTextInsteadOfAList() {
        let found = templateIssues(appending("decks: syv-principper"))
        XCTAssertEqual(found.da, ["skabelon.yaml:18:8: \"decks\" skal være en liste, ikke en tekst"])
    }

    func testParsingBytesLooksUpNoDecks() throws {
        let day = try TemplateLoader.parse(bytes: Array(appending("decks: [findes-ikke]").utf8), file: "t.yaml").get()
        XCTAssertEqual(day.decks, [])
    }

    func testReferenceDayStillLoadsWithTheBundledDeck() throws {
        let day = try TemplateLoader.load(path: referenceDayPath).get()
        XCTAssertEqual(day.title, "Borgerens møde med kommunen")
        XCTAssertEqual(day.decks.map(\.id), ["syv-principper"])
        XCTAssertEqual(day.decks.first?.cards.count, 7)
    }
}
