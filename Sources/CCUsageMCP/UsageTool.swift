import CCUsageKit
import MCP

/// The five report tools the server exposes, with their JSON input schemas.
public enum UsageTool: String, CaseIterable, Sendable {
    case daily, weekly, monthly, session, blocks

    /// Argument names this tool accepts, in schema order.
    public var argumentNames: [String] {
        var names = ["agent", "since", "until", "mode", "timezone", "offline", "order", "breakdown", "team", "user", "machine"]
        switch self {
        case .daily, .monthly: names.append("groupBy")
        case .weekly: names += ["groupBy", "startOfWeek"]
        case .session: names.append("id")
        case .blocks: names += ["active", "recent", "tokenLimit", "sessionLength"]
        }
        return names
    }

    var summary: String {
        switch self {
        case .daily: "Claude Code token usage and cost by day."
        case .weekly: "Claude Code token usage and cost by week."
        case .monthly: "Claude Code token usage and cost by month."
        case .session: "Claude Code token usage and cost by conversation session, most expensive first; with `id`, one session's requests."
        case .blocks: "Claude Code usage by 5-hour billing block, with burn rate and projection for the active block."
        }
    }

    /// The MCP tool description: name, what it returns, and a JSON Schema for its arguments.
    public var definition: Tool {
        Tool(
            name: rawValue,
            title: "ccusage \(rawValue)",
            description: summary + " Returns the same JSON as `ccusage \(rawValue) --json`.",
            inputSchema: inputSchema,
            annotations: .init(readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false)
        )
    }

    public var inputSchema: Value {
        var properties: [String: Value] = [:]
        for name in argumentNames { properties[name] = Self.property(name) }
        return .object([
            "type": "object",
            "properties": .object(properties),
            "additionalProperties": false,
        ])
    }

    private static func property(_ name: String) -> Value {
        let datePattern: Value = "^[0-9]{4}-?[0-9]{2}-?[0-9]{2}$"
        switch name {
        case "agent":
            return ["type": "string", "enum": .array(ToolAgent.allCases.map { .string($0.rawValue) }), "default": "claude",
                    "description": "Whose usage: claude (Claude Code), codex (OpenAI Codex CLI: daily, monthly, session) or all (every agent in one report: daily, weekly, monthly, session)."]
        case "since":
            return ["type": "string", "pattern": datePattern,
                    "description": "First day to include, YYYYMMDD or YYYY-MM-DD (inclusive)."]
        case "until":
            return ["type": "string", "pattern": datePattern,
                    "description": "Last day to include, YYYYMMDD or YYYY-MM-DD (inclusive)."]
        case "mode":
            return ["type": "string", "enum": .array(CostMode.allCases.map { .string($0.rawValue) }), "default": "auto",
                    "description": "Cost mode: auto (recorded cost, else computed), calculate (always computed) or display (recorded only)."]
        case "timezone":
            return ["type": "string",
                    "description": "IANA time zone for dates, e.g. Asia/Tokyo (default: the server's TZ)."]
        case "offline":
            return ["type": "boolean",
                    "description": "Use only the embedded pricing snapshot (default: CCUSAGE_OFFLINE, else the config file, else false: prices may be refreshed from LiteLLM, as the CLI does)."]
        case "order":
            return ["type": "string", "enum": .array(ReportOrder.allCases.map { .string($0.rawValue) }),
                    "description": "Row order: by date (default asc); for session, by cost (default desc)."]
        case "breakdown":
            return ["type": "boolean",
                    "description": "Per-model breakdown (the JSON always carries modelBreakdowns)."]
        case "team":
            return ["type": "boolean", "default": false,
                    "description": "Read the team database (PostgreSQL, filled by `ccusage sync`; its address from `ccusage mcp --team-url`, CCUSAGE_TEAM_URL or the config file's team.url) instead of this machine's files: the JSON of `ccusage <tool> --team --json`. Claude Code usage only."]
        case "user":
            return ["type": "string", "description": "With team: only this user's usage (as --user)."]
        case "machine":
            return ["type": "string", "description": "With team: only this machine's usage (as --machine)."]
        case "groupBy":
            return ["type": "string", "enum": .array(TeamGrouping.allCases.map { .string($0.rawValue) }),
                    "description": "With team: rows grouped by user or by machine (as --by-user, --by-machine)."]
        case "startOfWeek":
            return ["type": "string", "enum": .array(WeekStart.allCases.map { .string($0.rawValue) }), "default": "sunday",
                    "description": "First day of the week."]
        case "id":
            return ["type": "string",
                    "description": "One session's requests: its JSONL sessionId or transcript file name."]
        case "active":
            return ["type": "boolean", "description": "Only the active block."]
        case "recent":
            return ["type": "boolean", "description": "Blocks of the last 3 days, plus the active one."]
        case "tokenLimit":
            return ["type": "string",
                    "description": "Token limit for the blocks' percentages: a whole number, or \"max\" (the largest finished block)."]
        case "sessionLength":
            return ["type": "number", "exclusiveMinimum": 0, "default": .double(SessionBlocks.defaultHours),
                    "description": "Block length in hours (fractions allowed)."]
        default:
            return ["type": "string"]
        }
    }
}

/// The `agent` argument: one agent, or every agent in one report.
public enum ToolAgent: String, CaseIterable, Sendable {
    case claude, codex, all
}
