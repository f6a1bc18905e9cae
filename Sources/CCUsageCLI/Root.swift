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
        """,
        version: ccusageVersion,
        subcommands: [Daily.self, Weekly.self, Monthly.self, Session.self, Blocks.self, Statusline.self, MCP.self,
                      Archive.self],
        defaultSubcommand: Daily.self
    )

    public init() {}

    /// Parses and runs; every error becomes one line on stderr and exit code 1.
    public static func run(arguments: [String]) async -> Int32 {
        // Cache files written in the background while the report was built are finished before exit.
        defer { CacheWrites.wait() }
        signal(SIGPIPE, SIG_IGN)
        if arguments == ["-v"] {
            print(ccusageVersion)
            return 0
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
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
    @Option(name: .shortAndLong, help: "Only this project (its directory name under projects/).") var project: String?
    @Option(help: "Display names for projects: raw=Alias,raw2=Alias2.") var projectAliases: String?

    func run() async throws {
        try runPeriod("daily", flags: flags, instances: instances, project: project, aliases: projectAliases)
    }
}

struct Weekly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Usage and cost by week.",
        discussion: "Examples:\n  ccusage weekly --start-of-week monday\n  ccusage weekly --json --order desc")
    @OptionGroup(title: "Report options") var flags: ReportFlags
    @Option(name: [.customShort("w"), .long], help: "First day of the week: sunday … saturday (default sunday).")
    var startOfWeek: Weekday?
    @Flag(name: .shortAndLong, help: "Group rows by project.") var instances = false
    @Option(name: .shortAndLong, help: "Only this project (its directory name under projects/).") var project: String?

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
    @Option(name: .shortAndLong, help: "Only this project (its directory name under projects/).") var project: String?

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
          ccusage session --id 9a1c2b3d-…  --json    one session's requests
        """)
    @OptionGroup(title: "Report options") var flags: ReportFlags
    @Option(name: .shortAndLong, help: "Show one session by its id.") var id: String?

    func run() async throws {
        let context = try Context(flags, command: "session")
        if let id = id ?? context.config.string("id") {
            let usage = try context.load(keepRawTimestamps: true)
            guard let detail = SessionDetail(usage, id: id) else {
                throw CLIError("No session found with ID: \(id)")
            }
            try context.emit(json: detail.json(hideCost: context.render.hideCost),
                             table: UsageTable.render(detail, context.render, zone: context.zone), usage: usage)
            return
        }
        let order = context.order ?? .desc
        let range = context.range
        try context.runReport(["session", "since", range.since?.description ?? "", "until", range.until?.description ?? "",
                               "order", order.rawValue]) { usage in
            let report = SessionReport(usage, zone: context.zone, range: range, order: order)
            return context.text(json: report.json(hideCost: context.render.hideCost),
                                table: report.rows.isEmpty ? "No Claude usage data found.\n" : UsageTable.render(report, context.render))
        }
    }
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
    let project = project ?? config.string("project")
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
               "instances", "\(instances)", "project", project ?? "", project == nil ? "all" : "one"]
    try context.runReport(key, project: project) { usage in
        let report = PeriodReport(usage, period: period, options: options)
        return context.text(json: report.json(hideCost: context.render.hideCost),
                            table: report.rows.isEmpty ? "No Claude usage data found.\n" : UsageTable.render(report, context.render))
    }
}
