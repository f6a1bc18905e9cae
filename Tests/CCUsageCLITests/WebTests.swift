import CCUsageTestSupport
@testable import CCUsageWeb
import FixtureKit
import Foundation
import Testing

@Suite("ccusage web")
struct WebTests {
    @Test("query parameters become the report's flags, in the --name=value form")
    func queryToArguments() throws {
        let query = try ReportQuery([("since", "20250601"), ("timezone", "Asia/Tokyo"), ("breakdown", "1"),
                                     ("project", "-Users-me-api"), ("offline", "true"), ("by", "agent")],
                                    extra: ["by"])
        #expect(query.arguments(report: "daily") == ["daily", "--since=20250601", "--timezone=Asia/Tokyo",
                                                      "--project=-Users-me-api", "--breakdown", "--offline", "--json"])
        let codex = try ReportQuery([("agent", "codex"), ("order", "desc")])
        #expect(codex.arguments(report: "session") == ["codex", "session", "--order=desc", "--json"])
        let all = try ReportQuery([("all", "yes")])
        #expect(all.arguments(report: "weekly") == ["weekly", "--all", "--json"])
    }

    @Test("team parameters are the CLI's team flags; the team-only ones need team=1")
    func teamQueryToArguments() throws {
        let team = try ReportQuery([("team", "1"), ("user", "alice"), ("machine", "m1"), ("by-user", "yes"),
                                    ("by-machine", "0"), ("timezone", "UTC")])
        #expect(team.team)
        #expect(team.arguments(report: "daily") == ["daily", "--timezone=UTC", "--team", "--user=alice", "--machine=m1",
                                                     "--by-user", "--json"])
        #expect(try ReportQuery([("team", "0"), ("since", "20250101")]).arguments(report: "daily")
                == ["daily", "--since=20250101", "--json"])
        for name in ["user", "machine", "by-user"] {
            #expect(throws: ReportQuery.Problem.needsTeam(name)) { try ReportQuery([(name, "1")]) }
        }
        #expect(throws: ReportQuery.Problem.badValue("team", "core")) { try ReportQuery([("team", "core")]) }
        #expect(throws: ReportQuery.Problem.unknownParameter("team-url")) {
            try ReportQuery([("team", "1"), ("team-url", "postgres://u:p@h/d")])
        }
    }

    /// Tests/team/serve_check.py web: `/api/<report>?team=1…` byte for byte `ccusage <report> --team --json …`
    /// against a throwaway PostgreSQL server, refused options, the team page, a wrong password / unreachable
    /// server / no database as one 502 JSON line without the password.
    @Test("team reports from a real PostgreSQL server equal the CLI's")
    func teamReportsOnARealServer() throws {
        guard postgresInstalled() else {
            Issue.record("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb or no psql): run Scripts/install-deps.")
            return
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("team/serve_check.py").path
        try expectScriptAgrees(script, arguments: ["web"])
    }

    @Test("the session list decoded for the page equals the one read through Foundation's tree")
    func sessionRowsDecodeLikeTheGeneralPath() {
        let claude = #"{"sessions":[{"sessionId":"a","projectPath":"p","inputTokens":10,"outputTokens":20,"#
            + #""cacheCreationTokens":30,"cacheReadTokens":40,"totalTokens":100,"totalCost":1.25,"#
            + #""lastActivity":"2025-06-01","modelsUsed":["sonnet-4"],"modelBreakdowns":[{"modelName":"x","cost":1}]},"#
            + #"{"projectPath":null,"totalCost":2},"#
            + #"{"sessionId":"c","projectPath":null,"inputTokens":1,"cacheCreationInputTokens":7,"cacheReadInputTokens":9,"#
            + #""totalCost":0.5,"modelsUsed":[]}],"totals":{"totalCost":3.75}}"#
        let decoded = SessionRow.list(json: claude)
        #expect(decoded.map(\.id) == ["a", "c"])
        #expect(decoded == SessionRow.general(json: claude))
        #expect(decoded.last?.tokens == Tokens(input: 1, output: 0, cacheCreation: 7, cacheRead: 9))
        // A shape the decoder refuses (a numeric id) still reads as before.
        let odd = #"{"sessions":[{"sessionId":7,"totalCost":1},{"sessionId":"b","totalCost":"x"}]}"#
        #expect(SessionRow.list(json: odd) == SessionRow.general(json: odd))
        #expect(SessionRow.list(json: odd).map(\.id) == ["b"])
    }

    @Test("anything but the report options is refused", arguments: ["debug", "jq", "config", "by"])
    func refusesOtherParameters(_ name: String) {
        #expect(throws: ReportQuery.Problem.unknownParameter(name)) { try ReportQuery([(name, "1")]) }
    }

    @Test("switches take yes/no values only", arguments: ["maybe", "2"])
    func refusesBadSwitches(_ value: String) {
        #expect(throws: ReportQuery.Problem.badValue("breakdown", value)) { try ReportQuery([("breakdown", value)]) }
    }

    @Test("money is $1,234.56: two decimals, half away from zero, thousands separators",
          arguments: [(1234.565, "$1,234.57"), (0, "$0.00"), (0.005, "$0.01"), (1_000_000, "$1,000,000.00"),
                      (999.994, "$999.99"), (-12.5, "-$12.50"), (429.23599539999987, "$429.24")])
    func money(_ value: Double, _ text: String) { #expect(webMoney(value) == text) }

    @Test("loopback hosts", arguments: [("127.0.0.1", true), ("localhost", true), ("::1", true), ("[::1]", true),
                                         ("0.0.0.0", false), ("192.168.1.4", false)])
    func loopback(_ host: String, _ expected: Bool) { #expect(WebServer.isLoopback(host) == expected) }

    /// Starts `ccusage-web` on a free loopback port over a generated tree and runs Tests/web/dashboard_test.py
    /// (headless Chromium through selenium; installed by Scripts/install-deps): the API equals the CLI's JSON
    /// byte for byte for several option sets, the page shows the CLI's total, a filter changes it, a session
    /// opens its requests, a foreign Host is refused. The screenshot goes to `DASHBOARD_SCREENSHOT` if set.
    @Test("the dashboard in headless Chromium agrees with the CLI")
    func browser() throws {
        let root = try makeTemporaryDirectory("web")
        defer { removeTemporary(root) }
        let tree = root + "/tree"
        _ = try FixtureGenerator.generate(into: tree, spec: FixtureSpec(seed: 19, targetBytes: 3_000_000, days: 45))
        let env = childEnvironment(["CLAUDE_CONFIG_DIR": tree, "XDG_CACHE_HOME": root + "/cache",
                                    "CCUSAGE_OFFLINE": "1", "HOME": root])
        let server = Process()
        server.executableURL = ccusageBinary.deletingLastPathComponent().appendingPathComponent("ccusage-web")
        server.arguments = ["--port", "0"]
        server.environment = env
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.standardError
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        var printed = ""
        while !printed.contains("reports cached") {   // the address, then the default page's reports cached
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let line = try #require(printed.split(separator: "\n").first { $0.hasPrefix("ccusage dashboard: ") })
        let url = String(line.dropFirst("ccusage dashboard: ".count))
        #expect(url.hasPrefix("http://127.0.0.1:"), "\(printed)")

        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("web/dashboard_test.py").path
        let shot = ProcessInfo.processInfo.environment["DASHBOARD_SCREENSHOT"] ?? root + "/dashboard.png"
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", script, url, ccusageBinary.path, shot]
        python.environment = env.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { $1 }
        let log = Pipe()
        python.standardOutput = log
        python.standardError = log
        try python.run()
        let text = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "\(text.suffix(4000))")
        #expect(text.contains("all checks passed"), "\(text.suffix(4000))")
        #expect(FileManager.default.fileExists(atPath: shot))
    }
}
