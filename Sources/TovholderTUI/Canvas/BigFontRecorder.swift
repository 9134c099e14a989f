import Foundation

/// What a frame drew in big letters, line by line with its font: lets tests check every word
/// against the floor of legibility and the fonts' coverage from the layout itself, not by
/// guessing glyph sizes back from block characters.
final class BigFontRecorder: @unchecked Sendable {
    struct Drawn: Equatable { var font: BigFont; var text: String }
    private let lock = NSLock()
    private var lines: [Drawn] = []

    func record(_ font: BigFont, _ text: String) {
        lock.lock(); defer { lock.unlock() }
        lines.append(Drawn(font: font, text: text))
    }

    var drawn: [Drawn] { lock.lock(); defer { lock.unlock() }; return lines }
}
