import Foundation
import XCTest
@testable import TovholderCore
@testable import TovholderSSH

/// Logins against a real session file: the codes the facilitator sees decide, every attempt
/// is logged beside the session, and guessing from one address is stopped.
final class GatekeeperTests: XCTestCase {
    var dir: String!
    var store: SessionStore!
    var gatekeeper: Gatekeeper!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tovholder-gate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        guard case .success(let programme) = TemplateLoader.load(path: TemplateCatalog.resolve(TemplateCatalog.defaultName)!) else {
            return XCTFail("the reference day loads")
        }
        store = try SessionStore.create(path: dir + "/dag.tovholder", programme: programme, templateName: "t", now: 0)
        try store.openService(port: 2222, address: "10.0.0.5", fingerprint: "SHA256:x")
        gatekeeper = Gatekeeper(store: store, log: try ServeLog(session: store.path, lang: .da, echo: false))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func code(_ user: String) throws -> String {
        try XCTUnwrap(try store.service()?.codes.first { $0.user == user }?.code)
    }

    func logLines() throws -> [[String]] {
        gatekeeper.log.flush()
        return try String(contentsOfFile: ServeLog.path(forSession: store.path), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    }

    func testTheGroupsCodeLetsInAndEveryAttemptIsLogged() throws {
        XCTAssertEqual(gatekeeper.check(user: "gruppe2", code: try code("gruppe2"), address: "10.0.0.7"),
                       .accepted(.group(try store.service()!.codes[1].groupID)))
        XCTAssertEqual(gatekeeper.check(user: "gruppe2", code: try code("gruppe1"), address: "10.0.0.7"), .wrongCode)
        XCTAssertEqual(gatekeeper.check(user: "x\u{1B}[2J", code: "nope", address: "10.0.0.8"), .wrongCode)
        let lines = try logLines()
        XCTAssertEqual(lines.map { Array($0.dropFirst()) }, [["10.0.0.7", "gruppe2", "godkendt"],
                                                            ["10.0.0.7", "gruppe2", "forkert kode"],
                                                            ["10.0.0.8", "x␛[2J", "forkert kode"]])
        XCTAssertNotNil(ISO8601DateFormatter().date(from: lines[0][0]), "a time a log reader parses")
        let mode = try FileManager.default.attributesOfItem(atPath: ServeLog.path(forSession: store.path))[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testRenewedCodesAreTheOnesThatCount() throws {
        let old = try code("gruppe1")
        try store.renewCodes()
        XCTAssertEqual(gatekeeper.check(user: "gruppe1", code: old, address: "10.0.0.7"), .wrongCode)
        XCTAssertNotEqual(gatekeeper.check(user: "gruppe1", code: try code("gruppe1"), address: "10.0.0.7"), .wrongCode)
    }

    func testTenWrongCodesFromOneAddressBlockItEvenWithTheRightCode() throws {
        for _ in 0..<AttemptLimiter.perAddress {
            XCTAssertEqual(gatekeeper.check(user: "gruppe1", code: "forkert", address: "10.0.0.9"), .wrongCode)
        }
        XCTAssertEqual(gatekeeper.check(user: "gruppe1", code: try code("gruppe1"), address: "10.0.0.9"), .blocked)
        for _ in 0..<177 { XCTAssertEqual(gatekeeper.check(user: "gruppe1", code: "x", address: "10.0.0.9"), .blocked) }
        // The first refusal is told at once; the rest are one summary, not 177 lines.
        let lines = try logLines()
        XCTAssertEqual(lines.count, AttemptLimiter.perAddress + 2, "\(lines)")
        XCTAssertEqual(lines[AttemptLimiter.perAddress].last, "spærret (for mange forsøg)")
        XCTAssertTrue(lines.last!.last!.hasPrefix("10.0.0.9: 177 forsøg afvist mens spærret, "), "\(lines.last!)")
        if case .accepted = gatekeeper.check(user: "gruppe1", code: try code("gruppe1"), address: "10.0.0.10") {} else {
            XCTFail("another laptop still gets in")
        }
    }

    func testNoCodeIsValidOnceServeHasStopped() throws {
        let right = try code("gruppe1")
        try store.closeService()
        XCTAssertEqual(gatekeeper.check(user: "gruppe1", code: right, address: "10.0.0.7"), .wrongCode)
    }
}
