extension Theme {
    /// The theme as a terminal with `colours` colours can show it: exact xterm-256 indexes
    /// where there are 256, the nearest of the 8 basic colours otherwise, none at all for
    /// monochrome (attributes only).
    public func terminalStyles(colours: Int) -> [Role: TerminalStyle] {
        var out: [Role: TerminalStyle] = [:]
        for role in Role.allCases {
            let style = self[role]
            guard usesColour, colours >= 8 else {
                out[role] = TerminalStyle(fg: -1, bg: -1, attributes: style.attributes)
                continue
            }
            let fg = colours >= 256 ? style.fg.xterm256Index : style.fg.ansi8Index
            let bg = colours >= 256 ? style.bg.xterm256Index : style.bg.ansi8Index
            out[role] = TerminalStyle(fg: Int16(fg), bg: Int16(bg), attributes: style.attributes)
        }
        return out
    }
}
