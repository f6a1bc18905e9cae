import Foundation
import Testing

/// The `ccusage` side of team reports: team flags never fall back to a local report.
@Suite("Team hand-off") struct TeamHandoffTests {
    @Test func teamFlagsWithoutTeamAreAnErrorNotALocalReport() throws {
        for args in [["daily", "--by-user"], ["monthly", "--user", "alice"], ["weekly", "--machine=m1"],
                     ["daily", "--team-url=postgres://u:SECRETPW@h/db"]] {
            let result = try runCLI(args, env: ["CLAUDE_CONFIG_DIR": "/nonexistent"])
            #expect(result.code == 1, "\(args)")
            #expect(result.out.isEmpty, "\(args)")
            #expect(result.err.contains("needs --team"), "\(args): \(result.err)")
            #expect(!result.err.contains("SECRETPW"), "\(args)")
            #expect(result.err.split(separator: "\n").count == 1, "\(args): \(result.err)")
        }
    }
}
