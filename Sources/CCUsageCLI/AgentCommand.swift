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
        guard AgentSources.named(agent) != nil else { return }
        let context = try Context(flags, command: agent + " " + report) { explicit in
            if let piPath { explicit.agentPaths["pi-path"] = piPath }
            if let openClawPath { explicit.agentPaths["open-claw-path"] = openClawPath }
        }
        try context.write(context.request)
    }
}
