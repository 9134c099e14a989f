import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import TovholderCore

/// `tovholder serve`: an SSH server whose every session is a group's view of the session
/// file, each in its own pty and process (PtyProcess). One event-loop thread serves all
/// connections; the views do the work.
public final class SSHServer: @unchecked Sendable {
    public struct Options: Sendable {
        public var session: String
        public var port: Int
        public var listen: String
        public var lang: Language
        public var theme: String?
        /// The program the views run (`tovholder join …`): this one.
        public var executable: String

        public init(session: String, port: Int, listen: String, lang: Language, theme: String?, executable: String) {
            self.session = session; self.port = port; self.listen = listen; self.lang = lang
            self.theme = theme; self.executable = executable
        }
    }

    public let options: Options
    let log: ServeLog
    private let gatekeeper: Gatekeeper
    private let hostKey: HostKey
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var listener: Channel?
    /// Open session channels; touched on the event loop only.
    private var sessions: [ObjectIdentifier: ParticipantChannel] = [:]

    public init(options: Options, store: SessionStore, hostKey: HostKey, log: ServeLog) {
        self.options = options; self.hostKey = hostKey; self.log = log
        gatekeeper = Gatekeeper(store: store, log: log)
    }

    /// Listens; returns the port (the one asked for, or the kernel's choice for 0).
    public func start() throws -> Int {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                let address = channel.remoteAddress
                let connection = Connection(address: address?.ipAddress ?? "?", port: address?.port ?? 0)
                connection.channel = channel
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        NIOSSHHandler(
                            // AES-GCM, and AES-CTR for clients without it (TransportSchemes).
                            role: .server(.init(hostKeys: [hostKey.privateKey],
                                                userAuthDelegate: CodeAuthenticator(connection: connection, gatekeeper: gatekeeper),
                                                globalRequestDelegate: RefuseForwarding(log: log, connection: connection),
                                                banner: nil, transportProtectionSchemes: TransportSchemes.all)),
                            allocator: channel.allocator,
                            inboundChildChannelInitializer: { child, type in self.initialize(child, type, connection) }),
                        CloseOnError(),
                    ])
                }
            }
        do {
            listener = try bootstrap.bind(host: options.listen, port: options.port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw ServeError.cannotListen(options.listen, options.port, Self.reason(error))
        }
        return listener?.localAddress?.port ?? options.port
    }

    /// Sessions only; `ssh -L` (direct-tcpip) and anything else is refused at the door.
    private func initialize(_ child: Channel, _ type: SSHChannelType, _ connection: Connection) -> EventLoopFuture<Void> {
        guard case .session = type else {
            log.refused(connection, asked: ServeLog.forwarding)
            return child.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        let participant = ParticipantChannel(connection: connection, server: self)
        sessions[ObjectIdentifier(participant)] = participant
        return child.eventLoop.makeCompletedFuture {
            try child.pipeline.syncOperations.addHandler(participant)
        }
    }

    func forget(_ participant: ParticipantChannel) {
        sessions[ObjectIdentifier(participant)] = nil
    }

    /// `tovholder join FILE [--group NAME] --lang L [--theme T]`
    func viewArguments(for connection: Connection) -> [String] {
        var args = [options.executable, "join", options.session, "--lang", options.lang.rawValue]
        if case .group(let id) = connection.login,
           let group = (try? gatekeeper.store.loadWorkshop())?.activeGroups.first(where: { $0.id == id }) {
            args += ["--group", group.name]
        }
        if let theme = options.theme { args += ["--theme", theme] }
        return args
    }

    /// A clean environment, as a login gets: the client's TERM, LANG and LC_* (checked by
    /// ParticipantChannel), and SSH_CONNECTION so the facilitator's list shows the address.
    func viewEnvironment(for connection: Connection, term: String, client: [String: String]) -> [String: String] {
        var env = client
        env["TERM"] = term
        if env["LANG"] == nil { env["LANG"] = "C.UTF-8" }
        let name = String(connection.user.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }.prefix(32))
        env["USER"] = name.isEmpty ? "ssh" : name
        env["LOGNAME"] = env["USER"]
        env["HOME"] = ProcessInfo.processInfo.environment["HOME"] ?? "/"
        env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
        let local = listener?.localAddress
        env["SSH_CONNECTION"] = "\(connection.address) \(connection.port) \(local?.ipAddress ?? options.listen) \(local?.port ?? options.port)"
        return env
    }

    /// Says goodbye on every participant's screen (their views save and quit first), closes
    /// every connection and stops listening. Waits at most `within` seconds.
    public func stop(within seconds: Double = 8) {
        let loop = group.next()
        let done = loop.makePromise(of: Void.self)
        loop.execute { [self] in
            listener?.close(promise: nil)
            for participant in sessions.values {
                participant.stopping = true
                participant.hangUp()
            }
            waitUntilEmpty(loop, deadline: NIODeadline.now() + .milliseconds(Int64(seconds * 1000)), done)
        }
        try? done.futureResult.wait()
        try? group.syncShutdownGracefully()
    }

    private func waitUntilEmpty(_ loop: EventLoop, deadline: NIODeadline, _ done: EventLoopPromise<Void>) {
        if sessions.isEmpty || NIODeadline.now() > deadline { done.succeed(()); return }
        loop.scheduleTask(in: .milliseconds(20)) { self.waitUntilEmpty(loop, deadline: deadline, done) }
    }

    static func reason(_ error: Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        return "\(error)"
    }
}

/// `ssh -R` asks for a listening port on the server: never.
final class RefuseForwarding: GlobalRequestDelegate, @unchecked Sendable {
    let log: ServeLog
    let connection: Connection
    init(log: ServeLog, connection: Connection) { self.log = log; self.connection = connection }

    func tcpForwardingRequest(_ request: GlobalRequest.TCPForwardingRequest, handler: NIOSSHHandler,
                              promise: EventLoopPromise<GlobalRequest.TCPForwardingResponse>) {
        log.refused(connection, asked: ServeLog.forwarding)
        promise.fail(Refused())
    }
}

struct Refused: Error {}

/// A broken connection (bad packet, failed key exchange) closes that connection only.
final class CloseOnError: ChannelInboundHandler {
    typealias InboundIn = Any
    func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }
}
