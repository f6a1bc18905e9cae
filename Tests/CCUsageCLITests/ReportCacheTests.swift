import CCUsageTestSupport
import Foundation
import Testing

/// The finished-report cache: a repeat run on unchanged files prints the cached text, and any change to
/// the files or the options gives exactly what a run without any cache prints.
@Suite(.serialized) final class ReportCacheCLITests {
    let root: String
    let env: [String: String]

    init() throws {
        root = try makeTemporaryDirectory("ccusage-report-cache")
        env = ["CLAUDE_CONFIG_DIR": root, "XDG_CACHE_HOME": root + "/cache", "COLUMNS": "160"]
        // Every stored property is set: from here on a throw still runs `deinit`, which removes `root`.
        try FileManager.default.copyItem(atPath: fixtures + "/basic/projects", toPath: root + "/projects")
        // A skipped line, so runs print a notice (which LOG_LEVEL=0 hides) and the cache must keep it apart.
        let handle = try #require(FileHandle(forWritingAtPath: root + "/projects/-Users-me-code-lib/9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data("{\"type\":\"assistant\",\"message\":{\"usage\":\n".utf8))
        try handle.close()
    }

    /// Runs when the test ends, passed or failed, and when `init` throws after setting every property.
    deinit { removeTemporary(root) }

    var transcript: String { root + "/projects/-Users-me-code-lib/9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff.jsonl" }

    func uncached(_ args: [String], extraEnv: [String: String] = [:]) throws -> (code: Int32, out: String, err: String) {
        try runCLI(args + ["--offline", "--no-cache"], env: env.merging(extraEnv) { $1 })
    }

    /// Runs twice with the cache; both runs must print what the uncached run prints, and the second must be
    /// served from the report cache.
    @discardableResult
    func expectCachedEqualsUncached(_ args: [String], extraEnv: [String: String] = [:],
                                    sourceLocation: SourceLocation = #_sourceLocation) throws -> (code: Int32, out: String, err: String) {
        let expected = try uncached(args, extraEnv: extraEnv)
        let environment = env.merging(extraEnv) { $1 }
        let first = try runCLI(args + ["--offline"], env: environment)
        let second = try runCLI(args + ["--offline"], env: environment.merging(["CCUSAGE_TRACE": "1"]) { $1 })
        let secondErr = second.err.split(separator: "\n").filter { !$0.hasPrefix("[trace]") }.map { $0 + "\n" }.joined()
        #expect(first.code == expected.code && first.out == expected.out && first.err == expected.err,
                "\(args)", sourceLocation: sourceLocation)
        #expect(second.code == expected.code && second.out == expected.out && secondErr == expected.err,
                "\(args)", sourceLocation: sourceLocation)
        #expect(second.err.contains("report cache hit"), "\(args): second run not served from the cache",
                sourceLocation: sourceLocation)
        return expected
    }

    @Test func everyOptionHasItsOwnEntryAndMatchesAnUncachedRun() throws {
        let cases: [([String], [String: String])] = [
            (["daily", "--json"], [:]),
            (["daily", "--json", "--timezone", "Asia/Tokyo"], [:]),
            (["daily", "--json", "--mode", "calculate"], [:]),
            (["daily", "--json", "--mode", "display"], [:]),
            (["daily", "--json", "--since", "20250602"], [:]),
            (["daily", "--json", "--order", "desc", "--instances"], [:]),
            (["daily", "--json", "--project=-Users-me-code-app"], [:]),
            (["daily", "--breakdown"], [:]),
            (["daily"], ["COLUMNS": "80"]),
            (["daily", "--no-cost", "--color"], [:]),
            (["daily", "--instances", "--project-aliases=-Users-me-code-app=App"], [:]),
            (["weekly", "--json", "--start-of-week", "monday"], [:]),
            (["weekly", "--json"], [:]),
            (["monthly", "--json", "--no-cost"], [:]),
            (["session", "--json"], [:]),
            (["session", "--order", "asc"], [:]),
            (["daily", "--jq", ".totals.totalTokens"], [:]),
            (["daily", "--json"], ["TZ": "America/Los_Angeles"]),
            (["daily", "--json"], ["LOG_LEVEL": "0"]),
            (["daily", "--json", "--instances"], ["CCUSAGE_PROJECT_ALIASES": "-Users-me-code-app=App"]),
        ]
        var expected: [(code: Int32, out: String, err: String)] = []
        for (args, extra) in cases { expected.append(try expectCachedEqualsUncached(args, extraEnv: extra)) }
        // Once more after every entry was written: each case reads back its own entry, not another's.
        for ((args, extra), want) in zip(cases, expected) {
            let run = try runCLI(args + ["--offline"], env: env.merging(extra) { $1 }.merging(["CCUSAGE_TRACE": "1"]) { $1 })
            let err = run.err.split(separator: "\n").filter { !$0.hasPrefix("[trace]") }.map { $0 + "\n" }.joined()
            #expect(run.code == want.code && run.out == want.out && err == want.err, "\(args) \(extra)")
            #expect(run.err.contains("report cache hit"), "\(args) \(extra)")
        }
    }

    @Test func changedFilesAreNeverServedFromTheCache() throws {
        try expectCachedEqualsUncached(["daily", "--json"])
        // An appended request: new totals, equal to an uncached run.
        let line = #"{"type":"assistant","timestamp":"2025-06-03T08:00:00.000Z","requestId":"req_rc_1","message":{"id":"msg_rc_1","model":"claude-sonnet-4-20250514","usage":{"input_tokens":11,"output_tokens":22}}}"# + "\n"
        let before = try runCLI(["daily", "--json", "--offline"], env: env).out
        let handle = try #require(FileHandle(forWritingAtPath: transcript))
        handle.seekToEndOfFile()
        handle.write(Data(line.utf8))
        try handle.close()
        let after = try runCLI(["daily", "--json", "--offline"], env: env)
        let fresh = try uncached(["daily", "--json"])
        #expect(after.out != before && after.out == fresh.out)
        // A new transcript file.
        try FileManager.default.createDirectory(atPath: root + "/projects/new-project", withIntermediateDirectories: true)
        try Data(line.replacingOccurrences(of: "rc_1", with: "rc_2").utf8)
            .write(to: URL(fileURLWithPath: root + "/projects/new-project/s.jsonl"))
        try expectCachedEqualsUncached(["daily", "--json", "--instances"])
        // Only the modification time changes: same numbers, still equal.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)],
                                              ofItemAtPath: transcript)
        try expectCachedEqualsUncached(["daily", "--json"])
        // A removed file.
        try FileManager.default.removeItem(atPath: root + "/projects/new-project/s.jsonl")
        try expectCachedEqualsUncached(["daily", "--json", "--instances"])
    }

    @Test func aDamagedEntryIsIgnored() throws {
        try expectCachedEqualsUncached(["monthly", "--json"])
        let cache = root + "/cache/ccusage"
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("report-") }
        #expect(!entries.isEmpty)
        for name in entries {
            var bytes = try Data(contentsOf: URL(fileURLWithPath: cache + "/" + name))
            bytes[bytes.count / 2] ^= 0x55
            bytes.removeLast(3)
            try bytes.write(to: URL(fileURLWithPath: cache + "/" + name))
        }
        let expected = try uncached(["monthly", "--json"])
        let run = try runCLI(["monthly", "--json", "--offline"], env: env)
        #expect(run.out == expected.out && run.err == expected.err)
        // Rewritten whole: the next run is a hit again.
        try expectCachedEqualsUncached(["monthly", "--json"])
    }

    @Test func noCacheAndDebugRunsNeitherReadNorWriteIt() throws {
        _ = try runCLI(["daily", "--json", "--offline", "--no-cache"], env: env)
        _ = try runCLI(["daily", "--json", "--offline"], env: env.merging(["CCUSAGE_NO_CACHE": "1"]) { $1 })
        let cache = root + "/cache/ccusage"
        let written = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
        #expect(written.isEmpty)
        _ = try runCLI(["daily", "--json", "--offline"], env: env)
        let debug = try runCLI(["daily", "--json", "--offline", "--debug"], env: env.merging(["CCUSAGE_TRACE": "1"]) { $1 })
        #expect(debug.err.contains("[debug] usage entries") && !debug.err.contains("report cache hit"))
    }
}
