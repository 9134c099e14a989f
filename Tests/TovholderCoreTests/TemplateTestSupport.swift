import Foundation
import XCTest
@testable import TovholderCore

/// The package root, found from this file's place so tests run from any working directory.
func packageRoot(file: String = #filePath) -> URL {
    var url = URL(fileURLWithPath: file).deletingLastPathComponent()
    while url.path != "/" {
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        url.deleteLastPathComponent()
    }
    fatalError("Package.swift not found above \(file)")
}

var referenceDayPath: String { packageRoot().appendingPathComponent("sessions/udviklingsdag.yaml").path }

/// A small valid template; tests break one line of it at a time.
/// Lines: 1 format, 2 title, 3 organisation, 4 date, 5 challenge, 6 question, 7 agenda,
/// 8–12 first item (id, kind, title, start, minutes), 13–17 second item.
let minimalTemplate = """
format: 1
title: Testdag
organisation: Testkommune
date: 2024-01-18
challenge:
  question: Hvordan?
agenda:
  - id: velkommen
    kind: welcome
    title: Velkommen
    start: 09.00
    minutes: 30
  - id: tak
    kind: closing
    title: Tak
    start: "09:30"
    minutes: 5

"""

/// `minimalTemplate` with line `n` (1-based) replaced by `text` (which may hold several lines).
func replacing(line n: Int, with text: String, in base: String = minimalTemplate) -> String {
    var lines = base.components(separatedBy: "\n")
    lines[n - 1] = text
    return lines.joined(separator: "\n")
}

func appending(_ text: String, to base: String = minimalTemplate) -> String { base + text + "\n" }

/// Writes `bytes` to a fresh temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "skabelon.yaml") -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tovholder-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent(name).path
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
}

/// Loads `bytes` from a file and returns the issues (failing the test if it loaded), checking the
/// file is left exactly as it was.
func issues(of bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> [TemplateIssue] {
    let path = temporaryFile(bytes)
    let result = TemplateLoader.load(path: path, displayName: "skabelon.yaml")
    let after = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    XCTAssertEqual(after, bytes, "the template file was changed by loading", file: file, line: line)
    switch result {
    case .success: XCTFail("expected errors, but the template loaded", file: file, line: line); return []
    case let .failure(errors): return errors.issues
    }
}

/// Asserts an issue at `row:column` whose Danish and English lines contain `da` and `en`.
func assertIssue(_ yaml: String, at row: Int, _ column: Int, da: String, en: String,
                 file: StaticString = #filePath, line: UInt = #line) {
    assertIssue(bytes: Array(yaml.utf8), at: row, column, da: da, en: en, file: file, line: line)
}

func assertIssue(bytes: [UInt8], at row: Int, _ column: Int, da: String, en: String,
                 file: StaticString = #filePath, line: UInt = #line) {
    let found = issues(of: bytes, file: file, line: line)
    let prefix = "skabelon.yaml:\(row):\(column): "
    guard let issue = found.first(where: { $0.line == row && $0.column == column }) else {
        XCTFail("no issue at \(row):\(column); got:\n" + found.map { $0.text(.da) }.joined(separator: "\n"),
                file: file, line: line)
        return
    }
    for (lang, part) in [(Language.da, da), (.en, en)] {
        let text = issue.text(lang)
        XCTAssertTrue(text.hasPrefix(prefix), "\(text) should start with \(prefix)", file: file, line: line)
        XCTAssertTrue(text.contains(part), "\(text) should contain \(part)", file: file, line: line)
        XCTAssertFalse(text.contains("\n"), "\(text) should be one line", file: file, line: line)
    }
}
