import Foundation
import GRDB
import XCTest
@testable import TovholderCore

/// A terminal wakes when another process writes the session, and not for other files.
final class SessionWatcherTests: StoreTestCase {
    func readable(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 200) == 1
    }

    func testAnotherConnectionsCommitWakesTheWatcherAndOtherFilesDoNot() throws {
        let store = try newStore()
        guard let watcher = SessionWatcher(sessionPath: store.path) else { throw XCTSkip("no inotify here") }
        _ = watcher.drain()
        XCTAssertFalse(readable(watcher.fd), "nothing happened yet")

        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/andet.txt"))
        XCTAssertTrue(readable(watcher.fd))
        XCTAssertFalse(watcher.drain(), "another file in the folder is not the session")

        let other = try SessionStore.open(path: store.path)
        try other.setPlenumNote(itemID: "maal", text: "Noter")
        XCTAssertTrue(readable(watcher.fd), "a commit by another connection wakes it")
        XCTAssertTrue(watcher.drain())
        XCTAssertFalse(readable(watcher.fd), "drained")

        // Reading does not wake anyone (the -shm is written through a mapping).
        _ = try other.load()
        _ = try other.dataVersion()
        XCTAssertFalse(readable(watcher.fd) && watcher.drain(), "reads are silent")
    }

    /// After each commit the writer touches the session file: the last wake comes when the
    /// change can be read (the WAL's writes come before SQLite has marked the commit done).
    func testACommitTouchesTheSessionFileAfterwards() throws {
        let store = try newStore()
        var old = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, store.path, &old, 0), 0)
        func modified() throws -> Date {
            try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: store.path)[.modificationDate] as? Date)
        }
        XCTAssertLessThan(try modified().timeIntervalSince1970, 2_000_000)
        _ = try store.load()
        XCTAssertLessThan(try modified().timeIntervalSince1970, 2_000_000, "a read touches nothing")
        try store.setPlenumNote(itemID: "maal", text: "Noter")
        XCTAssertGreaterThan(try modified().timeIntervalSince1970, Date().timeIntervalSince1970 - 60)
    }

    /// The bell replaces SQLite's own WAL hook, which is where the automatic checkpoint ran:
    /// it must still run, or the WAL would grow all day.
    func testTheWALIsStillCheckpointed() throws {
        let store = try newStore()
        for i in 0..<Int(CommitBell.checkpointPages) + 100 { try store.setPlenumNote(itemID: "maal", text: "Noter \(i)") }
        let frames = try store.queue.inDatabase { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")?[1] as Int? }
        XCTAssertLessThan(try XCTUnwrap(frames), Int(CommitBell.checkpointPages), "the WAL was checkpointed and begun again")
    }
}
