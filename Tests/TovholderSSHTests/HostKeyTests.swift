import Foundation
import XCTest
@testable import TovholderSSH

/// The host key beside the session: made once, owner-only, refused (and left alone) when
/// others can read it or it is not a key.
final class HostKeyTests: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tovholder-ssh-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    var session: String { dir + "/dag.tovholder" }

    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
    }

    func testMadeOnceOwnerOnlyAndTheSameNextTime() throws {
        let made = try HostKey.loadOrCreate(forSession: session)
        let path = HostKey.path(forSession: session)
        XCTAssertEqual(mode(path), 0o600)
        XCTAssertTrue(made.fingerprint.hasPrefix("SHA256:"))
        XCTAssertFalse(made.fingerprint.contains("="), "unpadded, as ssh prints it")
        XCTAssertEqual(made.fingerprint.count, 7 + 43)
        let pub = try String(contentsOfFile: path + ".pub", encoding: .utf8)
        XCTAssertTrue(pub.hasPrefix(made.openSSHPublicKey + " "))
        XCTAssertTrue(pub.hasPrefix("ssh-ed25519 AAAA"))
        let again = try HostKey.loadOrCreate(forSession: session)
        XCTAssertEqual(again.fingerprint, made.fingerprint, "participants' ssh knows the server again")
    }

    func testAKeyOthersCanReadIsRefusedAndLeftAsItIs() throws {
        _ = try HostKey.loadOrCreate(forSession: session)
        let path = HostKey.path(forSession: session)
        chmod(path, 0o644)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try HostKey.loadOrCreate(forSession: session)) { error in
            let message = (error as? ServeError)?.message.da ?? ""
            XCTAssertTrue(message.contains(path) && message.contains("644") && message.contains("chmod 600"), message)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        XCTAssertEqual(mode(path), 0o644, "not changed behind the owner's back")
    }

    func testAFileThatIsNoKeyNamesTheLineAndStaysByteForByte() throws {
        let path = HostKey.path(forSession: session)
        let text = "tovholder ed25519 host key v1\nikke base64!\n"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        XCTAssertThrowsError(try HostKey.loadOrCreate(forSession: session)) { error in
            let message = (error as? ServeError)?.message.en ?? ""
            XCTAssertTrue(message.contains(path) && message.contains("line 2"), message)
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text)
    }
}
