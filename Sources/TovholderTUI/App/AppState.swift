import TovholderCore

/// Which screen the facilitator looks at.
public enum Screen: Equatable, Sendable {
    case item
    case agenda(selected: Int)
    case help(returnTo: HelpReturn)
    public enum HelpReturn: Equatable, Sendable {
        case item, agenda(selected: Int)
        var screen: Screen {
            switch self {
            case .item: return .item
            case .agenda(let s): return .agenda(selected: s)
            }
        }
    }

    var keyContext: KeyContext {
        switch self {
        case .item: return .item
        case .agenda: return .agenda
        case .help: return .help
        }
    }
}

/// Everything a frame is drawn from. Screens are pure functions of this.
public struct AppState: Equatable, Sendable {
    public var session: SessionState
    public var screen: Screen = .item
    public var strings: Strings
    /// The session file's name, shown in the title line.
    public var fileName: String
    /// Wall-clock now, seconds since 1970: set by every tick.
    public var now: Double
    /// Local time zone offset, so clock times and the agenda are in local time.
    public var utcOffsetSeconds: Int
    public var size: Size

    public init(session: SessionState, language: Language, fileName: String, now: Double,
                utcOffsetSeconds: Int, size: Size) {
        self.session = session; self.strings = Strings(language); self.fileName = fileName
        self.now = now; self.utcOffsetSeconds = utcOffsetSeconds; self.size = size
    }

    /// Local minutes since midnight for a wall-clock time.
    public func minuteOfDay(_ t: Double) -> Double {
        let local = t + Double(utcOffsetSeconds)
        let day = 86_400.0
        return (local - (local / day).rounded(.down) * day) / 60
    }

    public var clock: ClockTime { ClockTime(minutes: Int(minuteOfDay(now))) }

    public var plan: AgendaPlan { AgendaPlan(state: session, now: now, minuteOfDay: minuteOfDay) }

    public static let minimumSize = Size(width: 80, height: 24)
    public var isTooSmall: Bool { size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height }

    public static func == (a: AppState, b: AppState) -> Bool {
        a.session == b.session && a.screen == b.screen && a.strings.language == b.strings.language
            && a.fileName == b.fileName && a.now == b.now && a.size == b.size
    }
}

/// Facts the loop reports to `update`.
public enum Message: Equatable, Sendable {
    case key(Key)
    case tick(now: Double)
    case resized(Size)
    case sessionReloaded(SessionState)
}

/// Plain data the shell carries out.
public enum Effect: Equatable, Sendable {
    case save([SessionChange])
    case bell
    case quit
}
