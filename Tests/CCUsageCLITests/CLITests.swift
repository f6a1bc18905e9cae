import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageCLI

/// Runs the built `ccusage` binary (it sits next to the test bundle).
func runCLI(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> (code: Int32, out: String, err: String) {
    let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var binary = dir.appendingPathComponent("ccusage")
    if !FileManager.default.fileExists(atPath: binary.path) {
        binary = dir.deletingLastPathComponent().appendingPathComponent("ccusage")
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = args
    // No archive unless a test names one: tests share a home, and one test's deleted tree must not reach
    // another's report through it.
    var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": "/nonexistent-home",
                       "TZ": "UTC", "CCUSAGE_NO_ARCHIVE": "1"]
    // Sanitizer settings (Scripts/sanitize) reach the children too.
    for key in ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "SWIFT_BACKTRACE", "CCUSAGE_TEST_SANITIZER"] {
        if let value = ProcessInfo.processInfo.environment[key] { environment[key] = value }
    }
    environment.merge(env) { $1 }
    process.environment = environment
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

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
        #expect(flag.out == (try String(contentsOfFile: kitGolden + "/daily-instances-la.json", encoding: .utf8)) + "\n"
                || flag.out.contains("\"2025-07-19\""))
    }

    @Test("bad flag values exit 1 with a message", arguments: [
        (["daily", "--since", "2025-13-01"], "Date must be in YYYYMMDD"),
        (["daily", "--mode", "cheap"], "cheap"),
        (["daily", "-z", "Mars/Olympus"], "Unknown time zone"),
        (["daily", "--since", "20250802", "--until", "20250801"], "is after"),
        (["session", "--id", "nope"], "No session found with ID: nope"),
    ])
    func badInput(_ args: [String], _ message: String) throws {
        let r = try runCLI(args, env: env)
        #expect(r.code == 1)
        #expect(r.err.contains(message))
        #expect(!r.err.contains("Fatal error"))
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
        #expect(empty.code == 0 && empty.out == "No Claude usage data found.\n")
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
        #expect(try runCLI(["--version"]).out == ccusageVersion + "\n")
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
