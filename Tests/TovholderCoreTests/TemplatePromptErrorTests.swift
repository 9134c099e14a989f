import Foundation
import XCTest
@testable import TovholderCore

/// Mistakes in a template's `prompts:` and `vote_dots:`: each is one issue naming the file,
/// line and column, worded in Danish and English. `minimalTemplate` is 17 lines, so an
/// appended key starts on line 18.
final class TemplatePromptErrorTests: XCTestCase {
    func assertOnly(_ yaml: String, da: String, en: String, file: StaticString = #filePath, line: UInt = #line) {
        let found = issues(of: Array(yaml.utf8), file: file, line: line)
        XCTAssertEqual(found.map { $0.text(.da) }, [da], file: file, line: line)
        XCTAssertEqual(found.map { $0.text(.en) }, [en], file: file, line: line)
    }

    func testUnknownPartNameListsTheParts() {
        assertOnly(appending("prompts:\n  mekanismer:\n    - Hvad skal ændres?"),
                   da: "skabelon.yaml:19:3: ukendt del af arbejdsarket \"mekanismer\" under \"prompts\" — tilladt: "
                       + "challenge, goals, mechanisms, trial-actions, signs",
                   en: "skabelon.yaml:19:3: unknown worksheet part \"mekanismer\" under \"prompts\" — allowed: "
                       + "challenge, goals, mechanisms, trial-actions, signs")
    }

    func testTheExamplesSpellingOfTrialActionsIsNotAPart() {
        assertOnly(appending("prompts:\n  trial_actions: [Hvem gør hvad?]"),
                   da: "skabelon.yaml:19:3: ukendt del af arbejdsarket \"trial_actions\" under \"prompts\" — tilladt: "
                       + "challenge, goals, mechanisms, trial-actions, signs",
                   en: "skabelon.yaml:19:3: unknown worksheet part \"trial_actions\" under \"prompts\" — allowed: "
                       + "challenge, goals, mechanisms, trial-actions, signs")
    }

    func testTheAgreementFormHasNoPromptsAndTheMessageSaysWhereItsQuestionsGo() {
        assertOnly(appending("prompts:\n  agreement:\n    - Hvem er tovholder?"),
                   da: "skabelon.yaml:19:3: aftaleskemaet har ingen metodespørgsmål — skriv dets spørgsmål under "
                       + "\"agreement_questions\"",
                   en: "skabelon.yaml:19:3: the agreement form has no method prompts — write its questions under "
                       + "\"agreement_questions\"")
    }

    func testPromptsMustBeASectionWithParts() {
        assertOnly(appending("prompts: [Hvad skal ændres?]"),
                   da: "skabelon.yaml:18:10: \"prompts\" skal være et afsnit med nøgler, ikke en liste",
                   en: "skabelon.yaml:18:10: \"prompts\" must be a section with keys, not a list")
        assertOnly(appending("prompts: Hvad skal ændres?"),
                   da: "skabelon.yaml:18:10: \"prompts\" skal være et afsnit med nøgler, ikke en tekst",
                   en: "skabelon.yaml:18:10: \"prompts\" must be a section with keys, not a text")
    }

    func testAPartsPromptsMustBeAList() {
        assertOnly(appending("prompts:\n  goals: Tænk stort"),
                   da: "skabelon.yaml:19:10: \"goals\" skal være en liste, ikke en tekst",
                   en: "skabelon.yaml:19:10: \"goals\" must be a list, not a text")
    }

    func testAnEmptyListOfPromptsIsAMistake() {
        assertOnly(appending("prompts:\n  signs: []"),
                   da: "skabelon.yaml:19:10: \"signs\" skal have mindst ét punkt",
                   en: "skabelon.yaml:19:10: \"signs\" needs at least one entry")
        // Nothing after the colon: the key is the place to point at.
        assertOnly(appending("prompts:\n  signs:\n  goals: [Hvor vil vi hen?]"),
                   da: "skabelon.yaml:19:3: \"signs\" skal have mindst ét punkt",
                   en: "skabelon.yaml:19:3: \"signs\" needs at least one entry")
    }

    func testAnEmptyPromptIsAMistake() {
        assertOnly(appending("prompts:\n  mechanisms:\n    - Hvad skal ændres?\n    - \"  \""),
                   da: "skabelon.yaml:21:7: tomt punkt i listen \"mechanisms\"",
                   en: "skabelon.yaml:21:7: empty entry in the list \"mechanisms\"")
    }

    func testVoteDotsMustBeAWholeNumberFromOneToTwenty() {
        for bad in ["0", "21", "tre", "2.5"] {
            assertOnly(appending("vote_dots: \(bad)"),
                       da: "skabelon.yaml:18:12: \"vote_dots\" skal være et helt tal fra 1 til 20, ikke \"\(bad)\"",
                       en: "skabelon.yaml:18:12: \"vote_dots\" must be a whole number from 1 to 20, not \"\(bad)\"")
        }
        assertOnly(appending("vote_dots:"),
                   da: "skabelon.yaml:18:1: \"vote_dots\" mangler en værdi",
                   en: "skabelon.yaml:18:1: \"vote_dots\" has no value")
    }

    func testEveryMistakeIsReportedInOnePassInFileOrder() {
        let found = issues(of: Array(appending("prompts:\n  goals: []\n  agreement: [Hvem?]\nvote_dots: 99").utf8))
        XCTAssertEqual(found.map { "\($0.line):\($0.column)" }, ["19:10", "20:3", "21:12"])
    }
}
