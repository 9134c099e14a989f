import TovholderCore

/// Edits applied to the in-memory workshop at once, so the screen echoes a keystroke
/// without waiting for the session file; the same change is saved by the shell.
extension Workshop {
    mutating func setText(entryID: Int64, text: String) { updateEntry(entryID) { $0.text = text } }

    mutating func setLinks(entryID: Int64, targets: [Int64]) { updateEntry(entryID) { $0.links = targets } }

    private mutating func updateEntry(_ id: Int64, _ change: (inout Entry) -> Void) {
        let lists: [WritableKeyPath<Worksheet, [Entry]>] = [\.goals, \.mechanisms, \.trialActions, \.signs]
        for (groupID, var sheet) in worksheets {
            if sheet.challenge?.id == id {
                change(&sheet.challenge!)
                worksheets[groupID] = sheet
                return
            }
            for list in lists {
                if let i = sheet[keyPath: list].firstIndex(where: { $0.id == id }) {
                    change(&sheet[keyPath: list][i])
                    worksheets[groupID] = sheet
                    return
                }
            }
        }
    }
}

extension Workshop {
    /// Takes an entry off its worksheet in memory (the shell deletes it in the file).
    mutating func remove(entryID id: Int64) {
        for (groupID, var sheet) in worksheets where sheet.entry(id: id) != nil {
            if sheet.challenge?.id == id { sheet.challenge = nil }
            sheet.goals.removeAll { $0.id == id }
            sheet.mechanisms.removeAll { $0.id == id }
            sheet.trialActions.removeAll { $0.id == id }
            sheet.signs.removeAll { $0.id == id }
            worksheets[groupID] = sheet
        }
    }
}
