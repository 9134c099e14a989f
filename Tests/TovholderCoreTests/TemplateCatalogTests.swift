import Foundation
import XCTest
@testable import TovholderCore

final class TemplateCatalogTests: XCTestCase {
    private func makeTree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tovholder-catalog-\(UUID().uuidString)")
        let sessions = root.appendingPathComponent("sessions")
        let deep = root.appendingPathComponent("bin/deep")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try Data(minimalTemplate.utf8).write(to: sessions.appendingPathComponent("udviklingsdag.yaml"))
        try Data(minimalTemplate.utf8).write(to: sessions.appendingPathComponent("anden-dag.yaml"))
        try Data("not a template".utf8).write(to: sessions.appendingPathComponent("README.md"))
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
    }

    func testWalksUpToASessionsFolder() throws {
        let root = try makeTree()
        let found = TemplateCatalog.directory(environment: [:], startingPoints: [root.appendingPathComponent("bin/deep").path])
        XCTAssertEqual(found, root.appendingPathComponent("sessions").standardizedFileURL.path)
        let names = TemplateCatalog.list(in: try XCTUnwrap(found)).map(\.name)
        XCTAssertEqual(names, ["anden-dag", "udviklingsdag"])
    }

    func testEnvironmentVariableWins() throws {
        let root = try makeTree()
        let found = TemplateCatalog.directory(environment: ["TOVHOLDER_TEMPLATES": "/somewhere/else"],
                                              startingPoints: [root.path])
        XCTAssertEqual(found, "/somewhere/else")
    }

    func testResolveByNameOrPath() throws {
        let root = try makeTree()
        let dir = root.appendingPathComponent("sessions").path
        XCTAssertEqual(TemplateCatalog.resolve("anden-dag", in: dir), dir + "/anden-dag.yaml")
        XCTAssertEqual(TemplateCatalog.resolve("anden-dag.yaml", in: dir), dir + "/anden-dag.yaml")
        XCTAssertEqual(TemplateCatalog.resolve(dir + "/README.md", in: dir), dir + "/README.md", "an existing file is used as is")
        XCTAssertNil(TemplateCatalog.resolve("findes-ikke", in: dir))
        XCTAssertNil(TemplateCatalog.resolve("../sessions/anden-dag", in: "/nowhere"))
    }

    /// From the test runner inside .build, walking up finds the package's own sessions/ folder.
    func testFindsTheBundledReferenceDay() throws {
        try XCTSkipIf(ProcessInfo.processInfo.environment["TOVHOLDER_TEMPLATES"] != nil, "TOVHOLDER_TEMPLATES is set")
        let path = try XCTUnwrap(TemplateCatalog.defaultPath)
        XCTAssertTrue(path.hasSuffix("sessions/udviklingsdag.yaml"), path)
        XCTAssertTrue(TemplateCatalog.list().contains { $0.name == TemplateCatalog.defaultName })
        XCTAssertNoThrow(try TemplateLoader.load(path: path).get())
    }
}
