import CCUsageKit
import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageCLI

/// `--project` and `session --id` accept the names the tables show (issue 12).
@Suite(.serialized) struct LookupCLITests {
    let env = ["CLAUDE_CONFIG_DIR": fixtures + "/basic"]

    @Test("--project takes a folder name that starts with '-'", arguments: [
        ["--project", "-Users-dev-code-api"], ["-p", "-Users-dev-code-api"], ["--project=-Users-dev-code-api"],
    ])
    func projectValueStartingWithADash(_ args: [String]) throws {
        #expect(try Daily.parse(args).projects.project == "-Users-dev-code-api")
        #expect(try Weekly.parse(args).projects.project == "-Users-dev-code-api")
        #expect(try Monthly.parse(args).projects.project == "-Users-dev-code-api")
        let daily = try Daily.parse(args + ["--json", "-i"])
        #expect(daily.flags.output.json && daily.projects.instances)
    }

    @Test func theFolderNameAndTheShownNameSelectTheSameProject() throws {
        let raw = try runCLI(["daily", "--json", "-O", "--project", "-Users-me-code-app"], env: env)
        let shown = try runCLI(["daily", "--json", "-O", "--project", "app"], env: env)
        let all = try runCLI(["daily", "--json", "-O"], env: env)
        #expect(raw.code == 0 && shown.code == 0)
        #expect(raw.out == shown.out)
        #expect(raw.out.contains(#""project": "-Users-me-code-app""#) && !raw.out.contains("-Users-me-code-lib"))
        #expect(raw.out != all.out)
        let weekly = try runCLI(["weekly", "--json", "-O", "-p", "lib"], env: env)
        #expect(weekly.code == 0 && weekly.out.contains(#""project": "-Users-me-code-lib""#))
    }

    @Test func anUnknownProjectListsTheProjects() throws {
        let r = try runCLI(["monthly", "-O", "--project", "nope"], env: env)
        #expect(r.code == 1 && r.out.isEmpty)
        #expect(r.err.contains("No project named 'nope'"))
        #expect(r.err.contains("app (-Users-me-code-app)") && r.err.contains("lib (-Users-me-code-lib)"))
    }

    @Test func aSessionByTheIDTheTableShowsOrAPrefix() throws {
        let full = try runCLI(["session", "--json", "-O", "--id", "0a1b2c3d-1111-2222-3333-444455556666"], env: env)
        let shown = try runCLI(["session", "--json", "-O", "--id", "3333-444455556666"], env: env)
        let prefix = try runCLI(["session", "--json", "-O", "-i", "0a1b2c3d"], env: env)
        #expect(full.code == 0 && shown.code == 0 && prefix.code == 0)
        #expect(full.out.contains(#""sessionId": "0a1b2c3d-1111-2222-3333-444455556666""#))
        #expect(shown.out == full.out && prefix.out == full.out)
        let typo = try runCLI(["session", "-O", "--id", "3333-444455556660"], env: env)
        #expect(typo.code == 1 && typo.out.isEmpty)
        #expect(typo.err.contains("No session found with ID: 3333-444455556660.")
                && typo.err.contains("Closest session IDs: 0a1b2c3d-1111-2222-3333-444455556666"))
    }

    @Test func anAmbiguousSessionIDListsTheCandidates() throws {
        let line = { (session: String, id: String) in
            #"{"type":"assistant","sessionId":"\#(session)","timestamp":"2025-07-20T10:00:00Z","message":{"id":"\#(id)","model":"claude-sonnet-4-20250514","usage":{"input_tokens":1,"output_tokens":1}}}"# + "\n"
        }
        let root = try makeDataTree(["p/abc-1111.jsonl": Array(line("abc-1111", "m1").utf8),
                                     "p/abc-2222.jsonl": Array(line("abc-2222", "m2").utf8)], prefix: "ccusage-ids")
        defer { removeTemporary(root) }
        let ambiguous = try runCLI(["session", "-O", "--id", "abc"], env: ["CLAUDE_CONFIG_DIR": root])
        #expect(ambiguous.code == 1)
        #expect(ambiguous.err.contains("Session ID 'abc' matches 2 sessions: abc-1111, abc-2222. Give more of the ID."))
        let unique = try runCLI(["session", "-O", "--json", "--id", "2222"], env: ["CLAUDE_CONFIG_DIR": root])
        #expect(unique.code == 0 && unique.out.contains(#""sessionId": "abc-2222""#))
    }
}
