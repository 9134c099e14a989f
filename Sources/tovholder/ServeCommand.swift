import ArgumentParser
import Dispatch
import Foundation
import TovholderCore
import TovholderSSH
import TovholderTUI

/// `tovholder serve FILE [--port N] [--listen ADDRESS]`: the groups join from their own
/// laptops with `ssh -p PORT gruppe1@ADDRESS` and their group's code; no OS accounts, no
/// sshd configuration. Runs until Ctrl-C (or SIGTERM), then says goodbye to everyone.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lad grupperne tilslutte fra egne bærbare med ssh og en kode (indbygget SSH-server).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Sessionsfil / session file") var file: String = Open.defaultFile
    @Option(help: "Port (standard 2222) / port") var port: Int = 2222
    @Option(help: "Adresse at lytte på (standard alle) / address to listen on") var listen: String = "0.0.0.0"
    @Option(help: "Adressen i gruppernes kommando (standard: den med standardruten) / the address the join lines show")
    var address: String?
    @Option(name: .customLong("host-key"),
            help: "Serverens nøgle (standard ~/.config/tovholder/hostkey) / the server's key file")
    var hostKey: String?

    func run() throws {
        let lang = global.lang
        guard (0...65535).contains(port) else {
            throw UserError(Localized(da: "--port skal være et tal fra 1 til 65535", en: "--port must be a number from 1 to 65535"), lang)
        }
        let session = Serve.absolute(file)
        let store: SessionStore
        if try examine(session, lang) == .ordinaryFile {
            store = try openStore(session, lang)
        } else {
            store = try createSession(session, template: TemplateCatalog.defaultName, lang)
        }
        if let running = try store.service() { throw ServeError.alreadyServing(running.pid, running.port) }
        let key = try HostKey.forServing(session: session, chosen: hostKey.map(Serve.absolute))
        let log = try ServeLog(session: session, lang: lang)
        var options = SSHServer.Options(session: session, port: port, listen: listen, lang: lang,
                                        theme: global.theme, executable: Serve.executable())
        // Hidden knobs for the tests: the 30 s login limit and the 2 minutes of silence.
        let env = ProcessInfo.processInfo.environment
        if let s = env["TOVHOLDER_LOGIN_TIMEOUT"].flatMap(Int64.init), s > 0 { options.loginTimeout = .seconds(s) }
        if let s = env["TOVHOLDER_SILENT_AFTER"].flatMap(Int64.init), s > 0 { options.silentAfter = .seconds(s) }
        let server = SSHServer(options: options, store: store, hostKey: key.key, log: log)
        let boundPort = try server.start()
        let choice = LocalAddresses.current()
        let specific = listen != "0.0.0.0" && listen != "::" && !listen.isEmpty
        let shown = address ?? (specific ? listen : choice.primary?.address ?? "127.0.0.1")
        server.joinAddress = shown
        server.formatJoinLines = { service, groups in JoinLines.lines(service, groups: groups, lang: lang) }
        try store.openService(port: boundPort, address: shown, fingerprint: key.key.fingerprint)
        guard let service = try store.service(), !service.codes.isEmpty else {
            server.stop()
            try? store.closeService()
            throw ServeError.noGroups
        }
        let others = specific ? [] : choice.others.filter { $0.address != shown }
        print(Serve.banner(service, groups: try store.loadWorkshop().activeGroups, file: file, keyPath: key.path,
                           notes: key.notes, others: others, lang: lang), terminator: "")
        fflush(stdout)
        Serve.stopOnSignal { signal in
            log.say(Localized(da: "Stopper: deltagerne får besked …", en: "Stopping: telling the participants …"))
            server.stop()
            try? store.closeService()
            log.say(Localized(da: "Stoppet. Alt er gemt i \(file).", en: "Stopped. Everything is saved in \(file)."))
            log.flush()
            Foundation.exit(0)
        }
        dispatchMain()
    }

    static func banner(_ service: SSHService, groups: [TovholderCore.Group], file: String, keyPath: String,
                       notes: [Localized], others: [LocalAddresses.Interface], lang: Language) -> String {
        let da = lang == .da
        var out = da ? "Tovholder deler \(file) over SSH på port \(service.port).\n"
                     : "Tovholder serves \(file) over SSH on port \(service.port).\n"
        out += (da ? "Serverens fingeraftryk: " : "The server's fingerprint: ") + service.fingerprint + "\n"
        out += da ? "  (ssh viser det første gang – tjek at det er det samme)\n"
                  : "  (ssh shows it the first time – check that it is the same)\n"
        out += (da ? "Serverens nøgle: " : "The server's key: ") + keyPath + "\n"
        for note in notes { out += note.text(lang) + "\n" }
        out += "\n"
        out += da ? "Sådan kommer grupperne med – skriv kommandoen, og koden når ssh spørger (password):\n"
                  : "How the groups join – type the command, and the code when ssh asks (password):\n"
        out += JoinLines.lines(service, groups: groups, lang: lang).map { $0 + "\n" }.joined()
        // plink in a console asks for Return after login by itself (PuTTY's anti-spoofing
        // prompt, whatever the server does); -no-antispoof leaves it out.
        let user = service.codes.first?.user ?? "gruppe1"
        out += (da ? "  (Med PuTTY's plink i en kommandoprompt: " : "  (With PuTTY's plink in a command prompt: ")
            + "plink -P \(service.port) -no-antispoof \(user)@\(service.address))\n"
        out += "\n"
        if !others.isEmpty {
            out += (da ? "Maskinens andre adresser:\n" : "This machine's other addresses:\n")
            out += others.map { "  \($0.address) (\($0.name))\n" }.joined()
        }
        out += da ? "Vis linjerne på lærredet og lav nye koder under t (terminaler) i facilitatorens visning.\n"
                  : "Show the lines on the projector and renew the codes under t (terminals) in the facilitator's view.\n"
        out += da ? "Stop med Ctrl-C: deltagerne får besked, og alt er gemt.\n\n"
                  : "Stop with Ctrl-C: the participants are told, and everything is saved.\n\n"
        return out
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// This program, for the views: the same binary, wherever it was started from.
    static func executable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Ctrl-C, SIGTERM and a closed terminal window (SIGHUP) all stop serve the same way,
    /// once: on one serial queue, a second Ctrl-C waits for the first stop, which exits.
    static func stopOnSignal(_ handler: @escaping (Int32) -> Void) {
        let queue = DispatchQueue(label: "tovholder.serve.stop")
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { handler(sig) }
            source.resume()
            sources.append(source)
        }
    }
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []
}

