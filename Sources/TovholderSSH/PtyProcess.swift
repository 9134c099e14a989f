import CPty
import Foundation

/// A participant's view running in its own pseudo-terminal, as sshd runs a login: the child
/// is a session leader whose controlling terminal is the pty, so closing the master hangs
/// it up (SIGHUP), and the view saves, frees its fields and leaves.
final class PtyProcess {
    let pid: pid_t
    /// The master side: what the view writes is read here, what is written here it reads.
    let master: Int32

    /// Starts `arguments[0]` with exactly `environment`, in a pty of `columns`×`rows`.
    init(arguments: [String], environment: [String: String], columns: Int, rows: Int) throws {
        // Every C string is made before forking: nothing but exec may run in the child.
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var fd: Int32 = -1
        let child = tov_spawn_in_pty(arguments[0], argv, envp, Self.clamp(columns), Self.clamp(rows), &fd)
        guard child > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        pid = child
        master = fd
    }

    func resize(columns: Int, rows: Int) {
        _ = tov_set_window_size(master, Self.clamp(columns), Self.clamp(rows))
    }

    /// The hang-up a closed terminal gives: the view saves and quits.
    func hangUp() { kill(pid, SIGHUP) }

    /// Save and quit, the terminal still open (serve stops): it reads what remains first.
    func terminate() { kill(pid, SIGTERM) }

    func forceStop() { kill(pid, SIGKILL) }

    /// The exit code once it has ended (128 + signal when killed), else nil; reaps it.
    func reap() -> Int? {
        let code = tov_reap(pid)
        return code < 0 ? nil : Int(code)
    }

    /// A size the kernel takes (a client may send 0 or absurd numbers).
    private static func clamp(_ n: Int) -> UInt16 { UInt16(min(max(n, 1), 1000)) }
}
