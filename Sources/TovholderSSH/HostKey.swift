import Crypto
import Foundation
import NIOSSH
import TovholderCore

/// The server's Ed25519 host key. One per facilitator, not per session: it lives in the
/// user's configuration folder (`$XDG_CONFIG_HOME/tovholder/hostkey`, else
/// `~/.config/tovholder/hostkey`, owner-only like sshd's), so day 2, day 3 and a rehearsal
/// are the same server to every laptop that joined day 1. A session from an older Tovholder
/// that has its own `FILE-hostkey` keeps it. The public half is kept beside it as `….pub` in
/// OpenSSH's format, which `ssh-keygen -lf` reads to check the fingerprint shown.
public struct HostKey {
    public let privateKey: NIOSSHPrivateKey
    /// "SHA256:…", as `ssh` prints it when it first meets the server.
    public let fingerprint: String
    /// "ssh-ed25519 AAAA…"
    public let openSSHPublicKey: String

    static let header = "tovholder ed25519 host key v1"

    /// Where an older Tovholder kept the key: beside the session.
    public static func legacyPath(forSession session: String) -> String { session + "-hostkey" }

    /// The facilitator's own key: `$XDG_CONFIG_HOME/tovholder/hostkey` or `~/.config/…`.
    public static func sharedPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/tovholder/hostkey" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/tovholder/hostkey"
    }

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

    /// The key serve uses and what to say about it: `--host-key PATH` if given, else the
    /// session's own older key if it has one, else the facilitator's shared key.
    public static func forServing(session: String, chosen: String?,
                                  environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> (key: HostKey, path: String, notes: [Localized]) {
        var notes: [Localized] = []
        let path: String
        if let chosen {
            path = chosen
        } else if access(legacyPath(forSession: session), F_OK) == 0 {
            path = legacyPath(forSession: session)
            notes.append(Localized(
                da: "Denne session har sin egen nøgle (\(path)) fra en ældre Tovholder; den bruges stadig.",
                en: "This session has its own key (\(path)) from an older Tovholder; it is still used."))
        } else {
            path = sharedPath(environment: environment)
            try makeFolder(for: path)
        }
        let key = try loadOrCreate(at: path)
        if let note = try keepPublicHalf(key, at: path + ".pub") { notes.append(note) }
        return (key, path, notes)
    }

    /// Reads the key at `path`, or makes one if there is none. A key others can read, or a
    /// file that is no key, is refused and left as it is.
    public static func loadOrCreate(at path: String) throws -> HostKey {
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
        try writeNew(path, header + "\n" + key.rawKey.base64EncodedString() + "\n", mode: 0o600)
        return key
    }

    /// The public half beside the key, made again when missing and corrected when it is not
    /// this key's (else `ssh-keygen -lf` would show another fingerprint than serve). Returns
    /// a line to say when it had to be corrected. Anyone may read it: clients are shown it.
    static func keepPublicHalf(_ key: HostKey, at path: String) throws -> Localized? {
        let wanted = key.openSSHPublicKey + " tovholder\n"
        var st = stat()
        let exists = lstat(path, &st) == 0
        if exists, (st.st_mode & S_IFMT) == S_IFREG,
           let text = try? String(contentsOfFile: path, encoding: .utf8),
           text.split(separator: " ").prefix(2) == wanted.split(separator: " ").prefix(2) {
            return nil
        }
        if exists { unlink(path) }
        try writeNew(path, wanted, mode: 0o644)
        return exists
            ? Localized(da: "Den offentlige nøgle \(path) passede ikke til serverens nøgle: rettet.",
                        en: "The public key \(path) did not match the server's key: corrected.")
            : nil
    }

    /// `~/.config/tovholder`, owner-only, made when missing.
    private static func makeFolder(for path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ServeError.hostKey(path, ServeError.cannotWrite(String(describing: error)))
        }
    }

    /// Created with exactly `mode` from the first byte (no moment with the umask's mode).
    private static func writeNew(_ path: String, _ text: String, mode: mode_t) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw ServeError.hostKey(path, ServeError.cannotWrite(String(cString: strerror(errno)))) }
        defer { close(fd) }
        fchmod(fd, mode)
        let bytes = Array(text.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
            throw ServeError.hostKey(path, ServeError.cannotWrite(String(cString: strerror(errno))))
        }
    }
}
