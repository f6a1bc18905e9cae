import Foundation
import Testing
@testable import CCUsageKit

/// Golden JSON and tables of each store agent's focused reports (shared builder), from small homes built here.
@Suite struct StoreGoldenTests {
    let utc = ReportZone(TimeZone(identifier: "UTC") ?? .current)

    func render(_ source: any AgentSource, _ load: AgentLoad, _ kind: AgentReportKind) -> (json: String, table: String) {
        let report = AgentReport(agent: source.id, kind: kind, entries: load.entries, style: source.style,
                                 options: AgentReportOptions(zone: utc))
        return (AgentReport.render(report.json()), AgentTable.render(report, RenderOptions(width: 160)))
    }

    func golden(_ source: any AgentSource, _ load: AgentLoad, kinds: [AgentReportKind] = [.daily, .session]) throws {
        #expect(!load.entries.isEmpty)
        for kind in kinds {
            let out = render(source, load, kind)
            try expectGolden(out.json, named: "store-\(source.id)-\(kind.rawValue).json")
            if kind == .daily { try expectGolden(out.table, named: "store-\(source.id)-daily.txt") }
        }
    }

    @Test func openCode() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("opencode.db", [messageSchema,
            messageRow("a", "session-a", #"{"providerID":"anthropic","modelID":"claude-sonnet-4.5","time":{"created":1767316800000},"tokens":{"input":1000,"output":200,"cache":{"read":5000,"write":300}},"cost":0}"#),
            messageRow("b", "session-a", #"{"providerID":"openai","modelID":"gpt-5","time":{"created":1767402000000},"tokens":{"input":100,"output":10,"total":150},"cost":0.02}"#),
            messageRow("c", "session-b", #"{"providerID":"x","modelID":"mystery","time":{"created":1767402000000},"tokens":{"input":7}}"#)])
        let source = OpenCodeSource()
        let load = source.load(AgentLoadRequest(env: home.env(["OPENCODE_DATA_DIR": home.root]), prices: .embedded))
        try golden(source, load, kinds: [.daily, .weekly, .monthly, .session])
    }

    @Test func kiloHermesGoose() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("kilo.db", [messageSchema, messageRow("r", "s", #"{"id":"k1","role":"assistant","providerID":"anthropic","modelID":"claude-sonnet-4-20250514","time":{"created":1767312000},"tokens":{"input":100,"output":50,"reasoning":5,"cache":{"read":10,"write":20}}}"#)])
        try home.sqlite("state.db", [SessionStoreTests.hermesSchema,
            SessionStoreTests.hermesRow("session-1", model: "claude-sonnet-4-20250514", messages: 42, input: 1200, output: 300,
                                        cacheRead: 50, cacheWrite: 20, reasoning: 10, provider: "anthropic", estimated: 0.12, actual: 0.34)])
        try home.sqlite("data/sessions/sessions.db", [SessionStoreTests.gooseSchema,
            #"INSERT INTO sessions VALUES ('session-a', '{"model_name":"claude-sonnet-4-20250514"}', 'anthropic', '2026-05-01 01:02:03', NULL, NULL, NULL, 180, 100, 50)"#])
        let env = home.env(["KILO_DATA_DIR": home.root, "HERMES_HOME": home.root, "GOOSE_PATH_ROOT": home.root])
        for source in [KiloSource(), HermesSource(), GooseSource()] as [any AgentSource] {
            try golden(source, source.load(AgentLoadRequest(env: env, prices: .embedded)))
        }
    }

    @Test func droidCodebuffGrokZCode() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.write("droid/session-a.settings.json", #"{"model":"Claude-Sonnet-4-[Anthropic]","providerLock":"anthropic","providerLockTimestamp":"2026-05-01T01:02:03.000Z","tokenUsage":{"inputTokens":100,"outputTokens":50,"cacheCreationTokens":20,"cacheReadTokens":10,"thinkingTokens":5}}"#)
        try home.write("codebuff/projects/project-a/chats/2026-01-02T03-04-05.000Z/chat-messages.json", #"[{"id":"m","role":"assistant","timestamp":"2026-01-02T03:04:06.000Z","metadata":{"model":"claude-sonnet-4-20250514","usage":{"inputTokens":100,"outputTokens":50,"cacheCreationInputTokens":20,"cacheReadInputTokens":10}},"credits":1.25}]"#)
        try home.write("grok/sessions/%2Fwork%2Fproj/uuid/updates.jsonl",
                       ChatStoreTests.turn(usage: #"{"modelUsage":{"grok-4.3":{"inputTokens":100,"outputTokens":20,"cachedReadTokens":40}}}"#))
        try home.sqlite("zcode/cli/db/db.sqlite", ChatStoreTests.zcodeSchema + [
            "INSERT INTO session VALUES ('session-a', '/workspace/project-a', '1'), ('session-b', '/workspace/project-b', '1')",
            ChatStoreTests.usageRow("u1", session: "session-a", started: 4_070_995_200_000, model: "GLM-5.2", input: 100, output: 10, creation: 15, read: 25, total: 110),
            ChatStoreTests.usageRow("u2", session: "session-a", started: 4_072_161_600_000, model: "GLM-5.3", input: 200, output: 20, creation: 30, read: 40, total: 220),
            ChatStoreTests.usageRow("u3", session: "session-b", started: 4_073_587_200_000, model: "GLM-5.3", input: 50, output: 5, creation: 0, read: 10, total: 55)])
        let env = home.env(["DROID_SESSIONS_DIR": home.path("droid"), "CODEBUFF_DATA_DIR": home.path("codebuff"),
                            "GROK_HOME": home.path("grok"), "ZCODE_HOME": home.path("zcode")])
        for source in [DroidSource(), CodebuffSource(), GrokSource(), ZCodeSource()] as [any AgentSource] {
            try golden(source, source.load(AgentLoadRequest(env: env, mode: .calculate, prices: .embedded)))
        }
        // 10 §9.7 vector 10: the unified fixture's ZCode numbers.
        let zcode = ZCodeSource().load(AgentLoadRequest(env: env, mode: .calculate, prices: .embedded))
        let report = AgentReport(agent: "zcode", kind: .session, entries: zcode.entries, style: ZCodeSource().style,
                                 options: AgentReportOptions(zone: utc))
        #expect(abs(report.rows.map(\.cost).reduce(0, +) - 0.0005585) < 1e-12)
        #expect(report.rows.map(\.totalTokens) == [330, 55])
        #expect(abs((report.rows.first?.cost ?? 0) - 0.0004779) < 1e-12)
    }
}
