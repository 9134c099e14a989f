import Foundation
import NIOConcurrencyHelpers
import TovholderCore

/// What serve tells: login attempts to `…-ssh.log` beside the session (owner-only, appended,
/// one tab-separated line each: time, address, user, result), and joins, leaves and refusals
/// on the facilitator's terminal. A user name is typed by whoever connects: control
/// characters in it are shown as visible symbols, never sent to a terminal or the file.
public final class ServeLog: @unchecked Sendable {
    public static func path(forSession session: String) -> String { session + "-ssh.log" }

    let lang: Language
    private let fd: Int32
    private let lock = NIOLock()
    private let echo: Bool

    public init(session: String, lang: Language, echo: Bool = true) throws {
        let path = Self.path(forSession: session)
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ServeError(message: Localized(da: "Logfilen \(path) kan ikke skrives: \(String(cString: strerror(errno)))",
                                                en: "The log \(path) cannot be written: \(String(cString: strerror(errno)))"))
        }
        self.lang = lang; self.echo = echo
    }

    deinit { close(fd) }

    static func shown(_ user: String) -> String {
        String(VisibleText.visible(user).prefix(40))
    }

    func attempt(address: String, user: String, verdict: Gatekeeper.Verdict) {
        let result: Localized
        switch verdict {
        case .accepted: result = Localized(da: "godkendt", en: "accepted")
        case .wrongCode: result = Localized(da: "forkert kode", en: "wrong code")
        case .blocked: result = Localized(da: "spærret (for mange forsøg)", en: "blocked (too many attempts)")
        }
        let time = ISO8601DateFormatter().string(from: Date())
        let line = "\(time)\t\(address)\t\(Self.shown(user).replacingOccurrences(of: "\t", with: " "))\t\(result.text(lang))\n"
        lock.withLock { _ = line.withCString { write(fd, $0, strlen($0)) } }
        // A login that worked is told when its view starts (ParticipantChannel).
        if case .accepted = verdict { return }
        say(Localized(da: "\(Self.shown(user)) fra \(address): \(result.da)", en: "\(Self.shown(user)) from \(address): \(result.en)"))
    }

    /// "anna fra 10.0.0.7 bad om videresendelse: afvist" on the facilitator's terminal.
    func refused(_ connection: Connection, asked what: Localized) {
        say(Localized(da: "\(Self.shown(connection.user)) fra \(connection.address) bad om \(what.da): afvist",
                      en: "\(Self.shown(connection.user)) from \(connection.address) asked for \(what.en): refused"))
    }

    static let forwarding = Localized(da: "videresendelse", en: "forwarding")

    /// A line on the facilitator's terminal, with the time.
    public func say(_ message: Localized) {
        guard echo else { return }
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        let line = "\(f.string(from: Date()))  \(message.text(lang))\n"
        lock.withLock { FileHandle.standardOutput.write(Data(line.utf8)) }
    }
}
