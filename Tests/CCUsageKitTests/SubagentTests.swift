import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

/// A session that ran sub-agents in every way Claude Code has recorded them.
@Suite final class SubagentTests {
    let root: String
    let session = "5e551011-aaaa-bbbb-cccc-000000000001"
    var project: String { root + "/projects/-home-me-app" }

    static func usage(_ id: String, _ time: String, input: Int, output: Int, sidechain: Bool = false,
                      session: String, agent: String? = nil, model: String = "claude-sonnet-4-20250514") -> String {
        let agentField = agent.map { #","agentId":"\#($0)""# } ?? ""
        return #"{"type":"assistant","isSidechain":\#(sidechain),"sessionId":"\#(session)"\#(agentField),"requestId":"req_\#(id)","timestamp":"\#(time)","message":{"id":"msg_\#(id)","model":"\#(model)","usage":{"input_tokens":\#(input),"output_tokens":\#(output)}}}"#
    }

    init() throws {
        root = try makeTemporaryDirectory("ccusage-subagents")
        let sub = project + "/" + session + "/subagents"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        let s = session
        let parent = [
            Self.usage("m1", "2025-08-01T10:00:00Z", input: 100, output: 10, session: s),
            // The Task call that starts agent a1 (Claude Code 2.0 names the type only here) ...
            #"{"type":"assistant","sessionId":"\#(s)","requestId":"req_m2","timestamp":"2025-08-01T10:01:00Z","message":{"id":"msg_m2","model":"claude-sonnet-4-20250514","content":[{"type":"tool_use","id":"toolu_A1","name":"Task","input":{"description":"look","prompt":"p","subagent_type":"Explore"}}],"usage":{"input_tokens":200,"output_tokens":20}}}"#,
            // ... a progress line replaying one of a1's responses ...
            #"{"type":"progress","sessionId":"\#(s)","parentToolUseID":"toolu_A1","timestamp":"2025-08-01T10:02:30Z","data":{"type":"agent_progress","agentId":"a1","message":{"type":"assistant","timestamp":"2025-08-01T10:02:00Z","requestId":"req_a1b","message":{"id":"msg_a1b","model":"claude-haiku-4-5-20251001","usage":{"input_tokens":7,"output_tokens":70}}}}}"#,
            // ... and its result, linked to the call by tool_use_id.
            #"{"type":"user","sessionId":"\#(s)","timestamp":"2025-08-01T10:03:00Z","message":{"role":"user","content":[{"tool_use_id":"toolu_A1","type":"tool_result","content":"done"}]},"toolUseResult":{"status":"completed","agentId":"a1","totalTokens":5}}"#,
            // Claude Code 2.1 names the type in the result itself.
            #"{"type":"user","sessionId":"\#(s)","timestamp":"2025-08-01T10:05:00Z","message":{"role":"user","content":[{"tool_use_id":"toolu_B2","type":"tool_result","content":"done"}]},"toolUseResult":{"status":"completed","agentId":"b2","agentType":"general-purpose"}}"#,
            // An older inline sidechain line.
            Self.usage("side", "2025-08-01T10:06:00Z", input: 3, output: 30, sidechain: true, session: s),
        ]
        try (parent.joined(separator: "\n") + "\n").write(toFile: project + "/" + s + ".jsonl", atomically: true, encoding: .utf8)
        try ([Self.usage("a1a", "2025-08-01T10:01:30Z", input: 5, output: 50, sidechain: true, session: s, agent: "a1",
                         model: "claude-haiku-4-5-20251001"),
              Self.usage("a1b", "2025-08-01T10:02:00Z", input: 7, output: 70, sidechain: true, session: s, agent: "a1",
                         model: "claude-haiku-4-5-20251001")].joined(separator: "\n") + "\n")
            .write(toFile: sub + "/agent-a1.jsonl", atomically: true, encoding: .utf8)
        try (Self.usage("b2a", "2025-08-01T10:04:00Z", input: 11, output: 110, sidechain: true, session: s, agent: "b2") + "\n")
            .write(toFile: sub + "/agent-b2.jsonl", atomically: true, encoding: .utf8)
        // A type only in the agent's metadata file.
        try (Self.usage("c3a", "2025-08-01T10:07:00Z", input: 13, output: 130, sidechain: true, session: s, agent: "c3") + "\n")
            .write(toFile: sub + "/agent-c3.jsonl", atomically: true, encoding: .utf8)
        try #"{"agentType":"code-reviewer"}"#.write(toFile: sub + "/agent-c3.meta.json", atomically: true, encoding: .utf8)
        // Claude Code 2.0: a top-level agent file carrying the parent's sessionId, type unnamed.
        try (Self.usage("d4a", "2025-08-01T10:08:00Z", input: 17, output: 170, sidechain: true, session: s, agent: "d4") + "\n")
            .write(toFile: project + "/agent-d4.jsonl", atomically: true, encoding: .utf8)
        // Another session without sub-agents.
        try (Self.usage("o1", "2025-08-01T09:00:00Z", input: 1, output: 1, session: "other") + "\n")
            .write(toFile: project + "/other.jsonl", atomically: true, encoding: .utf8)
    }

    deinit { removeTemporary(root) }

    func load() throws -> LoadedUsage {
        try UsageLoader.load(LoadOptions(mode: .calculate, keepRawTimestamps: true), testEnvironment(configDir: root))
    }

    func tokens(_ s: UsageSummary) -> Int { s.tokens.total }

    @Test func theSessionDetailSplitsByAgentAndAddsUp() throws {
        let usage = try load()
        var detail = try #require(SessionDetail(usage, id: session))
        #expect(detail.agents == nil)
        detail.attachSubagents(usage)
        let split = try #require(detail.agents)
        let byID = Dictionary(uniqueKeysWithValues: split.subagents.map { ($0.agentID, $0) })
        #expect(Set(byID.keys) == ["a1", "b2", "c3", "d4", "sidechain"])
        #expect(byID["a1"]?.agentType == "Explore")            // tool_use_id → the Task call's subagent_type
        #expect(byID["b2"]?.agentType == "general-purpose")    // toolUseResult.agentType
        #expect(byID["c3"]?.agentType == "code-reviewer")      // agent-c3.meta.json
        #expect(byID["d4"]?.agentType == nil)
        // a1: its own response plus the one whose progress copy in the parent won deduplication.
        #expect(byID["a1"].map { tokens($0.summary) } == 5 + 50 + 7 + 70)
        #expect(byID["a1"]?.summary.modelsUsed == ["claude-haiku-4-5-20251001"])
        #expect(byID["sidechain"].map { tokens($0.summary) } == 33)
        #expect(tokens(split.main) == 110 + 220)
        // The parts add up to the session, tokens and cost.
        let parts = [split.main] + split.subagents.map(\.summary)
        #expect(parts.map(tokens).reduce(0, +) == detail.totalTokens)
        #expect(abs(parts.map(\.cost).reduce(0, +) - detail.totalCost) < 1e-12)
        // Most expensive first.
        #expect(split.subagents.map(\.summary.cost) == split.subagents.map(\.summary.cost).sorted(by: >))
        #expect(byID["a1"]?.label == "Explore (a1)")
        #expect(byID["d4"]?.label == "agent d4")
    }

    @Test func theSessionReportSplitsEveryRowOnlyWhenAsked() throws {
        let usage = try load()
        var report = SessionReport(usage, zone: ReportZone(identifier: "UTC")!)
        let plain = report.json().rendered()
        #expect(!plain.contains("subagents"))
        report.attachSubagents(usage)
        for row in report.rows {
            let split = try #require(row.agents)
            let parts = [split.main] + split.subagents.map(\.summary)
            #expect(parts.map(tokens).reduce(0, +) == row.summary.tokens.total)
            #expect(abs(parts.map(\.cost).reduce(0, +) - row.summary.cost) < 1e-12)
        }
        let main = try #require(report.rows.first { $0.sessionID == session })
        #expect(main.agents?.subagents.map(\.agentID).sorted() == ["a1", "b2", "c3", "sidechain"])
        // The 2.0 top-level agent file is its own session row: all of it is that sub-agent's.
        let agentRow = try #require(report.rows.first { $0.sessionID == "agent-d4" })
        #expect(agentRow.agents?.subagents.map(\.agentID) == ["d4"])
        #expect(agentRow.agents.map { tokens($0.main) } == 0)
        #expect(report.rows.first { $0.sessionID == "other" }?.agents?.subagents == [])

        let json = report.json().rendered()
        #expect(json.contains("""
                {
                  "agentId": "b2",
                  "agentType": "general-purpose",
                  "inputTokens": 11,
                  "outputTokens": 110,
                  "cacheCreationTokens": 0,
                  "cacheReadTokens": 0,
                  "totalTokens": 121,
        """), "\(json)")
        #expect(json.contains(#""subagents": []"#))
        #expect(!report.json(hideCost: true).rendered().contains(#""totalCost""#))

        let table = UsageTable.render(report, RenderOptions(width: 160, breakdown: true))
        #expect(table.contains("│   ▸ main agent "), "\(table)")
        #expect(table.contains("│   ▸ Explore (a1) "))
        #expect(table.contains("│   ▸ code-reviewer (c3) "))
        #expect(table.contains("│   ▸ sidechain "))
        // A session without sub-agents gets no agent rows.
        #expect(table.components(separatedBy: "▸ main agent").count == 3)   // this session and agent-d4
    }

    @Test func theDetailViewShowsTheAgentTable() throws {
        let usage = try load()
        var detail = try #require(SessionDetail(usage, id: session))
        detail.attachSubagents(usage)
        let text = UsageTable.render(detail, RenderOptions(width: 160), zone: ReportZone(identifier: "UTC")!)
        #expect(text.contains("│ Agent "))
        #expect(text.contains("│ main agent "))
        #expect(text.contains("│ general-purpose (b2) "))
        let json = detail.json().rendered()
        #expect(json.contains(#""subagents": ["#))
        #expect(json.range(of: #""subagents"#)!.lowerBound < json.range(of: #""entries""#)!.lowerBound)
        // A session without sub-agents: an empty array and no agent table.
        var other = try #require(SessionDetail(usage, id: "other"))
        other.attachSubagents(usage)
        #expect(other.json().rendered().contains(#""subagents": []"#))
        #expect(!UsageTable.render(other, RenderOptions(width: 160), zone: ReportZone(identifier: "UTC")!).contains("Agent"))
    }

    @Test("agent ids from transcript paths", arguments: [
        ("/c/projects/p/s/subagents/agent-a7e447c91c5d3d1c6.jsonl", "a7e447c91c5d3d1c6"),
        ("/c/projects/p/agent-a6c9ee6.jsonl", "a6c9ee6"),
        ("/c/projects/p/s/subagents/helper.jsonl", "helper"),
        ("/c/projects/p/5b1f0c2e.jsonl", nil),
        ("/c/projects/p/agent-.jsonl", nil),
    ] as [(String, String?)])
    func agentIDs(_ path: String, _ id: String?) {
        #expect(TranscriptFile.agentID(path: path) == id)
    }
}
