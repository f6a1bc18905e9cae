import Foundation
import Testing
@testable import CCUsageKit

/// 10-agents-stores §7.7 (Codebuff), §8.8 (Grok) and §9.7 (ZCode) test vectors.
@Suite struct ChatStoreTests {
    @Test func codebuffVectors() throws {
        let home = try StoreHome(); defer { home.remove() }
        let chat = "projects/project-a/chats/2026-01-02T03-04-05.000Z/chat-messages.json"
        try home.write(chat, #"[{"role":"user","text":"hello"},{"id":"assistant-message","role":"assistant","timestamp":"2026-01-02T03:04:06.000Z","metadata":{"model":"claude-sonnet-4-20250514","usage":{"inputTokens":100,"outputTokens":50,"cacheCreationInputTokens":20,"cacheReadInputTokens":10}},"credits":1.25}]"#)
        try home.write("projects/project-b/chats/2026-01-03T04-05-06.000Z/chat-messages.json", #"[{"variant":"agent","metadata":{"runState":{"sessionState":{"mainAgentState":{"messageHistory":[{"role":"user","providerOptions":{}},{"role":"assistant","providerOptions":{"codebuff":{"model":"openai/gpt-5","usage":{"prompt_tokens":100,"completion_tokens":50,"prompt_tokens_details":{"cached_tokens":10}}}}}]}}}}},{"role":"assistant","metadata":{"usage":{"totalTokens":789}}}]"#)
        try home.write("projects/project-c/chats/x/chat-messages.json", "{not json")
        let before = home.snapshot()
        let load = CodebuffSource().load(AgentLoadRequest(env: home.env(["CODEBUFF_DATA_DIR": home.root]), mode: .display, prices: nil))
        #expect(home.snapshot() == before)
        #expect(load.entries.count == 3)
        let rootName = (home.root as NSString).lastPathComponent
        let a = try #require(load.entries.first { $0.credits != nil })
        #expect(isoDate(a.timestamp) == "2026-01-02" && a.sessionID == "\(rootName)/project-a/2026-01-02T03-04-05.000Z")
        #expect(a.tokens == TokenCounts(input: 100, output: 50, cacheCreation: 20, cacheRead: 10) && a.credits == 1.25)
        let b = try #require(load.entries.first { $0.model == "openai/gpt-5" })
        #expect(b.tokens == TokenCounts(input: 100, output: 50, cacheRead: 10))
        #expect(Timestamp.iso(b.timestamp) == "2026-01-03T04:05:06.000Z")
        #expect(b.cost > 0)
        let c = try #require(load.entries.first { $0.model == "codebuff-unknown" })
        #expect(c.tokens == TokenCounts(output: 789) && c.extra == 0)
        #expect(load.issues.count == 1)
    }

    // MARK: Grok

    static func turn(session: String? = "sess-1", event: String? = "evt-1", ms: Int64? = 1_785_328_986_355,
                     envelope: Int? = nil, usage: String) -> String {
        var params: [String] = []
        if let session { params.append(#""sessionId":"\#(session)""#) }
        params.append(#""update":{"sessionUpdate":"turn_completed","usage":\#(usage)}"#)
        var meta: [String] = []
        if let event { meta.append(#""eventId":"\#(event)""#) }
        if let ms { meta.append(#""agentTimestampMs":\#(ms)"#) }
        params.append(#""_meta":{\#(meta.joined(separator: ","))}"#)
        let stamp = envelope.map { #""timestamp":\#($0),"# } ?? ""
        return #"{\#(stamp)"method":"_x.ai/session/update","params":{\#(params.joined(separator: ","))}}"#
    }

    func grok(_ home: StoreHome, mode: CostMode = .display, prices: PriceTable? = nil) -> AgentLoad {
        GrokSource().load(AgentLoadRequest(env: home.env(["GROK_HOME": home.root]), mode: mode, prices: prices))
    }

    @Test func grokModelUsageAndSummary() throws {
        let home = try StoreHome(); defer { home.remove() }
        let dir = "sessions/D%3A%5Cwork%5Cproj/uuid-1"
        try home.write(dir + "/updates.jsonl", [
            Self.turn(usage: #"{"modelUsage":{"grok-4.5-build":{"inputTokens":100,"outputTokens":20,"cachedReadTokens":40,"reasoningTokens":10,"totalTokens":120}}}"#),
            #"{"method":"_x.ai/session/update","params":{"update":{"sessionUpdate":"agent_message"}}}"#,
            Self.turn(session: nil, event: "evt-2", ms: nil, envelope: 1_750_000_000, usage: #"{"inputTokens":50,"outputTokens":5,"cachedReadTokens":10,"reasoningTokens":2}"#),
            Self.turn(event: "evt-3", usage: #"{"reasoningTokens":42}"#),
            #"{"broken":"turn_completed""#,
        ].joined(separator: "\n"))
        try home.write(dir + "/summary.json", #"{"info":{"id":"canonical-session","cwd":"D:\\work\\proj"},"git_root_dir":"/elsewhere","current_model_id":"grok-4.5-build"}"#)
        let load = grok(home)
        #expect(load.entries.count == 3)
        let a = try #require(load.entries.first { $0.sessionID == "sess-1" && $0.tokens.input == 60 })
        #expect(a.model == "grok-4.5-build" && a.tokens == TokenCounts(input: 60, output: 20, cacheRead: 40) && a.extra == 0)
        #expect(a.projectPath == #"D:\work\proj"# && isoDate(a.timestamp) == "2026-07-29" && a.cost == 0)
        let b = try #require(load.entries.first { $0.sessionID == "canonical-session" })
        #expect(b.model == "grok-4.5-build" && b.tokens == TokenCounts(input: 40, output: 5, cacheRead: 10))
        #expect(b.timestamp == 1_750_000_000_000)
        #expect(load.entries.contains { $0.tokens.isZero && $0.extra == 0 })
        #expect(load.issues.count == 1)
    }

    @Test func grokTicksPricingAndDedup() throws {
        let home = try StoreHome(); defer { home.remove() }
        let line = Self.turn(usage: #"{"modelUsage":{"grok-4.5-build":{"inputTokens":10,"outputTokens":5,"costUsdTicks":1000000000}}}"#)
        try home.write("sessions/p/a/updates.jsonl", line)
        try home.write("sessions/p/b/updates.jsonl", line + "\n" + Self.turn(event: "evt-9", usage: #"{"modelUsage":{"grok-never-priced-build":{"inputTokens":93,"outputTokens":3}}}"#))
        try home.write("sessions/p/c/updates.jsonl", "not json at all turn_completed\n")
        let prices = storePrices(["xai/grok-4.5": ModelPrice(input: 0.001, output: 0.002)])
        let auto = grok(home, mode: .auto, prices: prices)
        #expect(auto.entries.count == 2)
        #expect(auto.entries.first { $0.model == "grok-4.5-build" }?.cost == 0.1)
        let calc = grok(home, mode: .calculate, prices: prices)
        #expect(abs((calc.entries.first { $0.model == "grok-4.5-build" }?.cost ?? 0) - 0.02) < 1e-12)
        let unpriced = try #require(calc.entries.first { $0.model == "grok-never-priced-build" })
        #expect(unpriced.cost == 0 && unpriced.missingPricing)
        #expect(GrokSession.candidates("grok-4.5-build") ==
                ["grok-4.5-build", "xai/grok-4.5-build", "x-ai/grok-4.5-build", "grok-4.5", "xai/grok-4.5", "x-ai/grok-4.5"])
    }

    // MARK: ZCode

    static let zcodeSchema = [
        """
        CREATE TABLE model_usage (id TEXT, session_id TEXT, started_at INTEGER, model_id TEXT, status TEXT,
        provider_id TEXT, input_tokens INTEGER, output_tokens INTEGER, cache_creation_input_tokens INTEGER,
        cache_read_input_tokens INTEGER, computed_total_tokens INTEGER, reasoning_tokens INTEGER)
        """,
        "CREATE TABLE session (id TEXT, directory TEXT, version TEXT)",
    ]

    static func usageRow(_ id: String, session: String = "session-1", started: Int64 = 1_786_909_042_666,
                         model: String = "GLM-5.3", status: String = "completed",
                         provider: String? = "builtin:zai-coding-plan", input: Int = 100, output: Int = 10,
                         creation: Int = 15, read: Int = 25, total: Int = 110) -> String {
        "INSERT INTO model_usage VALUES (\(sq(id)), \(sq(session)), \(started), \(sq(model)), \(sq(status)), "
            + "\(provider.map(sq) ?? "NULL"), \(input), \(output), \(creation), \(read), \(total), 0)"
    }

    func zcode(_ roots: String, mode: CostMode = .calculate, prices: PriceTable? = .embedded) -> AgentLoad {
        ZCodeSource().load(AgentLoadRequest(env: Environment(variables: ["ZCODE_HOME": roots], home: "/nonexistent",
                                                             now: 0, timeZone: .current), mode: mode, prices: prices))
    }

    @Test func zcodeVectors() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("cli/db/db.sqlite", Self.zcodeSchema + [
            "INSERT INTO session VALUES ('session-1', '/workspace/project', '0.16.3')",
            Self.usageRow("usage-1"),
            Self.usageRow("usage-52", model: "GLM-5.2", provider: "builtin:bigmodel-coding-plan"),
            Self.usageRow("usage-extra", total: 123),
            Self.usageRow("custom", model: "deepseek-v4-flash", provider: "847d13c9-0568-4f2f-818e-8bd498e5d920"),
            Self.usageRow(""), Self.usageRow("zero-time", started: 0),
            Self.usageRow("running", status: "running"), Self.usageRow("error", status: "error"),
        ])
        let load = zcode(home.root)
        #expect(load.entries.count == 4)
        let byModel = Dictionary(grouping: load.entries, by: \.model)
        let one = try #require(load.entries.first { $0.tokens.cacheCreation == 15 && $0.extra == 0 && $0.model == "GLM-5.3" })
        #expect(one.tokens == TokenCounts(input: 60, output: 10, cacheCreation: 15, cacheRead: 25))
        #expect(Timestamp.iso(one.timestamp) == "2026-08-16T19:37:22.666Z" && one.projectPath == "/workspace/project")
        #expect(abs(one.cost - 0.0001555) < 1e-12)
        #expect(abs((byModel["GLM-5.2"]?.first?.cost ?? 0) - 0.0001555) < 1e-12)
        #expect(load.entries.contains { $0.extra == 13 && $0.tokens.output == 10 })
        let custom = try #require(byModel["deepseek-v4-flash"]?.first)
        #expect(custom.cost == 0 && custom.missingPricing)
        let display = zcode(home.root, mode: .display, prices: nil)
        #expect(display.entries.allSatisfy { $0.cost == 0 && !$0.missingPricing })
        let overridden = zcode(home.root, prices: PriceTable.embedded.applying(overrides:
            ["deepseek-v4-flash": ["inputCostPerToken": 1e-6, "outputCostPerToken": 2e-6, "cacheReadInputTokenCost": 3e-6]]))
        let priced = try #require(overridden.entries.first { $0.model == "deepseek-v4-flash" })
        #expect(priced.cost > 0 && !priced.missingPricing)
    }

    @Test func zcodeLegacySchemaTwoHomesAndUnrelatedDatabase() throws {
        let a = try StoreHome(); defer { a.remove() }
        let b = try StoreHome(); defer { b.remove() }
        let c = try StoreHome(); defer { c.remove() }
        let legacy = ["CREATE TABLE model_usage (id TEXT, session_id TEXT, started_at INTEGER, model_id TEXT, status TEXT, input_tokens INTEGER, output_tokens INTEGER, cache_read_input_tokens INTEGER, computed_total_tokens INTEGER)",
                      "CREATE TABLE session (id TEXT, directory TEXT)",
                      "INSERT INTO session VALUES ('s', '')",
                      "INSERT INTO model_usage VALUES ('usage-legacy', 's', 1786909042666, 'custom-model', 'completed', 100, 10, 25, 110)"]
        try a.sqlite("cli/db/db.sqlite", legacy)
        try b.sqlite("cli/db/db.sqlite", legacy + ["INSERT INTO model_usage VALUES ('usage-2', 's', 1786909042667, 'custom-model', 'completed', 1, 1, 0, 2)"])
        try c.sqlite("cli/db/db.sqlite", ["CREATE TABLE unrelated (x)"])
        let load = zcode([a.root, b.root, c.root].joined(separator: ","), mode: .display, prices: nil)
        #expect(load.entries.map { $0.tokens } == [TokenCounts(input: 75, output: 10, cacheRead: 25), TokenCounts(input: 1, output: 1)])
        #expect(load.entries.first?.projectPath == "ZCode")
        #expect(load.issues.count == 1)
    }
}
