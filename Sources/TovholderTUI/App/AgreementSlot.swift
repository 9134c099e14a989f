import TovholderCore

/// A place on the agreement form that can take focus.
public enum AgreementSlot: Equatable, Sendable {
    case field(AgreementField)
    case row(Int64, AgreementRowField)
    case addRow

    public var fieldRef: (Int64) -> FieldRef? {
        { group in
            switch self {
            case .field(let f): return .agreement(groupID: group, f)
            case .row(let id, let f): return .agreementRow(id: id, f)
            case .addRow: return nil
            }
        }
    }
}

extension Agreement {
    /// The form in order: the two open questions, the rows (who, what, by when), a slot to
    /// add a row, then when and where the group meets again and its tovholder.
    public var slots: [AgreementSlot] {
        [.field(.perspectives), .field(.involve)]
            + rows.flatMap { row in AgreementRowField.allCases.map { AgreementSlot.row(row.id, $0) } }
            + [.addRow, .field(.nextDate), .field(.nextTime), .field(.nextPlace), .field(.tovholder)]
    }

    public func text(of slot: AgreementSlot) -> String {
        switch slot {
        case .field(let f): return text(of: f)
        case .row(let id, let f):
            guard let row = rows.first(where: { $0.id == id }) else { return "" }
            switch f {
            case .who: return row.who
            case .knowledge: return row.knowledge
            case .dueText: return row.dueText
            }
        case .addRow: return ""
        }
    }

    public func text(of field: AgreementField) -> String {
        switch field {
        case .perspectives: return perspectives
        case .involve: return involve
        case .nextDate: return nextMeeting.dateText
        case .nextTime: return nextMeeting.timeText
        case .nextPlace: return nextMeeting.place
        case .tovholder: return tovholder
        }
    }

    /// Applies typed text in memory, so the screen echoes before the file is written.
    mutating func set(_ slot: AgreementSlot, text: String, near day: CalendarDate) {
        switch slot {
        case .field(.perspectives): perspectives = text
        case .field(.involve): involve = text
        case .field(.nextDate):
            nextMeeting.dateText = text
            nextMeeting.date = try? DanishDate.parse(text, near: day).get()
        case .field(.nextTime):
            nextMeeting.timeText = text
            nextMeeting.time = try? DanishTime.parse(text).get()
        case .field(.nextPlace): nextMeeting.place = text
        case .field(.tovholder): tovholder = text
        case .row(let id, let f):
            guard let i = rows.firstIndex(where: { $0.id == id }) else { return }
            switch f {
            case .who: rows[i].who = text
            case .knowledge: rows[i].knowledge = text
            case .dueText:
                rows[i].dueText = text
                rows[i].due = try? DanishDate.parse(text, near: day).get()
            }
        case .addRow: break
        }
    }
}
