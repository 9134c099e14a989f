import Foundation
import GRDB
import XCTest
@testable import TovholderCore

/// A `-wal` that another session wrote is refused before anything applies it (issue 21, point 4).
final class JournalIdentityTests: StoreTestCase {
    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// The file alone, as `JournalIdentity` reads it: its id and its `user_version`.
    func identityInMainFile(_ path: String) throws -> (uuid: String?, tag: Int32) {
        var config = Configuration()
        config.readonly = true
        let q = try DatabaseQueue(path: URL(fileURLWithPath: path).absoluteString + "?immutable=1", configuration: config)
        defer { try? q.close() }
        return try q.read { db in
            let hasTable = try Bool.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'session_identity'") ?? false
            return (hasTable ? try String.fetchOne(db, sql: "SELECT uuid FROM session_identity") : nil,
                    try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
        }
    }

    func addWords(_ store: SessionStore, _ text: String) throws {
        let group = try XCTUnwrap(try store.loadWorkshop().activeGroups.first)
        _ = try store.addEntry(groupID: group.id, kind: .goal, text: text)
    }

    /// Day A, closed (its journal checkpointed away), with B's journal beside it: B is open and
    /// has words only in its journal, as a live session has between checkpoints.
    func sessionWithForeignJournal() throws -> (a: String, b: SessionStore) {
        let a = try newStore("a.tovholder")
        try addWords(a, "A's words")
        try Snapshots.take(a, now: 1_000_000, utcOffsetSeconds: 0)
        try a.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: a.path + "-wal"))
        let b = try newStore("b.tovholder")
        try addWords(b, "B's words")
        let bWal = try bytes(b.path + "-wal")
        XCTAssertGreaterThan(bWal.count, 0, "B's words are still only in its journal")
        try bWal.write(to: URL(fileURLWithPath: a.path + "-wal"))
        return (a.path, b)
    }

    func testAForeignJournalIsRefusedByEveryOpenNamingBothFilesAndNothingChanges() throws {
        let (a, b) = try sessionWithForeignJournal()
        defer { try? b.close() }
        let main = try bytes(a), wal = try bytes(a + "-wal")
        func assertRefused(_ what: String, _ open: () throws -> Void) {
            XCTAssertThrowsError(try open(), what) { error in
                guard case .foreignJournal(let path, let snapshot)? = error as? SessionError else {
                    return XCTFail("\(what): \(error)")
                }
                XCTAssertEqual(path, a)
                XCTAssertEqual(snapshot, "1970-01-12 13.46.40.tovholder", "the newest snapshot is named")
                let message = (error as! SessionError).message
                for text in [message.da, message.en] {
                    XCTAssertTrue(text.contains("\(a): "), text)
                    XCTAssertTrue(text.contains("\(a)-wal"), text)
                    XCTAssertTrue(text.contains("tovholder restore \(a) --from \"1970-01-12 13.46.40.tovholder\""), text)
                }
            }
        }
        assertRefused("open") { _ = try SessionStore.open(path: a) }
        assertRefused("open, damage checked later") { _ = try SessionStore.open(path: a, checkDamage: false) }
        assertRefused("check") { try SessionStore.verify(path: a) }
        assertRefused("new --from") { _ = try EarlierSession.read(path: a) }
        XCTAssertEqual(try bytes(a), main, "the session file is as it was")
        XCTAssertEqual(try bytes(a + "-wal"), wal, "the journal is as it was")
    }

    func testTheSessionsOwnJournalIsAccepted() throws {
        let store = try newStore()
        try addWords(store, "Færre sygedage")
        XCTAssertGreaterThan(try bytes(store.path + "-wal").count, 0)
        // Another terminal opening the live session, and a copy of file and journal together
        // (what a crash leaves).
        let second = try SessionStore.open(path: store.path)
        XCTAssertTrue(try second.loadWorkshop().worksheets.values.contains { $0.goals.contains { $0.text == "Færre sygedage" } })
        try second.close()
        let copy = dir + "/kopi.tovholder"
        try bytes(store.path).write(to: URL(fileURLWithPath: copy))
        try bytes(store.path + "-wal").write(to: URL(fileURLWithPath: copy + "-wal"))
        try SessionStore.verify(path: copy)
        let reopened = try SessionStore.open(path: copy)
        XCTAssertTrue(try reopened.loadWorkshop().worksheets.values.contains { $0.goals.contains { $0.text == "Færre sygedage" } })
        try reopened.close()
        _ = try EarlierSession.read(path: store.path)
    }

    /// The page numbers of the journal's frames, in order (header 32 bytes, frame header 24).
    func journalPages(_ path: String) throws -> [UInt32] {
        let wal = [UInt8]((try? bytes(path + "-wal")) ?? Data())
        guard wal.count > 32 else { return [] }
        func u32(_ at: Int) -> UInt32 { wal[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        let pageSize = Int(u32(8))
        return stride(from: 32, to: wal.count - 24, by: 24 + pageSize).map { u32($0) }
    }

    func testEveryCommitPutsPageOneWithTheTagIntoTheJournal() throws {
        let store = try newStore()
        let commits: [() throws -> Void] = [
            { _ = try store.announce(TerminalPresence.current(role: .participant, groupID: 1)) },  // a heartbeat
            { try self.addWords(store, "Tillid") },
        ]
        for commit in commits {
            let before = try journalPages(store.path).count
            try commit()
            XCTAssertTrue(try journalPages(store.path).dropFirst(before).contains(1), "page 1 is in every commit")
        }
        XCTAssertEqual(try store.reading { db in try Int32.fetchOne(db, sql: "PRAGMA user_version") }, store.journalTag)
    }

    func testAFreshSessionsMainFileHoldsItsIdentity() throws {
        let store = try newStore()
        let main = try identityInMainFile(store.path)
        let uuid = try XCTUnwrap(main.uuid, "in the main file, not only in a journal")
        XCTAssertEqual(uuid.count, 32)
        XCTAssertEqual(main.tag, JournalIdentity.tag(of: uuid))
        XCTAssertEqual(store.journalTag, main.tag)
        XCTAssertNotEqual(try identityInMainFile(try newStore("andet.tovholder").path).uuid, uuid, "each session its own")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".new-") }
        XCTAssertEqual(leftovers, [])
    }

    func testAnOlderFileGetsAnIdentityAndStillOpens() throws {
        let (path, q) = try oldSession("v8.tovholder", upTo: "v8")
        try q.close()
        XCTAssertNil(try identityInMainFile(path).uuid)
        let store = try SessionStore.open(path: path)
        // Its v9 migration is only in the journal yet: nothing to compare, so a second open is fine.
        XCTAssertNil(try identityInMainFile(path).uuid)
        let second = try SessionStore.open(path: path)
        try second.close()
        try addWords(store, "Efter opdateringen")
        try store.close()
        let main = try identityInMainFile(path)
        let uuid = try XCTUnwrap(main.uuid)
        XCTAssertEqual(main.tag, JournalIdentity.tag(of: uuid))
        let reopened = try SessionStore.open(path: path)
        XCTAssertEqual(reopened.journalTag, main.tag)
        XCTAssertTrue(try reopened.loadWorkshop().worksheets.values.contains { $0.goals.contains { $0.text == "Efter opdateringen" } })
    }

    func testRestoreBringsTheSnapshotBackAndKeepsTheForeignJournalAside() throws {
        let (a, b) = try sessionWithForeignJournal()
        defer { try? b.close() }
        let wal = try bytes(a + "-wal")
        let snapshot = Snapshots.folder(of: a) + "/1970-01-12 13.46.40.tovholder"
        try Snapshots.restore(session: a, from: snapshot, now: 1_000_600, utcOffsetSeconds: 0)
        let kept = Snapshots.folder(of: a) + "/1970-01-12 13.56.40 før gendannelse.tovholder"
        XCTAssertEqual(try bytes(kept + ".fremmed-wal"), wal, "the other session's words are not thrown away")
        XCTAssertFalse(FileManager.default.fileExists(atPath: a + "-wal"))
        let back = try SessionStore.open(path: a)
        let texts = try back.loadWorkshop().worksheets.values.flatMap { $0.goals.map(\.text) }
        XCTAssertTrue(texts.contains("A's words"))
        XCTAssertFalse(texts.contains("B's words"))
    }
}
