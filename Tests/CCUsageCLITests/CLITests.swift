import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageCLI

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path
let kitGolden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("CCUsageKitTests/Golden").path

@Suite(.serialized) struct CLITests {
    let env = ["CLAUDE_CONFIG_DIR": fixtures + "/basic"]

    @Test func dailyJSONMatchesTheLibraryGolden() throws {
        let r = try runCLI(["daily", "--json", "--offline", "-z", "UTC"], env: env)
        #expect(r.code == 0)
        #expect(r.out == (try String(contentsOfFile: kitGolden + "/daily-utc.json", encoding: .utf8)) + "\n")
        #expect(r.err.contains("skipped 1 malformed"))
        #expect(r.err.contains("Missing embedded pricing for claude-unknown-model-9"))
    }

    @Test func defaultCommandIsDaily() throws {
        let a = try runCLI(["--json", "-O"], env: env), b = try runCLI(["daily", "--json", "-O"], env: env)
        #expect(a.code == 0 && a.out == b.out)
    }

    @Test func timezoneFlagAndTZAgree() throws {
        let flag = try runCLI(["daily", "-j", "-z", "America/Los_Angeles"], env: env)
        let tz = try runCLI(["daily", "-j"], env: env.merging(["TZ": "America/Los_Angeles"]) { $1 })
        #expect(flag.out == tz.out)
        // The zone must change the days: the Los Angeles golden differs from the UTC one.
        let la = try String(contentsOfFile: kitGolden + "/daily-la.json", encoding: .utf8)
        let utc = try String(contentsOfFile: kitGolden + "/daily-utc.json", encoding: .utf8)
        #expect(la != utc)
        #expect(flag.out == la + "\n")
    }

    // Bad values the parser refuses are checked in-process (FlagParsingTests); these need a run.
    @Test("bad values found while running exit 1 with a message", arguments: [
        (["daily", "-z", "Mars/Olympus"], "Unknown time zone"),
        (["session", "--id", "nope"], "No session found with ID: nope"),
        (["daily", "--config", "/nonexistent/ccusage.json"], "Configuration file not found: /nonexistent/ccusage.json"),
    ])
    func badInput(_ args: [String], _ message: String) throws {
        let r = try runCLI(args, env: env)
        #expect(r.code == 1)
        #expect(r.err.contains(message))
        #expect(!r.err.contains("Fatal error"))
    }

    @Test func sessionViewsSplitUsageByAgentAndTheSplitAddsUp() throws {
        let id = "0a1b2c3d-1111-2222-3333-444455556666"
        let detail = try runCLI(["session", "--id", id, "--json", "--offline"], env: env)
        #expect(detail.code == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(detail.out.utf8)) as? [String: Any])
        let subagents = try #require(object["subagents"] as? [[String: Any]])
        #expect(subagents.map { $0["agentId"] as? String } == ["1"])
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(subagents.compactMap { $0["totalTokens"] as? Int }.reduce(0, +) < (object["totalTokens"] as? Int ?? 0))
        #expect(entries.count > 0)
        let table = try runCLI(["session", "--id", id, "--offline"], env: env.merging(["COLUMNS": "160"]) { $1 })
        #expect(table.out.contains("│ main agent ") && table.out.contains("│ agent 1 "), "\(table.out)")

        let breakdown = try runCLI(["session", "--breakdown", "--json", "--offline"], env: env)
        let sessions = try #require((try JSONSerialization.jsonObject(with: Data(breakdown.out.utf8)) as? [String: Any])?["sessions"] as? [[String: Any]])
        #expect(sessions.allSatisfy { $0["subagents"] is [Any] })
        let plain = try runCLI(["session", "--json", "--offline"], env: env)
        #expect(!plain.out.contains("subagents"))
        let rows = try runCLI(["session", "--breakdown", "--offline"], env: env.merging(["COLUMNS": "160"]) { $1 })
        #expect(rows.out.contains("▸ main agent") && rows.out.contains("▸ agent 1"), "\(rows.out)")
    }

    @Test func missingDataDirectoryIsAClearError() throws {
        let r = try runCLI(["daily"], env: ["CLAUDE_CONFIG_DIR": "/nonexistent/claude"])
        #expect(r.code == 1)
        #expect(r.err.contains("CLAUDE_CONFIG_DIR") && r.err.contains("/nonexistent/claude"))
        let defaults = try runCLI(["daily"], env: ["HOME": "/nonexistent-home"])
        #expect(defaults.code == 1 && defaults.err.contains("/nonexistent-home/.claude"))
    }

    @Test func jqFiltersTheJSON() throws {
        let r = try runCLI(["monthly", "--jq", ".totals.totalTokens"], env: env)
        #expect(r.code == 0 && r.out == "634137\n")
        let bad = try runCLI(["monthly", "--jq", ".[[["], env: env)
        #expect(bad.code == 1 && bad.err.contains("jq failed"))
        let missing = try runCLI(["monthly", "--jq", "."], env: env.merging(["PATH": "/nonexistent"]) { $1 })
        #expect(missing.code == 1 && missing.err.contains("jq"))
    }

    @Test func compactNoticeAndEmptyData() throws {
        let r = try runCLI(["session", "--compact"], env: env.merging(["COLUMNS": "200"]) { $1 })
        #expect(r.out.contains("Running in Compact Mode") && !r.out.contains("Cache Create"))
        #expect(r.out.contains("Compact layout (--compact)") && !r.out.contains("Expand terminal width"))
        let empty = try runCLI(["daily", "--since", "20300101"], env: env)
        #expect(empty.code == 0 && empty.out == "No Claude usage data since 2030-01-01 (data exists from 2025-07-19 to 2025-09-01).\n")
        let json = try runCLI(["monthly", "--json", "--since", "20300101"], env: env)
        #expect(json.out.contains("\"monthly\": []"))
    }

    @Test func blocksBreakdownAddsModelRowsAndJSON() throws {
        let plain = try runCLI(["blocks", "-O"], env: env.merging(["COLUMNS": "160"]) { $1 })
        let split = try runCLI(["blocks", "-O", "--breakdown"], env: env.merging(["COLUMNS": "160"]) { $1 })
        #expect(!plain.out.contains("└─ ") && split.out.contains("  └─ sonnet-4 "))
        let json = try runCLI(["blocks", "-O", "--json", "--breakdown"], env: env)
        #expect(json.code == 0 && json.out.contains("\"modelBreakdowns\": ["))
        #expect(!(try runCLI(["blocks", "-O", "--json"], env: env)).out.contains("modelBreakdowns"))
    }

    @Test func versionAndHelp() throws {
        #expect(try runCLI(["-v"]).out == ccusageVersion + "\n")
        let long = try runCLI(["--version"]).out
        #expect(long.hasPrefix(ccusageVersion + "\nembedded prices: litellm "))
        #expect(long.contains("LiteLLM entries") && long.contains("models.dev"))
        let completion = try runCLI(["--generate-completion-script", "bash"])
        #expect(completion.code == 0 && completion.out.contains("ccusage") && completion.out.contains("statusline"))
        let help = try runCLI(["daily", "--help"])
        #expect(help.code == 0 && help.out.contains("--since") && help.out.contains("--instances"))
    }
}

@Suite(.serialized) struct OnlinePricingCLITests {
    @Test func aCachedPriceListIsUsedOnlineAndIgnoredOffline() throws {
        let cache = try makeTemporaryDirectory("ccusage-pricing")
        defer { removeTemporary(cache) }
        try FileManager.default.createDirectory(atPath: cache + "/ccusage", withIntermediateDirectories: true)
        var doc: [String: Any] = [:]
        for k in ["claude-a", "claude-b", "claude-c", "claude-d"] { doc[k] = ["input_cost_per_token": 1e-6, "output_cost_per_token": 1e-6] }
        doc["claude-unknown-model-9"] = ["input_cost_per_token": 1e-3, "output_cost_per_token": 1e-3]
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: cache + "/ccusage/litellm-pricing.json"))
        let env = ["CLAUDE_CONFIG_DIR": fixtures + "/basic", "XDG_CACHE_HOME": cache]
        let online = try runCLI(["daily", "--jq", ".daily[-1].totalCost"], env: env)
        #expect(online.out == "1.1\n")   // 1000 × 1e-3 + 100 × 1e-3
        let offline = try runCLI(["daily", "--offline", "--jq", ".daily[-1].totalCost"], env: env)
        #expect(offline.out == "0\n")
        // No cached list and no network: the embedded prices, quietly and quickly.
        try FileManager.default.removeItem(atPath: cache + "/ccusage/litellm-pricing.json")
        let fallback = try runCLI(["daily", "--jq", ".totals.totalTokens"], env: env)
        #expect(fallback.code == 0 && fallback.out == "634137\n" && !fallback.err.contains("pricing refresh"))
    }
}
