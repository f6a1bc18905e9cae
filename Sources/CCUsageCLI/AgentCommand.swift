import ArgumentParser
import CCUsageKit

/// `ccusage <agent> [daily|weekly|monthly|session]` for every agent read through `AgentSource` (09, 10):
/// `AgentRouting` rewrites `gemini daily …` (and `gemini:daily`) to `agent-report gemini daily …`.
struct AgentReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent-report",
        abstract: "One agent's usage (reached as `ccusage <agent> <report>`).",
        shouldDisplay: false
    )

    @Argument(help: "The agent (gemini, qwen, kimi, copilot, pi, openclaw, amp, …).") var agent: String
    @Argument(help: "daily (default), monthly or session (weekly for OpenCode).") var report: String = "daily"
    @OptionGroup(title: "Report options") var flags: ReportFlags
    @Option(name: .customLong("pi-path"), help: "pi only: comma-separated pi-agent session folders (over PI_AGENT_DIR).")
    var piPath: String?
    @Option(name: .customLong("open-claw-path"), help: "openclaw only: comma-separated OpenClaw folders (over OPENCLAW_DIR).")
    var openClawPath: String?

    mutating func validate() throws {
        guard let source = AgentSources.named(agent) else { throw ValidationError("Unknown command '\(agent)'") }
        guard source.reports.contains(report) else {
            throw ValidationError("The \"\(report)\" report is not available for \(source.displayName) usage.")
        }
        if piPath != nil, agent != "pi" { throw ValidationError("Unknown option '--pi-path'") }
        if openClawPath != nil, agent != "openclaw" { throw ValidationError("Unknown option '--open-claw-path'") }
    }

    func run() async throws {
        guard let source = AgentSources.named(agent), let kind = AgentReportKind(rawValue: report) else { return }
        let context = try Context(flags, command: agent + " " + report)
        var paths: [String: String] = [:]
        if let value = piPath ?? context.config.string("piPath"), agent == "pi" { paths["pi-path"] = value }
        if let value = openClawPath ?? context.config.string("openClawPath"), agent == "openclaw" {
            paths["open-claw-path"] = value
        }
        let request = AgentLoadRequest(env: context.env, mode: context.mode,
                                       prices: context.mode == .display ? nil : context.prices,
                                       paths: paths, singleThread: context.singleThread)
        let load = source.load(request)
        reportAgentIssues([LoadedAgent(source: source, load: load)], context: context, roots: source.roots(request))
        let options = AgentReportOptions(zone: context.zone, range: context.range, order: context.order ?? .asc)
        let built = AgentReport(agent: source.id, kind: kind, entries: load.entries, style: source.style, options: options)
        if context.json {
            try context.output(AgentReport.render(built.json(hideCost: context.render.hideCost)))
            return
        }
        guard !built.rows.isEmpty else {
            Terminal.error(source.style.emptyMessage)
            return
        }
        try context.output(AgentTable.render(built, context.render))
        guard source.style.table == .usage else { return }
        if !context.quiet {
            let warnings = built.pricingWarnings(offline: context.offline)
            if !warnings.isEmpty { Terminal.error(warnings.joined(separator: "\n")) }
        }
        if context.render.compact { Terminal.error(AgentReport.compactFooter) }
    }
}

/// Problems of agents read through `AgentSource` (decision 23): one warning line per agent, or every issue
/// (bounded by `--debug-samples`) with `--debug`.
func reportAgentIssues(_ agents: [LoadedAgent], context: Context, roots: [String]? = nil) {
    for agent in agents {
        let load = agent.load
        if context.debug {
            var lines: [String] = []
            if let roots { lines.append("[debug] \(agent.source.displayName) roots: " + (roots.isEmpty ? "(none)" : roots.joined(separator: ", "))) }
            lines.append("[debug] \(agent.source.id): files: \(load.filesRead), bytes: \(load.bytes), entries: \(load.entries.count), issues: \(load.issues.count)")
            for issue in load.issues.prefix(context.debugSamples) {
                lines.append("[debug] \(agent.source.id) \(issue.kind.rawValue): \(issue.path): \(issue.detail)")
            }
            if load.issues.count > context.debugSamples {
                lines.append("[debug] … and \(load.issues.count - context.debugSamples) more \(agent.source.id) issues (--debug-samples \(context.debugSamples))")
            }
            Terminal.error(lines.joined(separator: "\n"))
        } else if !context.quiet {
            for issue in load.issues where issue.kind == .warning { Terminal.error("WARN  " + issue.detail) }
            let skipped = load.issues.filter { $0.kind != .warning }.count
            if skipped > 0 {
                Terminal.error("warning: skipped \(skipped) unreadable or malformed item(s) in \(agent.source.displayName) data; run with --debug for details")
            }
        }
    }
}
