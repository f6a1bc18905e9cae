import Foundation
import Testing
@testable import CCUsageKit

/// 10-agents-stores §4.9 (Hermes), §5.9 (Goose) and §6.8 (Droid) test vectors.
@Suite struct SessionStoreTests {
    static let hermesSchema = """
        CREATE TABLE sessions (id TEXT PRIMARY KEY, source TEXT NOT NULL, model TEXT, started_at REAL NOT NULL,
        message_count INTEGER DEFAULT 0, input_tokens INTEGER DEFAULT 0, output_tokens INTEGER DEFAULT 0,
        cache_read_tokens INTEGER DEFAULT 0, cache_write_tokens INTEGER DEFAULT 0, reasoning_tokens INTEGER DEFAULT 0,
        billing_provider TEXT, estimated_cost_usd REAL, actual_cost_usd REAL)
        """

    static func hermesRow(_ id: String, model: String, started: Double = 1_750_000_000.25, messages: Int = 1,
                          input: Int, output: Int, cacheRead: Int = 0, cacheWrite: Int = 0, reasoning: Int = 0,
                          provider: String? = nil, estimated: Double? = nil, actual: Double? = nil) -> String {
        func opt(_ v: Double?) -> String { v.map { "\($0)" } ?? "NULL" }
        return "INSERT INTO sessions VALUES (\(sq(id)), 'cli', \(sq(model)), \(started), \(messages), \(input), \(output), "
            + "\(cacheRead), \(cacheWrite), \(reasoning), \(provider.map(sq) ?? "NULL"), \(opt(estimated)), \(opt(actual)))"
    }

    func hermes(_ home: StoreHome, prices: PriceTable? = .embedded) -> AgentLoad {
        HermesSource().load(AgentLoadRequest(env: home.env(["HERMES_HOME": home.root]), prices: prices))
    }

    @Test func hermesV1ActualCost() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("state.db", [Self.hermesSchema, Self.hermesRow("session-1", model: "claude-sonnet-4-20250514", messages: 42,
                                     input: 1200, output: 300, cacheRead: 50, cacheWrite: 20, reasoning: 10,
                                     provider: "anthropic", estimated: 0.12, actual: 0.34)])
        let e = try #require(hermes(home).entries.first)
        #expect(Timestamp.iso(e.timestamp) == "2025-06-15T15:06:40.250Z")
        #expect(e.sessionID == "session-1" && e.projectPath == "Hermes")
        #expect(e.tokens == TokenCounts(input: 1200, output: 300, cacheCreation: 20, cacheRead: 50) && e.extra == 10)
        #expect(e.messageCount == 42 && e.cost == 0.34 && e.totalTokens == 1580)
    }

    @Test func hermesCostOrderOfDecision24() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("state.db", [Self.hermesSchema,
            Self.hermesRow("zero", model: "gpt-5.5", input: 244_075, output: 10_019, cacheRead: 3_339_776, reasoning: 3216,
                           provider: "openai", actual: 0),
            Self.hermesRow("positive", model: "gpt-5.5", started: 1_750_000_001, input: 10, output: 1, provider: "openai", actual: 0.42),
            Self.hermesRow("estimated", model: "gpt-5.5", started: 1_750_000_002, input: 10, output: 1, estimated: 0.12),
            Self.hermesRow("hermes-gpt", model: "gpt-5.5", started: 1_750_000_003, input: 1000, output: 100, reasoning: 50, provider: "hermes"),
            Self.hermesRow("hermes-grok", model: "grok-4.3", started: 1_750_000_004, input: 1000, output: 100, reasoning: 50, provider: "hermes"),
            Self.hermesRow("no-model", model: " ", started: 1_750_000_005, input: 1, output: 1),
        ])
        let byID = Dictionary(uniqueKeysWithValues: hermes(home).entries.map { ($0.sessionID, $0) })
        #expect(byID.count == 5)
        #expect((byID["zero"]?.cost ?? 0) > 0)
        #expect(byID["positive"]?.cost == 0.42)
        #expect(byID["estimated"]?.cost == 0.12)
        #expect((byID["hermes-gpt"]?.cost ?? 0) > 0)
        #expect((byID["hermes-grok"]?.cost ?? 0) > 0)
        #expect(HermesSource.candidates(model: "gpt-5.5", provider: HermesSource.provider("openai", model: "gpt-5.5")) == ["openai/gpt-5.5", "gpt-5.5"])
        #expect(HermesSource.provider(nil, model: "o3-mini") == "openai")
    }

    @Test func hermesOldSchemaIsOneWarning() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("state.db", ["CREATE TABLE sessions (id TEXT, model TEXT, started_at REAL)"])
        let load = hermes(home)
        #expect(load.entries.isEmpty && load.issues.count == 1 && load.issues.first?.kind == .warning)
    }

    // MARK: Goose

    static let gooseSchema = """
        CREATE TABLE sessions (id TEXT PRIMARY KEY, model_config_json TEXT, provider_name TEXT, created_at TEXT,
        total_tokens INTEGER, input_tokens INTEGER, output_tokens INTEGER, accumulated_total_tokens INTEGER,
        accumulated_input_tokens INTEGER, accumulated_output_tokens INTEGER)
        """

    @Test func gooseV1DiscoveryAndV2Row() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("data/sessions/sessions.db", [Self.gooseSchema,
            #"INSERT INTO sessions VALUES ('session-a', '{"model_name":"claude-sonnet-4-20250514"}', 'anthropic', '2026-05-01 01:02:03', NULL, NULL, NULL, 180, 100, 50)"#,
            #"INSERT INTO sessions VALUES ('session-b', '{"model_name":"gpt-5"}', NULL, '1767312000', 30, 20, 10, 0, NULL, NULL)"#,
            #"INSERT INTO sessions VALUES ('bad-time', '{"model_name":"gpt-5"}', NULL, '2026-05-01 01:02:03.5', 30, 20, 10, 0, NULL, NULL)"#,
        ])
        let source = GooseSource()
        let env = home.env(["GOOSE_PATH_ROOT": home.root])
        #expect(source.roots(AgentLoadRequest(env: env)) == [StorePaths.canonical(home.path("data/sessions/sessions.db"))])
        let load = source.load(AgentLoadRequest(env: env, mode: .display, prices: nil))
        #expect(load.entries.count == 2)
        let a = try #require(load.entries.first { $0.sessionID == "session-a" })
        #expect(isoDate(a.timestamp) == "2026-05-01" && a.tokens == TokenCounts(input: 100, output: 50) && a.extra == 30)
        #expect(a.totalTokens == 180 && a.cost > 0)  // --mode is ignored: always computed
        let b = try #require(load.entries.first { $0.sessionID == "session-b" })
        #expect(b.timestamp == 1_767_312_000_000 && b.tokens == TokenCounts(input: 20, output: 10))
        #expect(load.issues.count == 1)
    }

    @Test func gooseTimestamps() {
        #expect(GooseSource.timestamp("2026-05-01T01:02:03+02:00") == Timestamp.parse("2026-04-30T23:02:03Z"))
        #expect(GooseSource.timestamp("2026-05-01") == Timestamp.parse("2026-05-01T00:00:00Z"))
        #expect(GooseSource.timestamp("1767312000000") == 1_767_312_000_000)
        #expect(GooseSource.timestamp("0") == nil)
        #expect(GooseSource.timestamp("yesterday") == nil)
    }

    // MARK: Droid

    func droid(_ home: StoreHome) -> AgentLoad {
        DroidSource().load(AgentLoadRequest(env: home.env(["DROID_SESSIONS_DIR": home.root]), mode: .display, prices: nil))
    }

    @Test func droidVectors() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.write("session-a.settings.json", #"{"model":"Claude-Sonnet-4-[Anthropic]","providerLock":"anthropic","providerLockTimestamp":"2026-05-01T01:02:03.000Z","tokenUsage":{"inputTokens":100,"outputTokens":50,"cacheCreationTokens":20,"cacheReadTokens":10,"thinkingTokens":5}}"#)
        try home.write("zero.settings.json", #"{"model":"gpt-5","tokenUsage":{"inputTokens":0}}"#)
        try home.write("session-b.settings.json", #"{"providerLock":"anthropic","providerLockTimestamp":"2026-05-02T01:02:03.000Z","tokenUsage":{"inputTokens":10,"outputTokens":20}}"#)
        try home.write("session-b.jsonl", #"{"content":"Model: Claude Opus 4.5 Thinking [Anthropic]"}"# + "\n")
        try home.write("archive/session-c.settings.json", #"{"model":"gpt-5","providerLockTimestamp":"2026-05-01T00:00:00.000Z","tokenUsage":{"inputTokens":10,"outputTokens":20}}"#)
        try home.write("session-c.settings.json", #"{"model":"gpt-5","providerLockTimestamp":"2026-05-02T00:00:00.000Z","tokenUsage":{"inputTokens":100,"outputTokens":200}}"#)
        try home.write("session-d.settings.json", #"{"model":"gpt-5","providerLockTimestamp":"2026-05-03T00:00:00.000Z","tokenUsage":{"totalTokens":456}}"#)
        try home.write("broken.settings.json", #"{"model":"#)
        let load = droid(home)
        let byID = Dictionary(uniqueKeysWithValues: load.entries.map { ($0.sessionID, $0) })
        #expect(byID.count == 4)
        let a = try #require(byID["session-a"])
        #expect(isoDate(a.timestamp) == "2026-05-01" && a.model == "claude-sonnet-4" && a.projectPath == "Droid")
        #expect(a.tokens == TokenCounts(input: 100, output: 50, cacheCreation: 20, cacheRead: 10) && a.extra == 5)
        #expect(a.totalTokens == 185 && a.cost > 0)
        #expect(byID["session-b"]?.model == "claude-opus-4-5-thinking")
        #expect(byID["session-c"]?.tokens == TokenCounts(input: 100, output: 200))
        #expect(byID["session-d"]?.tokens == TokenCounts(output: 456) && byID["session-d"]?.extra == 0)
        // Decision 23: the malformed file is one issue, not a failed report.
        #expect(load.issues.map(\.kind) == [.badRecord])
        #expect(load.entries.map(\.timestamp) == load.entries.map(\.timestamp).sorted(by: >))
    }

    @Test func droidNormalization() {
        #expect(DroidSource.normalize("custom:Claude-Opus-4.5-Thinking-[Anthropic]-0") == "claude-opus-4-5-thinking-0")
        #expect(DroidSource.normalize("gemini-2.5-pro") == "gemini-2-5-pro")
        #expect(DroidSource.candidates(model: "gemini-2-5-pro", provider: "google") ==
                ["gemini-2-5-pro", "google/gemini-2-5-pro", "vertex_ai/gemini-2-5-pro", "openrouter/google/gemini-2-5-pro"])
        #expect(DroidSource.provider(nil, model: "o3") == "openai")
    }
}
