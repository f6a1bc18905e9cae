import CCUsageTestSupport
import FixtureKit
import Foundation
import Testing
@testable import CCUsageKit

/// `AgentFixtureGenerator`'s homes read back through each `AgentSource` with exactly the totals it reports, and
/// the same arguments give the same bytes.
@Suite struct AgentGeneratorTests {
    static let variables = ["gemini": "GEMINI_DATA_DIR", "qwen": "QWEN_DATA_DIR", "kimi": "KIMI_DATA_DIR",
                            "pi": "PI_AGENT_DIR", "openclaw": "OPENCLAW_DIR", "amp": "AMP_DATA_DIR"]

    @Test("every generated home reads back with the generator's totals", arguments: AgentFixtureGenerator.agents)
    func readBack(_ agent: String) throws {
        let root = try makeTemporaryDirectory("ccusage-agent-gen")
        defer { removeTemporary(root) }
        let summary = try AgentFixtureGenerator.generate(agent: agent, into: root, targetBytes: 200_000, seed: 7)
        let source = try #require(AgentSources.named(agent))
        var vars: [String: String] = [:]
        var home = "/nonexistent-home"
        if agent == "copilot" {
            home = root + "/copilot-home"
            try FileManager.default.createDirectory(atPath: home + "/.copilot", withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: summary.dataRoot + "/otel", toPath: home + "/.copilot/otel")
        } else {
            vars[try #require(Self.variables[agent])] = summary.dataRoot + (agent == "pi" ? "/sessions" : "")
        }
        let load = source.load(agentRequest(vars, home: home, mode: .display, prices: nil))
        #expect(load.issues.isEmpty)
        #expect(load.filesRead == summary.files)
        #expect(load.entries.count == summary.entries)
        var t = TokenCounts(), extra = 0
        for e in load.entries { t += e.tokens; extra += e.extra }
        #expect(Int64(t.input) == summary.input && Int64(t.output) == summary.output)
        #expect(Int64(t.cacheCreation) == summary.cacheCreation && Int64(t.cacheRead) == summary.cacheRead)
        #expect(Int64(extra) == summary.extra)
    }

    @Test("the same arguments write the same bytes")
    func deterministic() throws {
        let a = try makeTemporaryDirectory("ccusage-agent-gen"), b = try makeTemporaryDirectory("ccusage-agent-gen")
        defer { removeTemporary(a); removeTemporary(b) }
        let x = try AgentFixtureGenerator.generate(agent: "qwen", into: a, targetBytes: 50_000, seed: 3)
        let y = try AgentFixtureGenerator.generate(agent: "qwen", into: b, targetBytes: 50_000, seed: 3)
        #expect(x.bytes == y.bytes && x.input == y.input && x.entries == y.entries)
    }
}
