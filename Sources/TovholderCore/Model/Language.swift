/// The UI language. Danish is the default; the template's own text is never translated.
public enum Language: String, CaseIterable, Sendable {
    case da, en
}

/// A message in both UI languages, chosen when shown.
public struct Localized: Equatable, Sendable, CustomStringConvertible {
    public let da: String
    public let en: String
    public init(da: String, en: String) { self.da = da; self.en = en }
    public func text(_ lang: Language) -> String { lang == .da ? da : en }
    public var description: String { da }
}
