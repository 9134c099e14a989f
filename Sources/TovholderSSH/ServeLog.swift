import Foundation
import TovholderCore

/// What serve tells: login attempts and failed connections to `…-ssh.log` beside the session
/// (owner-only, appended, one tab-separated line each: time, address, user, result), and
/// joins, leaves, refusals and failures on the facilitator's terminal; failures and "nobody
/// has reached me" also to the console's `t` through the session file (`notify`).
///
/// Everything here is typed by whoever connects: every control character (newline included)
/// is written as a visible symbol and a user name is cut at 64 scalars, so nobody can forge a
/// line, fill the disk or reach a terminal. The log is opened without following a symlink
/// and only when it is a regular file of the account running serve.
///
/// `@unchecked Sendable`: every write (file, terminal, session file) happens on `queue`, a
/// serial queue, so the event loop never waits for a disk and lines never interleave.
public final class ServeLog: @unchecked Sendable {
    public static func path(forSession session: String) -> String { session + "-ssh.log" }

    let lang: Language
    private let fd: Int32
    private let echo: Bool
    private let queue = DispatchQueue(label: "tovholder.serve.log")
    /// Sends a notice to the console (serve stores it in the session file); on `queue`.
    var notify: (@Sendable (ServeNotice) -> Void)?
    /// Takes back the console's notices of a kind; on `queue`, so never before they were sent.
    var withdraw: (@Sendable (ServeNotice.Kind) -> Void)?
    /// Attempts refused while an address was blocked, summarised once a minute; on `queue`.
    private var blocked: [String: (count: Int, first: Date, last: Date)] = [:]

    public init(session: String, lang: Language, echo: Bool = true) throws {
        let path = Self.path(forSession: session)
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        let problem = fd < 0 ? errno : 0
        var st = stat()
        guard fd >= 0, fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_uid == geteuid() else {
            if fd >= 0 { close(fd) }
            throw ServeError.log(path, problem == ELOOP || problem == 0 ? nil : String(cString: strerror(problem)))
        }
        _ = fcntl(fd, F_SETFL, O_WRONLY | O_APPEND)
        self.lang = lang; self.echo = echo
    }

    deinit { close(fd) }

    /// Waits until every line so far is written (serve stops; tests).
    public func flush() {
        queue.sync { summariseBlocked(all: true) }
    }

    /// A user name as logged and shown: visible symbols for controls, at most 64 scalars.
    static func shown(_ user: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: user.unicodeScalars.prefix(64))
        return visible(String(scalars))
    }

    /// Every control character as its visible symbol (␊ for a newline, ␉ for a tab).
    public static func visible(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if u.value == 0x0A || u.value == 0x09 { out.append(Unicode.Scalar(0x2400 + u.value)!) }
            else if VisibleText.needsReplacing(u) { out.append(contentsOf: VisibleText.replacement(u).unicodeScalars) }
            else { out.append(u) }
        }
        return String(out)
    }

    func attempt(address: String, user: String, verdict: Gatekeeper.Verdict) {
        let now = Date()
        queue.async { [self] in
            let result: Localized
            switch verdict {
            case .accepted: result = Localized(da: "godkendt", en: "accepted")
            case .wrongCode: result = Localized(da: "forkert kode", en: "wrong code")
            case .blocked:
                // The first refusal is told at once; the rest are counted and summarised.
                if var seen = blocked[address] {
                    seen.count += 1; seen.last = now; blocked[address] = seen
                    return
                }
                blocked[address] = (0, now, now)
                result = Localized(da: "spærret (for mange forsøg)", en: "blocked (too many attempts)")
            }
            writeLine(now, address, Self.shown(user), result.text(lang))
            // A login that worked is told when its view starts (ParticipantChannel).
            if case .accepted = verdict { return }
            echoLine(now, Localized(da: "\(Self.shown(user)) fra \(address): \(result.da)",
                                    en: "\(Self.shown(user)) from \(address): \(result.en)"))
        }
    }

    /// A connection that failed before login, and why, worded for the facilitator: the log,
    /// serve's window and the console's `t`.
    func failure(_ reason: Localized, address: String = "-", kind: ServeNotice.Kind = .failure) {
        let now = Date()
        queue.async { [self] in
            writeLine(now, address, "-", reason.text(lang))
            echoLine(now, reason)
            notify?(ServeNotice(at: now.timeIntervalSince1970, kind: kind, text: reason))
        }
    }

    /// What was told no longer holds: a line on the window, and the console's notices go.
    func withdraw(_ kind: ServeNotice.Kind, saying message: Localized) {
        let now = Date()
        queue.async { [self] in
            echoLine(now, message)
            withdraw?(kind)
        }
    }

    /// "anna fra 10.0.0.7 bad om videresendelse: afvist" on the facilitator's terminal.
    func refused(_ connection: Connection, asked what: Localized) {
        say(Localized(da: "\(Self.shown(connection.user)) fra \(connection.address) bad om \(what.da): afvist",
                      en: "\(Self.shown(connection.user)) from \(connection.address) asked for \(what.en): refused"))
    }

    static let forwarding = Localized(da: "videresendelse", en: "forwarding")

    /// A line on the facilitator's terminal, with the time.
    public func say(_ message: Localized) {
        let now = Date()
        queue.async { [self] in echoLine(now, message) }
    }

    /// Lines of text on the facilitator's terminal as they are (already made visible).
    public func show(_ lines: [String]) {
        queue.async { [self] in
            guard echo else { return }
            FileHandle.standardOutput.write(Data(lines.map { Self.visible($0) + "\n" }.joined().utf8))
        }
    }

    /// Once a minute (serve's tick): "10.0.0.9: 178 forsøg afvist mens spærret, 15.01–15.02".
    func tick() {
        queue.async { [self] in summariseBlocked(all: false) }
    }

    // MARK: on `queue`

    private func summariseBlocked(all: Bool) {
        let now = Date()
        for (address, seen) in blocked where all || now.timeIntervalSince(seen.last) >= 60 {
            blocked[address] = nil
            guard seen.count > 0 else { continue }
            let text = Localized(
                da: "\(address): \(seen.count) forsøg afvist mens spærret, \(Self.clock(seen.first, .da))–\(Self.clock(seen.last, .da))",
                en: "\(address): \(seen.count) attempts refused while blocked, \(Self.clock(seen.first, .en))–\(Self.clock(seen.last, .en))")
            writeLine(now, address, "-", text.text(lang))
            echoLine(now, text)
        }
    }

    private func writeLine(_ time: Date, _ address: String, _ user: String, _ result: String) {
        let stamp = ISO8601DateFormatter().string(from: time)
        let line = [stamp, Self.visible(address), user, Self.visible(result)].joined(separator: "\t") + "\n"
        _ = line.withCString { write(fd, $0, strlen($0)) }
    }

    private func echoLine(_ time: Date, _ message: Localized) {
        guard echo else { return }
        let line = "\(Self.clock(time, nil, seconds: true))  \(Self.visible(message.text(lang)))\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    /// 15.01 in Danish, 15:01 in English; with seconds, 15:01:07 (the window's own clock).
    static func clock(_ time: Date, _ lang: Language?, seconds: Bool = false) -> String {
        let f = DateFormatter()
        f.dateFormat = seconds ? "HH:mm:ss" : (lang == .da ? "HH.mm" : "HH:mm")
        return f.string(from: time)
    }
}
