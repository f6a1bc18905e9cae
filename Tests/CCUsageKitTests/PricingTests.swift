import Testing
@testable import CCUsageKit

@Suite struct PricingTests {
    let table = PriceTable.embedded

    @Test("model names resolve to pricing keys", arguments: [
        ("claude-sonnet-4-20250514", "claude-sonnet-4"),
        // No unprefixed key holds the name: the shortest key containing it, unprefixed keys first.
        ("claude-opus-4-1-20250805", "anthropic.claude-opus-4-1-20250805-v1:0"),
        ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5-20250929"),
        ("claude-sonnet-4-5", "claude-sonnet-4-5"),
        ("claude-opus-4-6", "claude-opus-4-6"),
        ("anthropic/claude-opus-4-6", "claude-opus-4-6"),
        ("claude-opus-4.6", "claude-opus-4-6"),
        ("claude-haiku-4-5-20251001", "claude-haiku-4-5-20251001"),
        ("claude-3-5-haiku-20241022", "claude-3-5-haiku-20241022"),
        ("claude-3-7-sonnet-20250219", "anthropic.claude-3-7-sonnet-20250219-v1:0"),
        // August 2026 models (LiteLLM), Z.ai and OpenAI names (the reference's built-in table).
        ("claude-opus-5", "claude-opus-5"), ("claude-sonnet-5", "claude-sonnet-5"), ("claude-opus-4-8", "claude-opus-4-8"),
        ("glm-4.7", "glm-4.7"), ("glm-5.1", "glm-5.1"), ("glm-5-turbo", "glm-5-turbo"), ("gpt-5", "gpt-5"),
        // `gpt-5-2` is `gpt-5.2` once normalised, never the 12× dearer `gpt-5.2-pro` (00-decisions 26).
        ("gpt-5-2", "gpt-5.2"), ("gpt-5.2-pro", "gpt-5.2-pro"),
        // Only in the whole LiteLLM list: found by exact name (00-decisions 21).
        ("gemini-2.5-pro", "gemini-2.5-pro"),
        ("claude-fable-5", "claude-fable-5"),
    ])
    func matching(_ model: String, _ key: String) throws {
        #expect(try #require(table.price(for: model)).key == key)
    }

    @Test func versionSuffixesDoNotMatchAnOlderKey() {
        #expect(!ModelMatcher.contains(Array("claude-opus-4-1-20250805".utf8), Array("claude-opus-4".utf8)))
        #expect(ModelMatcher.contains(Array("claude-sonnet-4-20250514".utf8), Array("claude-sonnet-4".utf8)))
        #expect(table.price(for: "claude-nova-1") == nil)
        #expect(table.price(for: "claude-opus-4-9-20260101") == nil)
        // The whole-list tier takes exact names only: no fuzzy match there.
        #expect(table.price(for: "gemini-2.5-pro-experimental-x") == nil)
    }

    @Test func currentModelsHaveTheirPrices() throws {
        let opus5 = try #require(table.price(for: "claude-opus-5")).price
        #expect(opus5.input == 5e-6 && opus5.output == 2.5e-5 && opus5.cacheRead == 5e-7 && opus5.fastMultiplier == 2)
        let sonnet5 = try #require(table.price(for: "claude-sonnet-5")).price
        #expect(sonnet5.input == 2e-6 && sonnet5.output == 1e-5 && sonnet5.cacheWrite == 2.5e-6 && sonnet5.cacheRead == 2e-7)
        // 245 M cache-read tokens of Opus 5 cost $122.50, not $0.
        #expect(abs(opus5.cost(TokenCounts(cacheRead: 245_000_000)) - 122.5) < 1e-6)
        let glm = try #require(table.price(for: "glm-5.1")).price
        #expect(glm.input == 1.4e-6 && glm.output == 4.4e-6 && glm.cacheWrite == 0 && glm.cacheRead == 2.6e-7)
        // The built-in row wins over LiteLLM's for the same key (08-unified §10.1).
        #expect(try #require(table.price(for: "claude-opus-4-6")).price.cacheWrite == 6.25e-6)
        // An absent cache-write rate defaults to 1.25× input.
        let gemini = try #require(table.price(for: "gemini-2.5-pro")).price
        #expect(gemini.cacheWrite == gemini.input * 1.25)
    }

    /// 00-decisions 26 on a small table: exact (also normalised; unprefixed, then shorter), then the longest
    /// key inside the name, then the shortest key containing it, unprefixed first.
    @Test("the most specific key", arguments: [
        ("claude-opus-4.7", "claude-opus-4-7"), ("us.anthropic.claude-opus-4-7", "us.anthropic.claude-opus-4-7"),
        ("claude-opus-4-7-20260416", "claude-opus-4-7"), ("claude-opus-4.70", nil), ("claude-opus-5", nil),
        ("claude-opus-4-20250514", "claude-opus-4"), ("opus-4-7", "claude-opus-4-7"),
        ("sonnet-4-5", "claude-sonnet-4-5-20250929"), ("[pi] gpt-5", "gpt-5"), ("gpt-5-2", "gpt-5.2"),
        ("claude-sonnet-4-20250514-via-bedrock", "claude-sonnet-4-20250514"),
    ] as [(String, String?)])
    func mostSpecificKey(_ model: String, _ key: String?) {
        let keys = ["claude-opus-4", "claude-opus-4-7", "us.anthropic.claude-opus-4-7", "claude-sonnet-4",
                    "claude-sonnet-4-20250514", "us.anthropic.claude-sonnet-4-5", "claude-sonnet-4-5-20250929",
                    "gpt-5", "gpt-5.2", "gpt-5.2-pro"]
        let small = PriceTable(tables: [Dictionary(uniqueKeysWithValues: keys.map { ($0, ModelPrice(input: 1, output: 1)) })])
        #expect(small.price(for: model)?.key == key)
    }

    /// 08-unified §10.3: the first candidate that resolves in the tables wins (an early fuzzy hit beats a
    /// later exact one); only when none does, the exact names of the whole LiteLLM list.
    @Test func candidateNames() throws {
        let hit = try #require(table.price(candidates: ["openai/gpt-5.2-2025-12-11", "gpt-5.2"]))
        #expect(hit.key == "gpt-5.2-2025-12-11")   // inside the first name, before the exact second one
        #expect(table.price(candidates: ["moonshot/kimi-k2.5", "kimi-k2.5"])?.key == "moonshot/kimi-k2.5")
        #expect(table.price(candidates: ["google/gemini-2.5-pro", "gemini/gemini-2.5-pro", "gemini-2.5-pro"])?.key
                == "gemini/gemini-2.5-pro")
        #expect(table.price(candidates: ["nobody/none", "nothing-at-all"]) == nil)
        #expect(table.price(candidates: []) == nil)
    }

    @Test func sonnet4IsTieredAbove200kPerTokenType() throws {
        let p = try #require(table.price(for: "claude-sonnet-4-20250514")).price
        // 250k cache reads: 200k at 3e-7 + 50k at 6e-7 = 0.06 + 0.03
        #expect(abs(p.cost(TokenCounts(cacheRead: 250_000)) - 0.09) < 1e-12)
        #expect(abs(p.cost(TokenCounts(input: 200_000)) - 0.6) < 1e-12)
        #expect(abs(p.cost(TokenCounts(input: 200_001)) - 0.600006) < 1e-12)
        // output 300k: 200k × 1.5e-5 + 100k × 2.25e-5
        #expect(abs(p.cost(TokenCounts(output: 300_000)) - 5.25) < 1e-9)
    }

    @Test func oneHourCacheWritesCostTwiceTheInputRate() throws {
        let p = try #require(table.price(for: "claude-opus-4-5")).price
        // 1000 5m at 6.25e-6 + 2000 1h at 1e-5
        #expect(abs(p.cost(TokenCounts(cacheCreation: 3000), cacheCreation1h: 2000) - (0.00625 + 0.02)) < 1e-12)
    }

    @Test func fastModeMultipliesTheWholeCost() throws {
        let p = try #require(table.price(for: "claude-opus-4-6")).price
        let base = 10 * 5e-6 + 300 * 2.5e-5
        #expect(abs(p.cost(TokenCounts(input: 10, output: 300), fast: true) - base * 6) < 1e-12)
        let opus48 = try #require(table.price(for: "claude-opus-4-8")).price
        #expect(opus48.fastMultiplier == 2)
        let sonnet = try #require(table.price(for: "claude-sonnet-4")).price
        #expect(sonnet.fastMultiplier == 1)
    }

    /// The override table matches a key when a `/`- or `:`-separated part of it (`.`/`@` read as `-`) has the
    /// base as its last occurrence followed by the end or `-`.
    @Test("fast-mode overrides by pricing key", arguments: [
        ("claude-opus-4-6", 6.0), ("claude-opus-4-7", 6.0), ("claude-opus-4-8", 2.0),
        ("anthropic/claude-opus-4-6", 6.0), ("bedrock:claude-opus-4-6-v1", 6.0), ("claude-opus-4.6", 6.0),
        ("claude-opus-4@6", 6.0), ("vertex/claude-opus-4-6@20250101", 6.0),
        ("claude-opus-4-60", 1.0), ("claude-opus-4-6x", 1.0), ("xclaude-opus-4-6", 6.0),
        ("claude-opus-4-6claude-opus-4-6-", 6.0), ("claude-opus-4-6-claude-opus-4-6x", 1.0),
        ("claude-opus-4", 1.0), ("", 1.0), ("claude-sonnet-4-6", 1.0), ("claude-opus-4-6/", 6.0),
    ])
    func fastOverridesByKey(key: String, expected: Double) {
        #expect(PriceTable.fastMultiplier(forKey: key, overrides: PriceTable.fastOverrides) == expected)
    }

    @Test func costModes() throws {
        let withCost = try #require(record(line(input: 1000, output: 0, cost: 0.5)))
        let zeroCost = try #require(record(line(input: 1000, output: 0, cost: 0)))
        let noCost = try #require(record(line(input: 1000, output: 0)))
        let noModel = try #require(record(line(model: nil, input: 1000, output: 0)))
        var auto = CostCalculator(mode: .auto), calc = CostCalculator(mode: .calculate), display = CostCalculator(mode: .display)
        #expect(auto.cost(of: withCost) == 0.5)
        #expect(auto.cost(of: zeroCost) == 0)
        #expect(abs(auto.cost(of: noCost) - 0.003) < 1e-12)
        #expect(auto.cost(of: noModel) == 0)
        #expect(abs(calc.cost(of: withCost) - 0.003) < 1e-12)
        #expect(display.cost(of: withCost) == 0.5)
        #expect(display.cost(of: noCost) == 0)
    }

    @Test func unknownModelsCostZeroAndAreReported() throws {
        var calc = CostCalculator(mode: .calculate)
        #expect(calc.cost(of: try #require(record(line(model: "claude-nova-1")))) == 0)
        #expect(calc.cost(of: try #require(record(line(model: "<synthetic>")))) == 0)
        #expect(calc.unpricedModels == ["claude-nova-1"])
    }
}

@Suite struct FormatTests {
    @Test("money rounds half away from zero on the decimal value", arguments: [
        (0.0, "$0.00"), (0.125, "$0.13"), (1.005, "$1.01"), (0.004999, "$0.00"), (1234.567, "$1234.57"),
        (-1.234, "$-1.23"), (0.995, "$1.00"), (99.999, "$100.00"), (1e-7, "$0.00"),
    ])
    func money(_ value: Double, _ text: String) { #expect(Format.money(value) == text) }

    @Test("JSON numbers follow JavaScript", arguments: [
        (0.0, "0"), (1.0, "1"), (0.1, "0.1"), (1e-5, "0.00001"), (1e-7, "1e-7"), (123.456, "123.456"),
        (1e21, "1e+21"), (0.037649999999999996, "0.037649999999999996"), (-2.5, "-2.5"), (1.5e-7, "1.5e-7"),
    ])
    func jsNumbers(_ value: Double, _ text: String) { #expect(JSONValue.number(value) == text) }

    @Test func integersGetThousandsSeparators() {
        #expect(Format.integer(0) == "0")
        #expect(Format.integer(1234567) == "1,234,567")
        #expect(Format.integer(-1000) == "-1,000")
    }

    @Test("short model names", arguments: [
        ("claude-sonnet-4-20250514", "sonnet-4"), ("claude-opus-4-1-20250805", "opus-4-1"),
        ("claude-opus-4-6-fast", "opus-4-6-fast"), ("claude-3-5-haiku-20241022", "3-5-haiku"),
        ("<synthetic>", "<synthetic>"), ("gpt-5", "gpt-5"), ("anthropic/claude-opus-4-6", "opus-4-6"),
    ])
    func shortNames(_ raw: String, _ short: String) { #expect(Format.shortModel(raw) == short) }
}

@Suite struct LiteLLMPricingTests {
    static let sample = #"""
    {"sample_spec": {"input_cost_per_token": 0},
     "claude-sonnet-4-5-20250929": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
        "cache_creation_input_token_cost": 3.75e-06, "cache_read_input_token_cost": 3e-07,
        "input_cost_per_token_above_200k_tokens": 6e-06, "output_cost_per_token_above_200k_tokens": 2.25e-05,
        "max_input_tokens": 200000},
     "claude-opus-4-6": {"input_cost_per_token": 5e-06, "output_cost_per_token": 2.5e-05, "provider_specific_entry": {"fast": 5}},
     "anthropic/claude-haiku-4-5": {"input_cost_per_token": 1e-06, "output_cost_per_token": 5e-06},
     "claude-3-haiku-20240307": {"input_cost_per_token": 2.5e-07, "output_cost_per_token": 1.25e-06},
     "claude-opus-4-7": {"input_cost_per_token": 5e-06, "output_cost_per_token": 2.5e-05},
     "gpt-5": {"input_cost_per_token": 1e-06, "output_cost_per_token": 1e-05},
     "claude-no-price": {"mode": "chat"}}
    """#

    @Test func parsesClaudeEntries() throws {
        let prices = try #require(LiteLLMPricing.parse(Data(Self.sample.utf8), overrides: PriceTable.fastOverrides))
        #expect(prices.count == 6 && prices["gpt-5"]?.input == 1e-6 && prices["claude-no-price"] == nil)
        let sonnet = try #require(prices["claude-sonnet-4-5-20250929"])
        #expect(sonnet.inputAbove200k == 6e-6 && sonnet.cacheWriteAbove200k == nil && sonnet.contextWindow == 200_000)
        #expect(prices["claude-opus-4-6"]?.fastMultiplier == 5)
        #expect(prices["claude-opus-4-7"]?.fastMultiplier == 6)            // override table by key
        #expect(prices["claude-3-haiku-20240307"]?.cacheWrite == 2.5e-07 * 1.25)   // derived
        let table = PriceTable.embedded.overlaying(prices)
        #expect(table.price(for: "claude-sonnet-4-5-20250929")?.price.inputAbove200k == 6e-6)
    }

    @Test("suspicious documents are rejected", arguments: [
        "[]", "{}", "not json", #"{"claude-a": {"input_cost_per_token": "cheap", "output_cost_per_token": 1}}"#,
        #"{"claude-a": {"input_cost_per_token": 1e-6, "output_cost_per_token": 1e-6}}"#,
        #"{"claude-a": {"input_cost_per_token": -1, "output_cost_per_token": 1}}"#,
    ])
    func rejects(_ text: String) {
        #expect(LiteLLMPricing.parse(Data(text.utf8), overrides: [:]) == nil)
    }
}

import Foundation
