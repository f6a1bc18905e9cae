import CCUsageKit
import CCUsageTestSupport
import Foundation
import Testing

/// What a new user hits first (issue 12): empty reports that say why, `blocks --live` without a terminal, a
/// configuration file with a syntax error.
@Suite(.serialized) struct FirstUseCLITests {
    let env = ["CLAUDE_CONFIG_DIR": fixtures + "/basic"]

    @Test("an empty report names the filter and where the data is", arguments: [
        (["daily", "--since", "20300101"], "No Claude usage data since 2030-01-01 (data exists from 2025-07-19 to 2025-09-01).\n"),
        (["weekly", "--until", "2025-01-01"], "No Claude usage data until 2025-01-01 (data exists from 2025-07-19 to 2025-09-01).\n"),
        (["monthly", "--project", "lib", "--since", "20300101"],
         "No Claude usage data for project lib since 2030-01-01 (data exists from 2025-08-01 to 2025-09-01).\n"),
        (["session", "-s", "20300101", "-u", "20300131"],
         "No session last active between 2030-01-01 and 2030-01-31 (data exists from 2025-07-19 to 2025-09-01).\n"),
        (["blocks", "--recent"], "No billing block in the last 3 days (data exists from 2025-07-19 to 2025-09-01).\n"),
        (["blocks", "--since", "20300101"],
         "No billing block starting since 2030-01-01 (data exists from 2025-07-19 to 2025-09-01).\n"),
    ])
    func emptyReports(_ args: [String], _ expected: String) throws {
        let r = try runCLI(args + ["-O"], env: env)
        #expect(r.code == 0)
        #expect(r.out == expected)
    }

    @Test func theReportCacheKeepsTheProjectAsTyped() throws {
        let cache = try makeTemporaryDirectory("ccusage-empty-cache")
        defer { removeTemporary(cache) }
        let cached = env.merging(["XDG_CACHE_HOME": cache]) { $1 }
        for _ in 0..<2 {
            for name in ["lib", "-Users-me-code-lib"] {
                let r = try runCLI(["monthly", "-O", "--since", "20300101", "--project", name], env: cached)
                #expect(r.out == "No Claude usage data for project \(name) since 2030-01-01 (data exists from 2025-08-01 to 2025-09-01).\n")
            }
        }
    }

    @Test func blocksLiveRefusesWithoutATerminal() throws {
        let r = try runCLI(["blocks", "--live", "-O", "--refresh-interval", "1"], env: env, timeout: 60)
        #expect(r.code == 1)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("blocks --live") && r.err.contains("needs a terminal") && r.err.contains("blocks --active"))
    }

    @Test func anInvalidConfigFileNamesTheLineAndColumn() throws {
        let dir = try makeTemporaryDirectory("ccusage-bad-config")
        defer { removeTemporary(dir) }
        try "{\n  \"defaults\": { \"offline\": true,, }\n}\n".write(toFile: dir + "/c.json", atomically: true, encoding: .utf8)
        let r = try runCLI(["daily", "--config", dir + "/c.json"], env: env)
        #expect(r.code == 1)
        #expect(r.err.contains("Invalid configuration file \(dir)/c.json: not valid JSON at line 2, column 33: expected a key"))
        #expect(!r.err.contains("The data is not in the correct format"))
    }
}

/// As `runCLI`, but a run still going after `seconds` is killed and reported, so a hang fails the test
/// instead of hanging the suite.
func runCLI(_ args: [String], env: [String: String], timeout seconds: Double) throws -> (code: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = ccusageBinary
    process.arguments = args
    process.environment = childEnvironment(env)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(seconds)
    // The output is read while waiting, so a run that writes a lot cannot block on a full pipe.
    let outData = CollectedOutput(), errData = CollectedOutput()
    let group = DispatchGroup()
    for (pipe, sink) in [(out, outData), (err, errData)] {
        DispatchQueue.global().async(group: group) {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            sink.set(data)
        }
    }
    while process.isRunning, Date() < deadline { usleep(20_000) }
    if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        Issue.record("ccusage \(args.joined(separator: " ")) was still running after \(seconds) s")
    }
    process.waitUntilExit()
    group.wait()
    return (process.terminationStatus, String(decoding: outData.value, as: UTF8.self),
            String(decoding: errData.value, as: UTF8.self))
}

/// Bytes read on another thread.
final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ bytes: Data) { lock.lock(); data = bytes; lock.unlock() }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}
