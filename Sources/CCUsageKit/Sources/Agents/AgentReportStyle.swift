/// How one agent's focused report looks and filters (09-agents-jsonl §0.6–§0.8, 10-agents-stores §1.4–§1.6):
/// the parts that differ between agents while the builder, JSON and tables are shared.
public struct AgentReportStyle: Sendable, Equatable {
    /// The usage table (09 §0.8, 10 §1.6) or the Amp-style table with a Credits column (09 §7.6).
    public enum TableKind: Sendable, Equatable { case usage, credits }

    /// `Gemini CLI Token Usage Report`; the credits table adds ` - Daily|Weekly|Monthly|Session`.
    public var title: String
    public var table: TableKind
    /// Session summaries track first/last activity and the latest project (qwen, pi, openclaw, opencode):
    /// the table's `Last Activity` column and the unified session row's `lastActivity`.
    public var tracksActivity: Bool
    /// Focused JSON session rows carry `firstActivity`, `lastActivity`, `projectPath` (qwen, pi, openclaw).
    public var activityInJSON: Bool
    /// `totals` is `null` when there are no rows (qwen, pi); otherwise the all-zero object.
    public var nullTotalsWhenEmpty: Bool
    /// Printed on stderr (table mode) when there are no rows.
    public var emptyMessage: String
    /// Session reports filter sessions on their last activity after grouping (qwen, 08 §4.2) instead of entries.
    public var sessionFilterOnLastActivity: Bool
    /// Unified session rows group by (projectPath, sessionId) and carry `metadata.projectPath` (pi only).
    public var unifiedSessionByProject: Bool
    /// Detected in the unified report when `AgentLoad.found` even without entries (qwen's chat files).
    public var detectedByFiles: Bool

    public init(title: String, table: TableKind = .usage, tracksActivity: Bool = false, activityInJSON: Bool = false,
                nullTotalsWhenEmpty: Bool = false, emptyMessage: String = "No usage data found.",
                sessionFilterOnLastActivity: Bool = false, unifiedSessionByProject: Bool = false,
                detectedByFiles: Bool = false) {
        self.title = title; self.table = table; self.tracksActivity = tracksActivity
        self.activityInJSON = activityInJSON; self.nullTotalsWhenEmpty = nullTotalsWhenEmpty
        self.emptyMessage = emptyMessage; self.sessionFilterOnLastActivity = sessionFilterOnLastActivity
        self.unifiedSessionByProject = unifiedSessionByProject; self.detectedByFiles = detectedByFiles
    }
}

extension AgentSource {
    /// The usage table titled `<displayName> Token Usage Report`, all-zero totals, no activity fields.
    public var style: AgentReportStyle { AgentReportStyle(title: "\(displayName) Token Usage Report") }
}

/// Which focused report.
public enum AgentReportKind: String, Sendable, CaseIterable {
    case daily, weekly, monthly, session

    /// The JSON envelope key (plural `sessions`).
    public var rowsKey: String { self == .session ? "sessions" : rawValue }
    /// The row's period key.
    public var periodKey: String {
        switch self { case .daily: "date"; case .weekly: "week"; case .monthly: "month"; case .session: "sessionId" }
    }
    public var firstColumn: String {
        switch self { case .daily: "Date"; case .weekly: "Week"; case .monthly: "Month"; case .session: "Session" }
    }
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// Filters and order of a focused report.
public struct AgentReportOptions: Sendable {
    public var zone: ReportZone
    public var range: DateRange
    public var order: ReportOrder

    public init(zone: ReportZone, range: DateRange = DateRange(), order: ReportOrder = .asc) {
        self.zone = zone; self.range = range; self.order = order
    }
}
