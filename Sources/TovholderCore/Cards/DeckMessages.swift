/// The user-facing messages about dialogue card decks (`sessions/decks/*.yaml`) and the
/// template's `decks:` key, in Danish and English. Shapes, keys and syntax share
/// `TemplateMessage`; these are the deck's own rules.
enum DeckMessage {
    typealias L = Localized

    static let empty = L(da: "filen er tom — en kortbunke starter med \"format: 1\"",
                         en: "the file is empty — a card deck starts with \"format: 1\"")

    // MARK: Cards

    static let noCards = L(da: "kortbunken har ingen kort — skriv mindst ét kort under \"cards\"",
                           en: "the deck has no cards — write at least one card under \"cards\"")
    static func noQuestions(_ id: String?) -> L {
        let card = id.map { "kortet \(q($0))" } ?? "kortet"
        let en = id.map { "the card \(q($0))" } ?? "the card"
        return L(da: "\(card) har ingen spørgsmål — skriv mindst ét under \"questions\"",
                 en: "\(en) has no questions — write at least one under \"questions\"")
    }
    static func badCardID(_ v: String) -> L {
        L(da: "kort-id \(q(v)) må kun indeholde små bogstaver a–z, tal og bindestreg, fx \"mål-og-resultater\" → \"maal-og-resultater\"",
          en: "card id \(q(v)) may only contain lowercase letters a–z, digits and dashes")
    }
    static func duplicateCardID(_ v: String, firstLine: Int) -> L {
        L(da: "kort-id \(q(v)) er allerede brugt i linje \(firstLine) — hvert kort skal have sit eget id",
          en: "card id \(q(v)) is already used on line \(firstLine) — every card needs its own id")
    }

    // MARK: The template's `decks:`

    /// A deck named without a folder, looked for in the `decks` folders.
    static func deckNotFound(_ name: String, folders: [String]) -> L {
        let file = oneLine(name.hasSuffix(".yaml") ? name : name + ".yaml")
        let places = folders.map { oneLine($0) + "/" }.joined(separator: " og ")
        let placesEN = folders.map { oneLine($0) + "/" }.joined(separator: " and ")
        return L(da: "kortbunken \(q(name)) findes ikke — der er ledt efter \(file) i \(places). Skriv navnet på en fil i en decks-mappe, eller en sti som ./kort/vores-kort.yaml",
                 en: "the card deck \(q(name)) does not exist — looked for \(file) in \(placesEN). Write the name of a file in a decks folder, or a path such as ./kort/vores-kort.yaml")
    }
    /// A deck named by a path, relative to the template's folder.
    static func deckFileNotFound(_ entry: String, path: String) -> L {
        L(da: "kortbunken \(q(entry)) findes ikke — der er ledt efter filen \(oneLine(path)) (stien regnes fra skabelonens mappe)",
          en: "the card deck \(q(entry)) does not exist — looked for the file \(oneLine(path)) (the path is taken from the template's folder)")
    }
    static func duplicateDeck(_ id: String, firstLine: Int) -> L {
        L(da: "kortbunken \(q(id)) står allerede i linje \(firstLine) — nævn hver kortbunke én gang",
          en: "the card deck \(q(id)) is already listed on line \(firstLine) — name each deck once")
    }

    // MARK: Helpers

    static func q(_ s: String) -> String { TemplateMessage.q(s) }
    static func oneLine(_ s: String) -> String { TemplateMessage.oneLine(s) }
}
