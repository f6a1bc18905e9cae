import ArgumentParser
import CCUsageKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ccusage all <report>` (and `--all` before or after the report word): every detected agent in one report
/// (08-unified.md).
struct AllCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Every agent (Claude Code, Codex) in one report: daily (default), weekly, monthly or session.",
        discussion: """
        Also reached with --all: `ccusage daily --all`, `ccusage --all monthly`.

        Examples:
          ccusage all daily --json --by-agent   per-agent parts inside each day
          ccusage weekly --all                  Monday-based weeks over every agent
        """,
        subcommands: [AllDaily.self, AllWeekly.self, AllMonthly.self, AllSession.self],
        defaultSubcommand: AllDaily.self
    )
}

struct UnifiedFlags: ParsableArguments {
    @OptionGroup(title: "Report options") var report: ReportFlags
    @Flag(help: "JSON: add each agent's part (\"agents\") to every daily, weekly or monthly row.")
    var byAgent = false
}

struct AllDaily: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "daily", abstract: "Every agent by day.")
    @OptionGroup var flags: UnifiedFlags
    func run() async throws { try runUnified(.daily, flags) }
}

struct AllWeekly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "weekly", abstract: "Every agent by week (from Monday).")
    @OptionGroup var flags: UnifiedFlags
    func run() async throws { try runUnified(.weekly, flags) }
}

struct AllMonthly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "monthly", abstract: "Every agent by month.")
    @OptionGroup var flags: UnifiedFlags
    func run() async throws { try runUnified(.monthly, flags) }
}

struct AllSession: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "session", abstract: "Every agent's sessions.")
    @OptionGroup var flags: UnifiedFlags
    func run() async throws { try runUnified(.session, flags) }
}

func runUnified(_ kind: UnifiedKind, _ flags: UnifiedFlags) throws {
    let context = try Context(flags.report, command: kind.rawValue)
    var warnings: [String] = []
    // Claude Code: a missing data directory is no usage, not an error, in the unified report.
    let claude = try? context.load()
    if let claude {
        let claudeWarnings = context.pricingWarnings(claude)
        if !claudeWarnings.isEmpty { warnings.append(claudeWarnings) }
        Context.keepAlive.append(claude)
    }
    let load = CodexSource.load(context.env, singleThread: context.singleThread)
    let (report, codex) = UnifiedReport.build(kind, claude: claude, codex: load, zone: context.zone, range: context.range,
                                              order: context.order ?? .asc, prices: context.prices)
    reportCodexProblems(load, codex, context: context, fast: CodexDiscovery.configuresFastTier(homes: load.homes))
    warnings += CodexTable.pricingWarnings(codex, offline: context.offline)
    if context.json {
        try context.output(ReferenceJSON.render(report.json(hideCost: context.render.hideCost, byAgent: flags.byAgent),
                                                floatKeys: ["cost"]) + "\n")
        return
    }
    if report.rows.isEmpty {
        if context.render.showTitle {
            Terminal.out(UnifiedTable.title(["Coding (Agent) CLI Usage Report - \(kind.title)",
                                             UnifiedTable.detectedLine(report)], style: context.render.style))
        }
        Terminal.error("No usage data found.")
        return
    }
    try context.output(UnifiedTable.render(report, context.render))
    if !context.quiet, !warnings.isEmpty { Terminal.error(warnings.joined(separator: "\n")) }
    if context.render.compact {
        Terminal.error("\nRunning in Compact Mode\nExpand terminal width to see cache metrics and total tokens")
    }
}
