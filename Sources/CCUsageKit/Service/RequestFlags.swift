/// What a front end was told explicitly: the CLI's flags, an MCP tool's arguments, a web query. nil and
/// false mean "not given"; `RequestResolver` fills the rest from the environment, the config file and the
/// defaults. Grouped as the CLI's `--help` shows them.
public struct RequestFlags: Sendable, Equatable {
    // Filters
    public var since: CalendarDay?
    public var until: CalendarDay?
    public var timezone: String?
    public var order: ReportOrder?
    public var instances = false
    public var project: String?
    /// `--project-aliases raw=Alias,…` (daily only), over the config file's and `CCUSAGE_PROJECT_ALIASES`.
    public var projectAliases: String?
    public var startOfWeek: WeekStart?
    public var sessionID: String?
    // Agents
    /// `--all`: every agent in one report.
    public var all = false
    /// `--by-agent` (unified JSON).
    public var byAgent = false
    /// `--sections` (unified): more reports from the same read, in any order.
    public var sections: [ReportRequest.Kind]?
    /// `--speed` (Codex).
    public var speed: CodexSpeed?
    /// Path flags of the focused agent reports by name without dashes (`pi-path`, `open-claw-path`).
    public var agentPaths: [String: String] = [:]
    // Blocks
    public var active = false
    public var recent = false
    public var tokenLimit: String?
    public var sessionLength: Double?
    public var live = false
    public var refreshInterval: Double?
    // Output
    public var json = false
    public var jq: String?
    public var compact = false
    public var breakdown = false
    public var noCost = false
    public var color: Bool?
    // Pricing
    public var mode: CostMode?
    public var offline: Bool?
    // Caching
    public var noCache = false
    public var noArchive = false
    // Diagnostics
    public var debug = false
    public var debugSamples: Int?
    public var singleThread = false
    /// `--config PATH`: read this file only.
    public var config: String?

    public init() {}
}

/// Facts about where the output goes, found by the front end (the core never asks the terminal).
public struct OutputTarget: Sendable, Equatable {
    /// Standard output is a terminal (colours by default).
    public var isTerminal: Bool
    /// Columns: `COLUMNS`, the terminal's width, else 120.
    public var width: Int
    public init(isTerminal: Bool = false, width: Int = 120) { self.isTerminal = isTerminal; self.width = width }
}
