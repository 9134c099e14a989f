import TovholderCore

/// One problem in a theme file, with the place a user should look.
public struct ThemeError: Error, Equatable, Sendable {
    /// What went wrong, for callers and tests that should not parse message text.
    public enum Kind: String, Sendable {
        case unreadable, notUTF8, empty, syntax, wrongType, unsupportedFormat
        case unknownKey, missingKey, duplicateKey, unknownRole, missingRole, badColour
    }

    public var kind: Kind
    public var file: String
    /// 1-based; 0 when the problem has no place in the file (it could not be read).
    public var line: Int
    /// 1-based, counted in Unicode scalars as libyaml does.
    public var column: Int
    public var message: Localized

    public init(_ kind: Kind, file: String, line: Int, column: Int, _ message: Localized) {
        self.kind = kind; self.file = file; self.line = line; self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`, the form editors and terminals can jump to.
    public func text(_ lang: Language) -> String {
        line > 0 ? "\(file):\(line):\(column): \(message.text(lang))" : "\(file): \(message.text(lang))"
    }
}

/// Every problem found in one theme file, in file order.
public struct ThemeErrors: Error, Equatable, Sendable {
    public var errors: [ThemeError]

    public init(_ errors: [ThemeError]) {
        self.errors = errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// One line per problem.
    public func text(_ lang: Language) -> String {
        errors.map { $0.text(lang) }.joined(separator: "\n")
    }
}
