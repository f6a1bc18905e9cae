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
    @OptionGroup var report: ReportFlags
    @Flag(help: "JSON: add each agent's part (\"agents\") to every daily, weekly or monthly row.")
    var byAgent = false
    @Option(help: "More reports from the same read, e.g. daily,monthly,session (JSON: one key each; tables: one each).",
            transform: UnifiedFlags.parseSections)
    var sections: [UnifiedKind]?

    static func parseSections(_ text: String) throws -> [UnifiedKind] {
        var out: [UnifiedKind] = []
        for token in text.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) where !token.isEmpty {
            guard let kind = UnifiedKind(rawValue: token) else {
                throw ValidationError("Invalid --sections value '\(token)'. Expected one or more of: daily, weekly, monthly, session.")
            }
            if !out.contains(kind) { out.append(kind) }
        }
        guard !out.isEmpty else {
            throw ValidationError("Invalid --sections value '\(text)'. Expected one or more of: daily, weekly, monthly, session.")
        }
        return out
    }

    /// The invoked report first, then the other requested ones in the order daily, weekly, monthly, session.
    func sectionList(_ kind: UnifiedKind) -> [UnifiedKind] {
        [kind] + UnifiedKind.allCases.filter { $0 != kind && (sections ?? []).contains($0) }
    }
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
    let load = CodexSource.load(context.env, singleThread: context.singleThread, cacheDirectory: context.cacheDirectory)
    // Every other agent (09, 10): environment and default roots only (path flags are for focused reports).
    let agents = AgentSources.loadAll(AgentLoadRequest(env: context.env, mode: context.mode,
                                                       prices: context.mode == .display ? nil : context.prices,
                                                       singleThread: context.singleThread))
    reportAgentIssues(agents, context: context)
    var reports: [UnifiedReport] = []
    for section in flags.sectionList(kind) {
        let (report, codex) = UnifiedReport.build(section, claude: claude, codex: load, zone: context.zone,
                                                  range: context.range, order: context.order ?? .asc,
                                                  prices: context.prices, agents: agents)
        if section == kind {
            reportCodexProblems(load, codex, context: context, fast: CodexDiscovery.configuresFastTier(homes: load.homes))
            warnings += CodexTable.pricingWarnings(codex, offline: context.offline)
            warnings += UnifiedTable.agentPricingWarnings(report, offline: context.offline)
        }
        reports.append(report)
    }
    let hideCost = context.render.hideCost
    if context.json {
        let invoked = reports[0].json(hideCost: hideCost, byAgent: flags.byAgent)
        guard reports.count > 1, case .object(let members) = invoked else {
            try context.output(ReferenceJSON.render(invoked, floatKeys: ["cost"]) + "\n")
            return
        }
        var envelope: [JSONValue.Member] = []
        for report in reports {
            if case .object(let parts) = report.json(hideCost: hideCost, byAgent: flags.byAgent),
               let rows = parts.first(where: { $0.key == report.kind.rawValue }) {
                envelope.append(rows)
            }
        }
        envelope += members.filter { $0.key == "totals" }
        try context.output(ReferenceJSON.render(.object(envelope), floatKeys: ["cost"], topLevelInOrder: true) + "\n")
        return
    }
    for report in reports {
        if report.rows.isEmpty {
            if context.render.showTitle {
                Terminal.out(UnifiedTable.title(["Coding (Agent) CLI Usage Report - \(report.kind.title)",
                                                 UnifiedTable.detectedLine(report)], style: context.render.style))
            }
            Terminal.error("No usage data found.")
            continue
        }
        try context.output(UnifiedTable.render(report, context.render))
    }
    if !context.quiet, !warnings.isEmpty { Terminal.error(warnings.joined(separator: "\n")) }
    if context.render.compact, reports.contains(where: { !$0.rows.isEmpty }) {
        Terminal.error("\nRunning in Compact Mode\nExpand terminal width to see cache metrics and total tokens")
    }
}
