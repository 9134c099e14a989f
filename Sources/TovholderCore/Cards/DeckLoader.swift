import Foundation
import Yams

/// Reads and validates dialogue card decks (`sessions/decks/*.yaml`) with the template
/// machinery: the same UTF-8 check, YAML messages and `FILE:LINE:COLUMN` issues.
/// Files are only ever read, never written.
public enum DeckLoader {
    /// Loads the deck at `path`; its id is the file name without `.yaml`. Issues name
    /// `displayName` (default: `path` as given).
    public static func load(path: String, displayName: String? = nil) -> Result<Deck, TemplateErrors> {
        let name = displayName ?? path
        switch TemplateLoader.readFile(path: path, name: name) {
        case let .failure(errors): return .failure(errors)
        case let .success(bytes): return parse(bytes: bytes, file: name, id: id(ofPath: path))
        }
    }

    /// Validates a deck held in memory; `file` is the name used in issues, `id` the deck's id.
    public static func parse(bytes: [UInt8], file: String, id: String) -> Result<Deck, TemplateErrors> {
        let root: Node
        switch TemplateLoader.compose(bytes: bytes, file: file, empty: DeckMessage.empty) {
        case let .failure(errors): return .failure(errors)
        case let .success(node): root = node
        }
        let reader = NodeReader(file: file)
        let deck = reader.readDeck(root, id: id)
        if let deck, reader.issues.isEmpty { return .success(deck) }
        return .failure(TemplateErrors(TemplateLoader.sortedByPlace(reader.issues)))
    }

    /// "sessions/decks/syv-principper.yaml" → "syv-principper": how a template names the deck.
    static func id(ofPath path: String) -> String {
        let file = (path as NSString).lastPathComponent
        return file.hasSuffix(".yaml") ? String(file.dropLast(5)) : file
    }
}
