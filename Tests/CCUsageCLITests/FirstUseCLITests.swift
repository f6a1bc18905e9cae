import CCUsageKit
import CCUsageTestSupport
import Foundation
import Testing

/// What a new user hits first (issue 12): empty reports that say why, a configuration file with a
/// syntax error.
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
