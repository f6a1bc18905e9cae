import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

/// The hand-made homes in `Tests/Fixtures/agents/<agent>/` (built from 09's examples, with duplicates, damaged
/// lines and files): each focused report's JSON and table against its golden file.
@Suite struct AgentFixtureTests {
    static let root = fixturesRoot + "/agents"

    /// The variables that point each agent at its fixture folder.
    static let variables: [String: String] = [
        "GEMINI_DATA_DIR": root + "/gemini", "QWEN_DATA_DIR": root + "/qwen", "KIMI_DATA_DIR": root + "/kimi",
        "COPILOT_OTEL_FILE_EXPORTER_PATH": root + "/copilot/export.jsonl", "PI_AGENT_DIR": root + "/pi/sessions",
        "OPENCLAW_DIR": root + "/openclaw", "AMP_DATA_DIR": root + "/amp",
    ]

    static let agents = ["gemini", "qwen", "kimi", "copilot", "pi", "openclaw", "amp"]

    func report(_ id: String, _ kind: AgentReportKind, mode: CostMode = .auto) throws -> AgentReport {
        let source = try #require(AgentSources.named(id))
        let load = source.load(agentRequest(Self.variables, mode: mode))
        return AgentReport(agent: id, kind: kind, entries: load.entries, style: source.style,
                           options: AgentReportOptions(zone: ReportZone(TimeZone(identifier: "UTC")!)))
    }

    @Test("daily, monthly and session JSON equal the goldens", arguments: agents)
    func json(_ id: String) throws {
        for kind in [AgentReportKind.daily, .monthly, .session] {
            try expectGolden(AgentReport.render(report(id, kind).json()), named: "agents/\(id)-\(kind.rawValue).json")
        }
    }

    @Test("daily and session tables (with --breakdown) equal the goldens", arguments: agents)
    func tables(_ id: String) throws {
        let options = RenderOptions(width: 160, breakdown: true)
        try expectGolden(AgentTable.render(report(id, .daily), options), named: "agents/\(id)-daily.txt")
        try expectGolden(AgentTable.render(report(id, .session), RenderOptions(width: 80)), named: "agents/\(id)-session-compact.txt")
    }

    @Test("each agent's damaged lines and files are counted, never fatal")
    func issuesCounted() throws {
        let request = agentRequest(Self.variables)
        // The file-based agents these homes are for (the store agents have their own tests).
        let loads = AgentSources.loadAll(request, agents: AgentSources.all.filter { Self.agents.contains($0.id) })
        #expect(loads.count == Self.agents.count)
        let issues = Dictionary(uniqueKeysWithValues: loads.map { ($0.source.id, $0.load.issues.count) })
        #expect(issues["gemini"] == 1 && issues["qwen"] == 1 && issues["copilot"] == 1 && issues["amp"] == 1)
        #expect(loads.allSatisfy { !$0.load.entries.isEmpty })
    }
}
