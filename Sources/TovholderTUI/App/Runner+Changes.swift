import Foundation
import TovholderCore

/// Changes to groups, worksheets, agreements and the roadmap, each in its own transaction.
extension Runner {
    /// Carries out a change to groups or worksheets in its own transaction. Structural
    /// changes reload the workshop; typing does not (the state already shows the text).
    func apply(_ change: WorkshopChange) throws {
        switch change {
        case .setText(let field, let text): try setText(field, text)
        case .renameGroup(let id, let name):
            try store.renameGroup(id: id, name: name)
            reloadWorkshop()
        case .addEntry(let group, let kind, let after, let text):
            let entry = try store.addEntry(groupID: group, kind: kind, after: after, text: text, author: label)
            reloadWorkshop()
            dispatch(.entryAdded(entry))
        case .deleteEntry(let id):
            try store.deleteEntry(id: id); reloadWorkshop()
        case .moveEntry(let id, let by):
            try store.moveEntry(id: id, by: by); reloadWorkshop()
        case .setLinks(let id, let targets):
            try store.setLinks(entryID: id, targets: targets)
        case .addGroup(let name):
            let group = try store.addGroup(name: name)
            reloadWorkshop()
            dispatch(.groupAdded(group))
        case .removeGroup(let id):
            try store.removeGroup(id: id); reloadWorkshop()
        case .restoreGroup(let id):
            try store.restoreGroup(id: id); reloadWorkshop()
        case .addAgreementRow(let group, let after, let who):
            var row = try store.addAgreementRow(groupID: group, after: after)
            if !who.isEmpty {
                try store.setAgreementRow(id: row.id, who: who, knowledge: nil, dueText: nil, author: label)
                row.who = who
            }
            reloadAgreements()
            dispatch(.agreementRowAdded(groupID: group, row))
        case .deleteAgreementRow(let id):
            try store.deleteAgreementRow(id: id); reloadAgreements()
        case .addRoadmapEntry(let after):
            let base = state.roadmap.first { $0.id == after } ?? state.roadmap.last
            let entry = try store.addRoadmapEntry(after: after, from: base?.to ?? base?.from ?? state.session.programme.date,
                                                  to: nil, title: state.strings[.newPhaseTitle], activities: [])
            reloadAgreements()
            dispatch(.roadmapPhaseAdded(entry))
        case .deleteRoadmapEntry(let id):
            try store.deleteRoadmapEntry(id: id); reloadAgreements()
        case .updateRoadmapEntry(let entry):
            try store.updateRoadmapEntry(entry)
            reloadAgreements()
        case .startVote(let item, let part, let scope, let dots):
            try store.startVote(itemID: item, part: part, scope: scope, dots: dots); reloadWorkshop()
        case .setVoteOpen(let id, let open):
            try store.setVoteOpen(id: id, open); reloadWorkshop()
        case .revealVote(let id, let revealed):
            try store.setVoteRevealed(id: id, revealed); reloadWorkshop()
        case .toggleDot(let vote, let entry, let group):
            let result = try store.toggleDot(voteID: vote, terminal: state.voter, entryID: entry, groupID: group)
            reloadWorkshop()
            dispatch(.dotToggled(result))
        case .dealCards(let deckID):
            guard let deck = state.session.programme.deck(deckID) else { return }
            try store.dealCards(groupIDs: state.workshop.activeGroups.map(\.id), deck: deck); reloadWorkshop()
        case .setFollowUpStatus(let id, let status):
            try store.setFollowUpStatus(id: id, status, author: label); reloadAgreements()
        case .drawCard(let group, let deckID):
            guard let deck = state.session.programme.deck(deckID) else { return }
            try store.drawCard(groupID: group, deck: deck); reloadWorkshop()
        }
    }

    /// One keystroke's text, saved with who typed it; typing keeps the field's lease alive.
    func setText(_ field: FieldRef, _ text: String) throws {
        switch field {
        case .entry(let id): try store.setText(entryID: id, text: text, author: label)
        case .plenumNote(let item): try store.setPlenumNote(itemID: item, text: text, author: label)
        case .itemNote(let item): try store.setItemNote(itemID: item, text: text, author: label)
        case .groupName(let id): try store.renameGroup(id: id, name: text)
        case .agreement(let group, let f): try store.setAgreementField(groupID: group, field: f, text: text, author: label)
        case .agreementRow(let id, let f):
            try store.setAgreementRow(id: id, who: f == .who ? text : nil, knowledge: f == .knowledge ? text : nil,
                                      dueText: f == .dueText ? text : nil, author: label)
        case .roadmap: break  // roadmap fields arrive as whole phases (updateRoadmapEntry)
        case .cardAnswer(let deal, let q): try store.setCardAnswer(dealID: deal, question: q, text: text, author: label)
        case .followUpNote(let id): try store.setFollowUpNote(id: id, text: text, author: label)
        case .itemTitle, .newItemTitle, .itemContent: break  // saved with the programme on Enter (AgendaEdit)
        }
        typed(in: field)
    }
}
