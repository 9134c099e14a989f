import Foundation
import XCTest
@testable import TovholderSSH

/// The host key: one per facilitator in their configuration folder, made once, owner-only,
/// refused (and left alone) when others can read it or it is not a key; a session's own
/// older key is kept; the public half is kept in step.
final class HostKeyTests: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tovholder-ssh-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    var session: String { dir + "/dag.tovholder" }
    var home: [String: String] { ["HOME": dir + "/home"] }
    var shared: String { dir + "/home/.config/tovholder/hostkey" }

    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
    }

    func testTheSharedKeyIsInTheConfigFolderOwnerOnlyAndTheSameForEveryDay() throws {
        let day1 = try HostKey.forServing(session: dir + "/dag1.tovholder", chosen: nil, environment: home)
        XCTAssertEqual(day1.path, shared)
        XCTAssertEqual(mode(shared), 0o600)
        XCTAssertEqual(mode(dir + "/home/.config/tovholder"), 0o700)
        XCTAssertTrue(day1.notes.isEmpty)
        XCTAssertTrue(day1.key.fingerprint.hasPrefix("SHA256:"))
        XCTAssertFalse(day1.key.fingerprint.contains("="), "unpadded, as ssh prints it")
        XCTAssertEqual(day1.key.fingerprint.count, 7 + 43)
        let pub = try String(contentsOfFile: shared + ".pub", encoding: .utf8)
        XCTAssertTrue(pub.hasPrefix(day1.key.openSSHPublicKey + " "))
        XCTAssertTrue(pub.hasPrefix("ssh-ed25519 AAAA"))
        let day2 = try HostKey.forServing(session: dir + "/dag2.tovholder", chosen: nil, environment: home)
        XCTAssertEqual(day2.key.fingerprint, day1.key.fingerprint, "laptops that joined day 1 know the server on day 2")
        XCTAssertFalse(FileManager.default.fileExists(atPath: HostKey.legacyPath(forSession: dir + "/dag2.tovholder")))
    }

    func testXDGConfigHomeWins() {
        XCTAssertEqual(HostKey.sharedPath(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/x/cfg"]), "/x/cfg/tovholder/hostkey")
        XCTAssertEqual(HostKey.sharedPath(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "relative"]), "/h/.config/tovholder/hostkey")
    }

    func testASessionsOwnOlderKeyIsKeptAndSaidOnce() throws {
        let legacy = HostKey.legacyPath(forSession: session)
        let old = try HostKey.loadOrCreate(at: legacy)
        let served = try HostKey.forServing(session: session, chosen: nil, environment: home)
        XCTAssertEqual(served.key.fingerprint, old.fingerprint)
        XCTAssertEqual(served.path, legacy)
        XCTAssertEqual(served.notes.count, 1)
        XCTAssertTrue(served.notes[0].da.contains("Denne session har sin egen nøgle"), served.notes[0].da)
        XCTAssertFalse(FileManager.default.fileExists(atPath: shared), "no shared key made beside it")
    }

    func testAChosenKeyIsUsed() throws {
        let chosen = dir + "/mine"
        let served = try HostKey.forServing(session: session, chosen: chosen, environment: home)
        XCTAssertEqual(served.path, chosen)
        XCTAssertEqual(try HostKey.loadOrCreate(at: chosen).fingerprint, served.key.fingerprint)
    }

    func testAMissingPublicHalfIsMadeAgainAndAWrongOneCorrected() throws {
        let first = try HostKey.forServing(session: session, chosen: nil, environment: home)
        try FileManager.default.removeItem(atPath: shared + ".pub")
        let again = try HostKey.forServing(session: session, chosen: nil, environment: home)
        XCTAssertTrue(again.notes.isEmpty)
        XCTAssertTrue(try String(contentsOfFile: shared + ".pub", encoding: .utf8).hasPrefix(first.key.openSSHPublicKey + " "))
        let other = HostKey(.init())
        try (other.openSSHPublicKey + " someone\n").write(toFile: shared + ".pub", atomically: false, encoding: .utf8)
        let corrected = try HostKey.forServing(session: session, chosen: nil, environment: home)
        XCTAssertEqual(corrected.notes.map(\.da).filter { $0.contains("rettet") }.count, 1, "\(corrected.notes)")
        XCTAssertTrue(try String(contentsOfFile: shared + ".pub", encoding: .utf8).hasPrefix(first.key.openSSHPublicKey + " "))
        XCTAssertEqual(mode(shared + ".pub"), 0o644)
    }

    func testAKeyOthersCanReadIsRefusedAndLeftAsItIs() throws {
        let path = dir + "/key"
        _ = try HostKey.loadOrCreate(at: path)
        chmod(path, 0o644)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try HostKey.loadOrCreate(at: path)) { error in
            let message = (error as? ServeError)?.message.da ?? ""
            XCTAssertTrue(message.contains(path) && message.contains("644") && message.contains("chmod 600"), message)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        XCTAssertEqual(mode(path), 0o644, "not changed behind the owner's back")
    }

    func testAFileThatIsNoKeyNamesTheLineAndStaysByteForByte() throws {
        let path = dir + "/key"
        let text = "tovholder ed25519 host key v1\nikke base64!\n"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        XCTAssertThrowsError(try HostKey.loadOrCreate(at: path)) { error in
            let message = (error as? ServeError)?.message.en ?? ""
            XCTAssertTrue(message.contains(path) && message.contains("line 2"), message)
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text)
    }
}
