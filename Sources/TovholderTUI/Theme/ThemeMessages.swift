// Helpers that make the theme loader's messages friendlier.

/// Plain Danish for libyaml's most common complaints; the rest keep libyaml's English.
enum SyntaxProblem {
    static let table: [String: String] = [
        "mapping values are not allowed in this context":
            "et ':' står et sted, hvor det ikke må (mangler der et mellemrum eller anførselstegn?)",
        "found character that cannot start any token":
            "et tegn, der ikke må stå her (tabulatortegn må ikke bruges til indrykning)",
        "did not find expected key": "indrykningen passer ikke med linjerne før",
        "could not find expected ':'": "mangler ':' efter en nøgle",
        "found unexpected end of stream": "filen slutter midt i en værdi (mangler et anførselstegn?)",
        "did not find expected ',' or '}'": "mangler ',' eller '}' i { … }",
        "found undefined alias": "et *alias uden tilhørende &anker",
        "control characters are not allowed": "filen indeholder et kontroltegn, der ikke må stå i YAML",
    ]
    static func danish(_ problem: String) -> String { table[problem].map { "\($0) (\(problem))" } ?? problem }
}

/// The candidate within two edits of `word`, if any: catches typos such as "headng".
func closest(_ word: String, among candidates: [String]) -> String? {
    // Levenshtein distance, one row at a time.
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let above = row[j]
                row[j] = min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }
    let w = Array(word.lowercased())
    let scored = candidates.map { ($0, distance(w, Array($0.lowercased()))) }.filter { $0.1 <= 2 }
    return scored.min { $0.1 < $1.1 }?.0
}
