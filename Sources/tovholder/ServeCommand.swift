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
        let hostKey = try HostKey.loadOrCreate(forSession: session)
        let log = try ServeLog(session: session, lang: lang)
        let server = SSHServer(options: .init(session: session, port: port, listen: listen, lang: lang,
                                              theme: global.theme, executable: Serve.executable()),
                               store: store, hostKey: hostKey, log: log)
        let boundPort = try server.start()
        let addresses = LocalAddresses.forJoining(listen: listen)
        try store.openService(port: boundPort, address: addresses[0], fingerprint: hostKey.fingerprint)
        guard let service = try store.service(), !service.codes.isEmpty else {
            server.stop()
            try? store.closeService()
            throw ServeError.noGroups
        }
        print(Serve.banner(service, groups: try store.loadWorkshop().activeGroups, file: file,
                           others: Array(addresses.dropFirst()), lang: lang), terminator: "")
        fflush(stdout)
        Serve.stopOnSignal { signal in
            log.say(Localized(da: "Stopper: deltagerne får besked …", en: "Stopping: telling the participants …"))
            server.stop()
            try? store.closeService()
            log.say(Localized(da: "Stoppet. Alt er gemt i \(file).", en: "Stopped. Everything is saved in \(file)."))
            Foundation.exit(0)
        }
        dispatchMain()
    }

    static func banner(_ service: SSHService, groups: [TovholderCore.Group], file: String, others: [String],
                       lang: Language) -> String {
        let da = lang == .da
        let lines = service.joinLines(groups: groups)
        let width = lines.map { DisplayWidth.of($0.group) }.max() ?? 0
        var out = da ? "Tovholder deler \(file) over SSH på port \(service.port).\n"
                     : "Tovholder serves \(file) over SSH on port \(service.port).\n"
        out += (da ? "Serverens fingeraftryk: " : "The server's fingerprint: ") + service.fingerprint + "\n"
        out += da ? "  (ssh viser det første gang – tjek at det er det samme)\n\n"
                  : "  (ssh shows it the first time – check that it is the same)\n\n"
        out += da ? "Sådan kommer grupperne med – skriv kommandoen, og koden når ssh spørger (password):\n"
                  : "How the groups join – type the command, and the code when ssh asks (password):\n"
        for line in lines {
            let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(line.group)))
            out += "  \(VisibleText.visible(line.group))\(pad)   \(line.text(lang))\n"
        }
        out += "\n"
        if !others.isEmpty {
            out += (da ? "Maskinens andre adresser: " : "This machine's other addresses: ") + others.joined(separator: ", ") + "\n"
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

