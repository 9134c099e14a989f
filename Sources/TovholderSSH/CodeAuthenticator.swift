import NIOCore
import NIOPosix
import NIOSSH
import TovholderCore

/// One client connection: where it comes from and, once logged in, who it is. Touched on its
/// channel's event loop only (serve has one), which is what makes the `@unchecked` true.
final class Connection: @unchecked Sendable {
    let address: String
    let port: Int
    var user = ""
    var login: SSHService.Login = .refused
    var failures = 0
    var channel: Channel?
    /// Logged in: from here on the connection no longer counts against the limits.
    var isLoggedIn = false
    /// Why it failed before login, once told (so a close after it is not told again).
    var failure: ConnectionFailure?
    /// Session channels opened: one per login.
    var sessions = 0

    init(address: String, port: Int) { self.address = address; self.port = port }
}

/// Password authentication where the password is the group's code, and nothing else (no
/// keys: participants have none for this server, and a key would not name a group).
/// The check reads the session file, so it runs on serve's thread pool, never on the event
/// loop. A wrong code is answered after a second, and a connection gets three tries.
final class CodeAuthenticator: NIOSSHServerUserAuthenticationDelegate {
    let connection: Connection
    let gatekeeper: Gatekeeper
    let pool: NIOThreadPool
    let loggedIn: (Connection) -> Void
    static let failureDelay = TimeAmount.milliseconds(1000)

    init(connection: Connection, gatekeeper: Gatekeeper, pool: NIOThreadPool, loggedIn: @escaping (Connection) -> Void) {
        self.connection = connection; self.gatekeeper = gatekeeper; self.pool = pool; self.loggedIn = loggedIn
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        let loop = responsePromise.futureResult.eventLoop
        loop.preconditionInEventLoop()
        guard case .password(let password) = request.request, connection.failures < AttemptLimiter.perConnection else {
            responsePromise.succeed(.failure)
            return
        }
        let (gatekeeper, address, user) = (self.gatekeeper, connection.address, request.username)
        pool.runIfActive(eventLoop: loop) {
            gatekeeper.check(user: user, code: password.password, address: address)
        }.whenComplete { [self] result in
            switch result {
            case .success(.accepted(let login)):
                connection.user = user
                connection.login = login
                connection.isLoggedIn = true
                loggedIn(connection)
                responsePromise.succeed(.success)
            case .success(.wrongCode), .success(.blocked), .failure:
                connection.failures += 1
                let tooMany = connection.failures >= AttemptLimiter.perConnection
                let channel = connection.channel
                loop.scheduleTask(in: Self.failureDelay) {
                    responsePromise.succeed(.failure)
                    if tooMany { channel?.close(promise: nil) }
                }
            }
        }
    }
}
