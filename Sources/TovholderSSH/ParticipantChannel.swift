import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import TovholderCore

/// An SSH session channel: a pseudo-terminal running the group's view, and nothing else.
/// Commands (`ssh host CMD`), subsystems (sftp, scp) and environment variables other than
/// TERM, LANG and LC_* are refused; requests NIOSSH does not know (agent and X11
/// forwarding) it refuses itself; port forwarding never reaches a session (SSHServer).
final class ParticipantChannel: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = SSHChannelData

    let connection: Connection
    let server: SSHServer
    private var term: String?
    private var size = (columns: 80, rows: 24)
    private var environment: [String: String] = [:]
    /// What the client set and the view will get (TERM, LANG, LC_*), and its window: for tests.
    var clientEnvironment: [String: String] { environment }
    var windowSize: (Int, Int) { (size.columns, size.rows) }
    private(set) var view: PtyProcess?
    private var ptyChannel: Channel?
    private var channel: Channel?
    private var ended = false
    /// A view is being started on the thread pool.
    private var starting = false
    /// Its end is being waited for (once: the terminal's EOF and serve's stop may both ask).
    private var reaping = false
    /// Asked to end: the view's output is read on, whether or not the client keeps up.
    private var ending = false
    /// Set when serve stops: the goodbye says so.
    var stopping = false

    init(connection: Connection, server: SSHServer) {
        self.connection = connection; self.server = server
    }

    func handlerAdded(context: ChannelHandlerContext) { channel = context.channel }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let pty as SSHChannelRequestEvent.PseudoTerminalRequest:
            term = pty.term
            // A client that does not know its size sends 0×0: the usual 80×24 then, not 1×1.
            if pty.terminalCharacterWidth > 0, pty.terminalRowHeight > 0 {
                size = (pty.terminalCharacterWidth, pty.terminalRowHeight)
            }
            reply(context, pty.wantReply, view == nil)
        case let env as SSHChannelRequestEvent.EnvironmentRequest:
            let allowed = Self.allowsEnvironment(env.name, env.value)
            if allowed { environment[env.name] = env.value }
            reply(context, env.wantReply, allowed)
        case let shell as SSHChannelRequestEvent.ShellRequest:
            startView(context, wantReply: shell.wantReply)
        case let exec as SSHChannelRequestEvent.ExecRequest:
            refuse(context, wantReply: exec.wantReply, what: Localized(da: "en kommando", en: "a command"))
        case let subsystem as SSHChannelRequestEvent.SubsystemRequest
            where subsystem.subsystem.hasPrefix(RequestFilter.refusedPrefix):
            // A request NIOSSH cannot parse (X11, break, …), renamed by RequestFilter: refused,
            // and the session goes on.
            reply(context, subsystem.wantReply, false)
            if let what = RequestFilter.describe(subsystem.subsystem) { server.log.refused(connection, asked: what) }
        case let subsystem as SSHChannelRequestEvent.SubsystemRequest:
            refuse(context, wantReply: subsystem.wantReply,
                   what: Localized(da: "\(ServeLog.shown(subsystem.subsystem)) (filoverførsel)", en: "\(ServeLog.shown(subsystem.subsystem)) (file transfer)"))
        case let change as SSHChannelRequestEvent.WindowChangeRequest:
            size = (change.terminalCharacterWidth, change.terminalRowHeight)
            view?.resize(columns: size.columns, rows: size.rows)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// TERM, LANG and LC_* with a plain value; the rest could change what the view runs.
    static func allowsEnvironment(_ name: String, _ value: String) -> Bool {
        guard name == "TERM" || name == "LANG" || name.hasPrefix("LC_") else { return false }
        return value.count <= 64 && value.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-@+".unicodeScalars.contains($0))
        }
    }

    private func reply(_ context: ChannelHandlerContext, _ wantReply: Bool, _ ok: Bool) {
        replyOn(context.channel, wantReply, ok)
    }

    private func replyOn(_ channel: Channel, _ wantReply: Bool, _ ok: Bool) {
        guard wantReply else { return }
        channel.triggerUserOutboundEvent(ok ? ChannelSuccessEvent() : ChannelFailureEvent() as Any, promise: nil)
    }

    private func refuse(_ context: ChannelHandlerContext, wantReply: Bool, what: Localized) {
        reply(context, wantReply, false)
        let lang = server.options.lang
        server.log.refused(connection, asked: what)
        finish(context.channel, message: Localized(
            da: "Tovholder viser kun dagens skærm; \(what.da) er ikke tilladt.",
            en: "Tovholder only shows the day's screen; \(what.en) is not allowed.").text(lang), status: 1)
    }

    private func startView(_ context: ChannelHandlerContext, wantReply: Bool) {
        context.eventLoop.preconditionInEventLoop()
        let lang = server.options.lang
        guard view == nil, !starting, !ended else { reply(context, wantReply, false); return }
        guard let term, Self.allowsEnvironment("TERM", term) else {
            reply(context, wantReply, true)
            finish(context.channel, message: Localized(
                da: "Tovholder skal have en terminal: skriv ssh -t foran resten af kommandoen.",
                en: "Tovholder needs a terminal: add -t to the ssh command.").text(lang), status: 1)
            return
        }
        // Reading the group's name and forking a view are blocking: the thread pool does them.
        starting = true
        let (server, connection, environment, size) = (self.server, self.connection, self.environment, self.size)
        let channel = context.channel
        server.pool.runIfActive(eventLoop: context.eventLoop) {
            try PtyProcess(arguments: server.viewArguments(for: connection),
                           environment: server.viewEnvironment(for: connection, term: term, client: environment),
                           columns: size.columns, rows: size.rows)
        }.whenComplete { [self] result in
            starting = false
            switch result {
            case .success(let pty):
                view = pty
                if ended {  // the client left while the view was starting
                    pty.hangUp(); viewEnded(); return
                }
                replyOn(channel, wantReply, true)
                pty.resize(columns: self.size.columns, rows: self.size.rows)
                server.log.say(Localized(da: "\(ServeLog.shown(connection.user)) fra \(connection.address) er med",
                                         en: "\(ServeLog.shown(connection.user)) from \(connection.address) joined"))
                attach(pty, to: channel)
            case .failure(let error):
                replyOn(channel, wantReply, false)
                finish(channel, message: Localized(da: "Visningen kunne ikke startes (\(error)).",
                                                   en: "The view could not be started (\(error)).").text(lang), status: 1)
            }
        }
    }

    /// The pty's master as a NIO channel on the same event loop: what the view draws goes to
    /// the client, and when the client cannot take more, the view waits (as with sshd).
    private func attach(_ pty: PtyProcess, to sshChannel: Channel) {
        NIOPipeBootstrap(group: sshChannel.eventLoop)
            .channelInitializer { ptyChannel in
                ptyChannel.eventLoop.makeCompletedFuture {
                    try ptyChannel.pipeline.syncOperations.addHandler(ViewOutput(to: sshChannel, onEnd: { [weak self] in
                        self?.viewEnded()
                    }))
                }
            }
            .takingOwnershipOfDescriptor(inputOutput: pty.master)
            .whenComplete { [weak self] result in
                switch result {
                case .success(let ptyChannel): self?.ptyChannel = ptyChannel
                case .failure: pty.hangUp(); self?.viewEnded()
                }
            }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let data = unwrapInboundIn(data)
        guard case .channel = data.type, case .byteBuffer(let bytes) = data.data else { return }
        ptyChannel?.writeAndFlush(bytes, promise: nil)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(unwrapOutboundIn(data)))), promise: promise)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if !ending { ptyChannel?.setOption(ChannelOptions.autoRead, value: context.channel.isWritable).whenFailure { _ in } }
        context.fireChannelWritabilityChanged()
    }

    /// The client went away (closed the lid, killed ssh): hang the view up; it saves and
    /// frees its fields as when its terminal closes.
    func channelInactive(context: ChannelHandlerContext) {
        ended = true
        if let view {
            // Kept (in the server's list) until the view is reaped: viewEnded forgets it. The
            // pty stays open until the view has read what the client sent before it left.
            afterInputReachesView { view.hangUp(); self.viewEnded() }
            server.log.say(Localized(da: "\(ServeLog.shown(connection.user)) fra \(connection.address) gik",
                                     en: "\(ServeLog.shown(connection.user)) from \(connection.address) left"))
        } else {
            server.forget(self)
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    /// serve stops: read nothing more from the client, let what already reached serve reach
    /// the view's terminal, then ask the view to save and quit (SIGTERM; its terminal stays
    /// open, so it reads what remains first). The goodbye follows its exit (viewEnded).
    func stop() {
        stopping = true
        guard let view else { channel?.close(promise: nil); return }
        // Reaped by polling, not only when its terminal reads EOF: a client that no longer
        // reads leaves the pty unread (backpressure), and the view would stay a zombie.
        afterInputReachesView { view.terminate(); self.viewEnded() }
    }

    /// Runs `then` once every byte the client sent has been written to the view's terminal.
    /// From then on the view's output is read whatever the client takes: a view blocked
    /// writing to a full terminal could not save and quit (forty at once once stalled).
    private func afterInputReachesView(_ then: @escaping () -> Void) {
        ending = true
        ptyChannel?.setOption(ChannelOptions.autoRead, value: true).whenFailure { _ in }
        guard let ptyChannel, ptyChannel.isActive else { return then() }
        ptyChannel.writeAndFlush(ptyChannel.allocator.buffer(capacity: 0)).whenComplete { _ in then() }
    }

    /// The view quit (or was hung up): reap it, say goodbye on the client's screen, close.
    private func viewEnded() {
        guard let view, let channel, !reaping else { return }
        reaping = true
        waitForExit(view, on: channel.eventLoop, tries: 0) { code, forced in
            defer { self.server.forget(self) }
            let lang = self.server.options.lang
            let saved = !forced && code != Self.notEverythingSaved
            if !saved && !forced {
                self.server.log.say(Localized(
                    da: "\(ServeLog.shown(self.connection.user)) fra \(self.connection.address): visningen bekræftede ikke, at alt er gemt – det sidst skrevne kan mangle",
                    en: "\(ServeLog.shown(self.connection.user)) from \(self.connection.address): the view did not confirm everything is saved – the last typed may be missing"))
            }
            let savedLine = saved ? Localized(da: "Alt, du skrev, er gemt.", en: "Everything you typed is saved.")
                : Localized(da: "Det sidste, du skrev, er måske ikke gemt – sig det til facilitatoren.",
                            en: "The last you typed may not be saved – tell the facilitator.")
            let message = self.stopping
                ? Localized(da: "Facilitatoren har lukket for tilslutning. \(savedLine.da) Tak for i dag!",
                            en: "The facilitator has closed the session to connections. \(savedLine.en) Thank you!")
                : code == Self.disconnectedByFacilitator
                ? Localized(da: "Facilitatoren har afbrudt forbindelsen. \(savedLine.da)",
                            en: "The facilitator has disconnected you. \(savedLine.en)")
                : Localized(da: "Forbindelsen til Tovholder er lukket. \(savedLine.da)",
                            en: "The connection to Tovholder is closed. \(savedLine.en)")
            // Stopped by the facilitator (serve's end or a disconnect) is no failure of the client's.
            let status = self.stopping || code == Self.disconnectedByFacilitator ? 0 : code
            self.finish(channel, message: self.ended ? nil : message.text(lang), status: status)
        }
    }

    /// The view's exit code when it could not save everything (the file refused a change).
    static let notEverythingSaved = 3

    /// The view's exit code when the facilitator's disconnect (SIGTERM) stopped it.
    static let disconnectedByFacilitator = 143

    /// Reaps the view. One that has not quit 5 s after it was asked is named on serve's
    /// window (forty views saving at once share one disk: it may still confirm); one that has
    /// not quit after 20 s is stopped (`forced`), and its participant told.
    private func waitForExit(_ view: PtyProcess, on loop: EventLoop, tries: Int, forced: Bool = false,
                             then: @escaping (Int, Bool) -> Void) {
        if let code = view.reap() { then(code, forced); return }
        if tries == 250 {
            // Not confirmed in 5 s: named, and its terminal hung up — a view stuck writing to
            // a terminal nobody reads wakes up, saves what it has and quits.
            server.log.say(Localized(
                da: "\(ServeLog.shown(connection.user)) fra \(connection.address): visningen bekræftede ikke inden for 5 sekunder, at alt er gemt – det sidst skrevne kan mangle",
                en: "\(ServeLog.shown(connection.user)) from \(connection.address): the view did not confirm within 5 seconds that everything is saved – the last typed may be missing"))
            ptyChannel?.close(promise: nil)
            view.hangUp()
        }
        if tries == 1000 { view.forceStop() }
        loop.scheduleTask(in: .milliseconds(20)) {
            self.waitForExit(view, on: loop, tries: tries + 1, forced: forced || tries >= 250, then: then)
        }
    }

    /// A last line on the client's screen, its exit status, and the end of the channel.
    private func finish(_ channel: Channel, message: String?, status: Int) {
        if let message, channel.isActive {
            var buffer = channel.allocator.buffer(capacity: message.utf8.count + 4)
            buffer.writeString("\r\n" + message + "\r\n")
            channel.writeAndFlush(buffer, promise: nil)
        }
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}

/// Reads the pty's master: the view's output to the client. Reading ends with EIO once the
/// view has quit (Linux says so when the last holder of the terminal closes it).
final class ViewOutput: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let sshChannel: Channel
    let onEnd: () -> Void

    init(to sshChannel: Channel, onEnd: @escaping () -> Void) {
        self.sshChannel = sshChannel; self.onEnd = onEnd
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        sshChannel.write(unwrapInboundIn(data), promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) { sshChannel.flush() }

    func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }

    func channelInactive(context: ChannelHandlerContext) {
        sshChannel.flush()
        onEnd()
    }
}
