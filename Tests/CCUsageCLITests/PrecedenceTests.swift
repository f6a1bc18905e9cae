import CCUsageKit
import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageCLI

/// Flag > environment variable > config file > default, in process.
@Suite final class PrecedenceTests {
    let dir: String

    init() throws {
        dir = try makeTemporaryDirectory("ccusage-precedence")
        try FileManager.default.createDirectory(atPath: dir + "/.ccusage", withIntermediateDirectories: true)
    }

    deinit { removeTemporary(dir) }

    /// A context as the CLI builds it: `config` in `./.ccusage/ccusage.json`; the system zone is `TZ` when set
    /// (as the C library does), else Europe/Paris.
    func context(_ args: [String] = [], _ variables: [String: String] = [:], config: String) throws -> Context {
        try config.write(toFile: dir + "/.ccusage/ccusage.json", atomically: true, encoding: .utf8)
        let zone = try #require(TimeZone(identifier: variables["TZ"] ?? "Europe/Paris"))
        let env = Environment(variables: variables.merging(["CLAUDE_CONFIG_DIR": fixtures + "/basic"]) { $1 },
                              home: dir, currentDirectory: dir, now: 0, timeZone: zone)
        return try Context(try ReportFlags.parse(args + ["--offline"]), command: "daily", env: env)
    }

    @Test func timeZone() throws {
        let tokyo = #"{"defaults": {"timezone": "Asia/Tokyo"}}"#
        #expect(try context([], [:], config: tokyo).zone.identifier == "Asia/Tokyo")
        #expect(try context([], ["TZ": "America/Los_Angeles"], config: tokyo).zone.identifier == "America/Los_Angeles")
        #expect(try context(["-z", "Asia/Kolkata"], ["TZ": "America/Los_Angeles"], config: tokyo).zone.identifier
                == "Asia/Kolkata")
        #expect(try context([], [:], config: "{}").zone.identifier == "Europe/Paris")
    }

    @Test func colour() throws {
        let on = #"{"defaults": {"color": true}}"#, off = #"{"defaults": {"noColor": true}}"#
        #expect(try context([], [:], config: on).render.style.colors)
        #expect(try !context([], ["NO_COLOR": "1"], config: on).render.style.colors)
        #expect(try context([], ["FORCE_COLOR": "1"], config: off).render.style.colors)
        #expect(try !context([], [:], config: off).render.style.colors)
        #expect(try !context(["--no-color"], ["FORCE_COLOR": "1"], config: on).render.style.colors)   // disabling wins
    }

    @Test func cachesAndAliases() throws {
        let noCache = #"{"defaults": {"noCache": true, "projectAliases": "a=FromConfig,b=B"}}"#
        #expect(try context([], [:], config: noCache).cacheDirectory == nil)
        #expect(try context([], ["CCUSAGE_NO_CACHE": "0"], config: noCache).cacheDirectory != nil)
        #expect(try context([], ["CCUSAGE_NO_CACHE": "yes"], config: "{}").cacheDirectory == nil)
        #expect(try context(["--no-cache"], ["CCUSAGE_NO_CACHE": "0"], config: "{}").cacheDirectory == nil)
        #expect(try context(["--debug"], [:], config: "{}").cacheDirectory == nil)   // --debug reads every file
        let aliases = try context([], ["CCUSAGE_PROJECT_ALIASES": "a=FromEnv"], config: noCache).render.projectAliases
        #expect(aliases == ["a": "FromEnv", "b": "B"])
    }
}

/// `CCUSAGE_OFFLINE=0` beats a config file's `offline: true` (prices from a cached list, no network).
@Suite(.serialized) struct OfflineVariableTests {
    @Test func theEnvironmentBeatsTheConfigFile() throws {
        let cache = try makeTemporaryDirectory("ccusage-offline-env")
        defer { removeTemporary(cache) }
        try FileManager.default.createDirectory(atPath: cache + "/ccusage", withIntermediateDirectories: true)
        // A price list needs at least five models to be taken.
        var doc: [String: Any] = [:]
        for k in ["claude-a", "claude-b", "claude-c", "claude-d"] { doc[k] = ["input_cost_per_token": 1e-6, "output_cost_per_token": 1e-6] }
        doc["claude-unknown-model-9"] = ["input_cost_per_token": 1e-3, "output_cost_per_token": 1e-3]
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: cache + "/ccusage/litellm-pricing.json"))
        try #"{"defaults": {"offline": true}}"#.write(toFile: cache + "/c.json", atomically: true, encoding: .utf8)
        let env = ["CLAUDE_CONFIG_DIR": fixtures + "/basic", "XDG_CACHE_HOME": cache]
        let args = ["daily", "--config", cache + "/c.json", "--jq", ".daily[-1].totalCost"]
        #expect(try runCLI(args, env: env).out == "0\n")   // the config: offline
        #expect(try runCLI(args, env: env.merging(["CCUSAGE_OFFLINE": "0"]) { $1 }).out == "1.1\n")
        #expect(try runCLI(args + ["--offline"], env: env.merging(["CCUSAGE_OFFLINE": "0"]) { $1 }).out == "0\n")
    }
}
