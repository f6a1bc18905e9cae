import CCUsageKit
import MCP

/// One tool call's arguments, parsed into the values the `CCUsageKit` reports take.
///
/// Parsing is the only place that looks at raw MCP values: an unknown argument, a wrong JSON type or a bad
/// value becomes a `ToolError` whose message the client shows as a tool error. `null` means "not given".
public struct ToolRequest: Sendable {
    public var tool: UsageTool
    public var agent = ToolAgent.claude
    public var range = DateRange()
    public var mode: CostMode
    /// nil: the server's zone (`TZ` / the system zone), as the CLI without `--timezone`.
    public var zone: ReportZone?
    /// nil: each report's CLI default (asc by date; session: desc by cost).
    public var order: ReportOrder?
    public var offline = false
    public var breakdown = false
    public var startOfWeek = WeekStart.sunday
    /// `session` only: one session's requests.
    public var sessionID: String?
    public var active = false
    public var recent = false
    /// `blocks` only: nil, "max" or a whole number, as `--token-limit`.
    public var tokenLimit: String?
    public var sessionLength = SessionBlocks.defaultHours
    /// `team: true`: the team database, as `ccusage <tool> --team` (run by `ccusage-team`, see `TeamCall`).
    public var team = TeamArguments()
    /// The arguments given, as the resolver takes them (the config file and the environment fill the rest).
    public var flags = RequestFlags()

    /// `defaultMode`: the server's `--mode`, for calls that pass none (nil: the config file's, else auto).
    public init(tool name: String, arguments: [String: Value]?, defaultMode: CostMode? = nil) throws(ToolError) {
        guard let tool = UsageTool(rawValue: name) else { throw .unknownTool(name) }
        self.tool = tool
        mode = defaultMode ?? .auto
        let args = (arguments ?? [:]).filter { !$0.value.isNull }
        let allowed = Set(tool.argumentNames)
        if let unknown = args.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .unknownArgument(unknown, tool: tool)
        }
        let reader = ArgumentReader(args)
        agent = try reader.choice("agent", ToolAgent.self) ?? .claude
        switch (agent, tool) {
        case (.codex, .weekly), (.codex, .blocks):
            throw .unsupported("The \"\(tool.rawValue)\" report is \(tool == .blocks ? "only available for Claude Code" : "not available for Codex") usage. Use the daily tool with agent codex for Codex usage reports.")
        case (.all, .blocks):
            throw .unsupported("The \"blocks\" report is only available for Claude Code usage.")
        default: break
        }
        range = DateRange(since: try reader.day("since"), until: try reader.day("until"))
        if let since = range.since, let until = range.until, until < since {
            throw .sinceAfterUntil(since: since.description, until: until.description)
        }
        let explicitMode = try reader.choice("mode", CostMode.self)
        if let explicitMode { self.mode = explicitMode }
        if let name = try reader.string("timezone") {
            guard let zone = ReportZone(identifier: name) else { throw .unknownTimeZone(name) }
            self.zone = zone
        }
        order = try reader.choice("order", ReportOrder.self)
        let explicitOffline = try reader.bool("offline")
        offline = explicitOffline ?? false
        breakdown = try reader.bool("breakdown") ?? false
        let explicitStart = try reader.choice("startOfWeek", WeekStart.self)
        startOfWeek = explicitStart ?? .sunday
        sessionID = try reader.string("id")
        active = try reader.bool("active") ?? false
        recent = try reader.bool("recent") ?? false
        tokenLimit = try reader.tokenLimit("tokenLimit")
        team.on = try reader.bool("team") ?? false
        team.user = try reader.string("user")
        team.machine = try reader.string("machine")
        team.groupBy = try reader.choice("groupBy", TeamGrouping.self)
        if !team.on, let name = ["user", "machine", "groupBy"].first(where: { args[$0] != nil }) {
            throw .unsupported("Argument '\(name)' needs team: true (team reports read the team database).")
        }
        let hours = try reader.number("sessionLength")
        if let hours {
            guard hours > 0, hours.isFinite else { throw .badSessionLength(reader.describe("sessionLength")) }
            sessionLength = hours
        }
        flags.since = range.since; flags.until = range.until; flags.timezone = zone?.identifier
        flags.mode = explicitMode ?? defaultMode; flags.order = order; flags.offline = explicitOffline
        flags.breakdown = breakdown; flags.startOfWeek = explicitStart; flags.sessionID = sessionID
        flags.active = active; flags.recent = recent; flags.tokenLimit = tokenLimit; flags.sessionLength = hours
        // `agent: all` is the unified report, except one session's requests (as `session --id --all`).
        flags.all = agent == .all && !(tool == .session && sessionID != nil)
        flags.json = true
        team.explicitMode = explicitMode ?? defaultMode
    }

    /// What to load: session details keep the raw timestamps the CLI prints.
    public var loadOptions: LoadOptions {
        LoadOptions(mode: mode, prices: .embedded, keepRawTimestamps: tool == .session && sessionID != nil)
    }

    /// The config-file section this call reads (`codex daily` for Codex, as `ccusage codex daily`).
    var command: String { agent == .codex ? "codex " + tool.rawValue : tool.rawValue }

    /// The request the CLI would build for `ccusage <tool> --json` with the same options, the same
    /// environment and the same config file.
    public func request(_ env: Environment) throws(ToolError) -> ReportRequest {
        do {
            let config = try ConfigLayer.load(explicit: nil, env: env, command: command)
            var request = try RequestResolver.resolve(command, flags: flags, config: config, env: env)
            request.output.json = true
            request.output.jq = nil   // the client gets the JSON itself
            return request
        } catch {
            throw .loadFailed(String(describing: error))
        }
    }

    /// Builds the report through `UsageService` (caches, config file, price refresh, archive) and returns
    /// its JSON text, the same text `ccusage <tool> --json` (`ccusage codex <tool> --json`, `ccusage <tool>
    /// --all --json`) prints, without the final newline.
    public func run(_ env: Environment) throws(ToolError) -> String {
        if team.on { return try TeamCall.run(self, env) }
        let request = try request(env)
        do {
            let text = try UsageService(env, buildStamp: BuildStamp.current).report(request).text
            return text.hasSuffix("\n") ? String(text.dropLast()) : text
        } catch {
            throw .loadFailed(String(describing: error))
        }
    }
}

/// Why a tool call was refused; the description is the text of the MCP tool error.
public enum ToolError: Error, Equatable, CustomStringConvertible {
    case unknownTool(String)
    case unknownArgument(String, tool: UsageTool)
    case wrongType(argument: String, expected: String, got: String)
    case badDate(argument: String, value: String)
    case sinceAfterUntil(since: String, until: String)
    case badChoice(argument: String, value: String, allowed: [String])
    case unknownTimeZone(String)
    case badTokenLimit(String)
    case badSessionLength(String)
    case unknownSession(String)
    case loadFailed(String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .unknownTool(let name):
            "Unknown tool '\(name)'. Available tools: \(UsageTool.allCases.map(\.rawValue).joined(separator: ", "))."
        case .unknownArgument(let name, let tool):
            "Unknown argument '\(name)' for tool \(tool.rawValue). Accepted: \(tool.argumentNames.joined(separator: ", "))."
        case .wrongType(let argument, let expected, let got):
            "Argument '\(argument)' must be \(expected), got \(got)."
        case .badDate(let argument, let value):
            "Argument '\(argument)': Date must be in YYYYMMDD format (or YYYY-MM-DD), got '\(value)'."
        case .sinceAfterUntil(let since, let until):
            "since \(since) is after until \(until)."
        case .badChoice(let argument, let value, let allowed):
            "Argument '\(argument)' must be one of \(allowed.joined(separator: ", ")), got '\(value)'."
        case .unknownTimeZone(let name):
            "Unknown time zone '\(name)'. Use an IANA name such as America/New_York or Asia/Tokyo."
        case .badTokenLimit(let value):
            "Argument 'tokenLimit' must be a whole number or 'max', got \(value)."
        case .badSessionLength(let value):
            "Session length must be a positive number, got \(value)."
        case .unknownSession(let id):
            "No session found with ID: \(id)"
        case .loadFailed(let message):
            message
        case .unsupported(let message):
            message
        }
    }
}

/// Typed access to the raw argument values, each throwing a `ToolError` that names the argument.
private struct ArgumentReader {
    let values: [String: Value]
    init(_ values: [String: Value]) { self.values = values }

    func describe(_ name: String) -> String { values[name].map(Self.describe) ?? "nothing" }

    static func describe(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): "the boolean \(b)"
        case .int(let i): "the number \(i)"
        case .double(let d): "the number \(d)"
        case .string(let s): "the string '\(s)'"
        case .data: "a data URL"
        case .array: "an array"
        case .object: "an object"
        }
    }

    func string(_ name: String) throws(ToolError) -> String? {
        guard let value = values[name] else { return nil }
        guard case .string(let text) = value else {
            throw .wrongType(argument: name, expected: "a string", got: Self.describe(value))
        }
        return text
    }

    func bool(_ name: String) throws(ToolError) -> Bool? {
        guard let value = values[name] else { return nil }
        guard case .bool(let flag) = value else {
            throw .wrongType(argument: name, expected: "a boolean", got: Self.describe(value))
        }
        return flag
    }

    func number(_ name: String) throws(ToolError) -> Double? {
        switch values[name] {
        case nil: return nil
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        case let value?: throw .wrongType(argument: name, expected: "a number", got: Self.describe(value))
        }
    }

    func day(_ name: String) throws(ToolError) -> CalendarDay? {
        guard let text = try string(name) else { return nil }
        guard let day = CalendarDay(text) else { throw .badDate(argument: name, value: text) }
        return day
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, _: Choice.Type) throws(ToolError) -> Choice?
    where Choice.RawValue == String {
        guard let text = try string(name) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            throw .badChoice(argument: name, value: text, allowed: Choice.allCases.map(\.rawValue))
        }
        return choice
    }

    /// A string as `--token-limit` takes it ("max", empty or a whole number ≥ 0); a whole number is accepted too.
    func tokenLimit(_ name: String) throws(ToolError) -> String? {
        switch values[name] {
        case nil: return nil
        case .int(let i)? where i >= 0: return String(i)
        case .string(let text)?:
            if text.isEmpty || text == "max" { return text }
            guard let limit = Int(text), limit >= 0 else { throw .badTokenLimit(Self.describe(.string(text))) }
            return String(limit)
        case let value?: throw .badTokenLimit(Self.describe(value))
        }
    }
}
