/// Colour roles: screens say what a cell *is*, themes say how it looks.
/// Every role must stay readable in NO_COLOR mode, so screens never rely on colour alone.
public enum Role: String, CaseIterable, Sendable, Codable {
    case text            // body text
    case muted           // secondary text: planned times, hints
    case heading         // an item's title
    case titleBar        // the top line: day, clock, file
    case keyBar          // the bottom key line
    case keyName         // a key's name inside the key line
    case now             // the agenda row that is running now
    case next            // the agenda row that comes next
    case held            // agenda rows already held
    case ahead           // "3 min foran"
    case behind          // "+7 min"
    case timer           // the countdown, plenty of time
    case timerWarning    // 20 % or less left
    case timerCritical   // 5 % or less left
    case timerOverrun    // past zero, counting up
    case selection       // a selected row
    case border          // frames and rules
    case error           // error messages
    case control         // a control character drawn visibly (␛)
}

/// Text attributes a cell can carry in addition to its role's colours.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let reverse = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)
}
