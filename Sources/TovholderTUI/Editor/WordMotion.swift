/// Ctrl-← / Ctrl-→ as in the word processors participants know: right goes to the start
/// of the next word, left to the start of this or the previous word; a newline is a stop of
/// its own, so a jump never runs through several paragraphs at once.
enum WordMotion {
    enum Class { case space, newline, word, punctuation }

    static func classify(_ g: Character) -> Class {
        if g == "\n" { return .newline }  // as in the layout: only a lone LF breaks a line
        if g.isWhitespace { return .space }
        if g.isLetter || g.isNumber || g == "_" { return .word }
        // Emoji, symbols and punctuation group with each other, apart from words.
        if g.isPunctuation || g.isSymbol { return .punctuation }
        return .word
    }

    static func right(from index: Int, in text: [Character]) -> Int {
        var i = index
        guard i < text.count else { return i }
        let kind = classify(text[i])
        if kind == .newline { return i + 1 }
        if kind != .space {
            while i < text.count && classify(text[i]) == kind { i += 1 }
        }
        while i < text.count && classify(text[i]) == .space { i += 1 }
        return i
    }

    static func left(from index: Int, in text: [Character]) -> Int {
        var i = index
        while i > 0 && classify(text[i - 1]) == .space { i -= 1 }
        guard i > 0 else { return 0 }
        let kind = classify(text[i - 1])
        if kind == .newline { return i == index ? i - 1 : i }
        while i > 0 && classify(text[i - 1]) == kind { i -= 1 }
        return i
    }
}
