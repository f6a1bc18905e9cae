/// One report, fully resolved and validated: what every front end (CLI, MCP, web, team) hands to
/// `UsageService`. Built by `RequestResolver` from flags > environment > config file > defaults; nothing
/// downstream looks at a flag, a variable or the config file again.
public struct ReportRequest: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case daily, weekly, monthly, session, blocks
    }

    /// Rows: by instance (project) and one project.
    public struct Grouping: Sendable, Equatable {
        /// `--instances`: one group of rows per project.
        public var instances = false
        /// `--project` as typed (a folder name or the name `--instances` shows); the service resolves it.
        public var project: String?
        public init(instances: Bool = false, project: String? = nil) { self.instances = instances; self.project = project }
    }

    /// The `blocks` report's own choices.
    public struct BlocksChoice: Sendable, Equatable {
        public var active = false
        public var recent = false
        /// nil: not given (no limit status in the JSON); `.largestBlock` for `max`.
        public var tokenLimit: TokenLimit?
        /// Block length in hours (`--session-length`).
        public var hours = SessionBlocks.defaultHours
        /// `--live` (a dashboard; only the CLI draws it).
        public var live = false
        /// `--refresh-interval` for `--live`, as given (the CLI clamps it to 1-60 and says so).
        public var refreshInterval: Double?
        public init() {}
    }

    /// The choices of other agents' reports: Codex's speed, the focused reports' path flags, the unified
    /// report's per-agent parts and sections.
    public struct AgentChoice: Sendable, Equatable {
        /// `--speed` (Codex): `auto` lets a home's `config.toml` decide.
        public var speed = CodexSpeed.auto
        /// Path flags by name without dashes (`pi-path`, `open-claw-path`); they win over the environment.
        public var paths: [String: String] = [:]
        /// `--by-agent` (unified JSON): each agent's part inside every daily, weekly or monthly row.
        public var byAgent = false
        /// `--sections` (unified): the reports built from one read, the request's own kind first.
        public var sections: [Kind] = []
        public init() {}
    }

    /// Whose usage a request covers, as `agents` says it.
    public enum Scope: Sendable, Equatable {
        /// Claude Code (the plain commands).
        case claude
        /// OpenAI Codex CLI (`ccusage codex …`).
        case codex
        /// One agent read through `AgentSource` (`gemini`, `opencode`, …), by its id.
        case agent(String)
        /// Every agent in one report (`--all`).
        case unified
    }

    /// What comes back and how it looks.
    public struct OutputForm: Sendable {
        /// JSON text instead of a table (also when `jq` is set).
        public var json = false
        /// `--jq`: the front end pipes the JSON through jq.
        public var jq: String?
        /// Colours, width, compact, breakdown, hidden cost, project aliases, title.
        public var render = RenderOptions()
        public init() {}
    }

    /// Where prices come from.
    public struct PricingChoice: Sendable {
        /// Embedded prices only (`--offline`, `CCUSAGE_OFFLINE`, config, and always in display mode).
        public var offline = false
        /// `pricingOverrides` of the config file: model → field → rate.
        public var overrides: [String: [String: Double]] = [:]
        public init() {}
    }

    /// Which caches and stores a run may use.
    public struct CachingChoice: Sendable, Equatable {
        /// The cache folder (nil: `--no-cache`, `CCUSAGE_NO_CACHE`, config `noCache`, or `--debug`).
        public var directory: String?
        /// The archive of past usage (nil: `--no-archive` or `CCUSAGE_NO_ARCHIVE`).
        public var archivePath: String?
        public init(directory: String? = nil, archivePath: String? = nil) {
            self.directory = directory; self.archivePath = archivePath
        }
    }

    /// What is said on the side (stderr): debug lists, warnings, the log level.
    public struct Diagnostics: Sendable, Equatable {
        public var debug = false
        /// `--debug-samples`: how many items each debug list shows.
        public var samples = 5
        public var singleThread = false
        /// `LOG_LEVEL=0`: no warnings, no title.
        public var quiet = false
        /// `LOG_LEVEL` 4 and up, or `--debug`: the price refresh says why it failed.
        public var verbose = false
        public init() {}
    }

    public var kind: Kind
    /// The config-file section this request read (`daily`, `codex daily` …).
    public var command: String
    /// Whose usage, by `AgentSource` id (`claude`, `codex`, …); more than one: the unified report.
    public var agents: [String] = ["claude"]
    /// Codex, the other agents and the unified report: their own choices.
    public var agentChoice = AgentChoice()
    public var range = DateRange()
    public var zone: ReportZone
    public var mode: CostMode = .auto
    /// nil: the report's default (date reports and blocks asc; session by cost, desc).
    public var order: ReportOrder?
    public var grouping = Grouping()
    public var startOfWeek = WeekStart.sunday
    /// `session --id`: one session's requests (its id, or a unique prefix or suffix of it).
    public var sessionID: String?
    public var blocks = BlocksChoice()
    public var output = OutputForm()
    public var pricing = PricingChoice()
    public var caching = CachingChoice()
    public var diagnostics = Diagnostics()
    /// The options the config file gave this command (for front-end-only keys such as the status line's).
    public var config = ConfigLayer()

    /// Every agent the unified report reads, in its order: Claude Code, Codex, then the `AgentSource` roster.
    public static var everyAgent: [String] { ["claude", CodexSource.id] + AgentSources.all.map(\.id) }

    /// Whose usage, as one case.
    public var scope: Scope {
        guard agents.count == 1, let id = agents.first else { return .unified }
        switch id {
        case "claude": return .claude
        case CodexSource.id: return .codex
        default: return .agent(id)
        }
    }

    public init(kind: Kind, command: String? = nil, zone: ReportZone) {
        self.kind = kind
        self.command = command ?? kind.rawValue
        self.zone = zone
    }
}

/// `--token-limit`: a number of tokens, or the largest finished block (`max`).
public enum TokenLimit: Sendable, Equatable {
    case largestBlock
    case tokens(Int)

    /// `max`, an empty text (as `max`) or a whole number ≥ 0; nil otherwise.
    public init?(_ text: String) {
        if text.isEmpty || text == "max" { self = .largestBlock; return }
        guard let value = Int(text), value >= 0 else { return nil }
        self = .tokens(value)
    }

    /// As `BlocksOptions.tokenLimit` takes it.
    public var text: String {
        switch self {
        case .largestBlock: "max"
        case .tokens(let n): String(n)
        }
    }
}

/// The first day of a week, Sunday first (the index is what `Period.week(startDay:)` takes).
public enum WeekStart: String, CaseIterable, Sendable {
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday
    public var index: Int { WeekStart.allCases.firstIndex(of: self) ?? 0 }
}

/// A request that cannot be run: one line for the user (the CLI prints it after `Error: `).
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ message: String) { description = message }
}
