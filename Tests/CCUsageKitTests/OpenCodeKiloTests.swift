import Foundation
import Testing
@testable import CCUsageKit

/// 10-agents-stores §2.9 and §3.9 test vectors.
@Suite struct OpenCodeKiloTests {
    func load(_ home: StoreHome, mode: CostMode = .display, prices: PriceTable? = nil, dir: String? = nil) -> AgentLoad {
        OpenCodeSource().load(AgentLoadRequest(env: home.env(["OPENCODE_DATA_DIR": dir ?? home.root]), mode: mode, prices: prices))
    }

    @Test func v1LegacyFile() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.write("storage/message/message.json", #"{"id":"msg-1","sessionID":"session-a","providerID":"anthropic","modelID":"claude-sonnet-4-20250514","time":{"created":1767312000000},"tokens":{"input":100,"output":50,"cache":{"read":10,"write":20}},"cost":0.02}"#)
        let entries = load(home).entries
        #expect(entries.count == 1)
        let e = try #require(entries.first)
        #expect(isoDate(e.timestamp) == "2026-01-02")
        #expect(e.sessionID == "session-a" && e.model == "claude-sonnet-4-20250514" && e.projectPath == "OpenCode")
        #expect(e.tokens == TokenCounts(input: 100, output: 50, cacheCreation: 20, cacheRead: 10))
        #expect(e.cost == 0.02)
    }

    @Test func v2DatabaseRowAndV4DatabaseWinsOverLegacy() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("opencode.db", [messageSchema, messageRow("db-msg-1", "db-session-a", #"{"providerID":"anthropic","modelID":"claude-sonnet-4-20250514","time":{"created":1767312000000},"tokens":{"input":120,"output":60,"cache":{"read":12,"write":24}},"cost":0.03}"#),
                                        messageRow("msg-1", "db-session-b", #"{"providerID":"anthropic","modelID":"claude-sonnet-4-20250514","time":{"created":1767312000000},"tokens":{"input":120,"output":60},"cost":0.03}"#)])
        try home.write("storage/message/json-session-a/msg-1.json", #"{"id":"msg-1","sessionID":"json-session-a","providerID":"anthropic","modelID":"claude-sonnet-4-20250514","time":{"created":1767312000000},"tokens":{"input":999,"output":999},"cost":0.99}"#)
        let entries = load(home).entries
        #expect(entries.count == 2)
        let first = try #require(entries.first { $0.sessionID == "db-session-a" })
        #expect(first.tokens == TokenCounts(input: 120, output: 60, cacheCreation: 24, cacheRead: 12))
        #expect(first.cost == 0.03)
        let dup = try #require(entries.first { $0.sessionID != "db-session-a" })
        #expect(dup.sessionID == "db-session-b" && dup.tokens.input == 120 && dup.cost == 0.03)
    }

    @Test func v3ChannelDatabase() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("opencode-beta.db", [messageSchema, messageRow("channel-msg-1", "channel-session-a", #"{"providerID":"p","modelID":"m","tokens":{"input":80,"output":40}}"#)])
        try home.sqlite("opencode-zeta.db", [messageSchema, messageRow("other", "other", #"{"providerID":"p","modelID":"m","tokens":{"input":1}}"#)])
        let entries = load(home).entries
        #expect(entries.map(\.sessionID) == ["channel-session-a"])
        #expect(entries.first?.tokens.input == 80)
    }

    @Test func v5ZeroLoggedCostIsRecomputedAndV6PositiveKept() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.write("storage/message/a.json", #"{"id":"a","providerID":"openai","modelID":"gpt-test","time":{"created":0},"tokens":{"input":100,"output":10,"cache":{"read":50}},"cost":0}"#)
        try home.write("storage/message/b.json", #"{"id":"b","providerID":"openai","modelID":"unpriced","time":{"created":1},"tokens":{"input":100},"cost":0.02}"#)
        let prices = storePrices(["gpt-test": ModelPrice(input: 1e-6, output: 1e-5, cacheRead: 1e-7)])
        let entries = load(home, mode: .auto, prices: prices).entries
        #expect(abs(entries[0].cost - 0.000205) < 1e-12)
        #expect(entries[1].cost == 0.02 && !entries[1].missingPricing)
        // --mode calculate keeps a positive logged cost (10 §2.6).
        #expect(load(home, mode: .calculate, prices: prices).entries[1].cost == 0.02)
    }

    @Test func v7TotalOnlyAndV9DisplayCost() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("opencode.db", [messageSchema, messageRow("message-b", "explicit-session", #"{"providerID":"openai","modelID":"gpt-test","time":{"created":0},"tokens":{"total":123},"cost":0.02}"#)])
        let e = try #require(load(home).entries.first)
        #expect(e.tokens == TokenCounts(output: 123) && e.extra == 0)
        #expect(e.cost == 0.02 && Timestamp.iso(e.timestamp) == "1970-01-01T00:00:00.000Z")
        #expect(e.sessionID == "explicit-session")
    }

    @Test func v8ProviderPrefixedCandidate() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("opencode.db", [messageSchema, messageRow("message-a", "session-a", #"{"providerID":"github-copilot","modelID":"claude-sonnet-4.5","time":{"created":1767312000000},"tokens":{"input":100,"output":10,"cache":{"read":50,"write":25},"total":185},"cost":0}"#)])
        let prices = storePrices(["github_copilot/claude-sonnet-4-5": ModelPrice(input: 0.125, output: 0.25, cacheRead: 0.0625)])
        let e = try #require(load(home, mode: .auto, prices: prices).entries.first)
        #expect(e.cost == 22.03125 && e.extra == 0)
        #expect(Timestamp.iso(e.timestamp) == "2026-01-02T00:00:00.000Z")
    }

    @Test func candidates() {
        #expect(OpenCodeMessage.candidates(model: "claude-sonnet-4.5", provider: "github-copilot") ==
                ["claude-sonnet-4.5", "claude-sonnet-4-5", "github_copilot/claude-sonnet-4.5", "github_copilot/claude-sonnet-4-5"])
        #expect(OpenCodeMessage.candidates(model: "gemini-3-pro-high", provider: "google") ==
                ["gemini-3-pro-preview", "google/gemini-3-pro-preview"])
        #expect(OpenCodeMessage.candidates(model: "gpt-test", provider: "unknown") == ["gpt-test"])
        #expect(OpenCodeMessage.normalized("claude-opus-45") == "claude-opus-4-5")
    }

    @Test func v10KimiAliasWithEmbeddedPrices() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.write("storage/message/k.json", #"{"id":"k","providerID":"kimi-for-coding","modelID":"k2p6","time":{"created":1},"tokens":{"input":100,"output":10,"cache":{"read":50}},"cost":0}"#)
        let e = try #require(load(home, mode: .auto, prices: .embedded).entries.first)
        #expect(abs(e.cost - 0.000143) < 1e-12)
    }

    @Test func noHomeIsAnIssue() {
        let env = Environment(variables: [:], home: "", now: 0, timeZone: .current)
        let load = OpenCodeSource().load(AgentLoadRequest(env: env))
        #expect(load.issues.map(\.detail) == ["home directory is not set"])
    }

    // MARK: Kilo

    func kilo(_ dirs: String, mode: CostMode = .display, prices: PriceTable? = nil, home: StoreHome) -> AgentLoad {
        KiloSource().load(AgentLoadRequest(env: home.env(["KILO_DATA_DIR": dirs]), mode: mode, prices: prices))
    }

    @Test func kiloV1ReasoningIsExtra() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("kilo.db", [messageSchema, messageRow("row-1", "session-a", #"{"id":"msg-1","role":"assistant","providerID":"anthropic","modelID":"claude-sonnet-4-20250514","time":{"created":1767312000000},"tokens":{"input":100,"output":50,"reasoning":5,"cache":{"read":10,"write":20}},"cost":0.02,"agent":"build"}"#),
                                    messageRow("row-2", "session-a", #"{"id":"msg-2","role":"assistant","modelID":"m","tokens":{"input":100}}"#),
                                    messageRow("row-3", "session-a", #"{"id":"msg-3","role":"user","modelID":"m","time":{"created":1767312000},"tokens":{"input":100}}"#)])
        let entries = kilo(home.root, home: home).entries
        #expect(entries.count == 1)
        let e = try #require(entries.first)
        #expect(isoDate(e.timestamp) == "2026-01-02" && e.sessionID == "session-a" && e.projectPath == "Kilo")
        #expect(e.tokens == TokenCounts(input: 100, output: 50, cacheCreation: 20, cacheRead: 10) && e.extra == 5)
        #expect(e.cost == 0.02)
    }

    @Test func kiloV3FirstDirWinsAndV4TotalOnly() throws {
        let a = try StoreHome(); defer { a.remove() }
        let b = try StoreHome(); defer { b.remove() }
        try a.sqlite("kilo.db", [messageSchema, messageRow("r", "s", #"{"id":"embedded-msg-1","role":"assistant","modelID":"m","time":{"created":1767312000},"tokens":{"input":10}}"#),
                                 messageRow("r2", "s", #"{"role":"assistant","modelID":"m","time":{"created":1767312000},"tokens":{"total":234}}"#)])
        try b.sqlite("kilo.db", [messageSchema, messageRow("r", "s", #"{"id":"embedded-msg-1","role":"assistant","modelID":"m","time":{"created":1767312000},"tokens":{"input":20}}"#)])
        let entries = kilo(a.root + "," + b.root, home: a).entries
        #expect(entries.count == 2)
        #expect(entries.contains { $0.tokens.input == 10 })
        #expect(entries.contains { $0.tokens == TokenCounts(output: 234) && $0.extra == 0 })
        #expect(entries.allSatisfy { $0.timestamp == 1_767_312_000_000 })
    }

    @Test func kiloAutoKeepsLoggedZeroAndFlagsMissing() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("kilo.db", [messageSchema, messageRow("r", "s", #"{"role":"assistant","modelID":"nobody-prices-this","time":{"created":1767312000},"tokens":{"input":10},"cost":0}"#)])
        let e = try #require(kilo(home.root, mode: .auto, prices: storePrices([:]), home: home).entries.first)
        #expect(e.cost == 0 && e.missingPricing)
    }
}
