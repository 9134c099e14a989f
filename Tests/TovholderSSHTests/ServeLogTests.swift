import Foundation
import XCTest
@testable import TovholderCore
@testable import TovholderSSH

/// The attempt log holds against whoever connects: no line can be forged or grown without
/// bound, and it is never written through a link.
final class ServeLogTests: XCTestCase {
    var dir: String!
    var session: String { dir + "/dag.tovholder" }

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tovholder-log-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func lines() throws -> [String] {
        try String(contentsOfFile: ServeLog.path(forSession: session), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testANewlineInAUserNameCannotStartALine() throws {
        let log = try ServeLog(session: session, lang: .da, echo: false)
        log.attempt(address: "10.0.0.7", user: "x\ntouch /tmp/x #", verdict: .wrongCode)
        log.attempt(address: "10.0.0.7", user: "a\tb\r", verdict: .wrongCode)
        log.flush()
        let written = try lines()
        XCTAssertEqual(written.count, 2, "\(written)")
        XCTAssertEqual(written[0].split(separator: "\t").dropFirst().map(String.init), ["10.0.0.7", "x␊touch /tmp/x #", "forkert kode"])
        XCTAssertEqual(written[1].split(separator: "\t").count, 4, "a tab cannot add a field")
        XCTAssertTrue(written[1].contains("a␉b␍"))
    }

    func testAUserNameIsCutAt64Scalars() throws {
        let log = try ServeLog(session: session, lang: .da, echo: false)
        log.attempt(address: "10.0.0.7", user: "a" + String(repeating: "\u{301}", count: 16_000), verdict: .wrongCode)
        log.flush()
        let line = try XCTUnwrap(try lines().first)
        XCTAssertLessThan(line.utf8.count, 300, "one grapheme of 16,000 combining marks was a 16 kB line")
        XCTAssertEqual(ServeLog.shown("a" + String(repeating: "\u{301}", count: 100)).unicodeScalars.count, 64)
    }

    func testALinkedLogIsRefusedAndItsTargetUntouched() throws {
        let target = dir + "/bashrc"
        try "echo hello\n".write(toFile: target, atomically: false, encoding: .utf8)
        symlink(target, ServeLog.path(forSession: session))
        XCTAssertThrowsError(try ServeLog(session: session, lang: .da, echo: false)) { error in
            let message = (error as? ServeError)?.message.da ?? ""
            XCTAssertTrue(message.contains(ServeLog.path(forSession: session)) && message.contains("ikke en almindelig fil"), message)
        }
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "echo hello\n")
    }

    func testAFolderInPlaceOfTheLogIsRefused() throws {
        try FileManager.default.createDirectory(atPath: ServeLog.path(forSession: session), withIntermediateDirectories: false)
        XCTAssertThrowsError(try ServeLog(session: session, lang: .da, echo: false))
    }

    func testAFailureIsLoggedAndSentToTheConsole() throws {
        let log = try ServeLog(session: session, lang: .en, echo: false)
        let sent = Sent()
        log.notify = { sent.add($0) }
        log.failure(ConnectionFailure.noCommonAlgorithm.text(address: "10.200.0.2"))
        log.flush()
        let fields = try XCTUnwrap(try lines().first).split(separator: "\t").map(String.init)
        XCTAssertEqual(fields[1...2], ["-", "-"])
        XCTAssertTrue(fields[3].contains("A laptop at 10.200.0.2 could not connect"), fields[3])
        XCTAssertEqual(sent.all.map(\.kind), [.failure])
        XCTAssertTrue(sent.all[0].text.da.contains("ingen fælles kryptering"))
    }
}

final class Sent: @unchecked Sendable {
    private let lock = NSLock()
    private var notices: [ServeNotice] = []
    func add(_ n: ServeNotice) { lock.lock(); notices.append(n); lock.unlock() }
    var all: [ServeNotice] { lock.lock(); defer { lock.unlock() }; return notices }
}
