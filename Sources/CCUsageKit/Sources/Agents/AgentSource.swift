import Foundation

/// One normalized usage entry of an agent read through `AgentSource` (09-agents-jsonl §0.1,
/// 10-agents-stores "Conventions"): what every focused report, unified row and later front end is built from.
/// The calendar date is not stored: reports derive it from `timestamp` in their own zone.
public struct AgentEntry: Sendable, Equatable {
    /// Milliseconds since the epoch.
    public var timestamp: Int64
    public var sessionID: String
    /// The project folder where the agent records one, else the agent's constant label (09 §0.1).
    public var projectPath: String
    /// The display model (may carry a `[pi] ` or `[openclaw] ` prefix).
    public var model: String
    public var tokens: TokenCounts
    /// Tokens that count only toward `totalTokens` (reasoning, or the remainder of a recorded total).
    public var extra: Int
    /// USD for this entry under the request's cost mode (logged or computed, per agent).
    public var cost: Double
    /// Amp and Codebuff credits (not USD); nil when the agent records none.
    public var credits: Double?
    /// Hermes only.
    public var messageCount: Int?
    /// True when the model could not be priced (drives the missing-pricing warnings).
    public var missingPricing: Bool
    /// The agent's own record id where it has one (used by its dedup; empty otherwise).
    public var messageID: String = ""

    public init(timestamp: Int64, sessionID: String, projectPath: String, model: String, tokens: TokenCounts,
                extra: Int = 0, cost: Double = 0, credits: Double? = nil, messageCount: Int? = nil,
                missingPricing: Bool = false) {
        self.timestamp = timestamp; self.sessionID = sessionID; self.projectPath = projectPath
        self.model = model; self.tokens = tokens; self.extra = extra; self.cost = cost
        self.credits = credits; self.messageCount = messageCount; self.missingPricing = missingPricing
    }

    /// The four columns plus `extra` (what JSON `totalTokens` shows).
    public var totalTokens: Int { TokenCounts.saturatingAdd(tokens.total, extra) }
}

/// What one agent needs to read its data: the environment (roots come from its variables and `home`), the
/// path flags some agents have, and how to price.
public struct AgentLoadRequest: Sendable {
    public var env: Environment
    public var mode: CostMode
    /// nil in `--mode display` for agents that load no prices.
    public var prices: PriceTable?
    /// Path flags by name without dashes (`pi-path`, `open-claw-path`); they win over the environment.
    public var paths: [String: String]
    public var singleThread: Bool
    /// Price lookups memoised for this request's `prices` (one per request value; do not change `prices` after use).
    public var priceCache = AgentPriceCache()

    public init(env: Environment, mode: CostMode = .auto, prices: PriceTable? = .embedded,
                paths: [String: String] = [:], singleThread: Bool = false) {
        self.env = env; self.mode = mode; self.prices = prices; self.paths = paths; self.singleThread = singleThread
    }
}

/// Something an agent's load skipped or could not read: counted and reported (decision 23), never fatal.
public struct AgentIssue: Sendable, Equatable {
    public enum Kind: String, Sendable { case badLine, badRecord, unreadable, warning }
    public var kind: Kind
    public var path: String
    public var detail: String
    public init(_ kind: Kind, path: String, detail: String) { self.kind = kind; self.path = path; self.detail = detail }
}

/// What one agent's load found: its entries (deduplicated, in timestamp order) and what it skipped.
public struct AgentLoad: Sendable {
    public var entries: [AgentEntry]
    public var issues: [AgentIssue]
    /// Files or databases read, and their bytes (for `--debug` and the benchmark).
    public var filesRead: Int
    public var bytes: Int64
    /// True when at least one of the agent's data locations exists (detection for the unified report).
    public var found: Bool

    public init(entries: [AgentEntry] = [], issues: [AgentIssue] = [], filesRead: Int = 0, bytes: Int64 = 0,
                found: Bool = false) {
        self.entries = entries; self.issues = issues; self.filesRead = filesRead; self.bytes = bytes; self.found = found
    }
}

/// A coding agent whose usage ccusage reads (09, 10). Each implementation owns its data locations (from the
/// environment), discovery, parsing (state across lines allowed), de-duplication and cost rule, and yields
/// `AgentEntry` values; reports, tables, JSON and the unified report are shared. Registered in
/// `AgentSources.all`.
public protocol AgentSource: Sendable {
    /// Command word and unified `agent` value (`gemini`).
    var id: String { get }
    /// The name in titles and messages (`Gemini CLI`).
    var displayName: String { get }
    /// The report words it answers (`daily`, `monthly`, `session`, and `weekly` for OpenCode).
    var reports: [String] { get }
    /// Title, table kind, activity fields and empty-report rules of its focused report (a default exists:
    /// the usage table titled `<displayName> Token Usage Report`).
    var style: AgentReportStyle { get }
    /// The folders or files it would read, in order (for `--debug` and "no data" messages).
    func roots(_ request: AgentLoadRequest) -> [String]
    /// Reads, normalizes, deduplicates and prices every entry. Never throws: problems become `issues`.
    func load(_ request: AgentLoadRequest) -> AgentLoad
}

/// Every agent read through `AgentSource`, in the unified report's agent order (08-unified).
public enum AgentSources {
    /// Roster order (08 §2, 10 §10): opencode, amp, droid, codebuff, hermes, pi, goose, openclaw, kilo, copilot,
    /// gemini, kimi, qwen, then the later grok and zcode.
    public static var all: [any AgentSource] {
        [OpenCodeSource(), AmpSource(), DroidSource(), CodebuffSource(), HermesSource(), PiSource(), GooseSource(),
         OpenClawSource(), KiloSource(), CopilotSource(), GeminiSource(), KimiSource(), QwenSource(), GrokSource(),
         ZCodeSource()]
    }

    public static func named(_ id: String) -> (any AgentSource)? { all.first { $0.id == id } }
}
