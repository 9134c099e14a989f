import Foundation
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
}
