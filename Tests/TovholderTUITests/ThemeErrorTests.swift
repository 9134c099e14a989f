import Foundation
import TovholderCore
@testable import TovholderTUI
import XCTest

/// One test per kind of mistake in a theme file: exact place, both languages.
final class ThemeErrorTests: XCTestCase {
    /// A valid theme: line 1 format, 2 name, 3 roles, then one role per line from line 4
    /// in `Role.allCases` order (text is line 4, muted 5, heading 6, … held 12).
    func lines() -> [String] {
        ["format: 1", "name: test", "roles:"]
            + Role.allCases.map { "  \($0.rawValue): { fg: \"#ffffff\", bg: \"#000000\" }" }
    }

    func line(of role: Role) -> Int { 4 + Role.allCases.firstIndex(of: role)! }

    func errors(_ lines: [String], file: String = "t.yaml") -> ThemeErrors? {
        errors(bytes: Array((lines.joined(separator: "\n") + "\n").utf8), file: file)
    }

    func errors(bytes: [UInt8], file: String = "t.yaml") -> ThemeErrors? {
        switch Theme.parse(bytes: bytes, file: file) {
        case .success: XCTFail("expected an error"); return nil
        case .failure(let e): return e
        }
    }

    func assertError(_ e: ThemeErrors?, _ kind: ThemeError.Kind, da: String, en: String,
                     file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(e?.errors.count, 1, e?.text(.en) ?? "", file: file, line: line)
        XCTAssertEqual(e?.errors.first?.kind, kind, file: file, line: line)
        XCTAssertEqual(e?.text(.da), da, file: file, line: line)
        XCTAssertEqual(e?.text(.en), en, file: file, line: line)
    }

    func testValidBaseParses() throws {
        let theme = try Theme.parse(bytes: Array(lines().joined(separator: "\n").utf8), file: "t.yaml").get()
        XCTAssertEqual(theme.name, "test")
        XCTAssertEqual(theme[.now], Style(fg: .white, bg: .black))
    }

    func testUnknownTopLevelKey() {
        var l = lines(); l.insert("colours: many", at: 2)
        assertError(errors(l), .unknownKey,
                    da: "t.yaml:3:1: ukendt nøgle 'colours'; tilladt her: format, name, roles",
                    en: "t.yaml:3:1: unknown key 'colours'; allowed here: format, name, roles")
    }

    func testUnknownKeyInARole() {
        var l = lines(); l[line(of: .heading) - 1] = "  heading: { fg: \"#ffffff\", bg: \"#000000\", italic: true }"
        assertError(errors(l), .unknownKey,
                    da: "t.yaml:6:44: ukendt nøgle 'italic'; tilladt her: fg, bg, bold, underline, reverse, dim",
                    en: "t.yaml:6:44: unknown key 'italic'; allowed here: fg, bg, bold, underline, reverse, dim")
    }

    func testUnknownRoleSuggestsTheNearest() {
        var l = lines(); l.append("  headng: { fg: \"#ffffff\", bg: \"#000000\" }")
        assertError(errors(l), .unknownRole,
                    da: "t.yaml:23:3: ukendt farverolle 'headng'; mente du 'heading'?",
                    en: "t.yaml:23:3: unknown colour role 'headng'; did you mean 'heading'?")
    }

    func testMissingRoles() {
        var l = lines(); l.remove(at: line(of: .held) - 1)
        assertError(errors(l), .missingRole,
                    da: "t.yaml:3:1: 'roles' mangler farverollen held",
                    en: "t.yaml:3:1: 'roles' is missing the colour role held")
        l.remove(at: line(of: .control) - 2)
        assertError(errors(l), .missingRole,
                    da: "t.yaml:3:1: 'roles' mangler farverollerne held, control",
                    en: "t.yaml:3:1: 'roles' is missing the colour roles held, control")
    }

    func testMissingForegroundInARole() {
        var l = lines(); l[line(of: .muted) - 1] = "  muted: { bg: \"#000000\" }"
        assertError(errors(l), .missingKey,
                    da: "t.yaml:5:3: 'muted' mangler 'fg' (en farve som \"#ffffff\")",
                    en: "t.yaml:5:3: 'muted' is missing 'fg' (a colour like \"#ffffff\")")
    }

    func testBadColour() {
        var l = lines(); l[0 + 3] = "  text: { fg: \"#fff\", bg: \"#000000\" }"
        assertError(errors(l), .badColour,
                    da: "t.yaml:4:15: '#fff' er ikke en farve; skriv \"#rrggbb\" med seks hex-cifre, fx \"#ffff00\"",
                    en: "t.yaml:4:15: '#fff' is not a colour; write \"#rrggbb\" with six hex digits, e.g. \"#ffff00\"")
    }

    func testUnquotedColourExplainsTheComment() {
        var l = lines(); l.replaceSubrange(3...3, with: ["  text:", "    fg: #ffffff", "    bg: \"#000000\""])
        assertError(errors(l), .badColour,
                    da: "t.yaml:5:8: 'fg' mangler en farve; skriv den i anførselstegn, fx \"#ffffff\" (uden dem er # starten på en kommentar)",
                    en: "t.yaml:5:8: 'fg' has no colour; put it in quotes, e.g. \"#ffffff\" (without them # starts a comment)")
    }

    func testWrongTypes() {
        var l = lines(); l[3] = "  text: { fg: \"#ffffff\", bg: \"#000000\", bold: ja }"
        assertError(errors(l), .wrongType,
                    da: "t.yaml:4:47: 'bold' skal være true eller false",
                    en: "t.yaml:4:47: 'bold' must be true or false")
        l = lines(); l[3] = "  text: \"#ffffff\""
        assertError(errors(l), .wrongType,
                    da: "t.yaml:4:9: farverollen 'text' skal være en samling af 'nøgle: værdi'",
                    en: "t.yaml:4:9: the colour role 'text' must be a set of 'key: value' pairs")
        assertError(errors(["format: 1", "name: x", "roles: [text, muted]"]), .wrongType,
                    da: "t.yaml:3:8: 'roles' skal være en samling af 'nøgle: værdi'",
                    en: "t.yaml:3:8: 'roles' must be a set of 'key: value' pairs")
        assertError(errors(["- format: 1"]), .wrongType,
                    da: "t.yaml:1:1: et tema skal være en samling af 'nøgle: værdi'",
                    en: "t.yaml:1:1: a theme must be a set of 'key: value' pairs")
        l = lines(); l[0] = "format: one"
        assertError(errors(l), .wrongType,
                    da: "t.yaml:1:9: 'format' skal være et helt tal, fx 1",
                    en: "t.yaml:1:9: 'format' must be a whole number, e.g. 1")
    }

    func testUnsupportedFormat() {
        var l = lines(); l[0] = "format: 2"
        assertError(errors(l), .unsupportedFormat,
                    da: "t.yaml:1:9: format 2 kendes ikke; denne udgave af Tovholder læser format 1",
                    en: "t.yaml:1:9: format 2 is unknown; this version of Tovholder reads format 1")
        l.remove(at: 0)
        assertError(errors(l), .missingKey,
                    da: "t.yaml:1:1: mangler 'format: 1'", en: "t.yaml:1:1: missing 'format: 1'")
    }

    func testSyntaxError() {
        var l = lines(); l[line(of: .now) - 1] = "  now: { fg: \"#ffffff\", bg: \"#000000\""
        let e = errors(l)
        XCTAssertEqual(e?.errors.first?.kind, .syntax)
        XCTAssertEqual(e?.text(.da), "t.yaml:11:3: YAML-fejl: mangler ',' eller '}' i { … } (did not find expected ',' or '}')")
        XCTAssertEqual(e?.text(.en), "t.yaml:11:3: YAML error: did not find expected ',' or '}'")
    }

    func testTabIndentation() {
        var l = lines(); l[4] = "\tmuted: { fg: \"#ffffff\", bg: \"#000000\" }"
        let e = errors(l)
        XCTAssertEqual(e?.errors.first?.kind, .syntax)
        XCTAssertEqual(e?.errors.first?.line, 5)
        XCTAssertTrue(e?.text(.da).contains("tabulatortegn") ?? false, e?.text(.da) ?? "")
    }

    func testDuplicateKey() {
        var l = lines(); l.append("  text: { fg: \"#000000\", bg: \"#ffffff\" }")
        assertError(errors(l), .duplicateKey,
                    da: "t.yaml:4:3: nøglen 'text' står mere end én gang",
                    en: "t.yaml:4:3: the key 'text' appears more than once")
    }

    func testNotUTF8() {
        var bytes = Array("format: 1\nname: Bl".utf8) + [0xe5] + Array("t\n".utf8)   // Latin-1 å
        assertError(errors(bytes: bytes), .notUTF8,
                    da: "t.yaml:2:9: filen er ikke gemt som UTF-8 (måske Latin-1/Windows-1252); gem den som UTF-8",
                    en: "t.yaml:2:9: the file is not saved as UTF-8 (perhaps Latin-1/Windows-1252); save it as UTF-8")
        bytes = Array("format: 1\nname: Blåt\n".utf8)
        XCTAssertNotEqual(errors(bytes: bytes)?.errors.first?.kind, .notUTF8)
    }

    func testByteOrderMarkIsAcceptedAndNotCounted() {
        var l = lines(); l[0] = "format: 2"
        let bytes: [UInt8] = [0xef, 0xbb, 0xbf] + Array(l.joined(separator: "\n").utf8)
        XCTAssertEqual(errors(bytes: bytes)?.errors.map { [$0.line, $0.column] }, [[1, 9]])
    }

    func testEmptyFile() {
        for text in ["", "\n\n", "# just a comment\n"] {
            assertError(errors(bytes: Array(text.utf8)), .empty,
                        da: "t.yaml:1:1: filen er tom; et tema skal have format, name og roles",
                        en: "t.yaml:1:1: the file is empty; a theme needs format, name and roles")
        }
    }

    func testSeveralErrorsAreAllReportedInFileOrder() {
        var l = lines(); l[0] = "format: 7"; l[3] = "  text: { fg: \"red\", bg: \"#000000\" }"
        l.append("  extra: { fg: \"#ffffff\", bg: \"#000000\" }")
        let e = errors(l)
        XCTAssertEqual(e?.errors.map(\.kind), [.unsupportedFormat, .badColour, .unknownRole])
        XCTAssertEqual(e?.errors.map(\.line), [1, 4, 23])
    }

    func testUnreadableFile() {
        guard case .failure(let e) = Theme.load(path: "/nowhere/theme.yaml") else { return XCTFail() }
        assertError(e, .unreadable,
                    da: "/nowhere/theme.yaml: kan ikke læse filen (findes den, og må du læse den?)",
                    en: "/nowhere/theme.yaml: cannot read the file (does it exist, and may you read it?)")
    }

    func testFailedLoadLeavesTheFileExactlyAsItWas() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("broken.yaml").path
        let original = Data((lines().joined(separator: "\n") + "\n  bogus: 1\n").utf8) + Data([0xe5, 0x0a])
        try original.write(to: URL(fileURLWithPath: path))
        let before = try FileManager.default.attributesOfItem(atPath: path)
        guard case .failure(let e) = Theme.load(path: path) else { return XCTFail() }
        XCTAssertTrue(e.text(.en).hasPrefix(path + ":"), e.text(.en))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), original)
        let after = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual(before[.modificationDate] as? Date, after[.modificationDate] as? Date)
        XCTAssertEqual(before[.size] as? Int, after[.size] as? Int)
    }
}
