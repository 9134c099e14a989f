/// The formats `tovholder export` writes, all from the same `Minutes`.
public enum ExportFormat: String, CaseIterable, Sendable {
    case markdown, html, ics, json

    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .html: return "html"
        case .ics: return "ics"
        case .json: return "json"
        }
    }
}

/// The minutes in one format.
public func render(_ minutes: Minutes, as format: ExportFormat) -> String {
    switch format {
    case .markdown: return MarkdownMinutes.render(minutes)
    case .html: return HTMLMinutes.render(minutes)
    case .ics: return ICSMinutes.render(minutes)
    case .json: return JSONMinutes.render(minutes)
    }
}
