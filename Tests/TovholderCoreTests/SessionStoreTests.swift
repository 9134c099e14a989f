import Foundation
import GRDB
import XCTest
@testable import TovholderCore

final class SessionStoreTests: StoreTestCase {

    func testCreatesAWALSessionMarkedAsOurs() throws {
        let store = try newStore()
        try store.queue.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try Int32.fetchOne(db, sql: "PRAGMA application_id"), SessionStore.applicationID)
        }
        XCTAssertEqual(try store.load().programme, TestProgramme.day())
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path + ".new-\(getpid())"), "temp file removed")
    }

    func testEveryChangeIsSavedAndReopenResumesExactly() throws {
        let store = try newStore()
        var s = try store.load()
        try store.save(s.goNext(at: 100), of: s)
        try store.save(s.goNext(at: 200), of: s)   // step 2 of the exercise
        try store.save(s.toggleTimer(at: 300), of: s)  // running
        let reopened = try SessionStore.open(path: store.path).load()
        XCTAssertEqual(reopened, s)
        XCTAssertEqual(reopened.currentIndex, 1)
        XCTAssertEqual(reopened.currentStep, 1)
        XCTAssertEqual(reopened.currentProgress.countdown.runningSince, 300, "still running: time since counts")
        XCTAssertEqual(reopened.currentProgress.countdown.remaining(at: 400), 500)
    }

    func testPausedTimerResumesPausedWithTheSameTimeLeft() throws {
        let store = try newStore()
        var s = try store.load()
        try store.save(s.go(to: 2, at: 0), of: s)
        try store.save(s.toggleTimer(at: 0), of: s)
        try store.save(s.toggleTimer(at: 90), of: s)
        let reopened = try SessionStore.open(path: store.path).load()
        XCTAssertFalse(reopened.currentProgress.countdown.isRunning)
        XCTAssertEqual(reopened.currentProgress.countdown.remaining(at: 99_999), 1710)
    }

    func testRefusesToOverwriteAnExistingFile() throws {
        let store = try newStore()
        XCTAssertThrowsError(try newStore()) { XCTAssertEqual($0 as? SessionError, .exists(path: store.path)) }
    }

    func assertRefusedAndUntouched(_ path: String, _ expected: (String) -> SessionError,
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SessionStore.open(path: path), file: file, line: line) { error in
            XCTAssertEqual(error as? SessionError, expected(path), file: file, line: line)
            XCTAssertTrue((error as! SessionError).message.da.contains(path), "names the file", file: file, line: line)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "byte for byte", file: file, line: line)
    }

    func testRandomBytesAreRefusedAndUntouched() throws {
        let path = dir + "/random.tovholder"
        var bytes = [UInt8](repeating: 0, count: 4096)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        try assertRefusedAndUntouched(path) { .notSQLite(path: $0) }
    }

    func testAnotherSQLiteFileIsRefusedAndUntouched() throws {
        let path = dir + "/other.sqlite"
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try q.close()
        try assertRefusedAndUntouched(path) { .foreignDatabase(path: $0) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    func testANewerSchemaIsRefusedAndUntouched() throws {
        let store = try newStore()
        try store.queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')")
        }
        try store.queue.close()
        try assertRefusedAndUntouched(store.path) { .newerSchema(path: $0, version: "v99") }
    }

    func testEmptyAndMissingFiles() throws {
        let empty = dir + "/empty.tovholder"
        FileManager.default.createFile(atPath: empty, contents: Data())
        try assertRefusedAndUntouched(empty) { .notSQLite(path: $0) }
        XCTAssertThrowsError(try SessionStore.open(path: dir + "/missing.tovholder")) {
            XCTAssertEqual($0 as? SessionError, .notFound(path: self.dir + "/missing.tovholder"))
        }
    }

    func testVerifyChecksASessionWithoutWritingToIt() throws {
        let store = try newStore()
        var s = try store.load()
        try store.save(s.goNext(at: 1), of: s)
        try store.queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        XCTAssertNoThrow(try SessionStore.verify(path: store.path))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store.path)), before)
        let other = dir + "/other.sqlite"
        let q = try DatabaseQueue(path: other)
        try q.write { try $0.execute(sql: "CREATE TABLE t(x)") }
        try q.close()
        XCTAssertThrowsError(try SessionStore.verify(path: other)) {
            XCTAssertEqual($0 as? SessionError, .foreignDatabase(path: other))
        }
    }

    func testDataVersionSeesAnotherConnectionsCommit() throws {
        let store = try newStore()
        let other = try SessionStore.open(path: store.path)
        let before = try store.dataVersion()
        var s = try other.load()
        try other.save(s.goNext(at: 1), of: s)
        XCTAssertNotEqual(try store.dataVersion(), before)
        XCTAssertEqual(try store.load().currentIndex, 1)
    }
}
