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
    var rows: [AgentRow] = []
    var detected: [String] = []
    var warnings: [String] = []
    // Claude Code: a missing data directory is no usage, not an error, in the unified report.
    if let usage = try? context.load() {
        if !usage.records.isEmpty { detected.append("claude") }
        if kind == .session {
            let report = SessionReport(usage, zone: context.zone, range: context.range, order: .desc)
            rows += report.rows.map { row in
                var r = AgentRow(claude: row.summary, period: row.sessionID)
                r.metadata = [.init("lastActivity", .string(Timestamp.iso(row.lastActivity)))]
                return r
            }
        } else {
            let options = ReportOptions(zone: context.zone, range: context.range, order: .asc)
            rows += PeriodReport(usage, period: .day, options: options).rows.map { AgentRow(claude: $0.summary, period: $0.key) }
        }
        let claudeWarnings = context.pricingWarnings(usage)
        if !claudeWarnings.isEmpty { warnings.append(claudeWarnings) }
        Context.keepAlive.append(usage)
    }
    // Codex: speed always auto (config.toml), duplicates across sessions removed.
    let load = CodexSource.load(context.env, singleThread: context.singleThread)
    if load.eventCount > 0 { detected.append(CodexSource.id) }
    let fast = CodexDiscovery.configuresFastTier(homes: load.homes)
    let codexOptions = CodexReportOptions(zone: context.zone, range: context.range, fast: fast, unifiedDedup: true)
    let codex = load.report(kind == .session ? .session : .daily, options: codexOptions,
                            pricing: CodexPricing(table: context.prices))
    reportCodexProblems(load, codex, context: context, fast: fast)
    rows += codex.rows.map { AgentRow(codex: $0, session: kind == .session) }
    warnings += CodexTable.pricingWarnings(codex, offline: context.offline)
    let report = UnifiedReport(kind: kind, rows: rows, detected: detected, order: context.order ?? .asc)
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
