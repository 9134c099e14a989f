/// The programme's change log as the minutes tell it: each item's net change once. A run of
/// changes of the same kind to the same item, each within 10 minutes of the one before and
/// with no other change between, is one change from where the run began to where it ended
/// (69 presses of `>` are "Frokost flyttet 345 min senere, til 17.15"); a run that ends where
/// it began (+15 and back −15) leaves no line. The log itself keeps every press.
enum ProgrammeChangeMerge {
    /// Changes further apart than this are separate decisions, told separately.
    static let window: Double = 10 * 60

    struct Net: Equatable {
        /// When the run began (seconds since 1970).
        var at: Double
        /// When its last change was made.
        var lastAt: Double
        var change: ProgrammeChange
    }

    static func merged(_ log: [LoggedChange]) -> [Net] {
        var runs: [Net] = []
        for logged in log {
            if var last = runs.last, logged.at - last.lastAt <= window, let joined = join(last.change, logged.change) {
                last.change = joined; last.lastAt = logged.at
                runs[runs.count - 1] = last
            } else {
                runs.append(Net(at: logged.at, lastAt: logged.at, change: logged.change))
            }
        }
        return runs.filter { !cancelsOut($0.change) }
    }

    /// `a` then `b` as one change, when they are of one kind and about one item.
    static func join(_ a: ProgrammeChange, _ b: ProgrammeChange) -> ProgrammeChange? {
        switch (a, b) {
        case let (.moved(t1, from, _), .moved(t2, _, to)) where t1 == t2:
            return .moved(title: t1, from: from, to: to)
        case let (.resized(t1, from, _), .resized(t2, _, to)) where t1 == t2:
            return .resized(title: t1, from: from, to: to)
        default:
            return nil
        }
    }

    static func cancelsOut(_ c: ProgrammeChange) -> Bool {
        switch c {
        case let .moved(_, from, to): return from == to
        case let .resized(_, from, to): return from == to
        default: return false
        }
    }
}
