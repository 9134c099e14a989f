import Crypto
import Foundation
import NIOCore
import NIOSSH

/// AES-GCM as OpenSSH does it (`aes128-gcm@openssh.com`, `aes256-gcm@openssh.com`, RFC 5647
/// with the MAC negotiation ignored): the length in clear as authenticated data, the rest
/// sealed, a 12-byte nonce whose last 8 bytes count packets. swift-nio-ssh has the same, but
/// internal: serve needs its own so every scheme passes RequestFilter (FilteredTransport).
class GCMTransportProtection {
    class var cipherName: String { fatalError("subclass") }
    class var keySizes: ExpectedKeySizes { fatalError("subclass") }

    private var outboundKey: SymmetricKey
    private var inboundKey: SymmetricKey
    private var outboundNonce: [UInt8]
    private var inboundNonce: [UInt8]

    required init(initialKeys: NIOSSHSessionKeys) throws {
        (outboundKey, inboundKey, outboundNonce, inboundNonce) = try Self.keys(initialKeys)
    }

    private static func keys(_ k: NIOSSHSessionKeys) throws -> (SymmetricKey, SymmetricKey, [UInt8], [UInt8]) {
        guard k.outboundEncryptionKey.bitCount == keySizes.encryptionKeySize * 8,
              k.inboundEncryptionKey.bitCount == keySizes.encryptionKeySize * 8 else { throw TransportError.keySize }
        guard k.initialOutboundIV.count == 12, k.initialInboundIV.count == 12 else { throw TransportError.keySize }
        return (k.outboundEncryptionKey, k.inboundEncryptionKey, k.initialOutboundIV, k.initialInboundIV)
    }

    /// The invocation counter: the last 8 bytes, big-endian, wrapping.
    static func increment(_ nonce: inout [UInt8]) {
        for i in stride(from: 11, through: 4, by: -1) {
            nonce[i] &+= 1
            if nonce[i] != 0 { break }
        }
    }
}

extension GCMTransportProtection: NIOSSHTransportProtection {
    static var macName: String? { nil }
    static var cipherBlockSize: Int { 16 }
    var macBytes: Int { 16 }
    var lengthEncrypted: Bool { false }

    func updateKeys(_ newKeys: NIOSSHSessionKeys) throws {
        (outboundKey, inboundKey, outboundNonce, inboundNonce) = try Self.keys(newKeys)
    }

    func decryptFirstBlock(_ source: inout ByteBuffer) throws {}  // the length is in clear

    func decryptAndVerifyRemainingPacket(_ source: inout ByteBuffer, sequenceNumber: UInt32) throws -> ByteBuffer {
        guard let length = source.readBytes(length: 4), source.readableBytes > 16,
              (source.readableBytes - 16) % 16 == 0,
              let ciphertext = source.readBytes(length: source.readableBytes - 16),
              let tag = source.readBytes(length: 16) else { throw TransportError.packetLength }
        let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: inboundNonce), ciphertext: ciphertext, tag: tag)
        let plain = try AES.GCM.open(box, using: inboundKey, authenticating: length)
        Self.increment(&inboundNonce)
        return try Packet.payload(of: Array(plain))
    }

    func encryptPacket(_ destination: inout ByteBuffer, sequenceNumber: UInt32) throws {
        let start = destination.readerIndex
        guard let length = destination.getBytes(at: start, length: 4),
              let plain = destination.getBytes(at: start + 4, length: destination.readableBytes - 4) else {
            throw TransportError.packetLength
        }
        let box = try AES.GCM.seal(plain, using: outboundKey, nonce: AES.GCM.Nonce(data: outboundNonce), authenticating: length)
        destination.setContiguousBytes(box.ciphertext, at: start + 4)
        destination.writeContiguousBytes(box.tag)
        Self.increment(&outboundNonce)
    }
}

final class AES128GCMTransport: GCMTransportProtection {
    override class var cipherName: String { "aes128-gcm@openssh.com" }
    override class var keySizes: ExpectedKeySizes { .init(ivSize: 12, encryptionKeySize: 16, macKeySize: 16) }
}

final class AES256GCMTransport: GCMTransportProtection {
    override class var cipherName: String { "aes256-gcm@openssh.com" }
    override class var keySizes: ExpectedKeySizes { .init(ivSize: 12, encryptionKeySize: 32, macKeySize: 16) }
}

/// What a decrypted packet holds: padding length, payload, padding.
enum Packet {
    /// The payload of `padding_length || payload || padding`, checked as RFC 4253 § 6 asks.
    static func payload(of plain: [UInt8]) throws -> ByteBuffer {
        guard let padding = plain.first.map(Int.init), padding >= 4, padding < plain.count else {
            throw TransportError.padding
        }
        return ByteBuffer(bytes: plain[1..<(plain.count - padding)])
    }
}

enum TransportError: Error {
    case keySize, packetLength, padding, mac
}
