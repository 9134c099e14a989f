import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import TovholderCore

/// `tovholder serve`: an SSH server whose every session is a group's view of the session
/// file, each in its own pty and process (PtyProcess). One event-loop thread serves all
/// connections; blocking work (SQLite, spawning a view) runs on a small thread pool and
/// comes back to the loop as a future; the log writes on a queue of its own (ServeLog).
///
/// `@unchecked Sendable`: its mutable state (listener, sessions, doorman, the watch of the
/// codes and of who has reached serve) is touched on the one event loop only; every entry
/// from elsewhere (`stop`) hops onto it first.
public final class SSHServer: @unchecked Sendable {
    public struct Options: Sendable {
        public var session: String
        public var port: Int
        public var listen: String
        public var lang: Language
        public var theme: String?
        /// The program the views run (`tovholder join …`): this one.
        public var executable: String
        /// A connection that has not logged in by then is closed and told.
        public var loginTimeout: TimeAmount = .seconds(30)
        /// With no connection attempt at all by then, serve says nobody has reached it.
        public var silentAfter: TimeAmount = .seconds(120)

        public init(session: String, port: Int, listen: String, lang: Language, theme: String?, executable: String) {
            self.session = session; self.port = port; self.listen = listen; self.lang = lang
            self.theme = theme; self.executable = executable
        }
    }

    public let options: Options
    let log: ServeLog
    let store: SessionStore
    private let gatekeeper: Gatekeeper
    private let hostKey: HostKey
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let pool = NIOThreadPool(numberOfThreads: 2)
    private var listener: Channel?
    private var loop: EventLoop { group.next() }
    /// Open session channels.
    private var sessions: [ObjectIdentifier: ParticipantChannel] = [:]
    private var doorman = Doorman()
    private var reached = false
    private var toldSilent = false
    private var started = NIODeadline.now()
    private var ticks = 0
    /// The codes last shown on serve's window, and the file's data version they were read at.
    private var shownCodes: [SSHService.GroupCode] = []
    private var seenVersion: Int?
    /// Printed on every join line: the address the laptops reach (the banner's).
    public var joinAddress = ""
    /// The join lines as serve's window shows them (the banner's format).
    public var formatJoinLines: @Sendable (SSHService, [TovholderCore.Group]) -> [String] = { _, _ in [] }

    public init(options: Options, store: SessionStore, hostKey: HostKey, log: ServeLog) {
        self.options = options; self.hostKey = hostKey; self.log = log; self.store = store
        gatekeeper = Gatekeeper(store: store, log: log)
        log.notify = { notice in try? store.addServeNotice(notice) }
        log.withdraw = { kind in try? store.clearServeNotices(kind) }
    }

    /// Listens; returns the port (the one asked for, or the kernel's choice for 0).
    public func start() throws -> Int {
        pool.start()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            // At the file-descriptor limit, accept pauses a moment instead of spinning.
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(AcceptBackoffHandler())
                }
            }
            // TCP_NODELAY at the TCP level: `.socketOption(.tcp_nodelay)` would be level
            // SOL_SOCKET, where 1 is SO_DEBUG — refused for every account but root.
            .childChannelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in accept(channel) }
        do {
            listener = try bootstrap.bind(host: options.listen, port: options.port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            try? pool.syncShutdownGracefully()
            throw ServeError.cannotListen(options.listen, options.port, Self.reason(error))
        }
        loop.execute { [self] in
            started = .now()
            shownCodes = (try? store.service())?.codes ?? []
            seenVersion = try? store.dataVersion()
            loop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { [self] _ in tick() }
        }
        return listener?.localAddress?.port ?? options.port
    }

    // MARK: connections (on the event loop)

    private func accept(_ channel: Channel) -> EventLoopFuture<Void> {
        channel.eventLoop.preconditionInEventLoop()
        let address = channel.remoteAddress?.ipAddress ?? "?"
        noteReached()
        if case .turnedAway(let tell) = doorman.admit(address, now: Date().timeIntervalSince1970) {
            if let tell { log.failure(tell, address: address) }
            channel.close(promise: nil)
            return channel.eventLoop.makeSucceededVoidFuture()
        }
        let connection = Connection(address: address, port: channel.remoteAddress?.port ?? 0)
        connection.channel = channel
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandlers([
                NIOSSHHandler(
                    role: .server(.init(hostKeys: [hostKey.privateKey],
                                        userAuthDelegate: CodeAuthenticator(connection: connection, gatekeeper: gatekeeper, pool: pool,
                                                                            loggedIn: { [self] c in doorman.release(c.address) }),
                                        globalRequestDelegate: RefuseForwarding(log: log, connection: connection),
                                        transportProtectionSchemes: TransportSchemes.all)),
                    allocator: channel.allocator,
                    inboundChildChannelInitializer: { child, type in self.initialize(child, type, connection) }),
                LoginWatch(connection: connection, timeout: options.loginTimeout,
                           failed: { [self] c, failure in log.failure(failure.text(address: c.address), address: c.address) },
                           closed: { [self] c in if !c.isLoggedIn { doorman.release(c.address) } }),
            ])
        }
    }

    /// Sessions only, one per login; `ssh -L` (direct-tcpip) and anything else is refused at
    /// the door. A second session would be a second view of the same login.
    private func initialize(_ child: Channel, _ type: SSHChannelType, _ connection: Connection) -> EventLoopFuture<Void> {
        child.eventLoop.preconditionInEventLoop()
        guard case .session = type else {
            log.refused(connection, asked: ServeLog.forwarding)
            return child.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        connection.sessions += 1
        guard connection.sessions == 1 else {
            log.refused(connection, asked: Localized(da: "en session mere", en: "another session"))
            return child.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        let participant = ParticipantChannel(connection: connection, server: self)
        sessions[ObjectIdentifier(participant)] = participant
        return child.eventLoop.makeCompletedFuture {
            try child.pipeline.syncOperations.addHandler(participant)
        }
    }

    /// Called from the participant's channel, on its event loop (serve's one loop).
    func forget(_ participant: ParticipantChannel) {
        sessions[ObjectIdentifier(participant)] = nil
    }

    /// A connection attempt arrived: serve is reachable after all.
    private func noteReached() {
        guard !reached else { return }
        reached = true
        if toldSilent {
            log.withdraw(.silent, saying: Localized(da: "Nu har en bærbar nået Tovholder.", en: "A laptop has now reached Tovholder."))
        }
    }

    // MARK: once a second (on the event loop)

    private func tick() {
        ticks += 1
        if ticks % 60 == 0 { log.tick() }
        if !reached, !toldSilent, NIODeadline.now() - started >= options.silentAfter {
            toldSilent = true
            log.failure(Self.nobodyReached, kind: .silent)
        }
        watchCodes()
    }

    static let nobodyReached = Localized(
        da: "Ingen bærbar har nået Tovholder endnu. På gæstenet kan bærbare ofte ikke se hinanden – brug en mobil hotspot eller en lille router; se README (Når grupperne ikke kan komme ind).",
        en: "No laptop has reached Tovholder yet. On guest networks laptops often cannot see each other – use a phone hotspot or a small router; see the README (When the groups cannot get in).")

    /// The facilitator renewed the codes (`n` under `t`): show the new lines on serve's
    /// window, since the old ones there no longer work. Read off the loop, when the file moved.
    private func watchCodes() {
        let (store, seen) = (self.store, seenVersion)
        pool.runIfActive(eventLoop: loop) { () -> (Int, SSHService?, [TovholderCore.Group])? in
            let version = try store.dataVersion()
            guard version != seen else { return nil }
            return (version, try store.service(), try store.loadWorkshop().activeGroups)
        }.whenSuccess { [self] read in
            guard let (version, service, groups) = read else { return }
            seenVersion = version
            guard let service, service.codes != shownCodes, !service.codes.isEmpty else { return }
            shownCodes = service.codes
            var shown = service
            shown.address = joinAddress.isEmpty ? service.address : joinAddress
            log.show(["", Self.renewedHeading.text(options.lang)]
                     + formatJoinLines(shown, groups) + [""])
        }
    }

    static let renewedHeading = Localized(da: "Nye koder – de gamle gælder ikke længere:",
                                          en: "New codes – the old ones no longer work:")

    // MARK: the views

    /// `tovholder join FILE [--group NAME] --lang L [--theme T]`; reads the file: off the loop.
    func viewArguments(for connection: Connection) -> [String] {
        var args = [options.executable, "join", options.session, "--lang", options.lang.rawValue]
        if case .group(let id) = connection.login,
           let group = (try? store.loadWorkshop())?.activeGroups.first(where: { $0.id == id }) {
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
    public func stop(within seconds: Double = 24) {
        let loop = self.loop
        let done = loop.makePromise(of: Void.self)
        loop.execute { [self] in
            listener?.close(promise: nil)
            for participant in sessions.values { participant.stop() }
            waitUntilEmpty(loop, deadline: NIODeadline.now() + .milliseconds(Int64(seconds * 1000)), done)
        }
        try? done.futureResult.wait()
        log.flush()
        try? group.syncShutdownGracefully()
        try? pool.syncShutdownGracefully()
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
final class RefuseForwarding: GlobalRequestDelegate, Sendable {
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
