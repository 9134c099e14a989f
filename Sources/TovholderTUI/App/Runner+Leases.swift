import Foundation
import TovholderCore

/// Leases on fields: taken when typing starts, renewed while it goes on, given back after
/// 30 s without a key; and how this terminal is named to the others.
extension Runner {
    func acquire(_ field: FieldRef, takeOver: Bool) {
        guard field.historyName != nil else { return }
        let now = clock()
        do {
            switch try store.acquireLease(field: field, holder: holder, label: label, now: now,
                                          ttl: Runner.idleRelease, takeOver: takeOver) {
            case .granted: held[field] = (now, now)
            case .heldBy(let lease): dispatch(.leaseDenied(field, shown(lease)))
            }
        } catch {
            dispatch(.failed(UserFacing.message(for: error).text(state.strings.language)))
        }
    }

    func release(_ field: FieldRef) {
        guard held.removeValue(forKey: field) != nil else { return }
        try? store.releaseLease(field: field, holder: holder)
    }

    /// A keystroke in a held field: the lease runs 30 s from now (renewed at most every 2 s).
    func typed(in field: FieldRef) {
        guard let times = held[field] else { return }
        let now = clock()
        held[field] = (times.renewed, now)
        guard now - times.renewed >= Runner.leaseRenewal else { return }
        if (try? store.renewLease(field: field, holder: holder, now: now, ttl: Runner.idleRelease)) == true {
            held[field] = (now, now)
        }
    }

    /// A field is given back this long after its last keystroke, even with the editor open.
    static let idleRelease = 30.0
    static let leaseRenewal = 2.0

    /// A lease as this terminal names its holder: another terminal of the same group, user
    /// and address would read as ourselves, so it is "Gruppe 2 · anden terminal".
    func shown(_ lease: Lease) -> Lease {
        guard lease.label == label else { return lease }
        var other = lease
        other.label = state.strings.format(.otherTerminal, groupName ?? state.strings[.facilitatorSeat].capitalized)
        return other
    }

    /// The lease holder: this terminal's presence id.
    var holder: String { presence?.id ?? "local" }

    /// How others see this terminal, in leases and the history: "Gruppe 2 (anna, lokal)".
    var label: String { FieldNames.terminal(presence, groupName: groupName, state.strings) }

    var groupName: String? {
        guard case .participant(let id) = state.seat else { return nil }
        return state.workshop.groups.first { $0.id == id }?.name
    }
}
