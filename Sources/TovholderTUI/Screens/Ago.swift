import Foundation
import TovholderCore

/// "12 s siden", "3 min siden".
enum Ago {
    static func text(_ seconds: Double, _ s: Strings) -> String {
        let secs = max(0, Int(seconds))
        return secs < 120 ? s.format(.secondsAgo, secs) : s.format(.minutesAgo, secs / 60)
    }
}
