import TovholderCore

/// One place the worksheet screen can focus: an entry, or an empty section's "add" slot.
public enum WorksheetSlot: Equatable, Sendable {
    case entry(Entry)
    case add(EntryKind)

    public var kind: EntryKind {
        switch self {
        case .entry(let e): return e.kind
        case .add(let k): return k
        }
    }
}

extension Worksheet {
    /// The chain in order, each section's entries or its add slot when empty.
    public var slots: [WorksheetSlot] {
        EntryKind.chainOrder.flatMap { kind -> [WorksheetSlot] in
            let list = entries(of: kind)
            return list.isEmpty ? [.add(kind)] : list.map { .entry($0) }
        }
    }
}

extension EntryKind {
    public static let chainOrder: [EntryKind] = [.challenge, .goal, .mechanism, .trialAction, .sign]
}
