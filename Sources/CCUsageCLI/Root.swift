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
                      Web.self, CodexCommand.self, AllCommand.self, Archive.self, AgentReportCommand.self, Sync.self],
        defaultSubcommand: Daily.self
    )

    public init() {}

    /// Parses and runs; every error becomes one line on stderr and exit code 1.
    public static func run(arguments rawArguments: [String]) async -> Int32 {
        // Cache files and a first archive written in the background while the report was built are finished
        // before exit; the archive's failure is its one warning line, after the report.
        ArchiveBackground.enabled = true
        defer {
            CacheWrites.wait()
            for warning in ArchiveBackground.finish() { Terminal.write(STDERR_FILENO, warning + "\n") }
        }
        signal(SIGPIPE, SIG_IGN)
        if rawArguments == ["-v"] {
            Terminal.out(ccusageVersion + "\n")
            return 0
        }
        do { try TeamHandoff.execIfTeam(rawArguments) } catch let error as CLIError {
            Terminal.write(STDERR_FILENO, "Error: " + error.description + "\n")
            return 1
        } catch { return 1 }
        let arguments: [String]
        switch AgentRouting.route(rawArguments, configWantsUnified: AgentRouting.configWantsUnified(rawArguments)) {
        case .arguments(let routed): arguments = routed
        case .usageError(let message):
            Terminal.write(STDERR_FILENO, message + "\nRun 'ccusage --help' for usage.\n")
            return 2
        }
        do {
            var command = try CodexCommand.parseDirectly(arguments) ?? parseAsRoot(arguments)
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
                Terminal.out(fullMessage(for: error) + "\n")
                return 0
            }
            if let cli = error as? CLIError {
                Terminal.write(STDERR_FILENO, "Error: " + cli.description + "\n")
            } else if let request = error as? RequestError {
                Terminal.write(STDERR_FILENO, "Error: " + request.description + "\n")
            } else if let exit = error as? ExitCode {
                return exit.rawValue
            } else {
                Terminal.write(STDERR_FILENO, fullMessage(for: error) + "\n")
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
    @OptionGroup var flags: ReportFlags
    @OptionGroup(title: "Projects") var projects: ProjectOptions
    @Option(help: "Display names for projects: raw=Alias,raw2=Alias2.") var projectAliases: String?

    func run() async throws {
        let context = try Context(flags, command: "daily") {
            projects.apply(to: &$0)
            $0.projectAliases = projectAliases
        }
        try context.write(context.request)
    }
}

struct Weekly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Usage and cost by week.",
        discussion: "Examples:\n  ccusage weekly --start-of-week monday\n  ccusage weekly --json --order desc")
    @OptionGroup var flags: ReportFlags
    @Option(name: [.customShort("w"), .long], help: "First day of the week: sunday … saturday (default sunday).")
    var startOfWeek: WeekStart?
    @OptionGroup(title: "Projects") var projects: ProjectOptions

    func run() async throws {
        let context = try Context(flags, command: "weekly") {
            projects.apply(to: &$0)
            $0.startOfWeek = startOfWeek
        }
        try context.write(context.request)
    }
}

struct Monthly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Usage and cost by month.",
        discussion: "Examples:\n  ccusage monthly\n  ccusage monthly --breakdown --json")
    @OptionGroup var flags: ReportFlags
    @OptionGroup(title: "Projects") var projects: ProjectOptions

    func run() async throws {
        let context = try Context(flags, command: "monthly") { projects.apply(to: &$0) }
        try context.write(context.request)
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
    @OptionGroup var flags: ReportFlags
    @Option(name: .shortAndLong, help: "Show one session by its id, or a unique prefix or suffix of it (as the table shows).")
    var id: String?

    func run() async throws {
        let context = try Context(flags, command: "session") { $0.sessionID = id }
        try context.write(context.request)
    }
}
