import Foundation

/// Finds the bundled day templates: the `.yaml` files in a `sessions/` folder.
public enum TemplateCatalog {
    /// The reference day, used when no template is named.
    public static let defaultName = "udviklingsdag"
    public static let environmentKey = "TOVHOLDER_TEMPLATES"

    /// The folder of bundled templates: `$TOVHOLDER_TEMPLATES` if set, else the first `sessions/`
    /// folder holding `.yaml` files found walking up from the executable's folder, then from the
    /// current folder (so it works both installed next to the binary and from a checkout).
    public static func directory() -> String? {
        directory(environment: ProcessInfo.processInfo.environment,
                  startingPoints: [executableDirectory(), FileManager.default.currentDirectoryPath].compactMap { $0 })
    }

    static func directory(environment: [String: String], startingPoints: [String]) -> String? {
        if let dir = environment[environmentKey], !dir.isEmpty { return dir }
        for start in startingPoints {
            var url = URL(fileURLWithPath: start, isDirectory: true).standardizedFileURL
            while true {
                let candidate = url.appendingPathComponent("sessions", isDirectory: true).path
                if !yamlFiles(in: candidate).isEmpty { return candidate }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        return nil
    }

    /// Bundled templates by name (file name without `.yaml`), sorted by name.
    public static func list() -> [(name: String, path: String)] {
        guard let dir = directory() else { return [] }
        return list(in: dir)
    }

    static func list(in dir: String) -> [(name: String, path: String)] {
        yamlFiles(in: dir).map { (name: String($0.dropLast(5)), path: dir + "/" + $0) }
    }

    /// A path if `nameOrPath` is an existing file, else the bundled template of that name
    /// (with or without `.yaml`); `nil` if neither exists.
    public static func resolve(_ nameOrPath: String) -> String? {
        if isFile(nameOrPath) { return nameOrPath }
        guard let dir = directory() else { return nil }
        return resolve(nameOrPath, in: dir)
    }

    static func resolve(_ nameOrPath: String, in dir: String) -> String? {
        if isFile(nameOrPath) { return nameOrPath }
        let name = nameOrPath.hasSuffix(".yaml") ? String(nameOrPath.dropLast(5)) : nameOrPath
        guard !name.isEmpty, !name.contains("/") else { return nil }
        let path = dir + "/" + name + ".yaml"
        return isFile(path) ? path : nil
    }

    /// The reference day's path, if it can be found.
    public static var defaultPath: String? { resolve(defaultName) }

    // MARK: Helpers

    private static func yamlFiles(in dir: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") && isFile(dir + "/" + $0) }.sorted()
    }

    private static func isFile(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
    }

    /// The folder of the running executable, symlinks resolved (`/proc/self/exe` on Linux).
    private static func executableDirectory() -> String? {
        let url = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        let dir = url.resolvingSymlinksInPath().deletingLastPathComponent().path
        return dir.isEmpty ? nil : dir
    }
}
