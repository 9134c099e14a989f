import Foundation
import GRDB
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

/// A session, its -wal and -shm and its minutes are the owner's, and the folder's group's in a
/// shared folder — never others', whatever the umask.
final class FilePermissionTests: StoreTestCase {
    func mode(_ path: String) -> mode_t {
        var st = stat(); stat(path, &st); return st.st_mode & 0o777
    }

    func testPrivateFolderOwnerOnlySharedFolderGroupTooNeverOthers() throws {
        let old = umask(0o022)
        defer { umask(old) }
        for (folderMode, expected) in [(mode_t(0o755), mode_t(0o600)), (0o2775, 0o660), (0o770, 0o660)] {
            let folder = dir + "/f\(folderMode)"
            mkdir(folder, 0o700); chmod(folder, folderMode)
            let store = try SessionStore.create(path: folder + "/dag.tovholder", programme: TestProgramme.day(),
                                                templateName: "t", now: 0)
            _ = try store.addGroup(name: "Gruppe X")  // a write: -wal and -shm exist
            XCTAssertEqual(mode(store.path), expected, "session in a \(String(folderMode, radix: 8)) folder")
            for sidecar in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: store.path + sidecar) {
                XCTAssertEqual(mode(store.path + sidecar), expected, sidecar)
            }
            for file in try MinutesExport.write(store: store, language: .da, utcOffsetSeconds: 0, now: 1) {
                XCTAssertEqual(mode(file), expected, file)
            }
        }
    }
}

/// `check` and opening find a damaged session and leave it byte-for-byte.
final class SessionDiagnosisTests: StoreTestCase {
    func testTheQuickTableListMatchesWhatTheMigrationsMake() throws {
        let expected = try SessionDiagnosis.expectedTables(upTo: SessionSchema.knownMigrations)
        XCTAssertEqual(Set(SessionDiagnosis.tablesByVersion.flatMap(\.tables)), Set(expected.keys))
    }

    func testADroppedTableIsReportedByCheckAndRefusedOnOpenAndTheFileStaysAsItWas() throws {
        let store = try newStore()
        _ = try store.addGroup(name: "Gruppe X")
        let path = store.path
        let raw = try DatabaseQueue(path: path)
        try raw.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA foreign_keys = OFF; DROP TABLE entries") }
        try raw.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SessionStore.verify(path: path)) { error in
            let text = (error as? SessionError)?.message.da ?? "\(error)"
            XCTAssertTrue(text.contains("\(path): tabellen entries mangler"), text)
            XCTAssertTrue(text.contains("tovholder backups"), text)
        }
        XCTAssertThrowsError(try SessionStore.open(path: path)) { error in
            guard case .problems(_, let lines)? = error as? SessionError else { return XCTFail("\(error)") }
            XCTAssertEqual(lines.first?.en, "the table entries is missing – its content is gone from this file")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }
}

final class SnapshotTests: StoreTestCase {
    func testTakeListSummariseAndRestoreKeepingTheCurrentOneToo() throws {
        let store = try newStore()
        let first = try Snapshots.take(store, now: 1_000_000, utcOffsetSeconds: 0)
        XCTAssertEqual(first.name, "1970-01-12 13.46.40.tovholder")
        let group = try XCTUnwrap(store.loadWorkshop().activeGroups.first)
        _ = try store.addEntry(groupID: group.id, kind: .goal, text: "Færre sygedage")
        try Snapshots.take(store, now: 1_000_300, utcOffsetSeconds: 0)
        let list = Snapshots.list(session: store.path)
        XCTAssertEqual(list.count, 2)
        XCTAssertEqual(Snapshots.summary(of: list[0].path)?.entries, (Snapshots.summary(of: list[1].path)?.entries ?? 0) + 1)
        var st = stat(); stat(list[0].path, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600, "as private as the session")
        try SessionStore.verify(path: list[0].path)

        try Snapshots.restore(session: store.path, from: first.path, now: 1_000_600, utcOffsetSeconds: 0)
        let back = try SessionStore.open(path: store.path)
        XCTAssertFalse(try back.loadWorkshop().worksheets[group.id]!.goals.contains { $0.text == "Færre sygedage" })
        XCTAssertEqual(Snapshots.list(session: store.path).count, 3, "the file before the restore is kept too")
    }

    func testRestoreIsRefusedWhileATerminalHasTheSessionOpen() throws {
        let store = try newStore()
        let snap = try Snapshots.take(store, now: Date().timeIntervalSince1970, utcOffsetSeconds: 0)
        try store.announce(TerminalPresence.current(role: .participant, groupID: 1))
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        XCTAssertThrowsError(try Snapshots.restore(session: store.path, from: snap.path, now: 0, utcOffsetSeconds: 0)) {
            guard case .sessionInUse? = $0 as? SnapshotError else { return XCTFail("\($0)") }
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store.path)), before)
    }

    func testTheLastTwoHoursAreKeptThenOnePerHourThenOnePerDay() {
        let now = 10 * 86_400.0
        let every5min = stride(from: now - 3 * 86_400, through: now, by: 300).map {
            Snapshot(path: "\($0)", takenAt: $0, bytes: 1)
        }
        let drop = Set(Snapshots.toThin(every5min, now: now).map(\.takenAt))
        let kept = every5min.filter { !drop.contains($0.takenAt) }
        XCTAssertEqual(kept.filter { now - $0.takenAt < 7200 }.count, 24, "two hours at 5 minutes")
        XCTAssertLessThanOrEqual(kept.filter { (7200..<86_400).contains(now - $0.takenAt) }.count, 23)
        XCTAssertLessThanOrEqual(kept.filter { now - $0.takenAt >= 86_400 }.count, 4)
        XCTAssertLessThan(kept.count, 60, "a day of snapshots stays small: \(kept.count)")
    }
}

final class RoadmapOrderTests: StoreTestCase {
    func testPhasesStayInDateOrderWhenADateChanges() throws {
        let store = try newStore()
        let before = try store.loadRoadmap()
        let added = try store.addRoadmapEntry(after: before.first?.id, from: before.first!.from, title: "Opfølgning")
        var moved = added
        moved.from = CalendarDate(year: 2030, month: 4, day: 1)!
        try store.updateRoadmapEntry(moved)
        XCTAssertEqual(try store.loadRoadmap().last?.id, added.id, "1 April 2030 comes last")
        XCTAssertEqual(try store.loadRoadmap().map(\.from), try store.loadRoadmap().map(\.from).sorted())
    }
}
