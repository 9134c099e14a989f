import Crypto
import Foundation
import NIOCore
import NIOEmbedded
import NIOSSH
import XCTest
@testable import TovholderSSH

/// The AES-CTR + HMAC-SHA2 schemes (CTRTransportProtection): each one carries a real
/// NIOSSH connection, matches bytes computed elsewhere, and refuses a changed byte.
final class TransportSchemeTests: XCTestCase {
    typealias Scheme = TransportSchemes.Scheme

    func testTheOfferedSchemesInOrder() {
        XCTAssertEqual(TransportSchemes.all.map { "\($0.cipherName) \($0.macName ?? "-")" }, [
            "aes256-gcm@openssh.com -", "aes128-gcm@openssh.com -",
            "aes128-ctr hmac-sha2-256-etm@openssh.com", "aes128-ctr hmac-sha2-256",
            "aes256-ctr hmac-sha2-256-etm@openssh.com", "aes256-ctr hmac-sha2-256",
        ])
        XCTAssertEqual(TransportSchemes.ctrSHA512.map { "\($0.cipherName) \($0.macName ?? "-")" }, [
            "aes128-ctr hmac-sha2-512-etm@openssh.com", "aes128-ctr hmac-sha2-512",
            "aes256-ctr hmac-sha2-512-etm@openssh.com", "aes256-ctr hmac-sha2-512",
        ])
    }

    /// NIOSSH 0.15.1 takes each key from one hash of the key exchange, 32 bytes after
    /// curve25519-sha256 or nistp256, and does not extend it: an offered scheme may need no more.
    func testEveryOfferedKeyFitsOneSHA256Digest() {
        for scheme in TransportSchemes.all {
            let sizes = scheme.keySizes
            XCTAssertLessThanOrEqual(max(sizes.ivSize, sizes.encryptionKeySize, sizes.macKeySize), 32,
                                     "\(scheme.cipherName) \(scheme.macName ?? "")")
        }
    }

    // MARK: - 1. A handshake and data both ways, for every scheme

    /// Both peers offer only the scheme, so it is the one used. Sizes around the block size,
    /// then a packet of more than 32 kB; everything comes back through the server's echo.
    func testEverySchemeConnectsAndCarriesPacketsBothWays() throws {
        let sizes = [1, 15, 16, 17, 100, 4000, 40_000, 3]
        for scheme in TransportSchemes.all {
            let pair = try ConnectedPair(scheme: scheme)
            let sent = try pair.send(sizes.map { Self.bytes($0, seed: UInt8($0 & 0xFF)) })
            let name = "\(scheme.cipherName) \(scheme.macName ?? "")"
            XCTAssertEqual(pair.echoed.readableBytes, sent.count, name)
            XCTAssertTrue(pair.echoed.readableBytesView.elementsEqual(sent), name)
            XCTAssertGreaterThan(pair.largestClientWrite, 40_000, "the 40 kB write went as one packet")
            pair.finish()
        }
    }

    /// Not an assertion: how long 1 MiB (32 writes of 32 KiB) takes to go to the server and
    /// back in this process, i.e. 2 MiB encrypted, authenticated, checked and decrypted.
    func testThroughputOfOneMebibyteEchoed() throws {
        let chunks = (0..<32).map { Self.bytes(32 * 1024, seed: UInt8($0)) }
        for scheme in TransportSchemes.all {
            let pair = try ConnectedPair(scheme: scheme)
            let start = DispatchTime.now().uptimeNanoseconds
            let sent = try pair.send(chunks)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            XCTAssertEqual(pair.echoed.readableBytes, sent.count)
            let name = "\(scheme.cipherName) \(scheme.macName ?? "")"
            print("throughput " + name.padding(toLength: 46, withPad: " ", startingAt: 0)
                  + String(format: "%7.1f ms for 1 MiB echoed (%.1f MiB/s each way)", seconds * 1000, 1 / seconds))
            pair.finish()
        }
    }

    // MARK: - 2. Known answers

    // Computed with Python's `cryptography` and `hmac` (an independent AES-CTR and HMAC):
    //   enc = Cipher(AES(key), CTR(iv)).encryptor()          # one stream for both packets
    //   p = struct.pack(">IB", 1 + len(payload) + pad, pad) + payload + bytes(0xA0 + i for i in range(pad))
    //   non-ETM: enc.update(p) + hmac(mackey, pack(">I", seq) + p)
    //   ETM:     p[:4] + enc.update(p[4:]), then + hmac(mackey, pack(">I", seq) + those bytes)
    // The IVs make the counter carry into the upper 64 bits, and wrap at 2^128.

    func testKnownAnswerEncryptAndMAC() throws {
        let keys = Self.keys(encryption: Array(0x00..<0x10), mac: Array(0x20..<0x40),
                             iv: Array(0..<8) + [UInt8](repeating: 0xFF, count: 7) + [0xFE])
        try checkKnownAnswers(AES128CTRHMACSHA256(initialKeys: keys), [
            (7, "tovholder: hello", 11, "71a7d646f9da15506919c16e7d6eb65768e6b5a22746f233b51a53a3ff9a96c8"
                + "02c585172ade7e2b07e7aa6565e5185d2179a833310c0077436534ce3c7d394a"),
            (8, "goodbye!!", 18, "ba3c8c08fe888ce8b42955ce14c838244da73929cfbeb3f4a02c85ede3ae7e64"
                + "6800f02d6f0d8055da30a5ba6fc1969d3ac98e93dd4e7f6a0b311361f3113111"),
        ])
    }

    func testKnownAnswerEncryptThenMAC() throws {
        let iv = [UInt8](repeating: 0xFF, count: 15) + [0xFE]
        let keys = Self.keys(encryption: Array(0x40..<0x60), mac: Array(0x80..<0xA0), iv: iv)
        try checkKnownAnswers(AES256CTRHMACSHA256ETM(initialKeys: keys), [
            (3, "tovholder: hello", 15, "0000002042e88b36ec37302c2f85b1ac33a3571d57f0e4cc171a99857b2da2a0"
                + "f58e413392d59e622fc944a4a7505447dba9c547753e97cfad3cacf3544b324272d2a485"),
            (4, "goodbye!!", 6, "000000106083bced84615cbe6b5529adf33b18b066e59e33c6c04efc72bbf634e9fe"
                + "fc1fd82736668de4f663b5752069e7642ba8"),
        ])
        let keys512 = Self.keys(encryption: Array(0x40..<0x60), mac: Array(0x80..<0xC0), iv: iv)
        try checkKnownAnswers(AES256CTRHMACSHA512ETM(initialKeys: keys512), [
            (3, "tovholder: hello", 15, "0000002042e88b36ec37302c2f85b1ac33a3571d57f0e4cc171a99857b2da2a0"
                + "f58e4133f71178585027a88b6639b42ea10742252e48737332833d473f3b4b9b298eb2f93795e80baebe46aa"
                + "17c1e36cdc77a93f5ba6825e996f41afc4e6d1164ad45634"),
            (4, "goodbye!!", 6, "000000106083bced84615cbe6b5529adf33b18b0f5698c4ad6fb503db91fccaa593e"
                + "0ab6f650057e542099e7c1d779118b0ff7953cb1cdeddade404ee917339473a97bce0e4e79d97f37df77b2"
                + "8662024862d565"),
        ])
    }

    /// Sends the packets in order and compares the wire bytes; the same instance (same keys
    /// both ways) then reads them back.
    private func checkKnownAnswers(_ protection: NIOSSHTransportProtection,
                                   _ packets: [(seq: UInt32, payload: String, padding: Int, wire: String)]) throws {
        var wires: [ByteBuffer] = []
        for p in packets {
            var buffer = Self.packet(Array(p.payload.utf8), padding: p.padding)
            try protection.encryptPacket(&buffer, sequenceNumber: p.seq)
            XCTAssertEqual(Self.hex(buffer), p.wire, "packet \(p.seq)")
            wires.append(buffer)
        }
        for (p, wire) in zip(packets, wires) {
            let payload = try Self.open(wire, with: protection, sequenceNumber: p.seq)
            XCTAssertEqual(String(buffer: payload), p.payload)
        }
    }

    // MARK: - 3. A changed byte, and packets that are authentic but malformed

    func testAChangedByteInCiphertextOrMACIsRefused() throws {
        for scheme in TransportSchemes.ctr + TransportSchemes.ctrSHA512 {
            let name = "\(scheme.cipherName) \(scheme.macName ?? "")"
            let keys = Self.keys(scheme)
            var wire = Self.packet(Array("a packet to tamper with, 3 blocks".utf8), for: scheme)
            try scheme.init(initialKeys: keys).encryptPacket(&wire, sequenceNumber: 42)
            let packetEnd = wire.readableBytes - scheme.keySizes.macKeySize

            XCTAssertNoThrow(try Self.open(wire, with: scheme.init(initialKeys: keys), sequenceNumber: 42), name)
            for index in [20, packetEnd - 1, packetEnd, wire.readableBytes - 1] {  // ciphertext, ciphertext, MAC, MAC
                var changed = wire
                changed.setInteger(changed.getInteger(at: index, as: UInt8.self)! ^ 0x01, at: index)
                XCTAssertThrowsError(try Self.open(changed, with: scheme.init(initialKeys: keys), sequenceNumber: 42),
                                     "\(name): byte \(index)") { error in
                    XCTAssertEqual(error as? CTRTransportError, .authenticationFailure, name)
                }
            }
            XCTAssertThrowsError(try Self.open(wire, with: scheme.init(initialKeys: keys), sequenceNumber: 43),
                                 "\(name): another sequence number") { error in
                XCTAssertEqual(error as? CTRTransportError, .authenticationFailure, name)
            }
        }
    }

    func testAuthenticButMalformedPacketsAreRefused() throws {
        for scheme in [AES128CTRHMACSHA256.self, AES128CTRHMACSHA256ETM.self] as [Scheme] {
            let keys = Self.keys(scheme)
            func refuses(_ packet: ByteBuffer, _ expected: CTRTransportError, _ line: UInt = #line) {
                var wire = packet
                XCTAssertThrowsError(try {
                    try scheme.init(initialKeys: keys).encryptPacket(&wire, sequenceNumber: 1)
                    _ = try Self.open(wire, with: scheme.init(initialKeys: keys), sequenceNumber: 1)
                }(), line: line) { XCTAssertEqual($0 as? CTRTransportError, expected, line: line) }
            }
            let etm = scheme.macName!.hasSuffix("etm@openssh.com")
            // Padding of 3 bytes, and a padding length reaching back past the payload.
            var short = Self.packet(Array("twelve bytes".utf8), padding: etm ? 3 : 15)
            short.setInteger(UInt8(3), at: 4)
            refuses(short, .insufficientPadding)
            var long = Self.packet(Array("payload".utf8), padding: etm ? 8 : 4)
            long.setInteger(UInt8(200), at: 4)
            refuses(long, .excessPadding)
            // Not a whole number of blocks: the sender refuses, and so does the receiver (given
            // `length || 9 bytes || MAC` as the parser would slice it).
            refuses(Self.packet(Array("odd".utf8), padding: 5), .invalidEncryptedPacketLength)
            var odd = Self.packet(Array("odd".utf8), padding: 5)
            odd.writeBytes([UInt8](repeating: 0, count: scheme.keySizes.macKeySize))
            XCTAssertThrowsError(try scheme.init(initialKeys: keys).decryptAndVerifyRemainingPacket(&odd, sequenceNumber: 1)) {
                XCTAssertEqual($0 as? CTRTransportError, .invalidEncryptedPacketLength)
            }
        }
    }

    func testWrongKeySizesAreRefused() {
        let keys = Self.keys(AES256CTRHMACSHA512.self)
        XCTAssertThrowsError(try AES128CTRHMACSHA512(initialKeys: keys)) {
            XCTAssertEqual($0 as? CTRTransportError, .invalidKeySize)
        }
    }

    // MARK: - Helpers

    static func bytes(_ count: Int, seed: UInt8) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) &+ seed }
    }

    /// packet_length || padding_length || payload || padding (0xA0, 0xA1, …), as NIOSSH lays it.
    static func packet(_ payload: [UInt8], padding: Int) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: 64)
        buffer.writeInteger(UInt32(1 + payload.count + padding))
        buffer.writeInteger(UInt8(padding))
        buffer.writeBytes(payload)
        buffer.writeBytes((0..<padding).map { 0xA0 &+ UInt8($0) })
        return buffer
    }

    /// Padded as NIOSSH pads: to whole blocks, counting the length field only where it is
    /// encrypted, with 4 to 19 bytes.
    static func packet(_ payload: [UInt8], for scheme: NIOSSHTransportProtection.Type) -> ByteBuffer {
        let covered = (scheme.macName!.hasSuffix("-etm@openssh.com") ? 1 : 5) + payload.count
        var padding = 16 - covered % 16
        if padding < 4 { padding += 16 }
        return packet(payload, padding: padding)
    }

    /// Reads one packet as NIOSSH's parser does: first block, length, then the rest.
    static func open(_ wire: ByteBuffer, with protection: NIOSSHTransportProtection,
                     sequenceNumber: UInt32) throws -> ByteBuffer {
        var buffer = wire
        try protection.decryptFirstBlock(&buffer)
        let length = Int(buffer.getInteger(at: buffer.readerIndex, as: UInt32.self)!)
        guard var packet = buffer.readSlice(length: 4 + length + protection.macBytes) else {
            throw CTRTransportError.invalidEncryptedPacketLength
        }
        let payload = try protection.decryptAndVerifyRemainingPacket(&packet, sequenceNumber: sequenceNumber)
        XCTAssertEqual(packet.readableBytes, 0, "the whole packet is consumed")
        return payload
    }

    /// The same keys and IV both ways, so one instance can read what it wrote.
    static func keys(encryption: [UInt8], mac: [UInt8], iv: [UInt8]) -> NIOSSHSessionKeys {
        NIOSSHSessionKeys(initialInboundIV: iv, initialOutboundIV: iv,
                          inboundEncryptionKey: SymmetricKey(data: encryption), outboundEncryptionKey: SymmetricKey(data: encryption),
                          inboundMACKey: SymmetricKey(data: mac), outboundMACKey: SymmetricKey(data: mac))
    }

    static func keys(_ scheme: NIOSSHTransportProtection.Type) -> NIOSSHSessionKeys {
        let sizes = scheme.keySizes
        return keys(encryption: bytes(sizes.encryptionKeySize, seed: 1), mac: bytes(sizes.macKeySize, seed: 2),
                    iv: bytes(sizes.ivSize, seed: 3))
    }

    static func hex(_ buffer: ByteBuffer) -> String {
        buffer.readableBytesView.map { String(format: "%02x", $0) }.joined()
    }
}

/// A NIOSSH client and server on two EmbeddedChannels wired back to back, both offering only
/// `scheme`; the server echoes what a session channel sends it.
final class ConnectedPair {
    let loop = EmbeddedEventLoop()
    let client: EmbeddedChannel
    let server: EmbeddedChannel
    let collector = Collector()
    var session: Channel!
    private(set) var largestClientWrite = 0
    var echoed: ByteBuffer { collector.received }

    init(scheme: TransportSchemeTests.Scheme) throws {
        client = EmbeddedChannel(loop: loop)
        server = EmbeddedChannel(loop: loop)
        let clientConfig = SSHClientConfiguration(userAuthDelegate: Password(), serverAuthDelegate: AnyHostKey(),
                                                  transportProtectionSchemes: [scheme])
        let serverConfig = SSHServerConfiguration(hostKeys: [.init(ed25519Key: .init())], userAuthDelegate: CodeCheck(),
                                                  globalRequestDelegate: nil, banner: nil, transportProtectionSchemes: [scheme])
        try client.pipeline.syncOperations.addHandler(
            NIOSSHHandler(role: .client(clientConfig), allocator: client.allocator, inboundChildChannelInitializer: nil))
        try server.pipeline.syncOperations.addHandler(
            NIOSSHHandler(role: .server(serverConfig), allocator: server.allocator) { child, _ in
                child.eventLoop.makeCompletedFuture { try child.pipeline.syncOperations.addHandler(Echo()) }
            })
        try client.connect(to: .init(unixDomainSocketPath: "/fake")).wait()
        try server.connect(to: .init(unixDomainSocketPath: "/fake")).wait()
        try interact()  // version, key exchange, NEWKEYS, password

        try client.pipeline.syncOperations.handler(type: NIOSSHHandler.self).createChannel { [self] channel, _ in
            session = channel
            return channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector) }
        }
        try interact()
        guard session != nil else { throw ChannelError.inappropriateOperationForState }
    }

    /// Writes each chunk as its own channel data, lets both sides talk until quiet, and
    /// returns all that was sent.
    func send(_ chunks: [[UInt8]]) throws -> [UInt8] {
        for chunk in chunks {
            session.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(ByteBuffer(bytes: chunk))), promise: nil)
            try interact()
        }
        return chunks.flatMap { $0 }
    }

    func interact() throws {
        var moved = true
        while moved {
            moved = false
            loop.run()
            if let data = try client.readOutbound(as: IOData.self) {
                if case .byteBuffer(let buffer) = data { largestClientWrite = max(largestClientWrite, buffer.readableBytes) }
                try server.writeInbound(data)
                moved = true
            }
            if let data = try server.readOutbound(as: IOData.self) {
                try client.writeInbound(data)
                moved = true
            }
        }
    }

    func finish() {
        _ = try? client.finish(acceptAlreadyClosed: true)
        _ = try? server.finish(acceptAlreadyClosed: true)
        try? loop.syncShutdownGracefully()
    }

    final class Collector: ChannelInboundHandler {
        typealias InboundIn = SSHChannelData
        var received = ByteBuffer()
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case .byteBuffer(var bytes) = unwrapInboundIn(data).data { received.writeBuffer(&bytes) }
        }
    }

    final class Echo: ChannelInboundHandler {
        typealias InboundIn = SSHChannelData
        typealias OutboundOut = SSHChannelData
        func channelRead(context: ChannelHandlerContext, data: NIOAny) { context.write(data, promise: nil) }
        func channelReadComplete(context: ChannelHandlerContext) { context.flush() }
    }

    final class Password: NIOSSHClientUserAuthenticationDelegate {
        var offered = false
        func nextAuthenticationType(availableMethods: NIOSSHAvailableUserAuthenticationMethods,
                                    nextChallengePromise: EventLoopPromise<NIOSSHUserAuthenticationOffer?>) {
            guard !offered, availableMethods.contains(.password) else { return nextChallengePromise.succeed(nil) }
            offered = true
            nextChallengePromise.succeed(.init(username: "gruppe1", serviceName: "", offer: .password(.init(password: "kode"))))
        }
    }

    final class CodeCheck: NIOSSHServerUserAuthenticationDelegate {
        var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }
        func requestReceived(request: NIOSSHUserAuthenticationRequest,
                             responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
            guard case .password(let password) = request.request else { return responsePromise.succeed(.failure) }
            responsePromise.succeed(password.password == "kode" ? .success : .failure)
        }
    }

    final class AnyHostKey: NIOSSHClientServerAuthenticationDelegate {
        func validateHostKey(hostKey: NIOSSHPublicKey, validationCompletePromise: EventLoopPromise<Void>) {
            validationCompletePromise.succeed(())
        }
    }
}
