import NIOCore
import NIOSSH
import TovholderCore

/// swift-nio-ssh 0.15.1 reads a channel request it does not know (`x11-req`, `break`, …) as
/// its type and want-reply flag only, then finds bytes left over and drops the whole
/// connection: `ssh -X`, or `ForwardX11 yes` in a user's config, could not join. Every
/// decrypted packet passes here first (FilteredTransport): such a request is rewritten as a
/// `subsystem` request named `tovholder-refused/TYPE` with the same flag, which the
/// participant's channel refuses — the client hears "failed" and the session goes on.
enum RequestFilter {
    static let refusedPrefix = "tovholder-refused/"

    /// The request types swift-nio-ssh parses in full.
    static let understood: Set<String> = ["exec", "exit-status", "env", "exit-signal", "pty-req", "shell",
                                          "subsystem", "window-change", "xon-xoff", "signal"]
    static let channelRequest: UInt8 = 98

    static func filter(_ payload: ByteBuffer) -> ByteBuffer {
        var reader = payload
        guard reader.readInteger(as: UInt8.self) == channelRequest,
              let recipient = reader.readInteger(as: UInt32.self),
              let length = reader.readInteger(as: UInt32.self), length <= 64,
              let type = reader.readString(length: Int(length)),
              let wantReply = reader.readInteger(as: UInt8.self),
              !understood.contains(type) else { return payload }
        let name = refusedPrefix + String(type.unicodeScalars.filter { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }.prefix(40).map(Character.init))
        var out = ByteBufferAllocator().buffer(capacity: 32 + name.utf8.count)
        out.writeInteger(channelRequest)
        out.writeInteger(recipient)
        out.writeInteger(UInt32(9)); out.writeString("subsystem")
        out.writeInteger(wantReply)
        out.writeInteger(UInt32(name.utf8.count)); out.writeString(name)
        return out
    }

    /// "X11-videresendelse" for the log line "anna fra … bad om X11-videresendelse: afvist";
    /// nil for a client's own small requests (PuTTY's `simple@…`, keep-alives), refused quietly.
    static func describe(_ subsystem: String) -> Localized? {
        switch String(subsystem.dropFirst(refusedPrefix.count)) {
        case "x11-req": return Localized(da: "X11-videresendelse", en: "X11 forwarding")
        case "auth-agent-req@openssh.com", "auth-agent-req": return Localized(da: "agent-videresendelse", en: "agent forwarding")
        default: return nil
        }
    }
}

/// A transport protection scheme whose decrypted packets pass RequestFilter first.
final class FilteredTransport<Base: NIOSSHTransportProtection>: NIOSSHTransportProtection, _NIOSSHSendableMetatype {
    static var cipherName: String { Base.cipherName }
    static var macName: String? { Base.macName }
    static var cipherBlockSize: Int { Base.cipherBlockSize }
    static var keySizes: ExpectedKeySizes { Base.keySizes }

    private let base: Base
    var macBytes: Int { base.macBytes }
    var lengthEncrypted: Bool { base.lengthEncrypted }

    init(initialKeys: NIOSSHSessionKeys) throws { base = try Base(initialKeys: initialKeys) }
    func updateKeys(_ newKeys: NIOSSHSessionKeys) throws { try base.updateKeys(newKeys) }
    func decryptFirstBlock(_ source: inout ByteBuffer) throws { try base.decryptFirstBlock(&source) }
    func decryptAndVerifyRemainingPacket(_ source: inout ByteBuffer, sequenceNumber: UInt32) throws -> ByteBuffer {
        RequestFilter.filter(try base.decryptAndVerifyRemainingPacket(&source, sequenceNumber: sequenceNumber))
    }
    func encryptPacket(_ destination: inout ByteBuffer, sequenceNumber: UInt32) throws {
        try base.encryptPacket(&destination, sequenceNumber: sequenceNumber)
    }
}
