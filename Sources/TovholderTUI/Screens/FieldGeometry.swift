import TovholderCore

/// The width each field's text wraps at, computed once from the screen's layout: the
/// screens draw at this width and the editor moves its cursor (↑/↓, Home/End) on the same
/// lines, so the cursor is always where the drawn line says.
enum FieldGeometry {
    static func width(of field: FieldRef, _ state: AppState) -> Int {
        switch field {
        case .entry(let id):
            guard let entry = state.workshop.entry(id: id), let sheet = state.workshop.worksheets[entry.groupID] else { return 1 }
            return ChainRows.textWidth(entry, in: sheet, rowWidth: WorksheetScreen.rowWidth(state.size), state.strings)
        case .plenumNote: return PlenumScreen.notesTextWidth(state.size)
        case .itemNote: return NotesScreen.textWidth(state.size)
        case .groupName: return max(1, state.size.width - 10)
        case .agreement(_, let f): return AgreementScreen.textWidth(.field(f), state.size, state.strings)
        case .agreementRow(let id, let f): return AgreementScreen.textWidth(.row(id, f), state.size, state.strings)
        case .roadmap: return RoadmapScreen.textWidth(state.size)
        case .cardAnswer: return CardScreen.textWidth(state.size)
        case .followUpNote: return FollowUpScreen.textWidth(state.size)
        case .itemTitle, .newItemTitle: return max(1, state.size.width - 40)
        case .itemContent: return TextFieldView.textWidth(in: AgendaScreen.contentRect(state.size))
        }
    }
}
