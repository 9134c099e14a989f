import ArgumentParser
import Foundation
import TovholderCore

/// `tovholder backups FILE`: the snapshots kept beside a session, newest first.
struct Backups: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Vis de gemte øjebliksbilleder af en session.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Sessionsfil / session file") var file: String

    func run() throws {
        let lang = global.lang
        let snapshots = Snapshots.list(session: file)
        guard !snapshots.isEmpty else {
            throw UserError(Localized(da: "\(file): ingen øjebliksbilleder endnu (de tages, mens facilitatoren har dagen åben)",
                                      en: "\(file): no snapshots yet (they are taken while the facilitator has the day open)"), lang)
        }
        let summaries = snapshots.map { Snapshots.summary(of: $0.path) }
        for (i, s) in snapshots.enumerated() {
            let kb = max(1, s.bytes / 1024)
            var line = "\(s.name)  \(kb) kB"
            if let now = summaries[i] {
                line += "  " + Localized(da: "punkt \(now.item), \(now.groups) grupper, \(now.entries) tekster, \(now.agreementRows) aftaler",
                                          en: "item \(now.item), \(now.groups) groups, \(now.entries) texts, \(now.agreementRows) agreements").text(lang)
                if i + 1 < summaries.count, let before = summaries[i + 1] {
                    let d = now.entries - before.entries
                    if d != 0 { line += Localized(da: " (\(d > 0 ? "+" : "")\(d) tekster)", en: " (\(d > 0 ? "+" : "")\(d) texts)").text(lang) }
                }
            } else {
                line += Localized(da: "  (kan ikke læses)", en: "  (cannot be read)").text(lang)
            }
            print(line)
        }
        print(Localized(da: "Gendan med: tovholder restore \(file) --from \"\(snapshots[0].name)\"",
                        en: "Restore with: tovholder restore \(file) --from \"\(snapshots[0].name)\"").text(lang))
    }
}

/// `tovholder restore FILE --from SNAPSHOT`: brings a snapshot back, keeping the current file
/// as a snapshot too.
struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Hent et øjebliksbillede tilbage (det nuværende gemmes også).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Sessionsfil / session file") var file: String
    @Option(help: "Øjebliksbilledets navn (se tovholder backups) / the snapshot's name") var from: String
    @Flag(help: "Også når terminaler ser ud til at have dagen åben / even when terminals seem to have the day open")
    var force = false

    func run() throws {
        let lang = global.lang
        let candidates = [from, (Snapshots.folder(of: file) as NSString).appendingPathComponent(from)]
        guard let snapshot = candidates.first(where: { (try? SessionFileCheck.examine(path: $0)) == .ordinaryFile }) else {
            throw UserError(SnapshotError.notFound(from).message, lang)
        }
        do {
            try Snapshots.restore(session: file, from: snapshot, now: Date().timeIntervalSince1970,
                                  utcOffsetSeconds: localUTCOffset(), force: force)
        } catch let e as UserFacingError { throw UserError(e.message, lang) }
        print(Localized(da: "\(file): hentet tilbage fra \((snapshot as NSString).lastPathComponent); den forrige udgave er gemt som øjebliksbillede",
                        en: "\(file): restored from \((snapshot as NSString).lastPathComponent); the previous version is kept as a snapshot").text(lang))
    }
}
