/// Word wrap by display width: breaks at spaces, splits words longer than the width, keeps
/// explicit line breaks. No line is ever wider than `width`.
public func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var w = DisplayWidth.of(word)
            if lineWidth > 0 && lineWidth + 1 + w <= width {
                line += " " + word; lineWidth += 1 + w; continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            while w > width {  // a word wider than the line: cut it by grapheme
                var head = "", hw = 0
                for g in word {
                    let gw = max(1, DisplayWidth.of(g))
                    // A grapheme wider than the whole line still goes alone on one line.
                    if hw + gw > width && !head.isEmpty { break }
                    head.append(g); hw += gw
                }
                lines.append(head)
                word = String(word.dropFirst(head.count)); w = DisplayWidth.of(word)
            }
            line = word; lineWidth = w
        }
        lines.append(line)
    }
    return lines
}

/// Cuts text to `width` cells, ending with "…" when something was cut.
public func truncate(_ text: String, width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.of(text) <= width { return text }
    var out = "", w = 0
    for g in text {
        let gw = DisplayWidth.of(g)
        if w + gw > width - 1 { break }
        out.append(g); w += gw
    }
    return out + "…"
}
