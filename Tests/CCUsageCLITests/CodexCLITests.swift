import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageCLI

/// `ccusage codex …` end to end: routing, error texts, config sections, the real Codex history, and the
/// independent Python reading of 07-codex.md (Tests/reference/codex_compare.py).
@Suite(.serialized) struct CodexCLITests {
    let real = fixtures + "/real/codex/blubber-dotfiles"

    @Test("Unsupported reports: the reference's exact texts, exit code 2, nothing read", arguments: [
        (["codex", "blocks"], "The \"blocks\" report is only available for Claude Code usage.\nUse \"ccusage codex daily\" for Codex usage reports."),
        (["codex", "statusline", "--json"], "The \"statusline\" report is only available for Claude Code usage.\nUse \"ccusage codex daily\" for Codex usage reports."),
        (["codex", "weekly"], "The \"weekly\" report is not available for Codex usage.\nUse \"ccusage codex daily\" for Codex usage reports."),
        (["codex", "--since", "20260101", "foo"], "The \"foo\" report is not available for Codex usage.\nUse \"ccusage codex daily\" for Codex usage reports."),
        (["--daily"], "Report flags like --daily are not supported. Use \"ccusage daily\" instead."),
    ])
    func unsupported(args: [String], message: String) throws {
        let r = try runCLI(args, env: ["CODEX_HOME": real])
        #expect(r.code == 2)
        #expect(r.out.isEmpty)
        #expect(r.err == message + "\nRun 'ccusage --help' for usage.\n")
    }

    @Test("codex, codex daily and codex:daily are the same report")
    func routes() throws {
        let env = ["CODEX_HOME": real]
        let plain = try runCLI(["codex", "--json", "--offline", "-z", "UTC"], env: env)
        #expect(plain.code == 0)
        #expect(plain.out.contains("\"daily\": ["))
        for args in [["codex", "daily", "--json", "--offline", "-z", "UTC"], ["codex:daily", "--json", "--offline", "-z", "UTC"]] {
            #expect(try runCLI(args, env: env).out == plain.out)
        }
        #expect(try runCLI(["codex:monthly", "--json", "--offline", "-z", "UTC"], env: env).out.contains("\"month\": \"2026-02\""))
    }

    @Test("ccusage claude <report> is the plain command")
    func claudePrefix() throws {
        let env = ["CLAUDE_CONFIG_DIR": fixtures + "/basic"]
        let plain = try runCLI(["daily", "--json", "--offline", "-z", "UTC"], env: env)
        #expect(try runCLI(["claude", "daily", "--json", "--offline", "-z", "UTC"], env: env).out == plain.out)
        #expect(try runCLI(["claude:daily", "--json", "--offline", "-z", "UTC"], env: env).out == plain.out)
    }

    @Test("The real history: totals, and an empty table says so on stderr")
    func realHistory() throws {
        let r = try runCLI(["codex", "monthly", "--json", "--offline", "-z", "UTC"], env: ["CODEX_HOME": real])
        #expect(r.code == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let totals = try #require(doc["totals"] as? [String: Any])
        #expect(totals["inputTokens"] as? Int == 2_289_130)
        #expect(totals["cacheReadTokens"] as? Int == 25_322_752)
        #expect(totals["totalTokens"] as? Int == 27_821_199)
        let empty = try makeTemporaryDirectory("codex-empty")
        defer { removeTemporary(empty) }
        let table = try runCLI(["codex", "--offline"], env: ["CODEX_HOME": empty])
        #expect(table.code == 0 && table.out.isEmpty && table.err == "No Codex usage data found.\n")
    }

    @Test("Config: codex.defaults and codex.commands.daily, pricingOverrides, speed")
    func config() throws {
        let dir = try makeTemporaryDirectory("codex-config")
        defer { removeTemporary(dir) }
        let rollout = [
            #"{"timestamp":"2026-01-02T00:00:00.000Z","type":"turn_context","payload":{"model":"gpt-5"}}"#,
            #"{"timestamp":"2026-01-02T00:00:01.000Z","type":"event_msg","payload":{"type":"token_count","info":{"last_token_usage":{"input_tokens":100,"cached_input_tokens":10,"output_tokens":50,"total_tokens":150}}}}"#,
        ].joined(separator: "\n") + "\n"
        try FileManager.default.createDirectory(atPath: dir + "/home/sessions", withIntermediateDirectories: true)
        try rollout.write(toFile: dir + "/home/sessions/a.jsonl", atomically: true, encoding: .utf8)
        let config = #"""
        {"defaults": {"pricingOverrides": {"gpt-5": {"inputCostPerToken": 1.25e-6, "outputCostPerToken": 1e-5,
                                                     "cacheReadInputTokenCost": 1.25e-7}}},
         "codex": {"defaults": {"timezone": "Asia/Tokyo"}, "commands": {"daily": {"speed": "fast"}}}}
        """#
        try config.write(toFile: dir + "/ccusage.json", atomically: true, encoding: .utf8)
        let env = ["CODEX_HOME": dir + "/home"]
        let fast = try runCLI(["codex", "daily", "--json", "--offline", "--config", dir + "/ccusage.json"], env: env)
        #expect(fast.code == 0)
        #expect(fast.out.contains("\"costUSD\": 0.0012275,"))   // V1 × 2
        #expect(fast.out.contains("\"date\": \"2026-01-02\""))
        let standard = try runCLI(["codex", "daily", "--json", "--offline", "--speed", "standard",
                                   "--config", dir + "/ccusage.json"], env: env)
        #expect(standard.out.contains("\"costUSD\": 0.00061375,"))
        #expect(fast.err.isEmpty, "\(fast.err)")
    }

    @Test("The independent reference of 07-codex.md agrees on real, edge-case and generated homes")
    func reference() throws {
        try expectReferenceAgrees("codex_compare.py")
    }
}

/// Codex reports through the report cache: a repeat run on unchanged files prints the cached text; any change of
/// a file is a miss.
@Suite(.serialized) struct CodexReportCacheTests {
    @Test("cached and uncached runs print the same; an appended event is seen")
    func cache() throws {
        let dir = try makeTemporaryDirectory("codex-cache")
        defer { removeTemporary(dir) }
        try FileManager.default.createDirectory(atPath: dir + "/home/sessions", withIntermediateDirectories: true)
        let first = #"{"timestamp":"2026-01-02T00:00:00.000Z","type":"turn_context","payload":{"model":"gpt-5"}}"# + "\n"
            + #"{"timestamp":"2026-01-02T00:00:01.000Z","type":"event_msg","payload":{"type":"token_count","info":{"last_token_usage":{"input_tokens":100,"output_tokens":5}}}}"# + "\n"
            + "{broken\n"
        try first.write(toFile: dir + "/home/sessions/a.jsonl", atomically: true, encoding: .utf8)
        let env = ["CODEX_HOME": dir + "/home", "XDG_CACHE_HOME": dir + "/cache"]
        for args in [["codex", "daily", "--json", "--offline", "-z", "UTC"], ["codex", "session", "--offline", "-z", "UTC"]] {
            let uncached = try runCLI(args + ["--no-cache"], env: env)
            let one = try runCLI(args, env: env)
            let two = try runCLI(args, env: env.merging(["CCUSAGE_TRACE": "1"]) { $1 })
            let twoErr = two.err.split(separator: "\n").filter { !$0.hasPrefix("[trace]") }.map { $0 + "\n" }.joined()
            #expect(uncached.code == 0 && one.out == uncached.out && one.err == uncached.err)
            #expect(two.out == uncached.out && twoErr == uncached.err && two.err.contains("report cache hit"), "\(args)")
        }
        let handle = try #require(FileHandle(forWritingAtPath: dir + "/home/sessions/a.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((#"{"timestamp":"2026-01-03T00:00:01.000Z","type":"event_msg","payload":{"type":"token_count","info":{"last_token_usage":{"input_tokens":7,"output_tokens":1}}}}"# + "\n").utf8))
        try handle.close()
        let after = try runCLI(["codex", "daily", "--json", "--offline", "-z", "UTC"], env: env)
        #expect(after.out.contains("\"date\": \"2026-01-03\""))
    }
}

/// `--all`: one report over Claude Code and Codex whose parts equal the focused reports.
@Suite(.serialized) struct UnifiedCLITests {
    @Test("daily --all, --all daily and all daily agree; totals are the sum of the focused reports")
    func unifiedTotals() throws {
        let env = ["CLAUDE_CONFIG_DIR": fixtures + "/basic", "CODEX_HOME": fixtures + "/real/codex/blubber-dotfiles"]
        let common = ["--json", "--offline", "-z", "UTC"]
        let unified = try runCLI(["daily", "--all"] + common, env: env)
        #expect(unified.code == 0)
        #expect(try runCLI(["--all", "daily"] + common, env: env).out == unified.out)
        #expect(try runCLI(["all", "daily"] + common, env: env).out == unified.out)
        func totals(_ text: String) throws -> [String: Any] {
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return try #require(doc["totals"] as? [String: Any])
        }
        let all = try totals(unified.out)
        let claude = try totals(try runCLI(["daily"] + common, env: env).out)
        let codex = try totals(try runCLI(["codex", "daily"] + common, env: env).out)
        for (key, codexKey) in [("inputTokens", "inputTokens"), ("outputTokens", "outputTokens"),
                                ("cacheReadTokens", "cacheReadTokens"), ("totalTokens", "totalTokens")] {
            #expect(all[key] as? Int == (claude[key] as? Int ?? -1) + (codex[codexKey] as? Int ?? -1), "\(key)")
        }
        let cost = (all["totalCost"] as? Double ?? -1) - (claude["totalCost"] as? Double ?? 0) - (codex["costUSD"] as? Double ?? 0)
        #expect(abs(cost) < 1e-9)
        let sessions = try runCLI(["session", "--all"] + common, env: env)
        #expect(sessions.code == 0 && sessions.out.contains("\"session\": ["))
        #expect(sessions.out.contains("\"agent\": \"codex\"") && sessions.out.contains("\"agent\": \"claude\""))
    }

    @Test("--sections: the invoked report first, then daily, weekly, monthly, session; totals of the invoked one")
    func sections() throws {
        let empty = try makeTemporaryDirectory("unified-empty")
        defer { removeTemporary(empty) }
        let env = ["CLAUDE_CONFIG_DIR": empty + "/none", "CODEX_HOME": empty]
        let r = try runCLI(["weekly", "--sections", "session,monthly,daily", "--json", "--offline"], env: env)
        #expect(r.code == 0)
        #expect(r.out.filter { !$0.isWhitespace } == #"{"weekly":[],"daily":[],"monthly":[],"session":[],"totals":{"cacheCreationTokens":0,"cacheReadTokens":0,"inputTokens":0,"outputTokens":0,"totalCost":0,"totalTokens":0}}"#)
        let full = ["CLAUDE_CONFIG_DIR": fixtures + "/basic", "CODEX_HOME": fixtures + "/real/codex/blubber-dotfiles"]
        let combined = try runCLI(["monthly", "--all", "--sections", "daily", "--json", "--offline", "-z", "UTC"], env: full)
        let daily = try runCLI(["daily", "--all", "--json", "--offline", "-z", "UTC"], env: full)
        func rows(_ text: String, _ key: String) throws -> NSArray {
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
            return try #require(doc[key] as? NSArray)
        }
        #expect(try rows(combined.out, "daily") == rows(daily.out, "daily"))
        let refused = try runCLI(["session", "--id", "x", "--sections", "daily"], env: env)
        #expect(refused.code == 2 && refused.err.hasPrefix("The --sections and --by-agent options cannot be used with session --id."))
    }

    @Test("all: true in the config file makes the plain reports unified; --id stays Claude's")
    func configAll() throws {
        let dir = try makeTemporaryDirectory("unified-config")
        defer { removeTemporary(dir) }
        try #"{"defaults": {"all": true}}"#.write(toFile: dir + "/c.json", atomically: true, encoding: .utf8)
        let env = ["CLAUDE_CONFIG_DIR": fixtures + "/basic", "CODEX_HOME": fixtures + "/real/codex/blubber-dotfiles"]
        let configured = try runCLI(["monthly", "--config", dir + "/c.json", "--json", "--offline", "-z", "UTC"], env: env)
        let unified = try runCLI(["monthly", "--all", "--json", "--offline", "-z", "UTC"], env: env)
        #expect(configured.code == 0 && configured.out == unified.out && configured.out.contains("\"agent\": \"all\""))
        let plain = try runCLI(["monthly", "--json", "--offline", "-z", "UTC"], env: env)
        #expect(!plain.out.contains("\"agent\""))
    }
}
