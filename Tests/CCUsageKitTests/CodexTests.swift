import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

/// The built-in OpenAI rows of 07-codex §12.1 (and the two custom prices of V6), by exact name.
let codexBuiltIn = CodexPricing(exact: [
    "gpt-5": CodexPrice(input: 1.25e-6, output: 1e-5, cacheRead: 1.25e-7),
    "gpt-5.2-codex": CodexPrice(input: 1.75e-6, output: 1.4e-5, cacheRead: 1.75e-7),
    "gpt-5.3-codex": CodexPrice(input: 1.75e-6, output: 1.4e-5, cacheRead: 1.75e-7, fastMultiplier: 2),
    "gpt-5.4": CodexPrice(input: 2.5e-6, output: 1.5e-5, cacheRead: 2.5e-7, fastMultiplier: 2),
    "gpt-5.5": CodexPrice(input: 5e-6, output: 3e-5, cacheRead: 5e-7, fastMultiplier: 2.5),
    "gpt-5-mini": CodexPrice(input: 2.5e-7, output: 2e-6, cacheRead: nil),
])

/// A Codex home in a temporary directory: `files` maps paths below the home to their lines.
struct CodexHome {
    let root: String
    init(_ files: [String: [String]]) throws {
        root = try makeTemporaryDirectory("codex-home")
        for (path, lines) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: full))
        }
    }
    var env: Environment {
        Environment(variables: ["CODEX_HOME": root], home: "/nonexistent-home", now: 0, timeZone: TimeZone(identifier: "UTC")!)
    }
    func load() -> CodexLoad { CodexSource.load(env, singleThread: true) }
    func report(_ kind: CodexReportKind, zone: String = "UTC", range: DateRange = DateRange(), fast: Bool = false,
                pricing: CodexPricing = codexBuiltIn) -> CodexReport {
        load().report(kind, options: CodexReportOptions(zone: ReportZone(identifier: zone)!, range: range, fast: fast),
                      pricing: pricing)
    }
    func remove() { removeTemporary(root) }
}

func tokenCount(_ time: String, last: String? = nil, total: String? = nil, infoModel: String? = nil,
                spaced: Bool = false) -> String {
    var info: [String] = []
    if let last { info.append("\"last_token_usage\":\(last)") }
    if let total { info.append("\"total_token_usage\":\(total)") }
    if let infoModel { info.append("\"model\":\"\(infoModel)\"") }
    let colon = spaced ? "\"type\" : " : "\"type\":"
    return "{\"timestamp\":\"\(time)\",\(colon)\"event_msg\",\"payload\":{\(colon)\"token_count\",\"info\":{\(info.joined(separator: ","))}}}"
}

func usage(_ input: Int, _ cached: Int, _ output: Int, _ reasoning: Int? = nil, _ total: Int? = nil) -> String {
    var fields = ["\"input_tokens\":\(input)", "\"cached_input_tokens\":\(cached)", "\"output_tokens\":\(output)"]
    if let reasoning { fields.append("\"reasoning_output_tokens\":\(reasoning)") }
    if let total { fields.append("\"total_tokens\":\(total)") }
    return "{" + fields.joined(separator: ",") + "}"
}

func turnContext(_ model: String, time: String = "2026-01-02T00:00:00.000Z") -> String {
    "{\"timestamp\":\"\(time)\",\"type\":\"turn_context\",\"payload\":{\"model\":\"\(model)\"}}"
}

func event(_ time: String, _ model: String, _ i: Int, _ c: Int, _ o: Int, _ r: Int, _ t: Int,
           fallback: Bool = false) -> CodexEvent {
    CodexEvent(timestamp: time, model: model, tokens: CodexTokens(input: i, cached: c, output: o, reasoning: r, total: t),
               isFallback: fallback)
}

@Suite struct CodexCostTests {
    @Test("V1-V5: cost per model, cached input, fast multipliers", arguments: [
        ("gpt-5", CodexTokens(input: 100, cached: 10, output: 50, total: 150), false, 0.00061375),
        ("gpt-5.3-codex", CodexTokens(input: 120, cached: 30, output: 11, reasoning: 3, total: 131), false, 0.00031675),
        ("gpt-5.4", CodexTokens(input: 100, cached: 40, output: 10, total: 110), false, 0.00031),
        ("gpt-5.4", CodexTokens(input: 100, cached: 40, output: 10, total: 110), true, 0.00062),
    ])
    func builtInCosts(model: String, tokens: CodexTokens, fast: Bool, expected: Double) throws {
        let price = try #require(codexBuiltIn.price(for: model))
        #expect(abs(price.cost(tokens, fast: fast) - expected) < 1e-15)
    }

    @Test("V4: a missing cache-read price bills cached input at the input price")
    func missingCacheRate() {
        let price = CodexPrice(input: 1e-6, output: 1e-5, cacheRead: nil)
        #expect(abs(price.cost(CodexTokens(input: 100, cached: 40, output: 5), fast: false) - 0.00015) < 1e-15)
    }

    @Test("V4 through the price table: an entry without a cache-read rate bills cached input at the input rate")
    func missingCacheRateFromTable() throws {
        let table = PriceTable(tables: [["gpt-x": ModelPrice(input: 1e-6, output: 1e-5),
                                         "gpt-y": ModelPrice(input: 1e-6, output: 1e-5, cacheRead: 1e-7)]])
        let pricing = CodexPricing(table: table)
        let tokens = CodexTokens(input: 100, cached: 40, output: 5)
        let unstated = try #require(pricing.price(for: "gpt-x"))
        #expect(unstated.cacheRead == nil)
        #expect(abs(unstated.cost(tokens, fast: false) - 0.00015) < 1e-15)
        let stated = try #require(pricing.price(for: "gpt-y"))
        #expect(abs(stated.cost(tokens, fast: false) - (60 * 1e-6 + 40 * 1e-7 + 5 * 1e-5)) < 1e-15)
        // An override that states the rate makes it count.
        let overridden = table.applying(overrides: ["gpt-x": ["cacheReadInputTokenCost": 2e-7]])
        #expect(CodexPricing(table: overridden).price(for: "gpt-x")?.cacheRead == 2e-7)
    }

    @Test("V5: the entry's fast multiplier; an entry without one doubles")
    func fastMultipliers() {
        let price = CodexPrice(input: 1e-6, output: 2e-6, cacheRead: 5e-7, fastMultiplier: 2)
        let tokens = CodexTokens(input: 10, cached: 2, output: 5, total: 15)
        #expect(abs(price.cost(tokens, fast: false) - 0.000019) < 1e-15)
        #expect(abs(price.cost(tokens, fast: true) - 0.000038) < 1e-15)
        let plain = CodexPrice(input: 1e-6, output: 2e-6, cacheRead: 5e-7)
        #expect(plain.cost(tokens, fast: true) == 2 * plain.cost(tokens, fast: false))
    }

    @Test("Rust number format of the reference's JSON", arguments: [
        (0.00061375, "0.00061375"), (6.5e-6, "6.5e-6"), (0.00040425, "0.00040425"), (0.000019, "0.000019"),
        (0.00001, "0.00001"), (1.5e-7, "1.5e-7"), (11.3678971, "11.3678971"), (1234.5, "1234.5"), (0, "0"), (3, "3"),
        (1.5e-5, "0.000015"), (1e22, "1e22"), (2.5e-17, "2.5e-17"), (0.007787499999999999, "0.007787499999999999"),
    ])
    func numbers(value: Double, text: String) { #expect(ReferenceJSON.number(value) == text) }
}

@Suite struct CodexReportTests {
    /// V6's events: session-a (one fallback), session-b, and one event without a model.
    static let v6: [(id: String, events: [CodexEvent])] = [
        ("/workspace/api/session-a.jsonl", [
            event("2026-01-02T00:00:00.000Z", "gpt-5.3-codex", 140, 40, 5, 2, 147),
            event("2026-01-02T00:05:00.000Z", "gpt-5.3-codex", 70, 70, 10, 0, 80, fallback: true),
        ]),
        ("/workspace/api/session-b.jsonl", [event("2026-01-05T23:59:59.000Z", "gpt-5-mini", 10, 0, 2, 0, 12)]),
        ("/workspace/api/session-c.jsonl", [event("2026-01-06T00:00:00.000Z", "", 10, 0, 2, 0, 12)]),
    ]

    func report(_ kind: CodexReportKind, fast: Bool = false) -> CodexReport {
        CodexReport(sessions: Self.v6, kind: kind, options: CodexReportOptions(zone: ReportZone(identifier: "UTC")!, fast: fast),
                    pricing: codexBuiltIn)
    }

    @Test("V6 daily: two days, fallback flag, costs, JSON bytes")
    func v6Daily() throws {
        let daily = report(.daily)
        #expect(daily.rows.map(\.key) == ["2026-01-02", "2026-01-05"])
        let first = daily.rows[0]
        #expect(first.tokens.nonCachedInput == 100 && first.tokens.cached == 110 && first.tokens.output == 15)
        #expect(first.tokens.reasoning == 2 && first.tokens.total == 227)
        #expect(abs(first.cost - 0.00040425) < 1e-15)
        #expect(first.models.map(\.name) == ["gpt-5.3-codex"] && first.models[0].usage.isFallback)
        #expect(ReferenceJSON.number(daily.rows[1].cost) == "6.5e-6")
        #expect(daily.totalNonCachedInput == 110 && daily.totals.cached == 110 && daily.totals.total == 239)
        #expect(abs(daily.totalCost - 0.00041075) < 1e-15)
        try expectGolden(ReferenceJSON.render(daily.json()) + "\n", named: "codex-v6-daily.json")
    }

    @Test("V6 weekly and monthly")
    func v6Periods() {
        #expect(report(.weekly).rows.map(\.key) == ["2025-12-29", "2026-01-05"])
        let monthly = report(.monthly)
        #expect(monthly.rows.map(\.key) == ["2026-01"])
        #expect(monthly.rows[0].tokens.nonCachedInput == 110 && monthly.rows[0].tokens.output == 17)
        #expect(monthly.rows[0].models.map(\.name) == ["gpt-5-mini", "gpt-5.3-codex"])
        #expect(abs(monthly.rows[0].cost - 0.00041075) < 1e-15)
    }

    @Test("V6 session report at fast speed")
    func v6Sessions() throws {
        let sessions = report(.session, fast: true)
        #expect(sessions.rows.map(\.key) == ["/workspace/api/session-a.jsonl", "/workspace/api/session-b.jsonl"])
        #expect(abs(sessions.rows[0].cost - 0.0008085) < 1e-15)
        #expect(abs(sessions.rows[1].cost - 0.000013) < 1e-15)
        #expect(abs(sessions.totalCost - 0.0008215) < 1e-15)
        #expect(sessions.rows[0].lastActivity == "2026-01-02T00:05:00.000Z")
        #expect(sessions.rows[0].sessionFile == "session-a.jsonl" && sessions.rows[0].directory == "/workspace/api")
        try expectGolden(ReferenceJSON.render(sessions.json()) + "\n", named: "codex-v6-session.json")
    }

    @Test("Empty data: the full object with zero totals")
    func empty() throws {
        let empty = CodexReport(sessions: [], kind: .daily, options: CodexReportOptions(zone: ReportZone(identifier: "UTC")!),
                                pricing: codexBuiltIn)
        #expect(ReferenceJSON.render(empty.json()) == """
        {
          "daily": [],
          "totals": {
            "cacheCreationTokens": 0,
            "cacheReadTokens": 0,
            "costUSD": 0,
            "inputTokens": 0,
            "outputTokens": 0,
            "reasoningOutputTokens": 0,
            "totalTokens": 0
          }
        }
        """)
    }

    @Test("--order desc reverses the rows; --no-cost drops every cost")
    func orderAndNoCost() {
        let options = CodexReportOptions(zone: ReportZone(identifier: "UTC")!, order: .desc)
        let report = CodexReport(sessions: Self.v6, kind: .daily, options: options, pricing: codexBuiltIn)
        #expect(report.rows.map(\.key) == ["2026-01-05", "2026-01-02"])
        #expect(!ReferenceJSON.render(report.json(hideCost: true)).contains("costUSD"))
    }

    @Test("A bad timestamp skips its event, is counted, and the report goes on (decision 23)")
    func badTimestamp() {
        let sessions: [(id: String, events: [CodexEvent])] = [("s", [
            event("2026-01-02T00:00:00.123456Z", "gpt-5", 10, 0, 1, 0, 11),
            event("2026-01-02 00:00:00Z", "gpt-5", 10, 0, 1, 0, 11),
            event("2026-01-02T00:00:00Z", "gpt-5", 10, 0, 1, 0, 11),
        ])]
        let report = CodexReport(sessions: sessions, kind: .daily,
                                 options: CodexReportOptions(zone: ReportZone(identifier: "UTC")!), pricing: codexBuiltIn)
        #expect(report.invalidTimestamps.count == 2)
        #expect(report.rows.count == 1 && report.rows[0].tokens.input == 10)
    }
}
