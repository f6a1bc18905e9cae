import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit
import FixtureKit

@Suite final class ConfigTests {
    /// This test's directory for its config file, removed when the test ends.
    let dir: String

    init() throws { dir = try makeTemporaryDirectory("ccusage-config") }
    deinit { removeTemporary(dir) }

    func write(_ text: String) throws -> String {
        let path = dir + "/ccusage.json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func layersMergeInOrder() throws {
        let path = try write(#"""
        { "$schema": "https://ccusage.com/config-schema.json",
          "defaults": { "timezone": "Asia/Tokyo", "offline": true, "order": "desc", "breakdown": true },
          "commands": { "daily": { "instances": true, "order": "asc" }, "blocks": { "tokenLimit": "max", "sessionLength": 3 } },
          "claude": { "commands": { "claude:daily": { "breakdown": false } } } }
        """#)
        let file = try ConfigFile.load(path: path)
        let daily = file.options(for: "daily")
        #expect(daily["timezone"] == .string("Asia/Tokyo"))
        #expect(daily["order"] == .string("asc"))
        #expect(daily["instances"] == .bool(true))
        #expect(daily["breakdown"] == .bool(false))
        #expect(file.options(for: "monthly")["order"] == .string("desc"))
        #expect(file.options(for: "blocks")["tokenLimit"] == .string("max"))
        #expect(file.options(for: "blocks")["sessionLength"] == .number(3))
        #expect(file.unknownKeys.isEmpty)
    }

    @Test("invalid files name the file and the key", arguments: [
        ("not json", nil),
        ("[1, 2]", nil),
        (#"{"defaults": 5}"#, "defaults"),
        (#"{"defaults": {"mode": "cheap"}}"#, "defaults.mode"),
        (#"{"defaults": {"json": "yes"}}"#, "defaults.json"),
        (#"{"defaults": {"json": 1}}"#, "defaults.json"),
        (#"{"defaults": {"since": "July"}}"#, "defaults.since"),
        (#"{"defaults": {"timezone": "Mars/Base"}}"#, "defaults.timezone"),
        (#"{"commands": {"blocks": {"tokenLimit": "lots"}}}"#, "commands.blocks.tokenLimit"),
        (#"{"commands": {"blocks": {"sessionLength": true}}}"#, "commands.blocks.sessionLength"),
        (#"{"commands": {"weekly": {"startOfWeek": "someday"}}}"#, "commands.weekly.startOfWeek"),
    ] as [(String, String?)])
    func invalid(_ text: String, _ key: String?) throws {
        let path = try write(text)
        do {
            _ = try ConfigFile.load(path: path)
            Issue.record("accepted \(text)")
        } catch let error as ConfigError {
            #expect(error.path == path)
            #expect(error.key == key)
            #expect(error.description.contains(path))
        }
    }

    @Test func unknownKeysAreListedNotFatal() throws {
        let file = try ConfigFile.load(path: try write(#"{"defaults": {"colour": true}, "extra": 1, "commands": {"dialy": {}}}"#))
        #expect(file.unknownKeys.sorted() == ["commands.dialy", "defaults.colour", "extra"])
    }

    @Test func searchLocations() {
        var env = testEnvironment(configDir: "/a, ~/b")
        env.home = "/home/u"; env.currentDirectory = "/work"
        #expect(ConfigFile.candidates(env) == ["/work/.ccusage/ccusage.json", "/a/ccusage.json", "/home/u/b/ccusage.json"])
        env.variables = [:]
        #expect(ConfigFile.candidates(env) == ["/work/.ccusage/ccusage.json", "/home/u/.config/claude/ccusage.json",
                                              "/home/u/.claude/ccusage.json"])
    }

    @Test func pricingOverridesReplaceOrAddExactKeys() throws {
        let table = PriceTable.embedded.applying(overrides: [
            "claude-sonnet-4-20250514": ["inputCostPerToken": 1e-6],
            "my-model": ["inputCostPerToken": 2e-6, "outputCostPerToken": 4e-6],
        ])
        let sonnet = try #require(table.price(for: "claude-sonnet-4-20250514"))
        #expect(sonnet.key == "claude-sonnet-4-20250514" && sonnet.price.input == 1e-6)
        #expect(sonnet.price.output == 1.5e-5)   // the exact key's other rates are kept
        let base = try #require(PriceTable.embedded.applying(overrides: ["claude-sonnet-4": ["outputCostPerToken": 1e-5]])
            .price(for: "claude-sonnet-4"))
        #expect(base.price.input == 3e-6 && base.price.output == 1e-5 && base.price.inputAbove200k == 6e-6)
        let mine = try #require(table.price(for: "my-model")).price
        #expect(abs(mine.cost(TokenCounts(input: 10, output: 10)) - 6e-5) < 1e-15)
        #expect(mine.cacheRead == 0)   // no base entry: unspecified fields are zero
    }
}

@Suite struct GeneratedTreeTests {
    @Test func totalsMatchTheGeneratorsIndependentExpectation() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ccusage-gen-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let summary = try FixtureGenerator.generate(into: root, spec: FixtureSpec(seed: 42, targetBytes: 6_000_000, malformedRate: 0.01))
        for single in [true, false] {
            let usage = try UsageLoader.load(LoadOptions(singleThread: single), testEnvironment(configDir: root))
            #expect(usage.stats.malformedLines == summary.malformedLines)
            #expect(usage.stats.usageLines == summary.usageLines)
            #expect(usage.records.count == summary.uniqueRequests)
            let report = PeriodReport(usage, period: .month, options: ReportOptions(zone: ReportZone(identifier: "UTC")!))
            let t = report.totals.tokens
            #expect(Int64(t.input) == summary.expected.inputTokens)
            #expect(Int64(t.output) == summary.expected.outputTokens)
            #expect(Int64(t.cacheCreation) == summary.expected.cacheCreationTokens)
            #expect(Int64(t.cacheRead) == summary.expected.cacheReadTokens)
        }
    }
}
