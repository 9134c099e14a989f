/// One problem found in a template file, pointing at the offending node.
/// `line` and `column` are 1-based; column counts Unicode scalars (as libyaml does).
/// `line == 0` means the problem concerns the whole file (it is missing or unreadable).
public struct TemplateIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: Localized

    public init(file: String, line: Int, column: Int, message: Localized) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    /// `FILE:LINE:COLUMN: message` on one line, like a compiler; `FILE: message` for whole-file problems.
    public func text(_ lang: Language) -> String {
        let msg = message.text(lang)
        return line > 0 ? "\(file):\(line):\(column): \(msg)" : "\(file): \(msg)"
    }

    public var description: String { text(.da) }
}

/// Every problem found in one pass over a template, in file order.
public struct TemplateErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public var issues: [TemplateIssue]
    public init(_ issues: [TemplateIssue]) { self.issues = issues }

    /// One line per issue.
    public func text(_ lang: Language) -> String { issues.map { $0.text(lang) }.joined(separator: "\n") }
    public var description: String { text(.da) }
}
