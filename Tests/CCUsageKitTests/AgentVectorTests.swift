import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

/// 09-agents-jsonl §0 shared rules and the test vectors of §1–§3 (Gemini, Qwen, Kimi).
@Suite struct AgentVectorTests {
    @Test("§0.2 strict timestamps: three fraction digits or none, a zone, range-checked fields")
    func strictTimestamps() {
        #expect(AgentRules.strictTimestamp("2026-05-17T11:07:32.000Z") == Timestamp.parse("2026-05-17T11:07:32.000Z"))
        #expect(AgentRules.strictTimestamp("2026-05-17T11:07:32Z") != nil)
        #expect(AgentRules.strictTimestamp("2026-05-17T11:07:32+02:00") != nil)
        #expect(AgentRules.strictTimestamp("2026-05-17T11:07:32.123+02:00") != nil)
        #expect(AgentRules.strictTimestamp("2026-05-17T11:07:32.123456Z") == nil)
        #expect(AgentRules.strictTimestamp("2026-05-17T11:07:32") == nil)
        #expect(AgentRules.strictTimestamp("2026-05-17 11:07:32Z") == nil)
        #expect(AgentRules.strictTimestamp("2026-02-30T11:07:32Z") == nil)
        #expect(AgentRules.strictTimestamp("2026-05-17T24:07:32Z") == nil)
    }

    @Test("§0.3 total-token fallback vectors")
    func totalFallback() {
        var t = TokenCounts(input: 100, output: 0, cacheCreation: 0, cacheRead: 25), extra = 0
        AgentRules.applyTotal(175, tokens: &t, extra: &extra)
        #expect(t.output == 50 && extra == 0)
        t = TokenCounts(input: 100, output: 50, cacheCreation: 0, cacheRead: 25); extra = 0
        AgentRules.applyTotal(200, tokens: &t, extra: &extra)
        #expect(t.output == 50 && extra == 25)
        t = TokenCounts(); extra = 0
        AgentRules.applyTotal(345, tokens: &t, extra: &extra)
        #expect(t.output == 345 && extra == 0)
    }

    @Test("Gemini §1.7.1: discovery takes .json and .jsonl only")
    func geminiDiscovery() throws {
        let root = try makeAgentHome(["chats/a.json": "{}", "chats/b.jsonl": "", "chats/ignore.txt": ""])
        defer { removeTemporary(root) }
        var unreadable: [String] = []
        #expect(GeminiSource.files([root], unreadable: &unreadable) == [root + "/chats/a.json", root + "/chats/b.jsonl"])
    }

    @Test("Gemini §1.7.2: JSONL load, cache inside input, thoughts as extra")
    func geminiJSONL() throws {
        let root = try makeAgentHome(["project/chats/session-a.jsonl": """
            {"sessionId":"session-a","projectHash":"project-a","startTime":"2026-05-17T11:07:00.000Z"}
            {"id":"msg-a","timestamp":"2026-05-17T11:07:32.000Z","type":"gemini","model":"gemini-3-flash-preview","tokens":{"input":15327,"output":23,"cached":11526,"thoughts":919,"tool":7,"total":16276}}
            """])
        defer { removeTemporary(root) }
        let load = GeminiSource().load(agentRequest(["GEMINI_DATA_DIR": root], mode: .display))
        #expect(load.entries.count == 1)
        let e = try #require(load.entries.first)
        #expect(e.sessionID == "session-a" && e.model == "gemini-3-flash-preview")
        #expect(e.tokens == TokenCounts(input: 3808, output: 23, cacheCreation: 0, cacheRead: 11526) && e.extra == 919)
        #expect(Timestamp.iso(e.timestamp).hasPrefix("2026-05-17"))
        #expect(agentJSON(GeminiSource(), load).contains("\"totalTokens\": 16276"))
    }

    @Test("Gemini §1.7.3: a total only becomes output")
    func geminiTotalOnly() throws {
        let object = try #require(AgentJSON.parse("{\"total\":654}"))
        let columns = try #require(GeminiTokens(object).columns(direct: true))
        #expect(columns.0.output == 654 && columns.1 == 0)
    }

    @Test("Gemini: the same message id in a JSONL file replaces the earlier event (last wins)")
    func geminiDedup() throws {
        let root = try makeAgentHome(["s.jsonl": """
            {"id":"m","timestamp":"2026-05-17T11:07:32.000Z","type":"gemini","model":"gemini-2.5-pro","tokens":{"input":10,"output":1}}
            {"id":"m","timestamp":"2026-05-17T11:07:33.000Z","type":"gemini","model":"gemini-2.5-pro","tokens":{"input":10,"output":5}}
            {"type":"gemini","tokens":{not json
            """])
        defer { removeTemporary(root) }
        let load = GeminiSource().load(agentRequest(["GEMINI_DATA_DIR": root], mode: .display))
        #expect(load.entries.map(\.tokens.output) == [5])
        #expect(load.issues.map(\.kind) == [.badLine])
    }

    @Test("Gemini models are priced offline through the whole LiteLLM list (decision 21)")
    func geminiPricedOffline() throws {
        let root = try makeAgentHome(["s.jsonl": """
            {"timestamp":"2026-05-17T11:07:32.000Z","type":"gemini","model":"gemini-2.5-pro","tokens":{"input":1000,"output":100}}
            """])
        defer { removeTemporary(root) }
        let load = GeminiSource().load(agentRequest(["GEMINI_DATA_DIR": root]))
        let e = try #require(load.entries.first)
        #expect(e.cost > 0 && !e.missingPricing)
    }

    static let qwenLines = """
        {"type":"user","text":"hello"}
        {"type":"assistant","model":"qwen3-coder-plus","timestamp":"2026-02-23T14:24:56.857Z","sessionId":"session-json","usageMetadata":{"promptTokenCount":100,"candidatesTokenCount":50,"thoughtsTokenCount":10,"cachedContentTokenCount":5}}
        """

    @Test("Qwen §2.5.1: entry and daily JSON (display mode)")
    func qwenDaily() throws {
        let root = try makeAgentHome(["projects/myProject/chats/chat-a.jsonl": Self.qwenLines])
        defer { removeTemporary(root) }
        let load = QwenSource().load(agentRequest(["QWEN_DATA_DIR": root], mode: .display, prices: nil))
        let e = try #require(load.entries.first)
        #expect(load.entries.count == 1 && e.sessionID == "session-json" && e.projectPath == "myProject")
        #expect(e.tokens == TokenCounts(input: 100, output: 50, cacheCreation: 0, cacheRead: 5) && e.extra == 10)
        #expect(agentJSON(QwenSource(), load) == """
            {
              "daily": [
                {
                  "cacheCreationTokens": 0,
                  "cacheReadTokens": 5,
                  "date": "2026-02-23",
                  "inputTokens": 100,
                  "modelsUsed": [
                    "qwen3-coder-plus"
                  ],
                  "outputTokens": 50,
                  "totalCost": 0.0,
                  "totalTokens": 165
                }
              ],
              "totals": {
                "cacheCreationTokens": 0,
                "cacheReadTokens": 5,
                "inputTokens": 100,
                "outputTokens": 50,
                "totalCost": 0.0,
                "totalTokens": 165
              }
            }

            """)
    }

    @Test("Qwen: empty totals are null; files at other depths are ignored; copies deduplicated")
    func qwenEmptyAndDedup() throws {
        let root = try makeAgentHome(["projects/p/chats/a.jsonl": Self.qwenLines, "projects/p/chats/b.jsonl": Self.qwenLines,
                                      "projects/p/chats/deeper/c.jsonl": Self.qwenLines, "projects/p/x.jsonl": Self.qwenLines])
        defer { removeTemporary(root) }
        let load = QwenSource().load(agentRequest(["QWEN_DATA_DIR": root], mode: .display))
        #expect(load.filesRead == 2 && load.entries.count == 1)
        let empty = agentJSON(QwenSource(), AgentLoad())
        #expect(empty.contains("\"totals\": null"))
    }

    @Test("Qwen §2.5.2–3: total only → output; the first candidate wins even at price 0")
    func qwenTotalAndCandidates() throws {
        let root = try makeAgentHome(["projects/p/chats/a.jsonl": """
            {"type":"assistant","model":"free-model","timestamp":"2026-02-23T14:24:56.857Z","usageMetadata":{"totalTokenCount":321}}
            """])
        defer { removeTemporary(root) }
        let prices = priceTable(["free-model": ModelPrice(input: 0, output: 0, cacheWrite: 0, cacheRead: 0),
                                 "qwen/free-model": ModelPrice(input: 1, output: 1, cacheWrite: 1, cacheRead: 1)])
        let load = QwenSource().load(agentRequest(["QWEN_DATA_DIR": root], mode: .calculate, prices: prices))
        let e = try #require(load.entries.first)
        #expect(e.tokens.output == 321 && e.extra == 0 && e.cost == 0 && !e.missingPricing)
        #expect(e.sessionID == "p-a")
    }

    @Test("Qwen §2.5.4: session filter on last activity")
    func qwenSessionFilter() throws {
        func entry(_ session: String, _ day: String) -> AgentEntry {
            AgentEntry(timestamp: Timestamp.parse(day + "T12:00:00.000Z")!, sessionID: session,
                       projectPath: "p", model: "m", tokens: TokenCounts(input: 1))
        }
        let day = CalendarDay("2026-02-23")
        let report = AgentReport(agent: "qwen", kind: .session,
                                 entries: [entry("a", "2026-02-22"), entry("b", "2026-02-23"), entry("c", "2026-02-24")],
                                 style: QwenSource().style,
                                 options: AgentReportOptions(zone: ReportZone(TimeZone(identifier: "UTC")!),
                                                             range: DateRange(since: day, until: day)))
        #expect(report.rows.map(\.period) == ["b"])
    }

    static let kimiWire = """
        {"type":"metadata","protocol_version":"1.3"}
        {"timestamp":1770983426.420942,"message":{"type":"TurnBegin","payload":{"user_input":"hello"}}}
        {"timestamp":1770983427.123,"message":{"type":"StatusUpdate","payload":{"token_usage":{"input_other":100,"output":50,"input_cache_read":10,"input_cache_creation":20},"message_id":"msg-1"}}}
        """

    @Test("Kimi §3.5.1: config model, session directory, four columns")
    func kimiLoad() throws {
        let root = try makeAgentHome(["config.json": "{\"model\":\"kimi-k2\"}", "sessions/group/session-a/wire.jsonl": Self.kimiWire])
        defer { removeTemporary(root) }
        let load = KimiSource().load(agentRequest(["KIMI_DATA_DIR": root], mode: .display))
        let e = try #require(load.entries.first)
        #expect(load.entries.count == 1 && e.sessionID == "session-a" && e.model == "kimi-k2")
        #expect(e.tokens == TokenCounts(input: 100, output: 50, cacheCreation: 20, cacheRead: 10))
        #expect(Timestamp.iso(e.timestamp) == "2026-02-13T11:50:27.123Z")
    }

    @Test("Kimi §3.5.2–4: bad and zero lines, total only, discovery depth")
    func kimiEdges() throws {
        let zero = "{\"timestamp\":1770983427,\"message\":{\"type\":\"StatusUpdate\",\"payload\":{\"token_usage\":{\"input_other\":0,\"output\":0,\"input_cache_read\":0,\"input_cache_creation\":0}}}}"
        let total = "{\"timestamp\":1770983427,\"message\":{\"type\":\"StatusUpdate\",\"payload\":{\"token_usage\":{\"total\":432}}}}"
        let root = try makeAgentHome(["sessions/group/session/wire.jsonl": "not json\n" + zero + "\n" + total,
                                      "sessions/group/session/other.jsonl": Self.kimiWire,
                                      "sessions/nested/path/session/wire.jsonl": Self.kimiWire])
        defer { removeTemporary(root) }
        let load = KimiSource().load(agentRequest(["KIMI_DATA_DIR": root], mode: .display))
        #expect(load.filesRead == 1)
        #expect(load.entries.map(\.tokens.output) == [432] && load.entries.first?.model == "kimi-for-coding")
    }

    @Test("Kimi §3.5.5: kimi-for-coding priced as K2.5 before the switch, K2.6 from it")
    func kimiPricing() {
        let tokens = TokenCounts(input: 100, output: 50, cacheCreation: 20, cacheRead: 10)
        func cost(_ ms: Int64) -> Double {
            AgentRules.cost(mode: .calculate, candidates: KimiSource.candidates("kimi-for-coding", timestamp: ms),
                            tokens: tokens, extra: 0, extraAsOutput: false, prices: .embedded).cost
        }
        #expect(abs(cost(1_776_698_890_071) - 0.000226) < 1e-12)
        #expect(abs(cost(1_776_698_890_072) - 0.00032035) < 1e-12)
    }
}
