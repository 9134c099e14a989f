import Foundation
import GRDB
import XCTest
@testable import TovholderCore

/// Issue 21, point 6: a snapshot that cannot be taken says why and leaves nothing behind; one
/// is not started without room for it; leftover `.partial` files are removed.
final class SnapshotFailureTests: StoreTestCase {
    func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    func vacuum(_ store: SessionStore) -> (String) throws -> Void {
        { path in try store.queue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) } }
    }

    func partial(_ folder: String, _ name: String, modified: Double) -> String {
        let path = folder + "/" + name + ".partial"
        _ = FileManager.default.createFile(atPath: path, contents: Data(count: 1000))
        var times = [timespec(tv_sec: Int(modified), tv_nsec: 0), timespec(tv_sec: Int(modified), tv_nsec: 0)]
        utimensat(AT_FDCWD, path, &times, 0)
        return path
    }

    func testNotStartedWithLessThanTwiceTheSessionFree() throws {
        let store = try newStore()
        let size = Snapshots.size(store.path) + Snapshots.size(store.path + "-wal")
        XCTAssertThrowsError(try Snapshots.take(session: store.path, now: 1_000_000, utcOffsetSeconds: 0,
                                                free: { _ in 2 * size - 1 }, copy: vacuum(store))) {
            XCTAssertEqual($0 as? SnapshotFailure, .noRoom(free: 2 * size - 1, needed: 2 * size))
        }
        XCTAssertEqual(files(Snapshots.folder(of: store.path)), [])
        XCTAssertNoThrow(try Snapshots.take(session: store.path, now: 1_000_000, utcOffsetSeconds: 0,
                                            free: { _ in 2 * size }, copy: vacuum(store)))
        let text = SnapshotFailure.noRoom(free: 3_100_000, needed: 6_200_000).message.da
        XCTAssertEqual(text, "Øjebliksbillede kunne ikke tages: der er 3.1 MB fri, og det kræver 6.2 MB")
    }

    func testAFullDiskIsSaidSoAndLeavesNoPartial() throws {
        let store = try newStore()
        XCTAssertThrowsError(try Snapshots.take(session: store.path, now: 1_000_000, utcOffsetSeconds: 0) { path in
            XCTAssertTrue(FileManager.default.fileExists(atPath: path), "made empty first, with the session's mode")
            throw DatabaseError(resultCode: .SQLITE_FULL)
        }) { XCTAssertEqual($0 as? SnapshotFailure, .diskFull) }
        XCTAssertEqual(files(Snapshots.folder(of: store.path)), [], "no 0-byte .partial left")
        XCTAssertEqual(SnapshotFailure(POSIXError(.ENOSPC)), .diskFull)
        XCTAssertEqual(SnapshotFailure(DatabaseError(resultCode: .SQLITE_CANTOPEN)), .cannotWrite)
        XCTAssertEqual(SnapshotFailure.diskFull.reason.da, "disken er fuld")
    }

    func testPartialsOlderThanTheRunningSnapshotAreRemovedAtStartAndAfterASuccess() throws {
        let store = try newStore()
        let folder = Snapshots.folder(of: store.path)
        let now = Date().timeIntervalSince1970
        mkdir(folder, 0o700)
        let killed = partial(folder, "2026-01-01 10.00.00.tovholder", modified: now - 3600)
        let writing = partial(folder, "2026-01-01 11.00.00.tovholder", modified: now + 5)  // another process, now
        var during = ""
        let snapshot = try Snapshots.take(session: store.path, now: now, utcOffsetSeconds: 0) { path in
            XCTAssertFalse(FileManager.default.fileExists(atPath: killed), "removed at start")
            during = self.partial(folder, "2026-01-01 12.00.00.tovholder", modified: now - 1)  // killed meanwhile
            try self.vacuum(store)(path)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: during), "removed after the success")
        XCTAssertEqual(files(folder), [snapshot.name, (writing as NSString).lastPathComponent].sorted())
    }

    func testInTheBackgroundTheOutcomeIsReported() throws {
        let store = try newStore()
        let done = expectation(description: "done")
        let box = OutcomeBox()
        Snapshots.takeInBackground(session: store.path, now: 1_000_000, utcOffsetSeconds: 0) { box.value = $0; done.fulfill() }
        wait(for: [done], timeout: 10)
        guard case .success(let snapshot)? = box.value else { return XCTFail("\(String(describing: box.value))") }
        XCTAssertTrue(FileManager.default.fileExists(atPath: snapshot.path))
    }
}

private final class OutcomeBox: @unchecked Sendable {
    var value: Result<Snapshot, SnapshotFailure>?
}
