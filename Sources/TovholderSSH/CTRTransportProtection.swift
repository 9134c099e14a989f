import Crypto
import CryptoExtras
import Foundation
import NIOCore
import NIOSSH

/// The transport schemes `serve` offers: NIOSSH's AES-GCM first, then AES-CTR with
/// HMAC-SHA2 for clients that have no AES-GCM (dropbear, old PuTTY, old Windows OpenSSH).
/// The client's order decides what is used; this order only says what we would rather have.
enum TransportSchemes {
    typealias Scheme = (NIOSSHTransportProtection & _NIOSSHSendableMetatype).Type

    /// What serve offers, most preferred first, each behind RequestFilter: AES-GCM (what
    /// current OpenSSH and PuTTY pick), then AES-CTR with HMAC-SHA2 for dropbear, PuTTY before
    /// 0.76 and older Windows OpenSSH, which have no GCM.
    static let all: [Scheme] = [
        FilteredTransport<AES256GCMTransport>.self, FilteredTransport<AES128GCMTransport>.self,
        FilteredTransport<AES128CTRHMACSHA256ETM>.self, FilteredTransport<AES128CTRHMACSHA256>.self,
        FilteredTransport<AES256CTRHMACSHA256ETM>.self, FilteredTransport<AES256CTRHMACSHA256>.self,
    ]

    static let ctr: [Scheme] = [
        AES128CTRHMACSHA256ETM.self, AES128CTRHMACSHA256.self,
        AES256CTRHMACSHA256ETM.self, AES256CTRHMACSHA256.self,
    ]

    /// Working, but not offered: hmac-sha2-512 needs a 64-byte MAC key, and NIOSSH 0.15.1
    /// cuts each key to one hash of the key exchange (32 bytes after curve25519-sha256, 48
    /// after nistp384) instead of extending it as RFC 4253 §7.2 says. The key comes out too
    /// short, init refuses it and the connection ends (a debug build stops on an assertion in
    /// NIOSSH first). Clients with hmac-sha2-512 have hmac-sha2-256 too. Offer these once
    /// NIOSSH extends keys.
    static let ctrSHA512: [Scheme] = [
        AES128CTRHMACSHA512ETM.self, AES128CTRHMACSHA512.self,
        AES256CTRHMACSHA512ETM.self, AES256CTRHMACSHA512.self,
    ]
}

/// aes128-ctr / aes256-ctr (RFC 4344) with a separate HMAC-SHA2 (RFC 6668), in both packet
/// layouts:
/// - encrypt-and-MAC (RFC 4253 §6): the whole packet, length too, is encrypted; the MAC
///   covers `seq || plaintext packet`.
/// - encrypt-then-MAC (`…-etm@openssh.com`, OpenSSH PROTOCOL §1.5): the length stays in
///   clear; the MAC covers `seq || length || ciphertext` and is checked before decrypting.
///
/// NIOSSH negotiates cipher and MAC apart but takes one class per pair, so this base class
/// does the work and each subclass only names its pair.
class CTRTransportProtection {
    enum Cipher {
        case aes128, aes256
        var name: String { self == .aes128 ? "aes128-ctr" : "aes256-ctr" }
        var keyBytes: Int { self == .aes128 ? 16 : 32 }
    }

    enum MAC {
        case sha256, sha512, sha256ETM, sha512ETM
        var name: String {
            switch self {
            case .sha256: "hmac-sha2-256"
            case .sha512: "hmac-sha2-512"
            case .sha256ETM: "hmac-sha2-256-etm@openssh.com"
            case .sha512ETM: "hmac-sha2-512-etm@openssh.com"
            }
        }
        /// RFC 6668: the key is as long as the digest, and so is the MAC on the wire.
        var byteCount: Int { self == .sha256 || self == .sha256ETM ? 32 : 64 }
        var encryptThenMAC: Bool { self == .sha256ETM || self == .sha512ETM }
    }

    class var cipher: Cipher { fatalError("a subclass names its cipher") }
    class var mac: MAC { fatalError("a subclass names its MAC") }

    private var keys: NIOSSHSessionKeys
    /// One counter per direction, running on across packets until the next key exchange.
    private var inboundCounter: CTRCounter
    private var outboundCounter: CTRCounter

    required init(initialKeys: NIOSSHSessionKeys) throws {
        try Self.check(initialKeys)
        keys = initialKeys
        inboundCounter = CTRCounter(initialKeys.initialInboundIV)
        outboundCounter = CTRCounter(initialKeys.initialOutboundIV)
    }

    private static func check(_ keys: NIOSSHSessionKeys) throws {
        let sizes = keySizes
        guard keys.inboundEncryptionKey.bitCount == sizes.encryptionKeySize * 8,
              keys.outboundEncryptionKey.bitCount == sizes.encryptionKeySize * 8,
              keys.inboundMACKey.bitCount == sizes.macKeySize * 8,
              keys.outboundMACKey.bitCount == sizes.macKeySize * 8 else {
            throw CTRTransportError.invalidKeySize
        }
        guard keys.initialInboundIV.count == sizes.ivSize, keys.initialOutboundIV.count == sizes.ivSize else {
            throw CTRTransportError.invalidIVSize
        }
    }
}

extension CTRTransportProtection: NIOSSHTransportProtection {
    class var cipherName: String { cipher.name }
    class var macName: String? { mac.name }
    class var keySizes: ExpectedKeySizes {
        ExpectedKeySizes(ivSize: 16, encryptionKeySize: cipher.keyBytes, macKeySize: mac.byteCount)
    }
    static var cipherBlockSize: Int { 16 }

    var macBytes: Int { Self.mac.byteCount }
    var lengthEncrypted: Bool { !Self.mac.encryptThenMAC }

    func updateKeys(_ newKeys: NIOSSHSessionKeys) throws {
        try Self.check(newKeys)
        keys = newKeys
        inboundCounter = CTRCounter(newKeys.initialInboundIV)
        outboundCounter = CTRCounter(newKeys.initialOutboundIV)
    }

    /// Encrypt-and-MAC hides the length: decrypt the first block in place so the parser can
    /// read it. The rest of the packet then continues at the next counter value.
    func decryptFirstBlock(_ source: inout ByteBuffer) throws {
        guard lengthEncrypted else { return }
        try crypt(&source, at: source.readerIndex, count: Self.cipherBlockSize,
                  key: keys.inboundEncryptionKey, counter: &inboundCounter)
    }

    /// `source` is `length || rest of the packet || MAC`; for encrypt-and-MAC its first block
    /// is already plaintext (decryptFirstBlock).
    func decryptAndVerifyRemainingPacket(_ source: inout ByteBuffer, sequenceNumber: UInt32) throws -> ByteBuffer {
        let start = source.readerIndex
        let macStart = source.writerIndex - macBytes
        let encryptedStart = lengthEncrypted ? start : start + 4
        let encryptedCount = macStart - encryptedStart
        guard encryptedCount >= Self.cipherBlockSize, encryptedCount % Self.cipherBlockSize == 0 else {
            throw CTRTransportError.invalidEncryptedPacketLength
        }

        if lengthEncrypted {
            // This MAC covers the plaintext, so decrypting has to come first.
            let firstBlockDone = Self.cipherBlockSize
            try crypt(&source, at: start + firstBlockDone, count: encryptedCount - firstBlockDone,
                      key: keys.inboundEncryptionKey, counter: &inboundCounter)
            try verifyMAC(source, start: start, macStart: macStart, sequenceNumber: sequenceNumber)
        } else {
            // Nothing is decrypted before it is known to be authentic.
            try verifyMAC(source, start: start, macStart: macStart, sequenceNumber: sequenceNumber)
            try crypt(&source, at: encryptedStart, count: encryptedCount,
                      key: keys.inboundEncryptionKey, counter: &inboundCounter)
        }

        // padding_length || payload || padding, with at least 4 bytes of padding.
        let padding = Int(source.getInteger(at: start + 4, as: UInt8.self)!)
        guard padding >= 4 else { throw CTRTransportError.insufficientPadding }
        let payloadStart = start + 5
        let payloadCount = macStart - payloadStart - padding
        guard payloadCount >= 0 else { throw CTRTransportError.excessPadding }

        let payload = source.getSlice(at: payloadStart, length: payloadCount)!
        source.moveReaderIndex(to: source.writerIndex)
        return payload
    }

    /// `destination` holds exactly one packet, padded to the block size by NIOSSH.
    func encryptPacket(_ destination: inout ByteBuffer, sequenceNumber: UInt32) throws {
        let start = destination.readerIndex
        let end = destination.writerIndex
        let encryptedStart = lengthEncrypted ? start : start + 4
        guard (end - encryptedStart) % Self.cipherBlockSize == 0 else {
            throw CTRTransportError.invalidEncryptedPacketLength
        }
        let key = keys.outboundEncryptionKey
        let tag: [UInt8]
        if lengthEncrypted {
            tag = authenticationCode(destination, start: start, end: end, sequenceNumber: sequenceNumber, key: keys.outboundMACKey)
            try crypt(&destination, at: encryptedStart, count: end - encryptedStart, key: key, counter: &outboundCounter)
        } else {
            try crypt(&destination, at: encryptedStart, count: end - encryptedStart, key: key, counter: &outboundCounter)
            tag = authenticationCode(destination, start: start, end: end, sequenceNumber: sequenceNumber, key: keys.outboundMACKey)
        }
        destination.writeBytes(tag)
    }

    // MARK: - AES-CTR and HMAC over a part of a buffer

    /// En- or decrypts (the same thing in CTR) `count` bytes in place, from `counter` on.
    private func crypt(_ buffer: inout ByteBuffer, at index: Int, count: Int,
                       key: SymmetricKey, counter: inout CTRCounter) throws {
        let offset = index - buffer.readerIndex
        let nonce = try AES._CTR.Nonce(nonceBytes: counter.bytes)
        let output = try buffer.withUnsafeReadableBytes { bytes in
            try AES._CTR.encrypt(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), using: key, nonce: nonce)
        }
        buffer.setContiguousBytes(output, at: index)
        counter.advance(blocks: count / Self.cipherBlockSize)
    }

    private func authenticationCode(_ buffer: ByteBuffer, start: Int, end: Int,
                                    sequenceNumber: UInt32, key: SymmetricKey) -> [UInt8] {
        let offset = start - buffer.readerIndex
        return buffer.withUnsafeReadableBytes { bytes in
            let packet = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + end - start])
            switch Self.mac {
            case .sha256, .sha256ETM: return Array(Self.hmac(SHA256.self, key, sequenceNumber, packet))
            case .sha512, .sha512ETM: return Array(Self.hmac(SHA512.self, key, sequenceNumber, packet))
            }
        }
    }

    /// The MAC after `buffer[start..<macStart]` must be HMAC(key, seq || those bytes).
    private func verifyMAC(_ buffer: ByteBuffer, start: Int, macStart: Int, sequenceNumber: UInt32) throws {
        let offset = start - buffer.readerIndex
        let macOffset = macStart - buffer.readerIndex
        let key = keys.inboundMACKey
        let valid = buffer.withUnsafeReadableBytes { bytes in
            let packet = UnsafeRawBufferPointer(rebasing: bytes[offset..<macOffset])
            let received = UnsafeRawBufferPointer(rebasing: bytes[macOffset..<macOffset + macBytes])
            // swift-crypto's == between a MAC and bytes is its constant-time safeCompare (the
            // one isValidAuthenticationCode uses): a forger learns nothing from the timing.
            switch Self.mac {
            case .sha256, .sha256ETM: return Self.hmac(SHA256.self, key, sequenceNumber, packet) == received
            case .sha512, .sha512ETM: return Self.hmac(SHA512.self, key, sequenceNumber, packet) == received
            }
        }
        guard valid else { throw CTRTransportError.authenticationFailure }
    }

    private static func hmac<H: HashFunction>(_: H.Type, _ key: SymmetricKey, _ sequenceNumber: UInt32,
                                              _ packet: UnsafeRawBufferPointer) -> HashedAuthenticationCode<H> {
        var hmac = HMAC<H>(key: key)
        withUnsafeBytes(of: sequenceNumber.bigEndian) { hmac.update(data: $0) }
        hmac.update(data: packet)
        return hmac.finalize()
    }
}

/// SSH's CTR IV (RFC 4344 §4): a 128-bit big-endian counter that counts 16-byte blocks.
struct CTRCounter {
    private var high: UInt64
    private var low: UInt64

    init(_ iv: [UInt8]) {
        precondition(iv.count == 16)
        high = iv[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
        low = iv[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
    }

    var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    }

    /// Wraps at 2^128, as the block counter does.
    mutating func advance(blocks: Int) {
        let (sum, carry) = low.addingReportingOverflow(UInt64(blocks))
        low = sum
        if carry { high &+= 1 }
    }
}

/// NIOSSHError has no public initialiser, so the CTR schemes throw their own errors
/// (named after NIOSSHError's cases); NIOSSH closes the connection on any of them.
enum CTRTransportError: Error, Equatable {
    case invalidKeySize, invalidIVSize, invalidEncryptedPacketLength
    case insufficientPadding, excessPadding, authenticationFailure
}

// MARK: - The eight pairs

final class AES128CTRHMACSHA256ETM: CTRTransportProtection, _NIOSSHSendableMetatype {
    override class var cipher: Cipher { .aes128 }
    override class var mac: MAC { .sha256ETM }
}

final class AES128CTRHMACSHA512ETM: CTRTransportProtection, _NIOSSHSendableMetatype {
    override class var cipher: Cipher { .aes128 }
    override class var mac: MAC { .sha512ETM }
}

final class AES128CTRHMACSHA256: CTRTransportProtection, _NIOSSHSendableMetatype {
    override class var cipher: Cipher { .aes128 }
    override class var mac: MAC { .sha256 }
}

final class AES128CTRHMACSHA512: CTRTransportProtection, _NIOSSHSendableMetatype {
    override class var cipher: Cipher { .aes128 }
    override class var mac: MAC { .sha512 }
}

final class AES256CTRHMACSHA256ETM: CTRTransportProtection, _NIOSSHSendableMetatype {
    override class var cipher: Cipher { .aes256 }
    override class var mac: MAC { .sha256ETM }
}

final class AES256CTRHMACSHA512ETM: CTRTransportProtection, _NIOSSHSendableMetatype {
    override class var cipher: Cipher { .aes256 }
    override class var mac: MAC { .sha512ETM }
}

final class AES256CTRHMACSHA256: CTRTransportProtection, _NIOSSHSendableMetatype {
    override class var cipher: Cipher { .aes256 }
    override class var mac: MAC { .sha256 }
}

final class AES256CTRHMACSHA512: CTRTransportProtection, _NIOSSHSendableMetatype {
    override class var cipher: Cipher { .aes256 }
    override class var mac: MAC { .sha512 }
}
