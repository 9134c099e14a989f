import Foundation
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
}
