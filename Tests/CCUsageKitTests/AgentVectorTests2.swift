import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

/// 09-agents-jsonl test vectors of §4–§7 (Copilot, pi, OpenClaw, Amp).
@Suite struct AgentVectorTests2 {
    static let copilotSpan = """
        {"type":"metric","name":"gen_ai.client.token.usage"}
        {"type":"span","traceId":"trace-1","spanId":"span-1","name":"chat claude-sonnet-4","endTime":[1775934264,967317833],"attributes":{"gen_ai.operation.name":"chat","gen_ai.request.model":"claude-sonnet-4","gen_ai.response.model":"claude-sonnet-4","gen_ai.conversation.id":"conv-1","gen_ai.usage.input_tokens":19452,"gen_ai.usage.output_tokens":281,"gen_ai.usage.cache_read.input_tokens":123,"gen_ai.usage.cache_creation.input_tokens":25,"gen_ai.usage.reasoning.output_tokens":128}}
        """

    func copilot(_ text: String, mode: CostMode = .display, prices: PriceTable? = nil) throws -> AgentLoad {
        let root = try makeAgentHome([".copilot/otel/a.jsonl": text])
        defer { removeTemporary(root) }
        return CopilotSource().load(agentRequest([:], home: root, mode: mode, prices: prices))
    }

    @Test("Copilot §4.8.1: a chat span")
    func copilotSpan() throws {
        let load = try copilot(Self.copilotSpan)
        let e = try #require(load.entries.first)
        #expect(load.entries.count == 1 && Timestamp.iso(e.timestamp) == "2026-04-11T19:04:24.967Z")
        #expect(e.sessionID == "conv-1" && e.model == "claude-sonnet-4" && e.messageID == "trace-1:span-1")
        #expect(e.tokens == TokenCounts(input: 19329, output: 281, cacheCreation: 25, cacheRead: 123) && e.extra == 128)
    }

    @Test("Copilot §4.8.2: the chat span suppresses the inference log and invoke_agent span of its response")
    func copilotSuppression() throws {
        let load = try copilot("""
            {"type":"span","traceId":"trace-dupe","spanId":"agent-1","name":"invoke_agent copilot","attributes":{"gen_ai.operation.name":"invoke_agent","gen_ai.response.id":"resp-dupe","gen_ai.usage.input_tokens":100,"gen_ai.usage.output_tokens":30}}
            {"hrTime":[1775934264,0],"_body":"GenAI inference: gpt-5.4-mini","attributes":{"gen_ai.response.id":"resp-dupe","gen_ai.usage.input_tokens":80,"gen_ai.usage.output_tokens":20}}
            {"type":"span","traceId":"trace-dupe","spanId":"chat-1","name":"chat gpt-5.4-mini","attributes":{"gen_ai.operation.name":"chat","gen_ai.response.id":"resp-dupe","gen_ai.usage.input_tokens":60,"gen_ai.usage.output_tokens":10}}
            """)
        #expect(load.entries.map(\.messageID) == ["trace-dupe:chat-1"])
        #expect(load.entries.first?.tokens == TokenCounts(input: 60, output: 10))
    }

    @Test("Copilot §4.8.3: extra priced as output; daily JSON")
    func copilotCost() throws {
        let prices = priceTable(["test-model": ModelPrice(input: 1, output: 2, cacheWrite: 3, cacheRead: 4)])
        let load = try copilot("""
            {"type":"span","traceId":"t","spanId":"s","name":"chat test-model","endTime":[1775934264,0],"attributes":{"gen_ai.operation.name":"chat","gen_ai.request.model":"test-model","gen_ai.usage.input_tokens":100,"gen_ai.usage.output_tokens":50,"gen_ai.usage.cache_read.input_tokens":10,"gen_ai.usage.cache_creation.input_tokens":20,"gen_ai.usage.reasoning.output_tokens":5}}
            """, mode: .auto, prices: prices)
        let json = agentJSON(CopilotSource(), load)
        #expect(json.contains("\"inputTokens\": 90") && json.contains("\"totalTokens\": 175") && json.contains("\"totalCost\": 300.0"))
    }

    @Test("Copilot §4.8.4: total only → output")
    func copilotTotal() throws {
        let load = try copilot("""
            {"type":"span","traceId":"t","spanId":"s","name":"chat m","attributes":{"gen_ai.operation.name":"chat","gen_ai.usage.total_tokens":567}}
            """)
        #expect(load.entries.first?.tokens.output == 567 && load.entries.first?.extra == 0)
    }

    static let piLine = """
        {"type":"message","timestamp":"2026-04-22T01:02:03.000Z","message":{"role":"user","content":"hi"}}
        {"type":"message","timestamp":"2026-04-22T01:02:03.000Z","message":{"role":"assistant","model":"gpt-5.4","usage":{"input":100,"output":50,"cacheRead":10,"cacheWrite":20,"totalTokens":180,"cost":{"total":0.05}}}}
        """

    @Test("pi §5.6.1: project, session, prefix, logged cost; daily JSON")
    func piLoad() throws {
        let root = try makeAgentHome(["sessions/project-a/prefix_session-a.jsonl": Self.piLine])
        defer { removeTemporary(root) }
        let load = PiSource().load(agentRequest(["PI_AGENT_DIR": root + "/sessions"], mode: .display))
        let e = try #require(load.entries.first)
        #expect(load.entries.count == 1 && e.projectPath == "project-a" && e.sessionID == "session-a" && e.model == "[pi] gpt-5.4")
        #expect(e.tokens == TokenCounts(input: 100, output: 50, cacheCreation: 20, cacheRead: 10) && e.cost == 0.05)
        let json = agentJSON(PiSource(), load)
        #expect(json.contains("\"totalTokens\": 180") && json.contains("\"totalCost\": 0.05") && json.contains("\"[pi] gpt-5.4\""))
        // --pi-path wins over PI_AGENT_DIR.
        let none = PiSource().load(agentRequest(["PI_AGENT_DIR": root + "/sessions"], paths: ["pi-path": root + "/missing"]))
        #expect(none.entries.isEmpty)
    }

    @Test("pi §5.6.2–3: total only; missing pricing by mode")
    func piEdges() throws {
        func line(_ usage: String) -> String {
            "{\"type\":\"message\",\"timestamp\":\"2026-04-22T01:02:03.000Z\",\"message\":{\"role\":\"assistant\",\"model\":\"unknown-model-xyz\",\"usage\":\(usage)}}"
        }
        let root = try makeAgentHome(["sessions/p/a.jsonl": line("{\"totalTokens\":333}"),
                                      "sessions/p/b.jsonl": line("{\"input\":100,\"output\":200}"),
                                      "sessions/p/c.jsonl": line("{\"input\":100,\"output\":200,\"cost\":{\"total\":0.05}}")])
        defer { removeTemporary(root) }
        let empty = priceTable([:])
        let calc = PiSource().load(agentRequest(["PI_AGENT_DIR": root], mode: .calculate, prices: empty))
        #expect(calc.entries.contains { $0.tokens.output == 333 && $0.extra == 0 })
        #expect(calc.entries.allSatisfy { $0.missingPricing })
        let display = PiSource().load(agentRequest(["PI_AGENT_DIR": root], mode: .display, prices: empty))
        #expect(!display.entries.contains { $0.missingPricing })
        let auto = PiSource().load(agentRequest(["PI_AGENT_DIR": root], mode: .auto, prices: empty))
        #expect(auto.entries.filter { $0.missingPricing }.count == 2)
    }

    static let openClaw = """
        {"type":"model_change","provider":"openai-codex","modelId":"gpt-5.2"}
        {"type":"message","message":{"role":"assistant","usage":{"input":1660,"output":55,"cacheRead":108928,"cost":{"total":0.02}},"timestamp":1769753935279}}
        """

    @Test("OpenClaw §6.6.1–2: model change, epoch ms, logged cost; duplicates removed")
    func openClawLoad() throws {
        let root = try makeAgentHome(["agents/main/sessions/abc.jsonl": Self.openClaw + "\n" + Self.openClaw.split(separator: "\n")[1]])
        defer { removeTemporary(root) }
        let load = OpenClawSource().load(agentRequest(["OPENCLAW_DIR": root]))
        let e = try #require(load.entries.first)
        #expect(load.entries.count == 1 && e.sessionID == "abc" && e.model == "[openclaw] gpt-5.2" && e.cost == 0.02)
        #expect(Timestamp.iso(e.timestamp).hasPrefix("2026-01-30"))
        #expect(e.tokens == TokenCounts(input: 1660, output: 55, cacheCreation: 0, cacheRead: 108928) && e.extra == 0)
    }

    @Test("OpenClaw §6.6.3–5: calculate ignores the logged cost; total only; archived names")
    func openClawEdges() throws {
        let root = try makeAgentHome(["a.jsonl": """
            {"type":"model_change","modelId":"gpt-5.2"}
            {"type":"message","message":{"role":"assistant","usage":{"input":1000,"output":500,"cost":{"total":0.99}},"timestamp":1769753935279}}
            {"type":"message","message":{"role":"assistant","usage":{"totalTokens":222},"timestamp":1769753935280}}
            """])
        defer { removeTemporary(root) }
        let prices = priceTable(["[openclaw] gpt-5.2": ModelPrice(input: 1e-6, output: 2e-6)])
        let load = OpenClawSource().load(agentRequest(["OPENCLAW_DIR": root], mode: .calculate, prices: prices))
        #expect(abs((load.entries.first?.cost ?? 0) - 0.002) < 1e-12)
        #expect(load.entries.last?.tokens.output == 222)
        #expect(OpenClawSource.qualifies("a.jsonl.deleted.1700000000000"))
        #expect(OpenClawSource.qualifies("a.jsonl.reset.2026-03-20T06-34-44.520Z"))
        #expect(!OpenClawSource.qualifies("a.json"))
        #expect(OpenClawSource.session("/x/abc.jsonl.deleted.1700000000000") == "abc")
    }

    func amp(_ threads: [String: String], mode: CostMode = .display) throws -> AgentLoad {
        let root = try makeAgentHome(Dictionary(uniqueKeysWithValues: threads.map { ("threads/" + $0.key, $0.value) }))
        defer { removeTemporary(root) }
        return AmpSource().load(agentRequest(["AMP_DATA_DIR": root], mode: mode))
    }

    @Test("Amp §7.5.1–2: ledger event with cache from its message, credits in JSON")
    func ampLedger() throws {
        let load = try amp(["T-a.json": """
            {"id":"thread-a","messages":[{"role":"assistant","messageId":2,"usage":{"cacheCreationInputTokens":20,"cacheReadInputTokens":10}}],"usageLedger":{"events":[{"id":"event-a","timestamp":"2026-05-01T01:02:03.000Z","model":"claude-sonnet-4-20250514","credits":1.25,"tokens":{"input":100,"output":50},"toMessageId":2}]}}
            """])
        let e = try #require(load.entries.first)
        #expect(load.entries.count == 1 && e.sessionID == "thread-a" && e.credits == 1.25)
        #expect(e.tokens == TokenCounts(input: 100, output: 50, cacheCreation: 20, cacheRead: 10))
        var priced = load
        priced.entries[0].cost = 0.02
        let json = agentJSON(AmpSource(), priced)
        #expect(json.contains("\"totalTokens\": 180") && json.contains("\"credits\": 1.25") && json.contains("\"totalCost\": 0.02"))
    }

    @Test("Amp §7.5.3–6: total only, message usage, ledger wins, zero usage dropped")
    func ampEdges() throws {
        let load = try amp([
            "a.json": #"{"id":"t-total","usageLedger":{"events":[{"timestamp":"2026-05-01T01:02:03.000Z","model":"gpt-5","tokens":{"total":345}}]}}"#,
            "b.json": #"{"id":"T-thread-a","messages":[{"role":"assistant","timestamp":"2026-05-01T01:02:03.000Z","model":"claude-haiku-4-5-20251001","usage":{"inputTokens":10,"outputTokens":178,"cacheCreationInputTokens":986,"cacheReadInputTokens":11372}},{"role":"assistant","timestamp":"2026-05-01T01:03:03.000Z","model":"claude-haiku-4-5-20251001","usage":{"inputTokens":5,"outputTokens":42,"cacheCreationInputTokens":0,"cacheReadInputTokens":12000}}]}"#,
            "c.json": #"{"id":"t-both","messages":[{"role":"assistant","timestamp":"2026-05-01T01:02:03.000Z","model":"gpt-5","usage":{"inputTokens":99,"outputTokens":99}}],"usageLedger":{"events":[{"timestamp":"2026-05-01T01:02:03.000Z","model":"gpt-5","tokens":{"input":1,"output":2}}]}}"#,
            "d.json": #"{"id":"t-zero","messages":[{"role":"assistant","timestamp":"2026-05-01T01:02:03.000Z","model":"gpt-5","usage":{"inputTokens":0,"outputTokens":0,"cacheCreationInputTokens":0,"cacheReadInputTokens":0}},{"role":"assistant","timestamp":"2026-05-01T01:02:03.000Z","model":"gpt-5","usage":{"totalTokens":345}}]}"#,
        ])
        let bySession = Dictionary(grouping: load.entries, by: \.sessionID)
        #expect(bySession["t-total"]?.map(\.tokens.output) == [345])
        #expect(bySession["T-thread-a"]?.map(\.tokens) == [TokenCounts(input: 10, output: 178, cacheCreation: 986, cacheRead: 11372),
                                                         TokenCounts(input: 5, output: 42, cacheCreation: 0, cacheRead: 12000)])
        #expect(bySession["t-both"]?.map(\.tokens) == [TokenCounts(input: 1, output: 2)])
        #expect(bySession["t-zero"]?.map(\.tokens.output) == [345])
    }
}
