/// Builds a `ReportRequest`: explicit flag > environment > config file > default, validated once.
///
/// A pure function of its inputs: the flags, the command's config-file options (`ConfigLayer`, read by the
/// caller), the `Environment` (variables, home, clock, system zone) and where the output goes. Tests call it
/// with literal values; no process, file or terminal is touched.
public enum RequestResolver {
    /// The request for `command` (`daily`, `weekly`, `monthly`, `session`, `blocks`, or another agent's
    /// report such as `codex daily`).
    public static func resolve(_ command: String, flags: RequestFlags, config c: ConfigLayer, env: Environment,
                               target: OutputTarget = OutputTarget()) throws(RequestError) -> ReportRequest {
        let words = command.split(separator: " ").map(String.init)
        let kind = ReportRequest.Kind(rawValue: words.last ?? command) ?? .daily
        var request = ReportRequest(kind: kind, command: command, zone: ReportZone(env.timeZone))
        request.config = c
        if words.count == 2, let agent = words.first { request.agents = [agent] }
        if flags.all { request.agents = ReportRequest.everyAgent }
        request.agentChoice = agentChoice(kind, agent: words.count == 2 ? words.first : nil, flags: flags, config: c)

        request.range = DateRange(since: flags.since ?? c.string("since").flatMap { CalendarDay($0) },
                                  until: flags.until ?? c.string("until").flatMap { CalendarDay($0) })
        if let since = request.range.since, let until = request.range.until, until < since {
            throw RequestError("--since \(since) is after --until \(until).")
        }
        request.zone = try zone(flag: flags.timezone, config: c.string("timezone"), env: env)
        request.mode = flags.mode ?? c.string("mode").flatMap(CostMode.init(rawValue:)) ?? .auto
        request.order = flags.order ?? c.string("order").flatMap(ReportOrder.init(rawValue:))

        // Output
        request.output.jq = flags.jq ?? c.string("jq")
        request.output.json = flags.json || c.bool("json") == true || request.output.jq != nil
        let logLevel = Int(env.variables["LOG_LEVEL"] ?? "") ?? 3
        let style = TerminalStyle.decide(flag: color(flag: flags.color, config: c, env: env),
                                         environment: env.variables, isTTY: target.isTerminal)
        var aliases = ProjectNames.parseAliases(c.string("projectAliases") ?? "")
        aliases.merge(ProjectNames.parseAliases(env.variables["CCUSAGE_PROJECT_ALIASES"] ?? "")) { $1 }
        if let flag = flags.projectAliases { aliases.merge(ProjectNames.parseAliases(flag)) { $1 } }
        request.output.render = RenderOptions(style: style, width: target.width,
                                              forceCompact: flags.compact || c.bool("compact") == true,
                                              breakdown: flags.breakdown || c.bool("breakdown") == true,
                                              hideCost: flags.noCost || c.bool("noCost") == true,
                                              projectAliases: aliases, showTitle: logLevel != 0)

        // Diagnostics
        request.diagnostics.debug = flags.debug || c.bool("debug") == true
        request.diagnostics.samples = max(0, flags.debugSamples ?? c.int("debugSamples") ?? 5)
        request.diagnostics.singleThread = flags.singleThread || c.bool("singleThread") == true
        request.diagnostics.quiet = logLevel == 0
        request.diagnostics.verbose = logLevel >= 4 || request.diagnostics.debug

        // Caching: --debug reads every file itself, so its counts, bytes and offsets never come from a cache.
        let noCache = flags.noCache || (switchVariable("CCUSAGE_NO_CACHE", env) ?? c.bool("noCache") ?? false)
        request.caching.directory = noCache || request.diagnostics.debug ? nil : ScanCache.defaultDirectory(env)
        request.caching.archivePath = flags.noArchive ? nil : UsageArchive.defaultPath(env)

        // Pricing
        let offline = flags.offline ?? switchVariable("CCUSAGE_OFFLINE", env) ?? c.bool("offline")
            ?? c.bool("noOffline").map { !$0 } ?? false
        request.pricing.offline = offline || request.mode == .display   // display mode never needs prices
        request.pricing.overrides = try c.pricingOverrides()

        // The report's own choices.
        switch kind {
        case .daily, .weekly, .monthly:
            request.grouping = .init(instances: flags.instances || c.bool("instances") == true,
                                     project: flags.project ?? c.string("project"))
            if kind == .weekly {
                request.startOfWeek = flags.startOfWeek ?? c.string("startOfWeek").flatMap(WeekStart.init(rawValue:))
                    ?? .sunday
            }
        case .session:
            request.sessionID = flags.sessionID ?? c.string("id")
        case .blocks:
            request.blocks.active = flags.active || c.bool("active") == true
            request.blocks.recent = flags.recent || c.bool("recent") == true
            if let text = flags.tokenLimit ?? c.string("tokenLimit") {
                guard let limit = TokenLimit(text) else {
                    throw RequestError("--token-limit must be a whole number or 'max', got '\(text)'.")
                }
                request.blocks.tokenLimit = limit
            }
            request.blocks.hours = flags.sessionLength ?? c.number("sessionLength") ?? SessionBlocks.defaultHours
            request.blocks.live = flags.live || c.bool("live") == true
            request.blocks.refreshInterval = flags.refreshInterval ?? c.number("refreshInterval")
        }
        return request
    }

    /// Codex's speed, the path flags of the agent `agent` (over the config file's `piPath`/`openClawPath`),
    /// and the unified report's per-agent parts and sections (`kind` first, then the others in report order).
    static func agentChoice(_ kind: ReportRequest.Kind, agent: String?, flags: RequestFlags,
                            config c: ConfigLayer) -> ReportRequest.AgentChoice {
        var choice = ReportRequest.AgentChoice()
        choice.speed = flags.speed ?? c.string("speed").flatMap(CodexSpeed.init(rawValue:)) ?? .auto
        let pathKeys = ["pi": (flag: "pi-path", config: "piPath"), "openclaw": (flag: "open-claw-path", config: "openClawPath")]
        if let agent, let keys = pathKeys[agent], let value = flags.agentPaths[keys.flag] ?? c.string(keys.config) {
            choice.paths[keys.flag] = value
        }
        choice.byAgent = flags.byAgent
        let others = flags.sections ?? []
        choice.sections = [kind] + ReportRequest.Kind.allCases.filter { $0 != kind && others.contains($0) }
        return choice
    }

    /// The report zone: `--timezone` > `TZ` > the config file's `timezone` > the system zone.
    public static func zone(flag: String?, config: String?, env: Environment) throws(RequestError) -> ReportZone {
        let tz = (env.variables["TZ"] ?? "").trimmed
        guard let name = flag ?? (tz.isEmpty ? config : nil) else { return ReportZone(env.timeZone) }
        guard let zone = ReportZone(identifier: name) else {
            throw RequestError("Unknown time zone '\(name)'. Use an IANA name such as America/New_York or Asia/Tokyo.")
        }
        return zone
    }

    /// `--color`/`--no-color` > `NO_COLOR`/`FORCE_COLOR` (decided by `TerminalStyle`) > the config file's
    /// `color`/`noColor` > whether stdout is a terminal. Nil leaves the choice to the environment and the terminal.
    public static func color(flag: Bool?, config: ConfigLayer, env: Environment) -> Bool? {
        if let flag { return flag }
        if env.variables["NO_COLOR"] != nil || env.variables["FORCE_COLOR"] != nil { return nil }
        return config.bool("color") ?? (config.bool("noColor") == true ? false : nil)
    }

    /// A yes/no environment variable: `1`/`true`/`yes` or `0`/`false`/`no` (any case); nil when unset or other.
    public static func switchVariable(_ name: String, _ env: Environment) -> Bool? {
        switch (env.variables[name] ?? "").trimmed.lowercased() {
        case "1", "true", "yes": return true
        case "0", "false", "no": return false
        default: return nil
        }
    }
}
