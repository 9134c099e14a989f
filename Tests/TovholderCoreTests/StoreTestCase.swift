import Foundation
import GRDB
import XCTest
@testable import TovholderCore

/// A fresh folder per test and a session in it: the setup every store test shares.
class StoreTestCase: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tovholder-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func newStore(_ name: String = "dag.tovholder") throws -> SessionStore {
        try SessionStore.create(path: dir + "/" + name, programme: TestProgramme.day(), templateName: "test", now: 0)
    }

    /// Another process that runs for a while (`sleep 30`), ended when the test ends: a
    /// terminal or a serve whose process is alive, and its start time.
    func runningProcess() throws -> (pid: Int32, began: Double) {
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["30"]
        try sleeper.run()
        addTeardownBlock { sleeper.terminate() }
        return (sleeper.processIdentifier, try XCTUnwrap(SessionStore.processStart(sleeper.processIdentifier)))
    }

    /// A session file as an older Tovholder left it: made at v1 with `programme` and the day at
    /// `itemIndex`, then migrated up to `version` (v2 seeds the groups from the programme).
    /// The queue is open, for the caller to add rows of that version; close it before opening.
    func oldSession(_ name: String, upTo version: String, programme: DayTemplate = TestProgramme.day(),
                    itemIndex: Int = 0) throws -> (path: String, queue: DatabaseQueue) {
        let path = dir + "/" + name
        let q = try DatabaseQueue(path: path, configuration: SessionStore.configuration())
        try q.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA application_id = \(SessionStore.applicationID)")
        }
        try SessionSchema.migrator.migrate(q, upTo: "v1")
        let json = String(decoding: try JSONEncoder().encode(programme), as: UTF8.self)
        try q.write { db in
            try db.execute(sql: "INSERT INTO programme(id, template_name, json, created_at) VALUES (1, 't', ?, 0)",
                           arguments: [json])
            try db.execute(sql: "INSERT INTO position(id, item_index, step) VALUES (1, ?, 0)", arguments: [itemIndex])
        }
        try SessionSchema.migrator.migrate(q, upTo: version)
        return (path, q)
    }
}
