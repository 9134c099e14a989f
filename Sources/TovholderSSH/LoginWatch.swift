import NIOCore
import NIOSSH
import TovholderCore

/// Watches a connection until it logs in: closes it when it has not logged in within the
/// time allowed, and tells the facilitator why a connection failed before login — no common
/// cipher, not SSH, closed during the handshake, too slow. Sits after NIOSSHHandler, whose
/// errors it sees (NIOSSHHandler does not pass `channelInactive` on: the close is watched
/// through the channel's close future); any error closes that connection only.
final class LoginWatch: ChannelInboundHandler {
    typealias InboundIn = Any

    let connection: Connection
    let timeout: TimeAmount
    /// Told once, on the event loop: a failure to tell, and that the connection is gone.
    let failed: (Connection, ConnectionFailure) -> Void
    let closed: (Connection) -> Void
    private var timer: Scheduled<Void>?

    init(connection: Connection, timeout: TimeAmount,
         failed: @escaping (Connection, ConnectionFailure) -> Void, closed: @escaping (Connection) -> Void) {
        self.connection = connection; self.timeout = timeout; self.failed = failed; self.closed = closed
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        let seconds = Int(timeout.nanoseconds / 1_000_000_000)
        timer = context.eventLoop.scheduleTask(in: timeout) { [self] in
            guard !connection.isLoggedIn else { return }
            fail(.timedOut(seconds: seconds))
            channel.close(promise: nil)
        }
        channel.closeFuture.whenComplete { [self] _ in ended() }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if !connection.isLoggedIn { fail(ConnectionFailure.classify(error) ?? .closedBeforeLogin) }
        context.close(promise: nil)
    }

    private func ended() {
        timer?.cancel()
        // A client that was refused its codes has been told (wrong code); any other is told here.
        if !connection.isLoggedIn && connection.failures == 0 { fail(.closedBeforeLogin) }
        closed(connection)
    }

    private func fail(_ failure: ConnectionFailure) {
        guard connection.failure == nil else { return }
        connection.failure = failure
        failed(connection, failure)
    }
}
