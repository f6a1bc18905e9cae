import ArgumentParser
import CCUsageKit

extension CodexSpeed: ExpressibleByArgument {}

/// `ccusage codex [daily|monthly|session]`: OpenAI Codex CLI usage (07-codex.md).
struct CodexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codex",
        abstract: "OpenAI Codex CLI usage by day (default), month or session.",
        discussion: """
        Reads the rollout files Codex writes under ~/.codex/sessions and ~/.codex/archived_sessions (or the \
        comma-separated homes in CODEX_HOME; a home without those folders is read as a folder of saved \
        `codex exec --json` logs). Costs use OpenAI prices; --speed fast (or service_tier = "fast" in a home's \
        config.toml, with --speed auto) bills the fast tier.

        Examples:
          ccusage codex                        daily report (also: ccusage codex:daily)
          ccusage codex monthly --json
          ccusage codex session --since 20260501 --speed standard
        """,
        subcommands: [CodexDaily.self, CodexMonthly.self, CodexSession.self],
        defaultSubcommand: CodexDaily.self
    )
}

struct CodexFlags: ParsableArguments {
    @OptionGroup var report: ReportFlags
    @Option(help: "Fast-tier pricing: auto (from config.toml's service_tier), standard or fast.")
    var speed: CodexSpeed?
}

struct CodexDaily: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "daily", abstract: "Codex usage by day.")
    @OptionGroup var flags: CodexFlags
    func run() async throws { try runCodex(.daily, flags) }
}

struct CodexMonthly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "monthly", abstract: "Codex usage by month.")
    @OptionGroup var flags: CodexFlags
    func run() async throws { try runCodex(.monthly, flags) }
}

struct CodexSession: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "session",
                                                    abstract: "Codex usage by session (rollout file).")
    @OptionGroup var flags: CodexFlags
    func run() async throws { try runCodex(.session, flags) }
}

/// Builds the request (`--speed` beside the report options) and writes what `UsageService` returns.
func runCodex(_ kind: CodexReportKind, _ flags: CodexFlags) throws {
    let context = try Context(flags.report, command: "codex " + kind.rawValue) { $0.speed = flags.speed }
    try context.write(context.request)
}

extension CodexCommand {
    /// `codex daily|monthly|session …` and `all daily|weekly|monthly|session …` (what routing makes of
    /// `--all`) parsed by the report's own command. From the root, ArgumentParser walks every level (reflecting
    /// each level's option groups, checking the tree for passthrough arguments): 30–60 ms of the runtime's
    /// protocol-conformance scans, more than a cached report's whole work. Nil — parse from the root as usual —
    /// for anything else and whenever this parse fails, so help and every error message stay the root's.
    static func parseDirectly(_ arguments: [String]) -> ParsableCommand? {
        guard arguments.count >= 2, arguments[0] == "codex" || arguments[0] == "all" else { return nil }
        let rest = Array(arguments.dropFirst(2))
        let rootOnly = ["-h", "-help", "--help", "--version", "-v", "-V", "--generate-completion-script",
                        "--experimental-dump-help"]
        guard !rest.contains(where: { arg in rootOnly.contains { arg == $0 || arg.hasPrefix($0 + "=") } }) else {
            return nil
        }
        if arguments[0] == "all" {
            switch arguments[1] {
            case "daily": return try? AllDaily.parseAsRoot(rest)
            case "weekly": return try? AllWeekly.parseAsRoot(rest)
            case "monthly": return try? AllMonthly.parseAsRoot(rest)
            case "session": return try? AllSession.parseAsRoot(rest)
            default: return nil
            }
        }
        switch arguments[1] {
        case "daily": return try? CodexDaily.parseAsRoot(rest)
        case "monthly": return try? CodexMonthly.parseAsRoot(rest)
        case "session": return try? CodexSession.parseAsRoot(rest)
        default: return nil
        }
    }
}
