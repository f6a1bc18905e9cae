/// The line a table report prints instead of an empty table. When a filter (`--since`, `--until`, `--recent`,
/// `--project`) left nothing out of data that exists, it names the filter and the dates the data covers:
/// `No Claude usage data between 2026-01-01 and 2026-01-31 (data exists from 2025-10-01 to 2025-12-30).`
public struct NoDataMessage: Sendable {
    /// What the report lists, as the message names it.
    public enum Subject: Sendable {
        /// Daily, weekly and monthly rows: "No Claude usage data".
        case usage
        /// Sessions, filtered by their last activity.
        case sessions
        /// Billing blocks, filtered by their start.
        case blocks
    }

    public var subject: Subject = .usage
    public var range = DateRange()
    /// The project as the user asked for it (already resolved to a folder), for the message only.
    public var project: String?
    /// `--recent`: blocks of the last this many days.
    public var recentDays: Int?

    public init(subject: Subject = .usage, range: DateRange = DateRange(), project: String? = nil,
                recentDays: Int? = nil) {
        self.subject = subject; self.range = range; self.project = project; self.recentDays = recentDays
    }

    public func text(_ usage: LoadedUsage, zone: ReportZone) -> String {
        let inProject = project.map { " for project \($0)" } ?? ""
        var dates = ""
        let dated = range.since != nil || range.until != nil
        switch (range.since, range.until) {
        case let (since?, until?): dates = since == until ? " on \(since)" : " between \(since) and \(until)"
        case let (since?, nil): dates = " since \(since)"
        case let (nil, until?): dates = " until \(until)"
        case (nil, nil): break
        }
        if let recentDays { dates += " in the last \(recentDays) days" }
        guard !dates.isEmpty, let span = Self.span(usage, zone: zone) else {
            return "No Claude usage data found\(inProject).\n"
        }
        let what: String
        switch subject {
        case .usage: what = "No Claude usage data"
        case .sessions: what = "No session last active"
        case .blocks: what = dated ? "No billing block starting" : "No billing block"
        }
        let exists = span.first == span.last ? "on \(span.first)" : "from \(span.first) to \(span.last)"
        return "\(what)\(inProject)\(dates) (data exists \(exists)).\n"
    }

    /// The first and last report day of the loaded entries; nil when there are none.
    static func span(_ usage: LoadedUsage, zone: ReportZone) -> (first: CalendarDay, last: CalendarDay)? {
        var first = Int64.max, last = Int64.min
        usage.records.forEachRun { run in
            for record in run {
                first = min(first, record.time)
                last = max(last, record.time)
            }
        }
        guard first <= last else { return nil }
        return (zone.day(ofMillis: first), zone.day(ofMillis: last))
    }
}
