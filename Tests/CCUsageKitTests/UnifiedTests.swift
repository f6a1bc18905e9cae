import Foundation
import Testing
@testable import CCUsageKit

/// 08-unified §7.5 and §12: the reference's aggregation test and the `--by-agent` vector.
@Suite struct UnifiedTests {
    static func rows(withBreakdowns: Bool) -> [AgentRow] {
        var claude = AgentRow(agent: "claude", period: "2026-01-02")
        claude.tokens = TokenCounts(input: 50, output: 25, cacheCreation: 5, cacheRead: 3)
        claude.totalTokens = 83
        claude.cost = 0.02
        claude.modelsUsed = ["claude-sonnet-4-20250514"]
        var codex = AgentRow(agent: "codex", period: "2026-01-02")
        codex.tokens = TokenCounts(input: 100, output: 20, cacheCreation: 0, cacheRead: 10)
        codex.totalTokens = 120
        codex.cost = 0.01
        codex.modelsUsed = ["gpt-5"]
        if withBreakdowns {
            claude.breakdowns = [ModelBreakdown(modelName: "claude-sonnet-4-20250514", tokens: claude.tokens, cost: 0.02)]
            codex.breakdowns = [ModelBreakdown(modelName: "gpt-5", tokens: codex.tokens, cost: 0.01)]
        }
        return [codex, claude]
    }

    @Test("§7.5: one aggregated row per day, keys sorted, whole costs as integers")
    func aggregation() {
        let report = UnifiedReport(kind: .daily, rows: Self.rows(withBreakdowns: false), detected: ["codex", "claude"],
                                   order: .asc)
        #expect(ReferenceJSON.render(report.json(), floatKeys: ["cost"]) + "\n" == """
        {
          "daily": [
            {
              "agent": "all",
              "cacheCreationTokens": 5,
              "cacheReadTokens": 13,
              "inputTokens": 150,
              "metadata": {
                "agents": [
                  "claude",
                  "codex"
                ]
              },
              "modelBreakdowns": [],
              "modelsUsed": [
                "claude-sonnet-4-20250514",
                "gpt-5"
              ],
              "outputTokens": 45,
              "period": "2026-01-02",
              "totalCost": 0.03,
              "totalTokens": 203
            }
          ],
          "totals": {
            "cacheCreationTokens": 5,
            "cacheReadTokens": 13,
            "inputTokens": 150,
            "outputTokens": 45,
            "totalCost": 0.03,
            "totalTokens": 203
          }
        }

        """)
    }

    @Test("§12: --by-agent adds each agent's part, sorted by agent id")
    func byAgent() throws {
        let report = UnifiedReport(kind: .daily, rows: Self.rows(withBreakdowns: true), detected: [], order: .asc)
        let data = Data(ReferenceJSON.render(report.json(byAgent: true), floatKeys: ["cost"]).utf8)
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let row = try #require((doc["daily"] as? [[String: Any]])?.first)
        let agents = try #require(row["agents"] as? [[String: Any]])
        #expect(agents.map { $0["agent"] as? String } == ["claude", "codex"])
        #expect(agents[0]["inputTokens"] as? Int == 50)
        #expect(agents[1]["totalCost"] as? Double == 0.01)
        #expect(((agents[1]["modelBreakdowns"] as? [[String: Any]])?.first?["modelName"] as? String) == "gpt-5")
        let breakdowns = try #require(row["modelBreakdowns"] as? [[String: Any]])
        #expect(breakdowns.map { $0["modelName"] as? String } == ["claude-sonnet-4-20250514", "gpt-5"])
        #expect(report.rows[0].agents.map(\.agent) == ["claude", "codex"])
    }

    @Test("Weekly buckets start on Monday; monthly by YYYY-MM; desc reverses")
    func buckets() {
        var a = AgentRow(agent: "codex", period: "2026-01-04")   // a Sunday
        a.tokens.input = 1
        var b = AgentRow(agent: "claude", period: "2026-01-05")  // a Monday
        b.tokens.input = 2
        #expect(UnifiedReport(kind: .weekly, rows: [a, b], detected: [], order: .asc).rows.map(\.summary.period)
                == ["2025-12-29", "2026-01-05"])
        #expect(UnifiedReport(kind: .monthly, rows: [a, b], detected: [], order: .desc).rows.map(\.summary.tokens.input) == [3])
        #expect(UnifiedReport(kind: .daily, rows: [a, b], detected: [], order: .desc).rows.map(\.summary.period)
                == ["2026-01-05", "2026-01-04"])
    }

    @Test("Model breakdown costs stay floats; the title box centres both lines")
    func formats() {
        #expect(ReferenceJSON.render(.object([.init("cost", .double(0))]), floatKeys: ["cost"]) == "{\n  \"cost\": 0.0\n}")
        #expect(UnifiedTable.title(["Coding (Agent) CLI Usage Report - Daily", "Detected: Claude, Codex"], style: .plain) == """

        ╭────────────────────────────────────────────╮
        │                                            │
        │  Coding (Agent) CLI Usage Report - Daily   │
        │          Detected: Claude, Codex           │
        │                                            │
        ╰────────────────────────────────────────────╯


        """)
    }
}
