/// Every user-facing message about template files, in Danish and English, in one table.
/// Written for facilitators, not programmers: say what is wrong and what to write instead.
enum TemplateMessage {
    typealias L = Localized

    // MARK: The file as a whole

    static let fileMissing = L(da: "filen findes ikke", en: "file not found")
    static let isDirectory = L(da: "er en mappe, ikke en fil", en: "is a folder, not a file")
    static let unreadable = L(da: "filen kan ikke læses", en: "the file cannot be read")
    static let empty = L(da: "filen er tom — en skabelon starter med \"format: 1\"",
                         en: "the file is empty — a template starts with \"format: 1\"")
    static let notUTF8 = L(da: "filen er ikke gemt som UTF-8 (tegnet her kan ikke læses) — gem den som UTF-8 i din editor",
                           en: "the file is not saved as UTF-8 (the character here cannot be read) — save it as UTF-8 in your editor")
    static let rootNotMapping = L(da: "filen skal bestå af nøgler som \"format: 1\" og \"title: …\"",
                                  en: "the file must consist of keys such as \"format: 1\" and \"title: …\"")
    static func badFormat(_ v: String) -> L {
        L(da: "format \(q(v)) kendes ikke — denne version af Tovholder læser format 1",
          en: "format \(q(v)) is unknown — this version of Tovholder reads format 1")
    }

    // MARK: YAML syntax

    static func syntax(_ problem: String) -> L {
        switch problem {
        case let p where p.contains("end of stream"):
            return L(da: "filen slutter for tidligt — mangler der et afsluttende anførselstegn eller en parentes?",
                     en: "the file ends too early — is a closing quote or bracket missing?")
        case let p where p.contains("mapping values are not allowed"):
            return L(da: "et kolon (:) står et sted, hvor det ikke må — sæt teksten i anførselstegn, eller tjek indrykningen",
                     en: "a colon (:) is not allowed here — put the text in quotes, or check the indentation")
        case let p where p.contains("cannot start any token"):
            return L(da: "tegnet kan ikke stå her (et tabulatortegn? brug mellemrum til indrykning)",
                     en: "this character cannot be here (a tab? use spaces for indentation)")
        case let p where p.contains("did not find expected key"), let p where p.contains("did not find expected '-'"):
            return L(da: "indrykningen passer ikke — linjer på samme niveau skal starte i samme kolonne",
                     en: "the indentation does not match — lines on the same level must start in the same column")
        case let p where p.contains("did not find expected ',' or"):
            return L(da: "listen eller afsnittet i [ ] eller { } lukkes ikke — mangler der et komma eller en afsluttende parentes?",
                     en: "the list or section in [ ] or { } is not closed — is a comma or a closing bracket missing?")
        case let p where p.contains("expected <document start>"):
            return L(da: "linjen hører ikke til noget ovenfor — tjek indrykningen",
                     en: "this line does not belong to anything above — check the indentation")
        case let p where p.contains("could not find expected ':'"):
            return L(da: "mangler et kolon (:) efter nøglen", en: "a colon (:) is missing after the key")
        case let p where p.contains("undefined alias"):
            return L(da: "henvisningen (*navn) peger ikke på noget (&navn)", en: "the alias (*name) refers to no anchor (&name)")
        case let p where p.contains("another document"):
            return L(da: "filen må kun indeholde én skabelon (fjern \"---\")", en: "the file may hold only one template (remove \"---\")")
        case let p where p.contains("control characters"):
            return L(da: "filen indeholder et usynligt kontroltegn her — slet det", en: "the file contains an invisible control character here — delete it")
        default:
            return L(da: "ugyldig YAML: \(oneLine(problem))", en: "invalid YAML: \(oneLine(problem))")
        }
    }

    static func duplicateKey(_ key: String, firstLine: Int) -> L {
        L(da: "nøglen \(q(key)) står to gange i samme afsnit (første gang i linje \(firstLine))",
          en: "the key \(q(key)) appears twice in the same section (first on line \(firstLine))")
    }

    // MARK: Keys and types

    static func unknownKey(_ key: String, allowed: [String]) -> L {
        L(da: "ukendt nøgle \(q(key)) — tilladt: \(allowed.joined(separator: ", "))",
          en: "unknown key \(q(key)) — allowed: \(allowed.joined(separator: ", "))")
    }
    static let keyNotText = L(da: "en nøgle skal være et ord, fx title", en: "a key must be a word, e.g. title")
    static func missingKeys(_ keys: [String]) -> L {
        if keys.count == 1 { return L(da: "mangler nøglen \(q(keys[0]))", en: "missing key \(q(keys[0]))") }
        let quoted = keys.map { q($0) }
        let list = quoted.dropLast().joined(separator: ", ")
        return L(da: "mangler nøglerne \(list) og \(quoted.last!)", en: "missing keys \(list) and \(quoted.last!)")
    }
    static func wrongType(_ key: String, expected: Shape, found: Shape) -> L {
        L(da: "\(q(key)) skal være \(expected.da), ikke \(found.da)",
          en: "\(q(key)) must be \(expected.en), not \(found.en)")
    }
    static func missingValue(_ key: String) -> L {
        L(da: "\(q(key)) mangler en værdi", en: "\(q(key)) has no value")
    }
    static func emptyText(_ key: String) -> L {
        L(da: "\(q(key)) er tom — skriv en tekst", en: "\(q(key)) is empty — write a text")
    }
    static func emptyEntry(_ key: String) -> L {
        L(da: "tomt punkt i listen \(q(key))", en: "empty entry in the list \(q(key))")
    }
    static func entryWithColon(_ key: String) -> L {
        L(da: "punktet i \(q(key)) skal være en tekst — indeholder det et kolon (:), så sæt det i anførselstegn",
          en: "the entry in \(q(key)) must be a text — if it contains a colon (:), put it in quotes")
    }
    static func emptyList(_ key: String) -> L {
        L(da: "\(q(key)) skal have mindst ét punkt", en: "\(q(key)) needs at least one entry")
    }
    static func notInteger(_ key: String, _ v: String, _ range: ClosedRange<Int>) -> L {
        L(da: "\(q(key)) skal være et helt tal fra \(range.lowerBound) til \(range.upperBound), ikke \(q(v))",
          en: "\(q(key)) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(q(v))")
    }
    static func notBool(_ key: String, _ v: String) -> L {
        L(da: "\(q(key)) skal være true eller false, ikke \(q(v))", en: "\(q(key)) must be true or false, not \(q(v))")
    }
    static func badTime(_ v: String) -> L {
        L(da: "klokkeslættet \(q(v)) findes ikke — skriv fx 09.30 (timer 00–23, minutter 00–59)",
          en: "the time \(q(v)) does not exist — write e.g. 09:30 (hours 00–23, minutes 00–59)")
    }
    static func badDate(_ v: String) -> L {
        L(da: "datoen \(q(v)) findes ikke — skriv år-måned-dag, fx 2023-12-05",
          en: "the date \(q(v)) does not exist — write year-month-day, e.g. 2023-12-05")
    }
    static func unknownValue(_ what: Localized, _ v: String, allowed: [String]) -> L {
        L(da: "ukendt \(what.da) \(q(v)) — tilladt: \(allowed.joined(separator: ", "))",
          en: "unknown \(what.en) \(q(v)) — allowed: \(allowed.joined(separator: ", "))")
    }
    static let kindWord = L(da: "type", en: "kind")
    static let partWord = L(da: "del af arbejdsarket", en: "worksheet part")
    static let dotsPerWord = L(da: "hvem prikkerne tilhører", en: "who the dots belong to")

    // MARK: The day's rules

    static func badID(_ v: String) -> L {
        L(da: "id \(q(v)) må kun indeholde små bogstaver a–z, tal og bindestreg, fx \"drøm-mål\" → \"droem-maal\"",
          en: "id \(q(v)) may only contain lowercase letters a–z, digits and dashes")
    }
    static func duplicateID(_ v: String, firstLine: Int) -> L {
        L(da: "id \(q(v)) er allerede brugt i linje \(firstLine) — hvert punkt skal have sit eget id",
          en: "id \(q(v)) is already used on line \(firstLine) — every item needs its own id")
    }
    static func duplicateGroup(_ v: String, firstLine: Int) -> L {
        L(da: "gruppenavnet \(q(v)) står allerede i linje \(firstLine)",
          en: "the group name \(q(v)) already appears on line \(firstLine)")
    }
    static func overlap(start: ClockTime, previousID: String, previousEnd: ClockTime) -> L {
        L(da: "punktet starter \(start.formatted()), men det forrige punkt \(q(previousID)) slutter først \(previousEnd.formatted())",
          en: "this item starts at \(start.formatted(separator: ":")), but the previous item \(q(previousID)) ends at \(previousEnd.formatted(separator: ":"))")
    }
    static let pastMidnight = L(da: "punktet slutter efter midnat", en: "the item ends after midnight")
    static func roadmapBackwards(from: CalendarDate, to: CalendarDate) -> L {
        L(da: "slutdatoen \(to.iso) ligger før startdatoen \(from.iso)",
          en: "the end date \(to.iso) is before the start date \(from.iso)")
    }

    // MARK: Helpers

    /// A user's value quoted for a message: one line, no control characters (so a template can never
    /// send escape sequences to a terminal), and not too long.
    static func q(_ s: String) -> String {
        let clean = oneLine(s)
        let short = clean.count > 40 ? String(clean.prefix(39)) + "…" : clean
        return "\"" + short + "\""
    }

    static func oneLine(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map {
            $0.properties.generalCategory == .control ? "?" : $0
        }))
    }
}

/// What a YAML node looks like, for "must be a text, not a list" messages.
enum Shape {
    case text, list, mapping
    var da: String { switch self { case .text: "en tekst"; case .list: "en liste"; case .mapping: "et afsnit med nøgler" } }
    var en: String { switch self { case .text: "a text"; case .list: "a list"; case .mapping: "a section with keys" } }
}
