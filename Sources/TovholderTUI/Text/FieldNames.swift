import TovholderCore

/// Fields and terminals named as people see them ("Gruppe 2 · Mål 1", "Gruppe 2 (anna,
/// lokal)"), never by their internal names.
enum FieldNames {
    /// "Gruppe 2 · Mål 1", "Gruppe 1 · Aftaleskema · Tovholder", "Plenum · Noter".
    static func name(_ field: FieldRef, _ state: AppState) -> String {
        let s = state.strings
        func group(_ id: Int64) -> String { state.workshop.groups.first { $0.id == id }?.name ?? "" }
        switch field {
        case .entry(let id):
            guard let entry = state.workshop.entry(id: id), let sheet = state.workshop.worksheets[entry.groupID] else {
                return s[.unknownField]
            }
            return group(entry.groupID) + " · " + Wording.entryLabel(entry, in: sheet, s.language)
        case .plenumNote(let item):
            let title = state.session.programme.agenda.first { $0.id == item }?.title ?? ""
            return s[.plenumNotes] + (title.isEmpty ? "" : " · " + title)
        case .itemNote(let item):
            let title = state.session.programme.agenda.first { $0.id == item }?.title ?? ""
            return s[.keyNotes] + (title.isEmpty ? "" : " · " + title)
        case .groupName(let id):
            return group(id)
        case .agreement(let g, let f):
            return group(g) + " · " + s[.keyAgreement] + " · " + AgreementScreen.fieldName(f, s)
        case .agreementRow(let id, let f):
            for (g, form) in state.agreements {
                if let n = form.rows.firstIndex(where: { $0.id == id }) {
                    return group(g) + " · " + s.format(.agreementNumber, n + 1) + " · "
                        + AgreementScreen.slotLabel(.row(id, f), s).trimmingCharacters(in: [":"])
                }
            }
            return s[.unknownField]
        case .cardAnswer(let deal, let q):
            let groupName = state.workshop.cardDeals.first { $0.id == deal }.map { group($0.groupID) } ?? ""
            return groupName + " · " + s[MethodKey.cardTitle] + " · " + s.format(.questionNumber, q + 1)
        case .itemTitle(let id):
            return state.session.programme.agenda.first { $0.id == id }?.title ?? s[.unknownField]
        case .newItemTitle:
            return s[.keyAddItem]
        case .itemContent(let id):
            return state.session.programme.agenda.first { $0.id == id }?.title ?? s[.unknownField]
        case .followUpNote(let id):
            for (g, form) in state.agreements {
                if let n = form.earlier.firstIndex(where: { $0.id == id }) {
                    return group(g) + " · " + s[.kindFollowUp] + " · " + s.format(.agreementNumber, n + 1)
                }
            }
            return s[.unknownField]
        case .roadmap(let id, let f):
            let title = state.roadmap.first { $0.id == id }?.title ?? ""
            return s[.roadmapTitle] + " · " + title + " · " + RoadmapScreen.fieldLabel(f, s).trimmingCharacters(in: [":"])
        }
    }

    /// A terminal as others see it: its group (or "Facilitator"), user and host.
    static func terminal(_ p: TerminalPresence?, groupName: String?, _ s: Strings) -> String {
        let who = groupName ?? s[.facilitatorSeat].capitalized
        guard let p else { return who }
        return who + " (" + p.user + ", " + p.hostLabel.text(s.language) + ")"
    }

    /// "Gruppe 2 · Mål 1 er optaget: Gruppe 3 (anna, lokal) skriver der – ledigt om 25 s."
    static func taken(_ field: FieldRef, by lease: Lease, _ state: AppState) -> String {
        let seconds = max(1, Int((lease.expiresAt - state.now).rounded(.up)))
        return state.strings.format(.fieldTaken, name(field, state), lease.label, seconds)
    }

    /// "Facilitator (kim, lokal) har overtaget Gruppe 2 · Mål 1 – det du skrev, er gemt."
    static func takenOver(_ field: FieldRef, by lease: Lease, _ state: AppState) -> String {
        state.strings.format(.fieldTakenOver, lease.label, name(field, state))
    }
}
