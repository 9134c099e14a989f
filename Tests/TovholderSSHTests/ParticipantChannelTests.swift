import XCTest
@testable import TovholderSSH

/// What a client may set in the view's environment: TERM, LANG and LC_* with plain values.
final class ParticipantChannelTests: XCTestCase {
    func testOnlyTermAndLocaleVariablesWithPlainValuesPass() {
        XCTAssertTrue(ParticipantChannel.allowsEnvironment("TERM", "xterm-256color"))
        XCTAssertTrue(ParticipantChannel.allowsEnvironment("LANG", "da_DK.UTF-8"))
        XCTAssertTrue(ParticipantChannel.allowsEnvironment("LC_ALL", "en_US.UTF-8"))
        XCTAssertTrue(ParticipantChannel.allowsEnvironment("LC_CTYPE", "C.UTF-8"))
        XCTAssertFalse(ParticipantChannel.allowsEnvironment("LD_PRELOAD", "/tmp/x.so"))
        XCTAssertFalse(ParticipantChannel.allowsEnvironment("PATH", "/tmp"))
        XCTAssertFalse(ParticipantChannel.allowsEnvironment("HOME", "/tmp"))
        XCTAssertFalse(ParticipantChannel.allowsEnvironment("TERMINFO", "/tmp"))
        XCTAssertFalse(ParticipantChannel.allowsEnvironment("TERM", "xterm\u{1B}]0;x\u{07}"), "no escape in a value")
        XCTAssertFalse(ParticipantChannel.allowsEnvironment("LANG", "../../etc/passwd"), "no path")
        XCTAssertFalse(ParticipantChannel.allowsEnvironment("LANG", String(repeating: "a", count: 65)))
    }
}
