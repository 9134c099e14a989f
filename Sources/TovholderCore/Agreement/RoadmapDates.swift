import Foundation

/// Reading a roadmap phase's start or end as typed: the start must be a date, the end may
/// be left empty (a single day) but never fall before the start.
public enum RoadmapDates {
    public enum Problem: Error, Equatable, Sendable, UserFacingError {
        case date(DateError)
        case endBeforeStart(from: CalendarDate, to: CalendarDate)

        public var message: Localized {
            switch self {
            case .date(let e): return e.message
            case .endBeforeStart(let from, let to): return AgreementError.endBeforeStart(from: from, to: to).message
            }
        }
    }

    /// The date for `field` of `entry` (nil: an empty end), or why it cannot be saved.
    public static func read(_ text: String, _ field: RoadmapField, of entry: RoadmapEntry,
                            near reference: CalendarDate) -> Result<CalendarDate?, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if field == .to && trimmed.isEmpty { return .success(nil) }
        switch DanishDate.parse(trimmed, near: field == .to ? entry.from : reference) {
        case .failure(let e): return .failure(.date(e))
        case .success(let date):
            if field == .to, date < entry.from { return .failure(.endBeforeStart(from: entry.from, to: date)) }
            if field == .from, let end = entry.to, end < date { return .failure(.endBeforeStart(from: date, to: end)) }
            return .success(date)
        }
    }
}
