import NIOCore
import NIOSSH
import TovholderCore

/// One client connection: where it comes from and, once logged in, who it is.
final class Connection: @unchecked Sendable {
    let address: String
    let port: Int
    var user = ""
    var login: SSHService.Login = .refused
    var failures = 0
    var channel: Channel?

    init(address: String, port: Int) { self.address = address; self.port = port }
}

/// Password authentication where the password is the group's code, and nothing else (no
/// keys: participants have none for this server, and a key would not name a group).
/// A wrong code is answered after a second, and a connection gets three tries.
final class CodeAuthenticator: NIOSSHServerUserAuthenticationDelegate {
    let connection: Connection
    let gatekeeper: Gatekeeper
    static let failureDelay = TimeAmount.milliseconds(1000)

    init(connection: Connection, gatekeeper: Gatekeeper) {
        self.connection = connection; self.gatekeeper = gatekeeper
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        guard case .password(let password) = request.request, connection.failures < AttemptLimiter.perConnection else {
            responsePromise.succeed(.failure)
            return
        }
        switch gatekeeper.check(user: request.username, code: password.password, address: connection.address) {
        case .accepted(let login):
            connection.user = request.username
            connection.login = login
            responsePromise.succeed(.success)
        case .wrongCode, .blocked:
            connection.failures += 1
            let tooMany = connection.failures >= AttemptLimiter.perConnection
            let channel = connection.channel
            responsePromise.futureResult.eventLoop.scheduleTask(in: Self.failureDelay) {
                responsePromise.succeed(.failure)
                if tooMany { channel?.close(promise: nil) }
            }
        }
    }
}
