import Foundation
import NIOCore
import NIOEmbedded
import NIOSSH
import XCTest
@testable import TovholderCore
@testable import TovholderSSH

/// A participant's session channel, driven as NIOSSH drives it (EmbeddedChannel): only a
/// pty and a shell are taken; commands and file transfer are refused with a line and the
/// channel closed; a request NIOSSH could not parse is refused and the session goes on;
/// only TERM, LANG and LC_* reach the view; the window size follows the client.
final class ParticipantChannelTests: XCTestCase {
    var dir: String!
    var server: SSHServer!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tovholder-chan-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        guard case .success(let programme) = TemplateLoader.load(path: TemplateCatalog.resolve(TemplateCatalog.defaultName)!) else {
            return XCTFail("the reference day loads")
        }
        let store = try SessionStore.create(path: dir + "/dag.tovholder", programme: programme, templateName: "t", now: 0)
        let key = try HostKey.loadOrCreate(at: dir + "/key")
        server = SSHServer(options: .init(session: store.path, port: 0, listen: "127.0.0.1", lang: .da, theme: nil,
                                          executable: "/bin/false"),
                           store: store, hostKey: key, log: try ServeLog(session: store.path, lang: .da, echo: false))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    /// The channel with the participant's handler, and what it answers.
    func channel() throws -> (EmbeddedChannel, Replies, ParticipantChannel) {
        let connection = Connection(address: "10.0.0.7", port: 50000)
        connection.user = "gruppe1"
        let participant = ParticipantChannel(connection: connection, server: server)
        let replies = Replies()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandlers([replies, participant])
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 22)).wait()
        return (channel, replies, participant)
    }

    func written(_ channel: EmbeddedChannel) throws -> String {
        var text = ""
        while let data = try channel.readOutbound(as: SSHChannelData.self) {
            if case .byteBuffer(let b) = data.data { text += String(buffer: b) }
        }
        return text
    }

    func testACommandIsRefusedWithALineAndTheChannelCloses() throws {
        let (channel, replies, _) = try channel()
        channel.pipeline.fireUserInboundEventTriggered(SSHChannelRequestEvent.ExecRequest(command: "cat /etc/passwd", wantReply: true))
        XCTAssertEqual(replies.kinds.first, "failure")
        XCTAssertTrue(try written(channel).contains("Tovholder viser kun dagens skærm; en kommando er ikke tilladt."))
        XCTAssertTrue(replies.kinds.contains("exit 1"), "\(replies.kinds)")
        channel.embeddedEventLoop.run()
        XCTAssertFalse(channel.isActive, "the channel is closed after the refusal")
        server.log.flush()
        let log = try String(contentsOfFile: ServeLog.path(forSession: dir + "/dag.tovholder"), encoding: .utf8)
        XCTAssertEqual(log, "", "refusals are told on the window, not as login attempts")
    }

    func testFileTransferIsRefused() throws {
        let (channel, replies, _) = try channel()
        channel.pipeline.fireUserInboundEventTriggered(SSHChannelRequestEvent.SubsystemRequest(subsystem: "sftp", wantReply: true))
        XCTAssertEqual(replies.kinds.first, "failure")
        XCTAssertTrue(try written(channel).contains("sftp (filoverførsel) er ikke tilladt"))
    }

    func testX11IsRefusedAndTheSessionGoesOn() throws {
        let (channel, replies, _) = try channel()
        channel.pipeline.fireUserInboundEventTriggered(SSHChannelRequestEvent.SubsystemRequest(
            subsystem: RequestFilter.refusedPrefix + "x11-req", wantReply: true))
        channel.pipeline.fireUserInboundEventTriggered(SSHChannelRequestEvent.SubsystemRequest(
            subsystem: RequestFilter.refusedPrefix + "simple@putty.projects.tartarus.org", wantReply: false))
        XCTAssertEqual(replies.kinds, ["failure"], "one reply, for the one that asked")
        XCTAssertEqual(try written(channel), "", "no goodbye")
        channel.embeddedEventLoop.run()
        XCTAssertTrue(channel.isActive)
    }

    func testOnlyTermAndLocaleReachTheView() throws {
        let (channel, replies, participant) = try channel()
        for (name, value) in [("LANG", "da_DK.UTF-8"), ("LD_PRELOAD", "/tmp/x.so"), ("LC_ALL", "C"), ("PATH", "/tmp")] {
            channel.pipeline.fireUserInboundEventTriggered(SSHChannelRequestEvent.EnvironmentRequest(wantReply: true, name: name, value: value))
        }
        XCTAssertEqual(replies.kinds, ["success", "failure", "success", "failure"])
        XCTAssertEqual(participant.clientEnvironment, ["LANG": "da_DK.UTF-8", "LC_ALL": "C"])
    }

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

    func testThePtySizeAndEveryResizeAreKept() throws {
        let (channel, replies, participant) = try channel()
        channel.pipeline.fireUserInboundEventTriggered(SSHChannelRequestEvent.PseudoTerminalRequest(
            wantReply: true, term: "xterm-256color", terminalCharacterWidth: 0, terminalRowHeight: 0,
            terminalPixelWidth: 0, terminalPixelHeight: 0, terminalModes: .init([:])))
        XCTAssertEqual(replies.kinds, ["success"])
        XCTAssertTrue(participant.windowSize == (80, 24), "a client that does not know its size gets 80×24")
        channel.pipeline.fireUserInboundEventTriggered(SSHChannelRequestEvent.WindowChangeRequest(
            terminalCharacterWidth: 132, terminalRowHeight: 43, terminalPixelWidth: 0, terminalPixelHeight: 0))
        XCTAssertTrue(participant.windowSize == (132, 43))
    }

    func testAShellWithoutAPtyIsToldToAddMinusT() throws {
        let (channel, _, _) = try channel()
        channel.pipeline.fireUserInboundEventTriggered(SSHChannelRequestEvent.ShellRequest(wantReply: true))
        XCTAssertTrue(try written(channel).contains("skriv ssh -t foran"))
    }
}

/// Records what the participant's handler answers: success, failure, exit status.
final class Replies: ChannelOutboundHandler, @unchecked Sendable {
    typealias OutboundIn = Any
    var kinds: [String] = []

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        switch event {
        case is ChannelSuccessEvent: kinds.append("success")
        case is ChannelFailureEvent: kinds.append("failure")
        case let exit as SSHChannelRequestEvent.ExitStatus: kinds.append("exit \(exit.exitStatus)")
        default: kinds.append("\(event)")
        }
        promise?.succeed(())
    }
}
