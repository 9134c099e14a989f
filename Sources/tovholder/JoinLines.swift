import TovholderCore
import TovholderSSH
import TovholderTUI

/// The lines a facilitator shows the room, one per group: its name (made visible: a group
/// name is typed by people and may hold escape sequences), the command and the code.
public enum JoinLines {
    public static func lines(_ service: SSHService, groups: [TovholderCore.Group], lang: Language) -> [String] {
        let lines = service.joinLines(groups: groups)
        let names = lines.map { ServeLog.visible($0.group) }
        let width = names.map { DisplayWidth.of($0) }.max() ?? 0
        return zip(lines, names).map { line, name in
            "  \(name)\(String(repeating: " ", count: max(0, width - DisplayWidth.of(name))))   \(line.text(lang))"
        }
    }
}
