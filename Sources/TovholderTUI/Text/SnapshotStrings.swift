import TovholderCore

/// The words of snapshots on the facilitator's console.
public enum SnapshotKey: CaseIterable, Sendable {
    case failedRetrying, takenAgain
}

extension Strings {
    public subscript(_ key: SnapshotKey) -> String { Strings.table(key).text(language) }

    public func format(_ key: SnapshotKey, _ args: CustomStringConvertible...) -> String {
        Strings.fill(self[key], args)
    }

    static func table(_ key: SnapshotKey) -> Localized {
        func l(_ da: String, _ en: String) -> Localized { Localized(da: da, en: en) }
        switch key {
        case .failedRetrying: return l("Øjebliksbillede kunne ikke tages: %1 – prøver igen om et minut",
                                       "Snapshot could not be taken: %1 – trying again in a minute")
        case .takenAgain: return l("Øjebliksbillede taget igen ✓", "Snapshot taken again ✓")
        }
    }
}
