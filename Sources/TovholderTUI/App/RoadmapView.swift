import TovholderCore

/// The roadmap screen: phases in order, focus on one field of one phase.
public struct RoadmapView: Equatable, Sendable {
    public var focus = 0
    public var pendingDelete: Int64?
    public var returnTo: Screen
    public init(returnTo: Screen) { self.returnTo = returnTo }
}

extension RoadmapEntry {
    public func text(of field: RoadmapField) -> String {
        switch field {
        case .from: return from.iso
        case .to: return to?.iso ?? ""
        case .title: return title
        case .activities: return activities.joined(separator: "\n")
        }
    }

    /// The text an edit starts from: dates written out as a Dane types them.
    func editableText(of field: RoadmapField, _ lang: Language) -> String {
        switch field {
        case .from: return Wording.date(from, lang)
        case .to: return to.map { Wording.date($0, lang) } ?? ""
        default: return text(of: field)
        }
    }
}
