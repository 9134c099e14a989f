import Yams

/// A value in a mapping together with its key, so errors about an empty value can point at the key.
struct Field {
    let name: String
    let key: Node
    let value: Node
}

/// The keys of one YAML mapping, checked against the allowed ones.
struct Fields {
    let node: Node
    private var byName: [String: Field] = [:]

    init(node: Node, fields: [Field]) {
        self.node = node
        for f in fields where byName[f.name] == nil { byName[f.name] = f }
    }
    subscript(_ name: String) -> Field? { byName[name] }
}

/// Reads Yams' node tree with types, collecting every problem with its line and column
/// instead of stopping at the first (Yams' Codable errors carry only a coding path).
final class NodeReader {
    typealias M = TemplateMessage
    let file: String
    private(set) var issues: [TemplateIssue] = []
    /// The decks a template asks for, set by `readDay` (`nil` if it stopped before its keys);
    /// `TemplateLoader.load(path:)` looks them up, so parsing stays free of file access.
    var deckSelection: DeckSelection?

    init(file: String) { self.file = file }

    // MARK: Reporting

    func report(_ node: Node, _ message: Localized) {
        let (line, column) = Self.position(node)
        report(line: line, column: column, message)
    }

    func report(line: Int, column: Int, _ message: Localized) {
        issues.append(TemplateIssue(file: file, line: line, column: column, message: message))
    }

    static func position(_ node: Node) -> (Int, Int) {
        guard let m = node.mark else { return (1, 1) }
        return (max(m.line, 1), max(m.column, 1))
    }

    static func line(_ node: Node) -> Int { position(node).0 }

    static func shape(_ node: Node) -> Shape {
        switch node {
        case .mapping: return .mapping
        case .sequence: return .list
        case .scalar, .alias: return .text
        }
    }

    /// An empty value (`key:` with nothing after it, or `~`/`null`).
    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(s) = node, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    // MARK: Mappings

    /// Whether the root's `format` (if given) is 1. A file for a newer format would only give
    /// confusing errors, so the caller stops after this one.
    func formatIsKnown(_ root: Node) -> Bool {
        guard case let .mapping(m) = root, let (key, value) = m.first(where: { $0.key.string == "format" }) else {
            return true
        }
        if NodeReader.isNull(value) { report(key, M.missingValue("format")); return false }
        guard let raw = value.scalar?.string.trimmingSpaces else {
            report(value, M.wrongType("format", expected: .text, found: NodeReader.shape(value))); return false
        }
        if raw != "1" { report(value, M.badFormat(raw)); return false }
        return true
    }

    /// The keys of `node`, reporting unknown keys with the allowed ones. `nil` (and an issue)
    /// if the node is not a mapping at all.
    func fields(_ node: Node, named name: String, allowed: [String]) -> Fields? {
        guard case let .mapping(mapping) = node else {
            report(node, M.wrongType(name, expected: .mapping, found: Self.shape(node)))
            return nil
        }
        var list: [Field] = []
        for (key, value) in mapping {
            guard case let .scalar(k) = key else { report(key, M.keyNotText); continue }
            guard allowed.contains(k.string) else {
                report(key, M.unknownKey(k.string, allowed: allowed)); continue
            }
            list.append(Field(name: k.string, key: key, value: value))
        }
        return Fields(node: node, fields: list)
    }

    /// Reports the required keys a mapping lacks, all in one issue at the mapping.
    func requireKeys(_ fields: Fields, _ names: [String]) {
        let missing = names.filter { fields[$0] == nil }
        if !missing.isEmpty { report(fields.node, M.missingKeys(missing)) }
    }

    /// A required key (already reported by `requireKeys` if missing).
    func required(_ fields: Fields, _ name: String) -> Field? { fields[name] }

    // MARK: Scalars

    /// The raw text of a scalar (so `09.00`, `2023-12-05` and `true` arrive exactly as written).
    func scalar(_ f: Field) -> String? {
        switch f.value {
        case let .scalar(s): return Self.isNull(f.value) ? nil : s.string
        case .alias: return nil
        default:
            report(f.value, M.wrongType(f.name, expected: .text, found: Self.shape(f.value)))
            return nil
        }
    }

    /// A value that must be there: reports an empty value at the key.
    func requiredScalar(_ f: Field) -> String? {
        if Self.isNull(f.value) { report(f.key, M.missingValue(f.name)); return nil }
        return scalar(f)
    }

    /// Text that must not be empty.
    func text(_ f: Field) -> String? {
        if case .scalar = f.value, Self.isNull(f.value) || trimmed(f.value.string ?? "").isEmpty {
            report(Self.isNull(f.value) ? f.key : f.value, M.emptyText(f.name))
            return nil
        }
        return scalar(f).map(trimmed)
    }

    /// Optional text: absent or empty is `nil`.
    func optionalText(_ f: Field?) -> String? {
        guard let f, let s = scalar(f) else { return nil }
        let t = trimmed(s)
        return t.isEmpty ? nil : t
    }

    func int(_ f: Field, in range: ClosedRange<Int>) -> Int? {
        guard let s = requiredScalar(f) else { return nil }
        guard let n = Int(s), range.contains(n) else {
            report(f.value, M.notInteger(f.name, s, range)); return nil
        }
        return n
    }

    func bool(_ f: Field) -> Bool? {
        guard let s = requiredScalar(f) else { return nil }
        switch s.lowercased() {
        case "true", "yes", "ja", "on": return true
        case "false", "no", "nej", "off": return false
        default: report(f.value, M.notBool(f.name, s)); return nil
        }
    }

    func time(_ f: Field) -> ClockTime? {
        guard let s = requiredScalar(f) else { return nil }
        guard let t = ClockTime(parsing: trimmed(s)) else { report(f.value, M.badTime(s)); return nil }
        return t
    }

    func date(_ f: Field) -> CalendarDate? {
        guard let s = requiredScalar(f) else { return nil }
        guard let d = CalendarDate(iso: trimmed(s)) else { report(f.value, M.badDate(s)); return nil }
        return d
    }

    func choice<E: RawRepresentable & CaseIterable>(_ f: Field, _ what: Localized) -> E? where E.RawValue == String {
        guard let s = requiredScalar(f) else { return nil }
        guard let e = E(rawValue: trimmed(s)) else {
            report(f.value, M.unknownValue(what, s, allowed: E.allCases.map(\.rawValue))); return nil
        }
        return e
    }

    // MARK: Lists

    /// The entries of a list; absent or empty is `[]`.
    func list(_ f: Field?) -> [Node] {
        guard let f, !Self.isNull(f.value) else { return [] }
        guard case let .sequence(seq) = f.value else {
            report(f.value, M.wrongType(f.name, expected: .list, found: Self.shape(f.value)))
            return []
        }
        return Array(seq)
    }

    /// A list of non-empty texts.
    func texts(_ f: Field?) -> [String] {
        guard let f else { return [] }
        return list(f).compactMap { entry in
            let item = Field(name: f.name, key: entry, value: entry)
            if Self.isNull(entry) { report(entry, M.emptyEntry(f.name)); return nil }
            // "- Eksempler: sygefravær" is read by YAML as a key and a value: say how to fix it.
            if case .mapping = entry { report(entry, M.entryWithColon(f.name)); return nil }
            guard let s = scalar(item) else { return nil }
            let t = trimmed(s)
            if t.isEmpty { report(entry, M.emptyEntry(f.name)); return nil }
            return t
        }
    }

    private func trimmed(_ s: String) -> String { s.trimmingSpaces }
}
