/// `--order`.
public enum ReportOrder: String, Sendable, CaseIterable, Codable {
    case asc, desc
}

/// Inclusive `--since` / `--until` bounds on a report date.
public struct DateRange: Sendable, Equatable {
    public var since: CalendarDay?
    public var until: CalendarDay?
    public init(since: CalendarDay? = nil, until: CalendarDay? = nil) { self.since = since; self.until = until }
    public func contains(_ day: CalendarDay) -> Bool {
        if let since, day < since { return false }
        if let until, until < day { return false }
        return true
    }
}
