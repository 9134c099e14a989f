import ArgumentParser
import Foundation
import TovholderCore

/// Exit codes (README.md): 0 ok, 1 user error with a clear message, 2 usage.
@main
enum Entry {
    static func main() {
        do {
            if let request = QuickOpen.parse(Array(CommandLine.arguments.dropFirst())) {
                try openFacilitatorView(request)
            } else {
                var command = try Tovholder.parseAsRoot()
                try command.run()
            }
        } catch let error as UserError {
            FileHandle.standardError.write(Data((error.text + "\n").utf8))
            exit(1)
        } catch let error as UserFacingError {
            FileHandle.standardError.write(Data((error.message.text(Entry.language) + "\n").utf8))
            exit(1)
        } catch {
            let code = Tovholder.exitCode(for: error)
            if code == .success {
                print(Tovholder.fullMessage(for: error))
                exit(0)
            }
            FileHandle.standardError.write(Data((Tovholder.fullMessage(for: error) + "\n").utf8))
            exit(code == .validationFailure ? 2 : 1)
        }
    }
}

extension Entry {
    /// The language asked for on the command line, for errors caught before a command ran.
    static var language: Language {
        let args = CommandLine.arguments
        guard let i = args.firstIndex(of: "--lang"), i + 1 < args.count else { return .da }
        return Language(rawValue: args[i + 1]) ?? .da
    }
}

/// A problem the user can fix, already worded in the UI language.
struct UserError: Error {
    let text: String
    init(_ text: String) { self.text = text }
    init(_ message: Localized, _ lang: Language) { text = message.text(lang) }
}

extension Language: ExpressibleByArgument {}

struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Sprog / language: da or en")
    var lang: Language = .da

    @Option(name: .long, help: "Tema / theme: projector, dark, light or a PATH to a .yaml file")
    var theme: String?
}

struct Tovholder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tovholder",
        abstract: "Tovholder – styr en udviklingsdag fra terminalen / run a development day from the terminal.",
        version: "0.1.0",
        subcommands: [Open.self, New.self, Join.self, Projector.self, Serve.self, Export.self, Check.self, Templates.self, Backups.self, Restore.self, Reset.self],
        defaultSubcommand: Open.self)
}

/// The facilitator's everyday start (`tovholder [FILE] [--lang L] [--theme T]`) parsed by
/// hand: argument-parser's reflection costs ~1.7 ms, a third of the start-up budget.
/// Anything else (subcommands, --help, mistakes) goes to argument-parser as usual.
enum QuickOpen {
    /// The subcommands' names, written out: asking argument-parser for them reflects over
    /// every type (`String(describing:)`), a tenth of the start-up time. The e2e tests run
    /// every subcommand, so a name missing here fails them.
    static let subcommandNames: Set<String> = ["open", "new", "join", "projector", "serve", "export", "check", "templates",
                                               "backups", "restore", "reset"]

    static func parse(_ args: [String]) -> OpenRequest? {
        var request = OpenRequest(file: Open.defaultFile, lang: .da, theme: nil)
        var sawFile = false
        var rest = args[...]
        while let arg = rest.popFirst() {
            switch arg {
            case "--lang":
                guard let v = rest.popFirst(), let lang = Language(rawValue: v) else { return nil }
                request.lang = lang
            case "--theme":
                guard let v = rest.popFirst() else { return nil }
                request.theme = v
            default:
                if arg.hasPrefix("-") || sawFile { return nil }
                if subcommandNames.contains(arg) { return nil }
                request.file = arg; sawFile = true
            }
        }
        return request
    }
}
