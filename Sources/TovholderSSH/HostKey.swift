import Crypto
import Foundation
import NIOSSH
import TovholderCore

/// The server's Ed25519 host key, made on the first `serve` and kept beside the session
/// (`dag.tovholder-hostkey`, owner-only, like sshd's), so participants' `ssh` knows the
/// server again the next day. Its public half is written as `…-hostkey.pub` in OpenSSH's
/// format, which `ssh-keygen -lf` reads to check the fingerprint shown.
public struct HostKey {
    public let privateKey: NIOSSHPrivateKey
    /// "SHA256:…", as `ssh` prints it when it first meets the server.
    public let fingerprint: String
    /// "ssh-ed25519 AAAA…"
    public let openSSHPublicKey: String

    static let header = "tovholder ed25519 host key v1"

    public static func path(forSession session: String) -> String { session + "-hostkey" }

    /// The 32 bytes the key file holds.
    let rawKey: Data

    init(_ key: Curve25519.Signing.PrivateKey) {
        rawKey = key.rawRepresentation
        privateKey = NIOSSHPrivateKey(ed25519Key: key)
        openSSHPublicKey = String(openSSHPublicKey: privateKey.publicKey)
        let blob = Data(base64Encoded: String(openSSHPublicKey.split(separator: " ")[1])) ?? Data()
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        fingerprint = "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// Reads the key beside the session, or makes one if there is none. A key others can
    /// read, or a file that is no key, is refused and left as it is.
    public static func loadOrCreate(forSession session: String) throws -> HostKey {
        let path = path(forSession: session)
        var st = stat()
        if lstat(path, &st) != 0 { return try create(at: path) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw ServeError.hostKey(path, ServeError.notAFile) }
        guard st.st_mode & 0o077 == 0 else {
            throw ServeError.hostKey(path, ServeError.tooOpen(String(st.st_mode & 0o777, radix: 8)))
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ServeError.hostKey(path, ServeError.unreadable)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == header else { throw ServeError.hostKey(path, ServeError.line(1)) }
        guard lines.count >= 2, let raw = Data(base64Encoded: String(lines[1])), raw.count == 32,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw ServeError.hostKey(path, ServeError.line(2))
        }
        return HostKey(key)
    }

    static func create(at path: String) throws -> HostKey {
        let key = HostKey(Curve25519.Signing.PrivateKey())
        let text = header + "\n" + key.rawKey.base64EncodedString() + "\n"
        try writeNew(path, text, mode: 0o600)
        // The public half may be read by anyone (it is what clients are shown).
        try? FileManager.default.removeItem(atPath: path + ".pub")
        try? writeNew(path + ".pub", key.openSSHPublicKey + " tovholder\n", mode: 0o644)
        return key
    }

    /// Created with exactly `mode` from the first byte (no moment with the umask's mode).
    private static func writeNew(_ path: String, _ text: String, mode: mode_t) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else { throw ServeError.hostKey(path, ServeError.cannotWrite(String(cString: strerror(errno)))) }
        defer { close(fd) }
        fchmod(fd, mode)
        let bytes = Array(text.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
            throw ServeError.hostKey(path, ServeError.cannotWrite(String(cString: strerror(errno))))
        }
    }
}
