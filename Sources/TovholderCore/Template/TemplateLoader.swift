import Foundation
import Yams

/// Reads and validates day templates (`sessions/*.yaml`). Files are only ever read, never written.
public enum TemplateLoader {
    typealias M = TemplateMessage

    /// Loads the template at `path` with the dialogue card decks it names (`decks:`, see
    /// `TemplateDecks`). Issues name `displayName` (default: `path` as given).
    public static func load(path: String, displayName: String? = nil) -> Result<DayTemplate, TemplateErrors> {
        load(path: path, displayName: displayName, catalog: TemplateCatalog.directory())
    }

    /// `catalog` is the folder of bundled templates, whose `decks/` holds the bundled decks.
    static func load(path: String, displayName: String?, catalog: String?) -> Result<DayTemplate, TemplateErrors> {
        let name = displayName ?? path
        let bytes: [UInt8]
        switch readFile(path: path, name: name) {
        case let .failure(errors): return .failure(errors)
        case let .success(b): bytes = b
        }
        let (day, issues, selection) = read(bytes: bytes, file: name)
        // A file stopped at its syntax or its format line has no deck names to look for.
        guard let selection else { return finish(day, issues) }
        let decks = TemplateDecks(templatePath: path, displayName: name, catalog: catalog).load(selection)
        // Missing decks are reported in the template, among its other issues; a broken deck file after them.
        let inTemplate = sortedByPlace(issues + decks.issues.filter { $0.file == name })
        let inDecks = decks.issues.filter { $0.file != name }
        guard var day, inTemplate.isEmpty, inDecks.isEmpty else { return .failure(TemplateErrors(inTemplate + inDecks)) }
        day.decks = decks.decks
        return .success(day)
    }

    /// Validates a template held in memory; `file` is the name used in issues. Pure: the decks it
    /// names are checked for form only, not looked up (that is `load(path:)`), so `decks` is empty.
    public static func parse(bytes: [UInt8], file: String) -> Result<DayTemplate, TemplateErrors> {
        let (day, issues, _) = read(bytes: bytes, file: file)
        return finish(day, issues)
    }

    private static func finish(_ day: DayTemplate?, _ issues: [TemplateIssue]) -> Result<DayTemplate, TemplateErrors> {
        if let day, issues.isEmpty { return .success(day) }
        return .failure(TemplateErrors(sortedByPlace(issues)))
    }

    /// The day (if it is valid), every issue found, and the decks it asks for (`nil` if the file
    /// could not be read as far as that).
    private static func read(bytes: [UInt8], file: String) -> (DayTemplate?, [TemplateIssue], DeckSelection?) {
        let root: Node
        switch compose(bytes: bytes, file: file, empty: M.empty) {
        case let .failure(errors): return (nil, errors.issues, nil)
        case let .success(node): root = node
        }
        let reader = NodeReader(file: file)
        let day = reader.readDay(root)
        return (day, reader.issues, reader.deckSelection)
    }

    // MARK: Shared with deck files

    /// The bytes of the file at `path`, or a whole-file issue naming `name`.
    static func readFile(path: String, name: String) -> Result<[UInt8], TemplateErrors> {
        func fail(_ m: Localized) -> Result<[UInt8], TemplateErrors> {
            .failure(TemplateErrors([TemplateIssue(file: name, line: 0, column: 0, message: m)]))
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return fail(M.fileMissing) }
        guard !isDir.boolValue else { return fail(M.isDirectory) }
        guard let data = FileManager.default.contents(atPath: path) else { return fail(M.unreadable) }
        return .success([UInt8](data))
    }

    /// The YAML tree of `bytes`, or the one issue (not UTF-8, bad syntax, `empty`) that stops reading.
    static func compose(bytes: [UInt8], file: String, empty: Localized) -> Result<Node, TemplateErrors> {
        func fail(_ line: Int, _ column: Int, _ m: Localized) -> Result<Node, TemplateErrors> {
            .failure(TemplateErrors([TemplateIssue(file: file, line: line, column: column, message: m)]))
        }
        // libyaml does not skip a UTF-8 byte order mark given as a string; editors never show it,
        // so dropping it keeps columns on line 1 as the user sees them.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let (line, column) = firstInvalidUTF8(body) { return fail(line, column, M.notUTF8) }
        let text = String(decoding: body, as: UTF8.self)

        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (line, column, message) = describe(error, in: text)
            return fail(line, column, message)
        } catch {
            return fail(1, 1, M.syntax(String(describing: error)))
        }
        guard let root, !NodeReader.isNull(root) else { return fail(1, 1, empty) }
        return .success(root)
    }

    /// Issues in file order. Stable: issues at the same place keep the order they were found in.
    static func sortedByPlace(_ issues: [TemplateIssue]) -> [TemplateIssue] {
        issues.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
    }

    // MARK: Bytes

    /// The 1-based line and column (in Unicode scalars) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard i + length <= bytes.count else { return (line, column) }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (line, column) }
            if length == 3 {
                // No overlong forms and no UTF-16 surrogates.
                let second = bytes[i + 1]
                if (b == 0xE0 && second < 0xA0) || (b == 0xED && second > 0x9F) { return (line, column) }
            } else if length == 4 {
                let second = bytes[i + 1]
                if (b == 0xF0 && second < 0x90) || (b == 0xF4 && second > 0x8F) { return (line, column) }
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return nil
    }

    // MARK: Yams errors

    /// Turns a Yams error into a place and a plain message.
    static func describe(_ error: YamlError, in text: String) -> (Int, Int, Localized) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // At the end of a truncated file the problem mark is past the last line; where the
            // unfinished thing started (the context mark) is the useful place.
            if problem.contains("end of stream") || problem.contains("did not find expected ',' or"), let context {
                return (context.mark.line, context.mark.column, M.syntax(problem))
            }
            return (max(mark.line, 1), max(mark.column, 1), M.syntax(problem))
        case let .reader(problem, offset, _, yaml):
            let (line, column) = position(ofCharacter: offset ?? 0, in: yaml)
            return (line, column, M.syntax(problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let first = context.mark
            let second = secondOccurrence(of: key, after: first, in: text)
            return (second?.0 ?? first.line, second?.1 ?? first.column, M.duplicateKey(key, firstLine: first.line))
        default:
            return (1, 1, M.syntax(String(describing: error)))
        }
    }

    /// Line and scalar column of the character at `offset` (Yams counts reader offsets in Characters).
    static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for ch in text.prefix(offset) {
            if ch == "\n" || ch == "\r\n" { line += 1; column = 1 } else { column += ch.unicodeScalars.count }
        }
        return (line, column)
    }

    /// Yams points a duplicate key at its first occurrence; the second is what the user must fix.
    /// Looks for a later line with the same key at the same column (block mappings, the usual case).
    static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (Int, Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line < lines.count else { return nil }
        for index in mark.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            let start = mark.column - 1
            guard start < scalars.count else { continue }
            let indentOK = scalars[..<start].allSatisfy { $0 == " " || $0 == "-" }
            // A shallower line means the mapping has ended.
            if let firstNonSpace = scalars.firstIndex(where: { $0 != " " }), firstNonSpace < start,
               !indentOK { return nil }
            guard indentOK else { continue }
            let rest = String(String.UnicodeScalarView(scalars[start...]))
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate) {
                let after = rest.dropFirst(candidate.count).drop(while: { $0 == " " })
                if after.first == ":" { return (index + 1, mark.column) }
            }
        }
        return nil
    }
}
