import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import TovholderCore

/// A node of cmark's XML tree.
final class MDNode {
    let name: String
    var attributes: [String: String]
    var children: [MDNode] = []
    var text = ""
    init(_ name: String, _ attributes: [String: String]) { self.name = name; self.attributes = attributes }

    /// The text inside, with hard breaks as newlines.
    var plainText: String {
        if name == "linebreak" { return "\n" }
        if name == "softbreak" { return " " }
        return text + children.map(\.plainText).joined()
    }

    /// Every element below, in document order, except text and line breaks: the structure.
    var structure: [String] {
        let mine = ["text", "linebreak", "softbreak"].contains(name) ? [] : [name + (attributes["level"] ?? "")]
        return mine + children.flatMap(\.structure)
    }

    func all(_ n: String) -> [MDNode] { (name == n ? [self] : []) + children.flatMap { $0.all(n) } }
}

final class CMarkTree: NSObject, XMLParserDelegate {
    var stack: [MDNode] = [MDNode("root", [:])]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let node = MDNode(name, attributes)
        stack.last!.children.append(node)
        stack.append(node)
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
    /// Only leaf nodes hold text; the rest is the XML's own indentation.
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if ["text", "code", "code_block", "html_inline", "html_block"].contains(stack.last!.name) {
            stack.last!.text += string
        }
    }

    /// Parses Markdown with the real CommonMark reference parser (Debian's cmark).
    static func parse(_ markdown: String, file: StaticString = #filePath, line: UInt = #line) throws -> MDNode {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark") else {
            XCTFail("cmark is missing: run scripts/deps (apt-get install cmark)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        let result = try runProcess(["/usr/bin/cmark", "--to", "xml"], input: markdown)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let tree = CMarkTree()
        let parser = XMLParser(data: Data(result.stdout.utf8))
        parser.delegate = tree
        XCTAssertTrue(parser.parse(), "cmark's XML did not parse: \(String(describing: parser.parserError))",
                      file: file, line: line)
        return tree.stack[0].children.first { $0.name == "document" }!
    }
}

final class ExportMarkdownTests: XCTestCase {
    /// Heading levels and lists in the worksheets section follow the model exactly.
    func testTheTreeOfHeadingsAndListsMatchesTheModel() throws {
        for language in Language.allCases {
            let m = try ExportSample.make().minutes(language)
            let s = ExportStrings(language)
            let doc = try CMarkTree.parse(MarkdownMinutes.render(m))
            let blocks = doc.children
            XCTAssertEqual(blocks.filter { $0.name == "heading" && $0.attributes["level"] == "1" }.map(\.plainText), [m.title])
            let h2 = blocks.filter { $0.name == "heading" && $0.attributes["level"] == "2" }.map(\.plainText)
            XCTAssertEqual(h2, [s.challenge, s.agenda, s.worksheets, s.dotVotes, s.plenum, s.agreements, s.roadmap])
            // Sections by their level-2 heading.
            var sections: [String: [MDNode]] = [:]
            var current = ""
            for b in blocks {
                if b.name == "heading", b.attributes["level"] == "2" { current = b.plainText } else { sections[current, default: []].append(b) }
            }
            XCTAssertEqual(sections[s.agenda]?.first { $0.name == "list" }?.children.count, m.agenda.items.count)
            XCTAssertEqual(sections[s.roadmap]?.first { $0.name == "list" }?.children.count, m.roadmap.count)
            XCTAssertEqual(sections[s.roadmap]?.first { $0.name == "list" }?.all("item").count,
                           m.roadmap.count + m.roadmap.map(\.activities.count).reduce(0, +))
            XCTAssertEqual(sections[s.plenum]?.filter { $0.name == "heading" }.count, m.plenumNotes.count)
            XCTAssertEqual(sections[s.agreements]?.filter { $0.name == "heading" && $0.attributes["level"] == "3" }
                .map(\.plainText), m.groups.map(\.name))

            // Worksheets: group → kind heading → one list item per entry.
            var found: [String: [String: Int]] = [:]
            var group = "", kind = ""
            for b in sections[s.worksheets] ?? [] {
                if b.name == "heading", b.attributes["level"] == "3" { group = b.plainText; found[group] = [:] }
                if b.name == "heading", b.attributes["level"] == "4" { kind = b.plainText }
                if b.name == "list" { found[group]![kind] = b.children.count }
            }
            XCTAssertEqual(Set(found.keys), Set(m.groups.map(\.name)))
            XCTAssertEqual(m.groups.count, 4)
            for g in m.groups {
                for k in EntryKind.allCases {
                    XCTAssertEqual(found[g.name]?[k.title.text(language)] ?? 0, g.entries(of: k).count, "\(g.name) \(k)")
                }
                XCTAssertEqual(found[g.name]?[s.chainFindings] ?? 0, g.findings.count, g.name)
                for card in g.cards {
                    XCTAssertEqual(found[g.name]?[s.card + ": " + card.title], card.questions.count, "\(g.name): one item per question")
                }
            }
            XCTAssertEqual(m.groups.map(\.cards.count), [1, 1, 0, 0])
            // The dots of the last vote on each part, on the entries; never who gave them.
            let goals = sections[s.worksheets]!.filter { $0.name == "list" }.flatMap(\.children).map(\.plainText)
            XCTAssertTrue(goals.contains { $0.hasPrefix(s.label(.goal, 1) + ": Én indgang for borgeren") && $0.hasSuffix("— " + s.dots(2)) })
            XCTAssertTrue(goals.contains { $0.hasSuffix("— " + s.dots(1)) && $0.contains("Borgeren kender sin næste aftale") })
            XCTAssertFalse(doc.plainText.contains("t1"), "no terminal ids in the minutes")
            XCTAssertEqual(sections[s.dotVotes]?.first { $0.name == "list" }?.children.count, 2)
            XCTAssertTrue(doc.plainText.contains(s.dotsPer(3, .group)))
            // Participants' line breaks are hard breaks inside the item, not new blocks.
            XCTAssertTrue(doc.plainText.contains("Borgerne oplever lange sagsforløb\nog mange skift af sagsbehandler"))
            // Our own emphasis: one strong label per labelled entry at least; no links, HTML or code at all.
            for forbidden in ["link", "image", "html_block", "html_inline", "code", "code_block", "block_quote",
                              "thematic_break"] {
                XCTAssertTrue(doc.all(forbidden).isEmpty, forbidden)
            }
        }
    }

    /// Hostile text in every field: the tree keeps exactly the structure of the clean day,
    /// and every hostile text is still there as text.
    func testHostileTextNeverChangesTheStructureAndSurvivesAsText() throws {
        for language in Language.allCases {
            let clean = try CMarkTree.parse(MarkdownMinutes.render(ExportSample.make().minutes(language)))
            for (offset, start) in [0, 7, 19].enumerated() {
                var i = start
                let sample = try ExportSample.make { text in
                    defer { i += 1 }
                    let t = tortureTexts[i % tortureTexts.count]
                    return t + " " + text + " " + t
                }
                let used = Set((start..<i).map { tortureTexts[$0 % tortureTexts.count] })
                XCTAssertEqual(used.count, tortureTexts.count, "every hostile text used (round \(offset))")
                let markdown = MarkdownMinutes.render(sample.minutes(language))
                let doc = try CMarkTree.parse(markdown)
                XCTAssertEqual(doc.structure, clean.structure, "structure changed (round \(offset), \(language))")
                let all = doc.plainText
                for t in tortureTexts {
                    let visible = VisibleText.visible(t)
                    XCTAssertTrue(all.contains(visible) || all.contains(visible.replacingOccurrences(of: "\n", with: " ")),
                                  "lost: \(t.debugDescription)")
                }
                XCTAssertFalse(markdown.unicodeScalars.contains { VisibleText.needsReplacing($0) }, "a control character got out")
            }
        }
    }

    func testEachHostileTextAloneInAParagraphAHeadingAndAListItem() throws {
        for t in tortureTexts {
            var doc = MarkdownMinutes.Doc()
            doc.heading(3, t)
            doc.paragraph(t)
            doc.list([t, t])
            let tree = try CMarkTree.parse(doc.text)
            XCTAssertEqual(tree.structure, ["document", "heading3", "paragraph", "list", "item", "paragraph", "item", "paragraph"],
                           t.debugDescription + "\n" + doc.text)
            let visible = VisibleText.visible(t)
            XCTAssertEqual(tree.children[0].plainText, visible.replacingOccurrences(of: "\n", with: " "), t.debugDescription)
            XCTAssertEqual(tree.children[1].plainText, visible, t.debugDescription)
            XCTAssertEqual(tree.children[2].children[0].plainText, visible, t.debugDescription)
        }
    }

    func testControlCharactersBecomeVisible() {
        XCTAssertEqual(VisibleText.visible("a\u{1B}[31m\u{0}\u{7F}\u{9B}\u{202E}\r\n\tb"), "a␛[31m␀␡\u{FFFD}\u{FFFD}␍\n\tb")
    }
}
