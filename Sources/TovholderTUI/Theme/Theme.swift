/// How one colour role looks: colours plus attributes.
public struct Style: Hashable, Sendable {
    public var fg: RGB
    public var bg: RGB
    public var attributes: TextAttributes

    public init(fg: RGB, bg: RGB, attributes: TextAttributes = []) {
        self.fg = fg; self.bg = bg; self.attributes = attributes
    }
}

/// A theme maps every colour role to a style. Screens only ever name roles.
public struct Theme: Equatable, Sendable {
    public var name: String
    /// Has an entry for every `Role`: the loader refuses a file that misses one.
    public var styles: [Role: Style]
    /// False for the NO_COLOR theme: the backend must then set no colours at all and use
    /// only the attributes, leaving the terminal's own foreground and background.
    public var usesColour: Bool

    public init(name: String, styles: [Role: Style], usesColour: Bool = true) {
        self.name = name; self.styles = styles; self.usesColour = usesColour
    }

    /// The style of a role; plain text if a hand-built theme lacks it.
    public subscript(role: Role) -> Style {
        styles[role] ?? styles[.text] ?? Style(fg: .white, bg: .black)
    }

    /// The theme used when nothing else is asked for.
    public static let defaultName = "projector"

    /// For NO_COLOR (https://no-color.org): attributes only, chosen so that everything that
    /// differs by colour in the colour themes is still told apart where it matters.
    /// fg/bg are placeholders; `usesColour == false` tells the backend to ignore them.
    public static let monochrome: Theme = {
        let table: [Role: TextAttributes] = [
            .text: [],
            .muted: [.dim],
            .heading: [.bold],
            .titleBar: [.reverse],
            .keyBar: [.reverse],
            .keyName: [.reverse, .bold],      // the key stands out inside the reversed bar
            .now: [.reverse, .bold],
            .next: [.bold],
            .held: [.dim],
            .ahead: [],                       // the words say "foran"; nothing to warn about
            .behind: [.bold],
            .timer: [],
            .timerWarning: [.bold],
            .timerCritical: [.reverse],
            .timerOverrun: [.reverse, .bold],
            .selection: [.reverse],
            .border: [.dim],
            .error: [.bold, .underline],
            .control: [.reverse],
        ]
        var styles: [Role: Style] = [:]
        for role in Role.allCases {
            styles[role] = Style(fg: .white, bg: .black, attributes: table[role] ?? [])
        }
        return Theme(name: "monochrome", styles: styles, usesColour: false)
    }()

    /// Compiled-in copy of themes/projector.yaml, used when no themes/ folder can be found
    /// (a binary copied alone to a laptop). A test keeps it equal to the file.
    public static let builtInProjector: Theme = {
        let black = RGB(0x000000), white = RGB(0xffffff), yellow = RGB(0xffff00)
        func s(_ fg: RGB, _ bg: RGB, _ a: TextAttributes = []) -> Style { Style(fg: fg, bg: bg, attributes: a) }
        let styles: [Role: Style] = [
            .text: s(white, black),
            .muted: s(RGB(0xbcbcbc), black),
            .heading: s(yellow, black, .bold),
            .titleBar: s(black, white, .bold),
            .keyBar: s(black, RGB(0xd7d7d7)),
            .keyName: s(black, yellow, .bold),
            .now: s(black, yellow, .bold),
            .next: s(RGB(0x00ffff), black, .bold),
            .held: s(RGB(0x9e9e9e), black),
            .ahead: s(RGB(0x00ff00), black),
            .behind: s(RGB(0xff8787), black, .bold),
            .timer: s(RGB(0x00ff00), black, .bold),
            .timerWarning: s(yellow, black, .bold),
            .timerCritical: s(black, RGB(0xff8700), .bold),
            .timerOverrun: s(white, RGB(0x870000), .bold),
            .selection: s(white, RGB(0x0000af), .bold),
            .border: s(RGB(0x87afff), black),
            .error: s(white, RGB(0x870000), [.bold, .underline]),
            .control: s(black, RGB(0xff87ff)),
        ]
        return Theme(name: "projector", styles: styles)
    }()
}
