import Foundation
import NIOConcurrencyHelpers
import TovholderCore

/// Decides every login: reads the groups' codes from the session file (the facilitator may
/// have renewed them a moment ago), limits guessing per address, and logs each attempt —
/// time, address, user, result — to `…-ssh.log` beside the session.
///
/// `@unchecked Sendable`: checks run on serve's thread pool, several at once; the one
/// mutable part, `limiter`, is only touched under `lock`.
final class Gatekeeper: @unchecked Sendable {
    let store: SessionStore
    let log: ServeLog
    private let lock = NIOLock()
    private var limiter = AttemptLimiter()

    init(store: SessionStore, log: ServeLog) {
        self.store = store; self.log = log
    }

    enum Verdict: Equatable {
        case accepted(SSHService.Login)
        case wrongCode
        case blocked
    }

    func check(user: String, code: String, address: String, now: Double = Date().timeIntervalSince1970) -> Verdict {
        let verdict: Verdict = lock.withLock {
            if limiter.isBlocked(address, now: now) { return .blocked }
            let login = (try? store.service())?.login(user: user, code: code) ?? .refused
            if login == .refused {
                limiter.recordFailure(address, now: now)
                return .wrongCode
            }
            return .accepted(login)
        }
        log.attempt(address: address, user: user, verdict: verdict)
        return verdict
    }
}
