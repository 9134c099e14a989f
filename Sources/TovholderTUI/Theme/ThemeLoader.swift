import Foundation
import TovholderCore
import Yams

extension Theme {
    /// The theme file format this version reads.
    public static let formatVersion = 1

    /// Reads and validates a theme file. The file is only read, never written.
    public static func load(path: String) -> Result<Theme, ThemeErrors> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ThemeErrors([ThemeError(.unreadable, file: path, line: 0, column: 0, Localized(
                da: "kan ikke læse filen (findes den, og må du læse den?)",
                en: "cannot read the file (does it exist, and may you read it?)"))]))
        }
        return parse(bytes: [UInt8](data), file: path)
    }

    /// Validates theme YAML. `file` is only used in messages. Every problem found is
    /// reported, not just the first, so one round of editing can fix them all.
    public static func parse(bytes: [UInt8], file: String) -> Result<Theme, ThemeErrors> {
        var p = ThemeParser(file: file)
        if let theme = p.parse(bytes) { return .success(theme) }
        return .failure(ThemeErrors(p.errors))
    }
}

/// Walks Yams' node tree rather than decoding with Codable, because only nodes carry
/// line and column; Codable errors would give just a coding path.
private struct ThemeParser {
    let file: String
    var errors: [ThemeError] = []

    init(file: String) { self.file = file }

    mutating func parse(_ bytes: [UInt8]) -> Theme? {
        guard let text = decodeUTF8(bytes) else { return nil }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                fail(.empty, 1, 1, da: "filen er tom; et tema skal have format, name og roles",
                     en: "the file is empty; a theme needs format, name and roles")
                return nil
            }
            root = node
        } catch {
            syntaxError(error, in: text)
            return nil
        }
        guard let top = mapping(root, what: Localized(da: "et tema", en: "a theme")) else { return nil }

        var format: Node?, name: String?, rolesKey: Node?, roles: Node?
        for (key, value) in top {
            switch key.string {
            case "format": format = value
            case "name": name = string(value, key: "name")
            case "roles": rolesKey = key; roles = value
            default: unknownKey(key, allowed: ["format", "name", "roles"])
            }
        }
        let topMark = mark(root)
        if let format {
            checkFormat(format)
        } else {
            fail(.missingKey, topMark, da: "mangler 'format: \(Theme.formatVersion)'",
                 en: "missing 'format: \(Theme.formatVersion)'")
        }
        if name == nil && !top.contains(where: { $0.key.string == "name" }) {
            fail(.missingKey, topMark, da: "mangler 'name' (temaets navn)", en: "missing 'name' (the theme's name)")
        }
        var styles: [Role: Style] = [:]
        if let roles, let rolesKey {
            styles = parseRoles(roles, at: rolesKey)
        } else {
            fail(.missingKey, topMark, da: "mangler 'roles' (en stil for hver farverolle)",
                 en: "missing 'roles' (a style for every colour role)")
        }
        guard errors.isEmpty, let name else { return nil }
        return Theme(name: name, styles: styles)
    }

    // MARK: Sections

    mutating func checkFormat(_ node: Node) {
        guard case .scalar(let s) = node, s.style == .plain, let v = Int(s.string) else {
            fail(.wrongType, mark(node), da: "'format' skal være et helt tal, fx \(Theme.formatVersion)",
                 en: "'format' must be a whole number, e.g. \(Theme.formatVersion)")
            return
        }
        if v != Theme.formatVersion {
            fail(.unsupportedFormat, mark(node),
                 da: "format \(v) kendes ikke; denne udgave af Tovholder læser format \(Theme.formatVersion)",
                 en: "format \(v) is unknown; this version of Tovholder reads format \(Theme.formatVersion)")
        }
    }

    mutating func parseRoles(_ node: Node, at key: Node) -> [Role: Style] {
        guard let pairs = mapping(node, what: Localized(da: "'roles'", en: "'roles'")) else { return [:] }
        var styles: [Role: Style] = [:]
        for (roleKey, value) in pairs {
            guard let name = roleKey.string, let role = Role(rawValue: name) else {
                let given = roleKey.string ?? ""
                let hint = closest(given, among: Role.allCases.map(\.rawValue))
                fail(.unknownRole, mark(roleKey),
                     da: "ukendt farverolle '\(given)'" + (hint.map { "; mente du '\($0)'?" } ?? ""),
                     en: "unknown colour role '\(given)'" + (hint.map { "; did you mean '\($0)'?" } ?? ""))
                continue
            }
            if let style = parseStyle(value, role: role, at: roleKey) { styles[role] = style }
        }
        let missing = Role.allCases.filter { role in
            !pairs.contains { $0.key.string == role.rawValue }
        }.map(\.rawValue)
        if !missing.isEmpty {
            let list = missing.joined(separator: ", ")
            fail(.missingRole, mark(key),
                 da: "'roles' mangler \(missing.count == 1 ? "farverollen" : "farverollerne") \(list)",
                 en: "'roles' is missing the colour \(missing.count == 1 ? "role" : "roles") \(list)")
        }
        return styles
    }

    mutating func parseStyle(_ node: Node, role: Role, at key: Node) -> Style? {
        let what = Localized(da: "farverollen '\(role.rawValue)'", en: "the colour role '\(role.rawValue)'")
        guard let pairs = mapping(node, what: what) else { return nil }
        var fg: RGB?, bg: RGB?, attributes: TextAttributes = [], ok = true
        let flags: [String: TextAttributes] = ["bold": .bold, "underline": .underline,
                                               "reverse": .reverse, "dim": .dim]
        for (k, value) in pairs {
            switch k.string ?? "" {
            case "fg": fg = colour(value, key: "fg"); ok = ok && fg != nil
            case "bg": bg = colour(value, key: "bg"); ok = ok && bg != nil
            case let flag where flags[flag] != nil:
                if let on = bool(value, key: flag) { if on { attributes.insert(flags[flag]!) } } else { ok = false }
            default:
                unknownKey(k, allowed: ["fg", "bg", "bold", "underline", "reverse", "dim"])
                ok = false
            }
        }
        for needed in ["fg", "bg"] where !pairs.contains(where: { $0.key.string == needed }) {
            fail(.missingKey, mark(key), da: "'\(role.rawValue)' mangler '\(needed)' (en farve som \"#ffffff\")",
                 en: "'\(role.rawValue)' is missing '\(needed)' (a colour like \"#ffffff\")")
            ok = false
        }
        guard ok, let fg, let bg else { return nil }
        return Style(fg: fg, bg: bg, attributes: attributes)
    }

    // MARK: Values

    mutating func mapping(_ node: Node, what: Localized) -> [(key: Node, value: Node)]? {
        if case .mapping(let m) = node { return Array(m) }
        fail(.wrongType, mark(node), da: "\(what.da) skal være en samling af 'nøgle: værdi'",
             en: "\(what.en) must be a set of 'key: value' pairs")
        return nil
    }

    mutating func string(_ node: Node, key: String) -> String? {
        if case .scalar(let s) = node, !s.string.isEmpty { return s.string }
        fail(.wrongType, mark(node), da: "'\(key)' skal være en tekst", en: "'\(key)' must be a text")
        return nil
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        if case .scalar(let s) = node {
            switch s.string.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        fail(.wrongType, mark(node), da: "'\(key)' skal være true eller false", en: "'\(key)' must be true or false")
        return nil
    }

    mutating func colour(_ node: Node, key: String) -> RGB? {
        guard case .scalar(let s) = node else {
            fail(.wrongType, mark(node), da: "'\(key)' skal være en farve som \"#ffffff\"",
                 en: "'\(key)' must be a colour like \"#ffffff\"")
            return nil
        }
        if let rgb = RGB(hex: s.string) { return rgb }
        if s.string.isEmpty && s.style == .plain {
            // `fg: #ffffff` without quotes: YAML reads `#…` as a comment and the value as empty.
            fail(.badColour, mark(node), da: "'\(key)' mangler en farve; skriv den i anførselstegn, fx \"#ffffff\" (uden dem er # starten på en kommentar)",
                 en: "'\(key)' has no colour; put it in quotes, e.g. \"#ffffff\" (without them # starts a comment)")
        } else {
            fail(.badColour, mark(node), da: "'\(s.string)' er ikke en farve; skriv \"#rrggbb\" med seks hex-cifre, fx \"#ffff00\"",
                 en: "'\(s.string)' is not a colour; write \"#rrggbb\" with six hex digits, e.g. \"#ffff00\"")
        }
        return nil
    }

    mutating func unknownKey(_ key: Node, allowed: [String]) {
        let given = key.string ?? ""
        fail(.unknownKey, mark(key), da: "ukendt nøgle '\(given)'; tilladt her: \(allowed.joined(separator: ", "))",
             en: "unknown key '\(given)'; allowed here: \(allowed.joined(separator: ", "))")
    }

    // MARK: Errors

    func mark(_ node: Node) -> (Int, Int) { (node.mark?.line ?? 1, node.mark?.column ?? 1) }

    mutating func fail(_ kind: ThemeError.Kind, _ at: (Int, Int), da: String, en: String) {
        fail(kind, at.0, at.1, da: da, en: en)
    }

    mutating func fail(_ kind: ThemeError.Kind, _ line: Int, _ column: Int, da: String, en: String) {
        errors.append(ThemeError(kind, file: file, line: line, column: column, Localized(da: da, en: en)))
    }

    /// Decodes strictly, reporting the place of the first byte that is not UTF-8
    /// (a file saved as Latin-1 or Windows-1252 would otherwise show æøå as garbage).
    mutating func decodeUTF8(_ bytes: [UInt8]) -> String? {
        var decoder = UTF8(), iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView(), line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                // Notepad's byte order mark: editors hide it, so columns must not count it.
                if s == "\u{FEFF}" && scalars.isEmpty && line == 1 && column == 1 { continue }
                scalars.append(s)
                if s == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return String(scalars)
            case .error:
                fail(.notUTF8, line, column,
                     da: "filen er ikke gemt som UTF-8 (måske Latin-1/Windows-1252); gem den som UTF-8",
                     en: "the file is not saved as UTF-8 (perhaps Latin-1/Windows-1252); save it as UTF-8")
                return nil
            }
        }
    }

    mutating func syntaxError(_ error: Error, in text: String) {
        var line = 1, column = 1, problem = "\(error)"
        switch error as? YamlError {
        case .scanner(_, let p, let m, _), .parser(_, let p, let m, _), .composer(_, let p, let m, _):
            line = m.line; column = m.column; problem = p
        case .duplicatedKeysInMapping(let keys, let context):
            line = context.mark.line; column = context.mark.column
            let list = keys.map { "'\($0)'" }.joined(separator: ", ")
            fail(.duplicateKey, line, column, da: "nøglen \(list) står mere end én gang",
                 en: "the key \(list) appears more than once")
            return
        case .reader(let p, let offset, _, _):
            problem = p
            if let offset {
                let before = text.prefix(offset)
                line = before.filter { $0 == "\n" }.count + 1
                column = before.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.unicodeScalars.count + 1 } ?? 1
            }
        default: break
        }
        fail(.syntax, line, column, da: "YAML-fejl: \(SyntaxProblem.danish(problem))",
             en: "YAML error: \(problem)")
    }
}
