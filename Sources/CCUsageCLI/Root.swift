import ArgumentParser
import CCUsageKit
import Foundation

public let ccusageVersion = CCUsageKit.ccusageVersion

public struct CCUsageCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ccusage",
        abstract: "Claude Code usage and cost, from your local transcripts.",
        discussion: """
        Reads the JSONL transcripts Claude Code writes under ~/.config/claude/projects and ~/.claude/projects \
        (or the comma-separated directories in CLAUDE_CONFIG_DIR), removes duplicated streaming copies, \
        prices every request and reports by day, week, month, session or 5-hour billing block.

        Examples:
          ccusage                         daily report (the default)
          ccusage monthly --breakdown     per-model rows under each month
          ccusage session --json          sessions as JSON, most expensive first
          ccusage daily -s 20250701 -z Asia/Tokyo --offline

        Agents: claude (the default; `ccusage claude <report>` is the plain command) and codex \
        (`ccusage codex daily|monthly|session`, also `codex:daily`; reads CODEX_HOME, default ~/.codex).
          ccusage codex                   Codex usage by day
          ccusage codex session --json    Codex sessions as JSON
          ccusage daily --all             every agent in one report (also: ccusage all daily, --by-agent)
        """,
        version: ccusageVersion + "\nembedded prices: " + PriceTable.snapshotDescription,
        subcommands: [Daily.self, Weekly.self, Monthly.self, Session.self, Blocks.self, Statusline.self, MCP.self,
                      CodexCommand.self, AllCommand.self, Archive.self, Sync.self],
        defaultSubcommand: Daily.self
    )

    public init() {}

    /// Parses and runs; every error becomes one line on stderr and exit code 1.
    public static func run(arguments rawArguments: [String]) async -> Int32 {
        // Cache files written in the background while the report was built are finished before exit.
        defer { CacheWrites.wait() }
        signal(SIGPIPE, SIG_IGN)
        if rawArguments == ["-v"] {
            print(ccusageVersion)
            return 0
        }
        do { try TeamHandoff.execIfTeam(rawArguments) } catch let error as CLIError {
            FileHandle.standardError.write(Data(("Error: " + error.description + "\n").utf8))
            return 1
        } catch { return 1 }
        let arguments: [String]
        switch AgentRouting.route(rawArguments, configWantsUnified: AgentRouting.configWantsUnified(rawArguments)) {
        case .arguments(let routed): arguments = routed
        case .usageError(let message):
            FileHandle.standardError.write(Data((message + "\nRun 'ccusage --help' for usage.\n").utf8))
            return 2
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            if command is Daily || command is Weekly || command is Monthly || command is Session {
                AgentRouting.hintOtherAgents()
            }
            return 0
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            if let cli = error as? CLIError {
                FileHandle.standardError.write(Data(("Error: " + cli.description + "\n").utf8))
            } else if let exit = error as? ExitCode {
                return exit.rawValue
            } else {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            }
            return 1
        }
    }
}

struct Daily: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Usage and cost by day (the default command).",
        discussion: """
        Examples:
          ccusage daily --since 20250701 --until 20250731
          ccusage daily --instances            one group of rows per project
          ccusage daily --project my-app --json
        """)
    @OptionGroup(title: "Report options") var flags: ReportFlags
    @Flag(name: .shortAndLong, help: "Group rows by project.") var instances = false
    @Option(name: .shortAndLong, parsing: .unconditional, help: projectHelp) var project: String?
    @Option(help: "Display names for projects: raw=Alias,raw2=Alias2.") var projectAliases: String?

    func run() async throws {
        try runPeriod("daily", flags: flags, instances: instances, project: project, aliases: projectAliases)
    }
}

/// `--project`'s help. Its value is taken as it is, also when it starts with `-` (Claude Code's folder names do).
let projectHelp = ArgumentHelp(
    "Only this project: its folder name under projects/ (e.g. -Users-me-code-api) or the name --instances shows (api).",
    valueName: "name")

struct Weekly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Usage and cost by week.",
        discussion: "Examples:\n  ccusage weekly --start-of-week monday\n  ccusage weekly --json --order desc")
    @OptionGroup(title: "Report options") var flags: ReportFlags
    @Option(name: [.customShort("w"), .long], help: "First day of the week: sunday … saturday (default sunday).")
    var startOfWeek: Weekday?
    @Flag(name: .shortAndLong, help: "Group rows by project.") var instances = false
    @Option(name: .shortAndLong, parsing: .unconditional, help: projectHelp) var project: String?

    func run() async throws {
        try runPeriod("weekly", flags: flags, instances: instances, project: project, aliases: nil, startOfWeek: startOfWeek)
    }
}

struct Monthly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Usage and cost by month.",
        discussion: "Examples:\n  ccusage monthly\n  ccusage monthly --breakdown --json")
    @OptionGroup(title: "Report options") var flags: ReportFlags
    @Flag(name: .shortAndLong, help: "Group rows by project.") var instances = false
    @Option(name: .shortAndLong, parsing: .unconditional, help: projectHelp) var project: String?

    func run() async throws {
        try runPeriod("monthly", flags: flags, instances: instances, project: project, aliases: nil)
    }
}

struct Session: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Usage and cost by conversation session, most expensive first.",
        discussion: """
        --order desc (the default) lists the most expensive sessions first, --order asc the cheapest.

        Examples:
          ccusage session
          ccusage session --id 9a1c2b3d-…  --json    one session's requests, split by agent
          ccusage session --breakdown                per model and per sub-agent (Task tool) rows
        """)
    @OptionGroup(title: "Report options") var flags: ReportFlags
    @Option(name: .shortAndLong, help: "Show one session by its id, or a unique prefix or suffix of it (as the table shows).")
    var id: String?

    func run() async throws {
        let context = try Context(flags, command: "session")
        if let query = id ?? context.config.string("id") {
            let usage = try context.load(keepRawTimestamps: true)
            let id = try Self.resolve(query, in: usage)
            guard var detail = SessionDetail(usage, id: id) else {
                throw CLIError("No session found with ID: \(query).")
            }
            detail.attachSubagents(usage)
            try context.emit(json: detail.json(hideCost: context.render.hideCost),
                             table: UsageTable.render(detail, context.render, zone: context.zone), usage: usage)
            return
        }
        let order = context.order ?? .desc
        let range = context.range
        try context.runReport(["session", "since", range.since?.description ?? "", "until", range.until?.description ?? "",
                               "order", order.rawValue]) { usage in
            var report = SessionReport(usage, zone: context.zone, range: range, order: order)
            if context.render.breakdown { report.attachSubagents(usage) }
            return context.text(json: report.json(hideCost: context.render.hideCost),
                                table: report.rows.isEmpty
                                    ? NoDataMessage(subject: .sessions, range: range).text(usage, zone: context.zone)
                                    : UsageTable.render(report, context.render))
        }
    }

    /// The full id of the one session `query` names: the id itself, or a unique prefix or suffix of it (the
    /// table shows the last two parts); otherwise an error listing the candidates or the closest ids.
    static func resolve(_ query: String, in usage: LoadedUsage) throws -> String {
        switch NameLookup.session(query, among: SessionDetail.ids(in: usage)) {
        case .found(let id):
            return id
        case .ambiguous(let ids):
            throw CLIError("Session ID '\(query)' matches \(ids.count) sessions: \(listed(ids)). Give more of the ID.")
        case .notFound(let close):
            throw CLIError("No session found with ID: \(query)."
                           + (close.isEmpty ? "" : " Closest session IDs: \(listed(close))."))
        }
    }
}

/// `a, b, c` for at most `limit` names, then `and N more`.
func listed(_ names: [String], limit: Int = 10) -> String {
    let shown = names.prefix(limit).joined(separator: ", ")
    return names.count > limit ? shown + " and \(names.count - limit) more" : shown
}

enum Weekday: String, CaseIterable, ExpressibleByArgument {
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday
    var index: Int { Weekday.allCases.firstIndex(of: self)! }
}

func runPeriod(_ command: String, flags: ReportFlags, instances: Bool, project: String?, aliases: String?,
               startOfWeek: Weekday? = nil) throws {
    var context = try Context(flags, command: command)
    let config = context.config
    if let aliases { context.render.projectAliases.merge(ProjectNames.parseAliases(aliases)) { $1 } }
    let query = project ?? config.string("project")
    let project = try query.map { try context.resolveProject($0) }
    let instances = instances || config.bool("instances") == true
    let period: Period
    switch command {
    case "weekly":
        let day = startOfWeek ?? config.string("startOfWeek").flatMap(Weekday.init(rawValue:)) ?? .sunday
        period = .week(startDay: day.index)
    case "monthly": period = .month
    default: period = .day
    }
    let options = ReportOptions(zone: context.zone, range: context.range, order: context.order ?? .asc,
                                instances: instances, project: project)
    let key = [command, "\(period)", "since", options.range.since?.description ?? "",
               "until", options.range.until?.description ?? "", "order", options.order.rawValue,
               "instances", "\(instances)", "project", project ?? "", project == nil ? "all" : "one",
               "as typed", query ?? ""]   // an empty report names the project as it was typed
    try context.runReport(key, project: project) { usage in
        let report = PeriodReport(usage, period: period, options: options)
        return context.text(json: report.json(hideCost: context.render.hideCost),
                            table: report.rows.isEmpty
                                ? NoDataMessage(range: options.range, project: query).text(usage, zone: context.zone)
                                : UsageTable.render(report, context.render))
    }
}
