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
