import Foundation
import XCTest
@testable import TovholderCore

/// The method's questions per part of the chain: built in (da/en), or the template's own.
final class MethodPromptsTests: XCTestCase {
    static let chainParts: [WorksheetPart] = [.challenge, .goals, .mechanisms, .trialActions, .signs]

    func load(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> DayTemplate? {
        switch TemplateLoader.load(path: temporaryFile(Array(yaml.utf8)), displayName: "skabelon.yaml") {
        case .success(let day): return day
        case .failure(let e): XCTFail("template did not load: \(e)", file: file, line: line); return nil
        }
    }

    var referenceDay: DayTemplate {
        guard case .success(let day) = TemplateLoader.load(path: referenceDayPath) else { fatalError("reference day") }
        return day
    }

    func testEveryPartOfTheChainHasTwoOrThreeBuiltInPromptsInBothLanguages() {
        for part in Self.chainParts {
            let prompts = MethodPrompts.builtIn(part)
            XCTAssertTrue((2...3).contains(prompts.count), "\(part): \(prompts.count)")
            for p in prompts {
                XCTAssertNotEqual(p.da, p.en, "\(part)")
                // One line of an 80-column worksheet: 75 columns, less the indent and "? ".
                for text in [p.da, p.en] { XCTAssertLessThanOrEqual(text.count, 70, text) }
            }
        }
    }

    func testTheReferenceDayUsesTheBuiltInPromptsInTheSessionsLanguage() {
        let day = referenceDay
        XCTAssertEqual(day.prompts, [:])
        XCTAssertEqual(MethodPrompts.prompts(for: .mechanisms, in: day, .da),
                       ["Hvad skal ændres i indsatsen for at ændre den effekt, vi får?",
                        "– uden at gå til den konkrete handling",
                        "Hvis vi gør det samme, sker det samme"])
        XCTAssertEqual(MethodPrompts.prompts(for: .mechanisms, in: day, .en),
                       ["What must change in the effort to change the effect we get?",
                        "– without going to the concrete action",
                        "If we do the same, the same happens"])
        XCTAssertEqual(MethodPrompts.prompts(for: .goals, in: day, .da).first,
                       "Hvilken tilstand i fremtiden vil I nå – ikke hvilken handling?")
        XCTAssertEqual(MethodPrompts.prompts(for: .signs, in: day, .da).first,
                       "Hvordan ser vi, at vi lykkes med de mål, vi har formuleret?")
        XCTAssertEqual(MethodPrompts.prompts(for: .signs, in: day, .en).last, "Who sees the sign – the citizens too?")
        XCTAssertEqual(MethodPrompts.prompts(for: .trialActions, in: day, .da).last, "Hvem gør hvad, og hvornår?")
        XCTAssertEqual(MethodPrompts.prompts(for: .challenge, in: day, .en).count, 2)
    }

    func testTheTemplatesOwnPromptsReplaceOnlyTheirPartAndAreShownAsWritten() {
        guard let day = load(appending("""
        prompts:
          mechanisms:
            - Hvad virker – og hvorfor?
            - "Husk: ingen handlinger endnu"
        """)) else { return }
        let own = ["Hvad virker – og hvorfor?", "Husk: ingen handlinger endnu"]
        XCTAssertEqual(day.prompts, [.mechanisms: own])
        // The template is in one language: an English session shows its words as written.
        XCTAssertEqual(MethodPrompts.prompts(for: .mechanisms, in: day, .da), own)
        XCTAssertEqual(MethodPrompts.prompts(for: .mechanisms, in: day, .en), own)
        for part in Self.chainParts where part != .mechanisms {
            for lang in Language.allCases {
                XCTAssertEqual(MethodPrompts.prompts(for: part, in: day, lang), MethodPrompts.builtIn(part).map { $0.text(lang) })
            }
        }
    }

    func testTheAgreementFormHasNoPrompts() {
        XCTAssertEqual(MethodPrompts.builtIn(.agreement), [])
        var day = referenceDay
        day.prompts[.agreement] = ["Hvem?"]  // a programme made by hand, not from a template
        for lang in Language.allCases { XCTAssertEqual(MethodPrompts.prompts(for: .agreement, in: day, lang), []) }
    }

    func testPromptsAreShownAtGroupWorkItemsOnly() {
        let day = referenceDay
        func at(_ id: String) -> (part: WorksheetPart, prompts: [String])? {
            MethodPrompts.atCurrentItem(SessionState(programme: day, currentIndex: day.agenda.firstIndex { $0.id == id }!), .da)
        }
        XCTAssertEqual(at("droem-maalene-stoerre")?.part, .goals)
        XCTAssertEqual(at("formuler-mekanismer")?.part, .mechanisms)
        XCTAssertEqual(at("formuler-mekanismer")?.prompts, MethodPrompts.prompts(for: .mechanisms, in: day, .da))
        XCTAssertEqual(at("formuler-tegn")?.part, .signs)
        // An intro, a plenum or a reflection about a part is not where the groups write.
        for id in ["mekanismer", "opsamling-mekanismer", "refleksion", "velkommen", "aftaleskema", "afrunding"] {
            XCTAssertNil(at(id), id)
        }
    }

    func testVoteDotsDefaultToThreeAndTheTemplateMaySetThem() {
        XCTAssertEqual(referenceDay.voteDots, 3)
        XCTAssertEqual(load(appending("vote_dots: 5"))?.voteDots, 5)
        XCTAssertEqual(load(appending("vote_dots: 1"))?.voteDots, 1)
        XCTAssertEqual(load(appending("vote_dots: 20"))?.voteDots, 20)
    }

    func testAllFivePartsCanBeGivenAndTravelInTheSessionsProgramme() throws {
        guard let day = load(appending("""
        prompts:
          challenge: [Hvad sker der nu?]
          goals: [Hvor vil vi hen?]
          mechanisms: [Hvad skal ændres?]
          trial-actions: [Hvem gør hvad?]
          signs: [Hvad ser vi?]
        vote_dots: 4
        """)) else { return }
        XCTAssertEqual(Set(day.prompts.keys), Set(Self.chainParts))
        XCTAssertEqual(day.prompts[.trialActions], ["Hvem gør hvad?"])
        let decoded = try JSONDecoder().decode(DayTemplate.self, from: JSONEncoder().encode(day))
        XCTAssertEqual(decoded, day)
    }
}
