import Foundation
import TovholderCore

/// Finds theme files by name (`dark`) or path (`./mit-tema.yaml`).
///
/// The themes/ folder is looked for in this order: `$TOVHOLDER_THEMES`; then in every folder
/// from the running executable's folder upwards, and from the current folder upwards, a
/// `themes/` (a source checkout) or `share/tovholder/themes/` (an installed copy). A folder
/// only counts if it holds projector.yaml, so an unrelated `themes/` is not picked up.
public enum ThemeCatalog {
    public static let environmentVariable = "TOVHOLDER_THEMES"

    /// The file a `--theme` argument means, or nil when there is none. Anything with a
    /// slash or a .yaml/.yml ending is a path; anything else a name in the themes folder.
    public static func resolve(_ nameOrPath: String) -> String? {
        resolve(nameOrPath, in: directory())
    }

    /// Names a `--theme` argument accepts, sorted: the themes folder's files plus the
    /// built-in projector and monochrome themes.
    public static func list() -> [String] {
        list(in: directory())
    }

    /// The theme to use. `nameOrPath` is the `--theme` argument, nil when none was given:
    /// then NO_COLOR (if set) gives the monochrome theme, otherwise projector. An explicit
    /// argument overrides NO_COLOR, as https://no-color.org asks. The projector theme falls
    /// back to the compiled-in copy when no themes folder can be found.
    public static func load(_ nameOrPath: String?,
                            environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<Theme, ThemeErrors> {
        if nameOrPath == nil && noColourRequested(environment) { return .success(.monochrome) }
        return load(nameOrPath ?? Theme.defaultName, in: directory(environment: environment))
    }

    static func load(_ nameOrPath: String, in folder: String?) -> Result<Theme, ThemeErrors> {
        // A path is loaded as given, so a mistyped one gets "cannot read the file".
        if isPath(nameOrPath) { return Theme.load(path: nameOrPath) }
        if let path = resolve(nameOrPath, in: folder) { return Theme.load(path: path) }
        if nameOrPath == Theme.defaultName { return .success(.builtInProjector) }
        if nameOrPath == Theme.monochrome.name { return .success(.monochrome) }
        let known = list(in: folder).joined(separator: ", ")
        return .failure(ThemeErrors([ThemeError(.unreadable, file: nameOrPath, line: 0, column: 0, Localized(
            da: "intet tema med det navn; findes: \(known)",
            en: "no theme by that name; available: \(known)"))]))
    }

    /// NO_COLOR counts when set to anything but the empty string (https://no-color.org).
    public static func noColourRequested(_ environment: [String: String]) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }

    // MARK: Finding the folder

    /// The themes folder, or nil. Parameters exist so tests can point it elsewhere.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 executable: String? = executablePath(),
                                 currentDirectory: String = FileManager.default.currentDirectoryPath)
        -> String? {
        if let explicit = environment[environmentVariable], !explicit.isEmpty, isDirectory(explicit) {
            return explicit
        }
        var starts: [String] = []
        if let executable { starts.append((executable as NSString).deletingLastPathComponent) }
        starts.append(currentDirectory)
        for start in starts {
            var folder = URL(fileURLWithPath: start).standardizedFileURL.path
            while true {
                for candidate in ["themes", "share/tovholder/themes"] {
                    let path = (folder as NSString).appendingPathComponent(candidate)
                    if FileManager.default.fileExists(atPath: path + "/" + Theme.defaultName + ".yaml") {
                        return path
                    }
                }
                let parent = (folder as NSString).deletingLastPathComponent
                if parent == folder || parent.isEmpty { break }
                folder = parent
            }
        }
        return nil
    }

    /// The running executable, with symlinks resolved so an installed link still finds
    /// the real installation's share folder.
    public static func executablePath() -> String? {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return link
        }
        return Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }

    static func resolve(_ nameOrPath: String, in folder: String?) -> String? {
        if isPath(nameOrPath) {
            return FileManager.default.fileExists(atPath: nameOrPath) ? nameOrPath : nil
        }
        guard let folder, !nameOrPath.isEmpty else { return nil }
        let path = (folder as NSString).appendingPathComponent(nameOrPath + ".yaml")
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static func isPath(_ s: String) -> Bool {
        s.contains("/") || s.hasSuffix(".yaml") || s.hasSuffix(".yml")
    }

    static func list(in folder: String?) -> [String] {
        let files = folder.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0) } ?? []
        let names = files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }
        return Set(names + [Theme.defaultName, Theme.monochrome.name]).sorted()
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
