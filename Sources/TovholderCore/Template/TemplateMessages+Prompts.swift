/// Messages about a template's method prompts (`prompts:`).
extension TemplateMessage {
    static func unknownPromptPart(_ v: String, allowed: [String]) -> L {
        L(da: "ukendt del af arbejdsarket \(q(v)) under \"prompts\" — tilladt: \(allowed.joined(separator: ", "))",
          en: "unknown worksheet part \(q(v)) under \"prompts\" — allowed: \(allowed.joined(separator: ", "))")
    }
    /// The agreement form's questions have their own key; saying where keeps the writer going.
    static let agreementHasNoPrompts = L(
        da: "aftaleskemaet har ingen metodespørgsmål — skriv dets spørgsmål under \"agreement_questions\"",
        en: "the agreement form has no method prompts — write its questions under \"agreement_questions\"")
}
