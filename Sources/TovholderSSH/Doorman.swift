import Foundation
import TovholderCore

/// Limits connections that have not logged in: at most `perAddress` from one address and
/// `total` in all. Beyond that a new one is closed at once, and that is told once a minute
/// per address, so a scan or a flood cannot use up serve's file descriptors or its log while
/// the groups still get in. Used on the event loop only.
struct Doorman {
    static let perAddress = 10
    static let total = 100

    private var waiting: [String: Int] = [:]
    private var waitingTotal = 0
    /// Turned away since it was last told, per address (the key "*" for the total).
    private var turnedAway: [String: (count: Int, told: Double)] = [:]

    enum Verdict: Equatable {
        case admitted
        /// Closed at once; `tell` is a line to log (at most once a minute per address).
        case turnedAway(tell: Localized?)
    }

    mutating func admit(_ address: String, now: Double) -> Verdict {
        let full = waitingTotal >= Self.total
        guard full || waiting[address, default: 0] >= Self.perAddress else {
            waiting[address, default: 0] += 1
            waitingTotal += 1
            return .admitted
        }
        let key = full ? "*" : address
        var seen = turnedAway[key] ?? (0, -.infinity)
        seen.count += 1
        defer { turnedAway[key] = seen }
        guard now - seen.told >= 60 else { return .turnedAway(tell: nil) }
        let count = seen.count
        seen = (0, now)
        return .turnedAway(tell: full
            ? Localized(da: "For mange forbindelser uden login (\(Self.total)): nye lukkes straks (\(count) lukket).",
                        en: "Too many connections without login (\(Self.total)): new ones are closed at once (\(count) closed).")
            : Localized(da: "For mange forbindelser uden login fra \(address): nye lukkes straks (\(count) lukket).",
                        en: "Too many connections without login from \(address): new ones are closed at once (\(count) closed)."))
    }

    /// The connection logged in or closed: it no longer waits.
    mutating func release(_ address: String) {
        guard let n = waiting[address] else { return }
        waiting[address] = n > 1 ? n - 1 : nil
        waitingTotal -= 1
    }

    var count: Int { waitingTotal }
}
