import Foundation
import XCTest
@testable import TovholderCore

/// The minutes never overwrite a session, nor a file that is not an earlier export.
final class ExportTargetTests: StoreTestCase {
    func sha(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func testASessionNamedLikeTheMinutesIsNeverOverwritten() throws {
        for name in ["dag.md", "dag.html", "dag.ics", "dag.json", "dag.tovholder", "dag"] {
            let store = try newStore(name)
            let before = try sha(store.path)
            let files = try MinutesExport.write(store: store, language: .da, utcOffsetSeconds: 0, now: 100)
            XCTAssertFalse(files.contains(store.path), "\(name): \(files)")
            XCTAssertTrue(files.allSatisfy { $0.contains(".referat.") }, "\(files)")
            XCTAssertEqual(try sha(store.path), before, "\(name) is untouched")
            XCTAssertEqual(try SessionStore.open(path: store.path).load().programme.title, TestProgramme.day().title)
            // Writing again replaces the earlier minutes of the same day.
            XCTAssertEqual(try MinutesExport.write(store: store, language: .da, utcOffsetSeconds: 0, now: 200), files)
        }
        XCTAssertEqual(MinutesExport.exportPath(session: "/x/udviklingsdag.tovholder", format: .markdown),
                       "/x/udviklingsdag.referat.md")
    }

    func testAForeignFileOrASessionInTheWayIsRefusedAndNothingIsWritten() throws {
        let store = try newStore()
        let mine = dir + "/dag.referat.md"
        try Data("Mine egne noter\n".utf8).write(to: URL(fileURLWithPath: mine))
        XCTAssertThrowsError(try MinutesExport.write(store: store, language: .da, utcOffsetSeconds: 0, now: 1)) {
            XCTAssertEqual($0 as? ExportError, .notAnEarlierExport(mine))
            XCTAssertTrue(UserFacing.message(for: $0).da.contains("intet er overskrevet"))
        }
        XCTAssertEqual(try String(contentsOfFile: mine, encoding: .utf8), "Mine egne noter\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/dag.referat.json"), "all or nothing")
        // -o naming the session itself, or another session.
        let other = try newStore("andet.tovholder")
        for target in [store.path, store.path + "-wal", other.path] {
            XCTAssertThrowsError(try MinutesExport.guardTarget(target, session: store.path, replacement: "# x")) {
                XCTAssertEqual($0 as? ExportError, .wouldOverwriteSession(target))
            }
        }
    }
}
