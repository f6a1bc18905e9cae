import CCUsageKit
@testable import CCUsageMCP
import CCUsageTestSupport
import Foundation
import MCP
import Testing

private let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
private let basicFixture = testsDirectory.appendingPathComponent("Fixtures/basic").path

/// The fixture tree as the server would see it, with a fixed clock and the embedded prices.
private func fixtureEnvironment(_ dir: String = basicFixture) throws -> Environment {
    Environment(variables: ["CLAUDE_CONFIG_DIR": dir, "CCUSAGE_OFFLINE": "1", "CCUSAGE_NO_ARCHIVE": "1"],
                home: "/nonexistent-home",
                now: 1_767_225_600_000, timeZone: try #require(TimeZone(identifier: "UTC")))
}

private func text(_ result: CallTool.Result) -> String? {
    guard result.content.count == 1, case .text(let text, _, _) = result.content[0] else { return nil }
    return text
}

@Suite(.serialized) struct MCPTests {
    /// The real client: the MCP Python SDK drives `ccusage mcp` and compares every answer with the CLI's
    /// `--json`. Needs python3 with the `mcp` package (Scripts/install-deps installs it); without it, this fails.
    @Test func pythonMCPClientAgreesWithTheCLI() throws {
        let binary = ccusageBinary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "ccusage binary not found at \(binary.path)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", testsDirectory.appendingPathComponent("mcp/client.py").path, binary.path]
        process.environment = ProcessInfo.processInfo.environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let log = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, """
            Tests/mcp/client.py failed (exit \(process.terminationStatus)). If python3 or its `mcp` package is \
            missing, run Scripts/install-deps.
            \(log)
            """)
        #expect(log.contains("0 failed"))
    }

    /// With a config file, every tool answers what `ccusage <tool> --json` prints: both read the file through
    /// the same resolver and build the report through the same service.
    @Test("MCP equals the CLI's --json with a config file", arguments: [
        ("daily", [:]), ("weekly", [:]), ("monthly", ["order": "asc"]), ("session", [:]), ("blocks", [:]),
        ("daily", ["mode": "calculate", "breakdown": true]),
    ] as [(String, [String: Value])])
    func configFileReachesTheTools(_ tool: String, _ arguments: [String: Value]) throws {
        let root = try makeTemporaryDirectory("ccusage-mcp-config")
        defer { removeTemporary(root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/projects", withDestinationPath: basicFixture + "/projects")
        let config = #"{"defaults": {"timezone": "Asia/Tokyo", "order": "desc", "noCost": true, "mode": "display"},"#
            + #" "commands": {"weekly": {"startOfWeek": "monday"}, "blocks": {"sessionLength": 3, "tokenLimit": "max"}}}"#
        try Data(config.utf8).write(to: URL(fileURLWithPath: root + "/ccusage.json"))
        let variables = ["CLAUDE_CONFIG_DIR": root, "CCUSAGE_OFFLINE": "1", "CCUSAGE_NO_ARCHIVE": "1", "TZ": "",
                         "CCUSAGE_NOW": "1767225600000", "XDG_CACHE_HOME": root + "/cache"]
        let env = Environment(variables: variables, home: "/nonexistent-home", now: 1_767_225_600_000,
                              timeZone: try #require(TimeZone(identifier: "UTC")))
        let result = CCUsageMCPServer.call(CallTool.Parameters(name: tool, arguments: arguments), environment: env)
        var flags = [tool, "--json"]
        for (key, value) in arguments.sorted(by: { $0.key < $1.key }) {
            switch value {
            case .bool(true): flags.append("--" + key)
            case .string(let text): flags += ["--" + key, text]
            default: Issue.record("unexpected argument \(key)")
            }
        }
        let cli = try runCLI(flags, env: variables)
        #expect(cli.code == 0, "\(cli.err)")
        #expect(result.isError != true, "\(text(result) ?? "")")
        #expect(try #require(text(result)) + "\n" == cli.out)
        // The file took effect: no costs, and the zone, order and mode are the file's unless an argument says otherwise.
        if tool != "blocks" { #expect(!cli.out.contains("Cost") && !cli.out.contains("cost")) }   // blocks JSON keeps costs
        let request = try ToolRequest(tool: tool, arguments: arguments).request(env)
        #expect(request.zone.identifier == "Asia/Tokyo" && request.output.render.hideCost)
        #expect(request.mode == (arguments["mode"] == nil ? .display : .calculate))
        if tool == "blocks" { #expect(request.blocks.hours == 3 && request.blocks.tokenLimit == .largestBlock) }
        if tool == "weekly" { #expect(request.startOfWeek == .monday) }
    }

    @Test func theOfflineArgumentTakesEffect() throws {
        let env = try fixtureEnvironment()   // CCUSAGE_OFFLINE=1
        #expect(try ToolRequest(tool: "daily", arguments: nil).request(env).pricing.offline)
        #expect(try !ToolRequest(tool: "daily", arguments: ["offline": false]).request(env).pricing.offline)
        var online = env
        online.variables["CCUSAGE_OFFLINE"] = nil
        #expect(try !ToolRequest(tool: "daily", arguments: nil).request(online).pricing.offline)
        #expect(try ToolRequest(tool: "daily", arguments: ["offline": true]).request(online).pricing.offline)
    }

    @Test func argumentsMapToReportOptions() throws {
        let daily = try ToolRequest(tool: "daily", arguments: [
            "since": "20250720", "until": "2025-08-31", "mode": "calculate", "timezone": "Asia/Tokyo",
            "order": "desc", "breakdown": true, "offline": true,
        ])
        #expect(daily.tool == .daily)
        #expect(daily.range == DateRange(since: CalendarDay("2025-07-20"), until: CalendarDay("20250831")))
        #expect(daily.mode == .calculate && daily.order == .desc && daily.breakdown && daily.offline)
        #expect(daily.zone?.identifier == "Asia/Tokyo")
        #expect(daily.loadOptions.mode == .calculate && !daily.loadOptions.keepRawTimestamps)

        let defaults = try ToolRequest(tool: "weekly", arguments: nil, defaultMode: .display)
        #expect(defaults.mode == .display && defaults.order == nil && defaults.zone == nil)
        #expect(defaults.startOfWeek == .sunday && defaults.range == DateRange())
        #expect(try ToolRequest(tool: "weekly", arguments: ["startOfWeek": "saturday"]).startOfWeek.index == 6)

        let blocks = try ToolRequest(tool: "blocks", arguments: [
            "active": true, "recent": false, "tokenLimit": "max", "sessionLength": 2.5, "since": .null,
        ])
        #expect(blocks.active && !blocks.recent && blocks.tokenLimit == "max" && blocks.sessionLength == 2.5)
        #expect(blocks.range.since == nil)
        #expect(try ToolRequest(tool: "blocks", arguments: ["sessionLength": 3, "tokenLimit": 500_000]).sessionLength == 3)
        #expect(try ToolRequest(tool: "blocks", arguments: ["tokenLimit": 500_000]).tokenLimit == "500000")

        let detail = try ToolRequest(tool: "session", arguments: ["id": "abc"])
        #expect(detail.sessionID == "abc" && detail.loadOptions.keepRawTimestamps)
    }

    @Test("bad arguments are refused with a message", arguments: [
        ("daily", ["since": "2025-13-01"], "Date must be in YYYYMMDD format"),
        ("daily", ["since": 20250801], "Argument 'since' must be a string, got the number 20250801."),
        ("daily", ["since": "20250802", "until": "20250801"], "since 2025-08-02 is after until 2025-08-01."),
        ("daily", ["timezone": "Mars/Olympus"], "Unknown time zone 'Mars/Olympus'"),
        ("daily", ["mode": "cheap"], "must be one of auto, calculate, display, got 'cheap'"),
        ("daily", ["order": ["asc"]], "Argument 'order' must be a string, got an array."),
        ("daily", ["offline": "yes"], "Argument 'offline' must be a boolean"),
        ("monthly", ["id": "x"], "Unknown argument 'id' for tool monthly"),
        ("weekly", ["startOfWeek": "funday"], "must be one of sunday, monday"),
        ("blocks", ["sessionLength": 0], "Session length must be a positive number, got the number 0."),
        ("blocks", ["sessionLength": -1.5], "Session length must be a positive number"),
        ("blocks", ["sessionLength": "5"], "Argument 'sessionLength' must be a number"),
        ("blocks", ["tokenLimit": "lots"], "Argument 'tokenLimit' must be a whole number or 'max'"),
        ("blocks", ["tokenLimit": -3], "Argument 'tokenLimit' must be a whole number or 'max'"),
        ("yearly", [:], "Unknown tool 'yearly'"),
        ("daily", ["user": "alice"], "Argument 'user' needs team: true"),
        ("weekly", ["groupBy": "machine"], "Argument 'groupBy' needs team: true"),
        ("session", ["team": true, "groupBy": "user"], "Unknown argument 'groupBy' for tool session"),
        ("daily", ["team": true, "groupBy": "project"], "must be one of user, machine, got 'project'"),
        ("daily", ["team": "yes"], "Argument 'team' must be a boolean"),
    ] as [(String, [String: Value], String)])
    func badArguments(_ tool: String, _ arguments: [String: Value], _ message: String) throws {
        let result = CCUsageMCPServer.call(CallTool.Parameters(name: tool, arguments: arguments),
                                           environment: try fixtureEnvironment())
        #expect(result.isError == true)
        #expect(text(result)?.contains(message) == true, "\(text(result) ?? "no text")")
    }

    @Test("agent codex and all: the Codex and unified reports; unsupported pairs are tool errors")
    func agents() throws {
        let codexHome = testsDirectory.appendingPathComponent("Fixtures/real/codex/blubber-dotfiles").path
        var env = try fixtureEnvironment()
        env.variables["CODEX_HOME"] = codexHome
        let result = CCUsageMCPServer.call(CallTool.Parameters(name: "monthly", arguments: ["agent": "codex"]),
                                           environment: env)
        let load = CodexSource.load(env)
        let report = load.report(.monthly, options: CodexReportOptions(zone: ReportZone(env.timeZone)),
                                 pricing: CodexPricing(table: .embedded))
        #expect(result.isError != true)
        #expect(text(result) == ReferenceJSON.render(report.json()))
        let cli = try runCLI(["codex", "monthly", "--json", "-z", "UTC"],
                             env: env.variables.merging(["CCUSAGE_NOW": "1767225600000", "TZ": ""]) { $1 })
        #expect(text(result).map { $0 + "\n" } == cli.out)
        let all = CCUsageMCPServer.call(CallTool.Parameters(name: "weekly", arguments: ["agent": "all"]), environment: env)
        #expect(all.isError != true)
        #expect(text(all)?.contains("\"agents\": [\n") == true && text(all)?.contains("\"codex\"") == true)
        for (tool, agent, message) in [("weekly", "codex", "The \"weekly\" report is not available for Codex usage."),
                                       ("blocks", "all", "The \"blocks\" report is only available for Claude Code usage.")] {
            let refused = CCUsageMCPServer.call(CallTool.Parameters(name: tool, arguments: ["agent": .string(agent)]),
                                                environment: env)
            #expect(refused.isError == true && text(refused)?.hasPrefix(message) == true, "\(text(refused) ?? "")")
        }
    }

    /// Codex and the unified report go through the same service as the CLI: a config file's `noCost`, zone and
    /// `codex.commands.daily.speed` reach the tools too.
    @Test("MCP agent codex and all equal the CLI's --json with a config file", arguments: [
        ("daily", "codex"), ("session", "codex"), ("daily", "all"), ("monthly", "all"),
    ])
    func configFileReachesCodexAndAll(_ tool: String, _ agent: String) throws {
        let root = try makeTemporaryDirectory("ccusage-mcp-codex-config")
        defer { removeTemporary(root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/projects", withDestinationPath: basicFixture + "/projects")
        let config = #"{"defaults": {"noCost": true, "order": "desc"}, "codex": {"defaults": {"timezone": "Asia/Tokyo"},"#
            + #" "commands": {"daily": {"speed": "fast"}}}}"#
        try Data(config.utf8).write(to: URL(fileURLWithPath: root + "/ccusage.json"))
        let variables = ["CLAUDE_CONFIG_DIR": root, "CCUSAGE_OFFLINE": "1", "CCUSAGE_NO_ARCHIVE": "1", "TZ": "",
                         "CCUSAGE_NOW": "1767225600000", "XDG_CACHE_HOME": root + "/cache",
                         "CODEX_HOME": testsDirectory.appendingPathComponent("Fixtures/real/codex/blubber-dotfiles").path]
        let env = Environment(variables: variables, home: "/nonexistent-home", now: 1_767_225_600_000,
                              timeZone: try #require(TimeZone(identifier: "UTC")))
        let cli = try runCLI(agent == "codex" ? ["codex", tool, "--json"] : [tool, "--all", "--json"], env: variables)
        #expect(cli.code == 0, "\(cli.err)")
        #expect(!cli.out.lowercased().contains("cost"))   // the file's noCost took effect
        // Twice: the second call is answered from the report cache the first one (or the CLI) wrote.
        for _ in 0..<2 {
            let result = CCUsageMCPServer.call(CallTool.Parameters(name: tool, arguments: ["agent": .string(agent)]),
                                               environment: env)
            #expect(result.isError != true, "\(text(result) ?? "")")
            #expect(try #require(text(result)) + "\n" == cli.out)
        }
    }

    @Test("agent all: every other agent is in the unified report, as in `ccusage daily --all --json`")
    func allIncludesTheOtherAgents() throws {
        let agents = testsDirectory.appendingPathComponent("Fixtures/agents").path
        let variables = ["CLAUDE_CONFIG_DIR": basicFixture, "CCUSAGE_OFFLINE": "1", "CCUSAGE_NO_ARCHIVE": "1",
                         "TZ": "", "CCUSAGE_NOW": "1767225600000", "GEMINI_DATA_DIR": agents + "/gemini",
                         "QWEN_DATA_DIR": agents + "/qwen", "AMP_DATA_DIR": agents + "/amp"]
        let env = Environment(variables: variables, home: "/nonexistent-home", now: 1_767_225_600_000,
                              timeZone: try #require(TimeZone(identifier: "UTC")))
        let result = CCUsageMCPServer.call(CallTool.Parameters(name: "daily", arguments: ["agent": "all"]), environment: env)
        let cli = try runCLI(["daily", "--all", "--json", "-z", "UTC"], env: variables)
        #expect(cli.code == 0, "\(cli.err)")
        let out = try #require(text(result))
        for agent in ["\"gemini\"", "\"qwen\"", "\"amp\"", "\"claude\""] { #expect(out.contains(agent), "\(agent)") }
        #expect(out + "\n" == cli.out)
    }

    @Test func unknownSessionAndMissingDataAreToolErrors() throws {
        let unknown = CCUsageMCPServer.call(CallTool.Parameters(name: "session", arguments: ["id": "nope"]),
                                            environment: try fixtureEnvironment())
        #expect(unknown.isError == true && text(unknown) == "No session found with ID: nope.")
        let missing = CCUsageMCPServer.call(CallTool.Parameters(name: "daily"),
                                            environment: try fixtureEnvironment("/nonexistent/claude"))
        #expect(missing.isError == true)
        #expect(text(missing)?.contains("CLAUDE_CONFIG_DIR") == true && text(missing)?.contains("/nonexistent/claude") == true)
    }

    @Test func callReturnsTheReportJSONAsTextAndStructuredContent() throws {
        let env = try fixtureEnvironment()
        let result = CCUsageMCPServer.call(CallTool.Parameters(name: "monthly", arguments: ["order": "desc"]), environment: env)
        let usage = try UsageLoader.load(LoadOptions(mode: .auto), env)
        let expected = PeriodReport(usage, period: .month, options: ReportOptions(zone: ReportZone(env.timeZone), order: .desc))
            .json().rendered()
        #expect(result.isError != true)
        #expect(text(result) == expected)
        let decoded = try JSONDecoder().decode(Value.self, from: Data(expected.utf8))
        #expect(result.structuredContent == decoded)
    }

    @Test("team arguments become `ccusage <tool> --team --json` with the same options")
    func teamArgumentsMapToTheCLI() throws {
        let daily = try ToolRequest(tool: "daily", arguments: [
            "team": true, "since": "2025-06-01", "until": "20250630", "timezone": "Asia/Tokyo", "order": "desc",
            "breakdown": true, "user": "alice", "machine": "m1", "groupBy": "user",
        ], defaultMode: .calculate)
        #expect(TeamCall.arguments(daily) == ["daily", "--team", "--json", "--since=2025-06-01", "--until=2025-06-30",
                                              "--timezone=Asia/Tokyo", "--mode=calculate", "--order=desc", "--breakdown",
                                              "--user=alice", "--machine=m1", "--by-user"])
        let blocks = try ToolRequest(tool: "blocks", arguments: ["team": true, "tokenLimit": "max", "sessionLength": 2.5,
                                                                 "recent": true, "mode": "display"])
        #expect(TeamCall.arguments(blocks) == ["blocks", "--team", "--json", "--mode=display", "--recent",
                                               "--token-limit=max", "--session-length=2.5"])
        // Passed on so ccusage-team refuses them with the CLI's own message.
        let all = try ToolRequest(tool: "monthly", arguments: ["team": true, "agent": "all"])
        #expect(TeamCall.arguments(all) == ["monthly", "--all", "--team", "--json"])
    }

    /// Tests/team/serve_check.py mcp: `ccusage-mcp` tools with `team: true` against a throwaway PostgreSQL
    /// server equal `ccusage <tool> --team --json`; refused options and a wrong password are one-line tool errors.
    @Test func teamToolsOnARealServer() throws {
        guard postgresInstalled() else {
            Issue.record("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb or no psql): run Scripts/install-deps.")
            return
        }
        try expectScriptAgrees(testsDirectory.appendingPathComponent("team/serve_check.py").path, arguments: ["mcp"])
    }

    @Test func inMemoryClientListsToolsAndCallsThem() async throws {
        let env = try fixtureEnvironment()
        let server = await CCUsageMCPServer.makeServer(version: "9.9.9", environment: { env })
        let (clientSide, serverSide) = await InMemoryTransport.createConnectedPair()
        try await server.start(transport: serverSide)
        let client = Client(name: "tests", version: "1")
        let info = try await client.connect(transport: clientSide)
        #expect(info.serverInfo.name == "ccusage" && info.serverInfo.version == "9.9.9")

        let tools = try await client.listTools().tools
        #expect(tools.map(\.name) == ["daily", "weekly", "monthly", "session", "blocks"])
        let blocksSchema = try #require(tools.last?.inputSchema.objectValue?["properties"]?.objectValue)
        #expect(Set(blocksSchema.keys) == ["agent", "since", "until", "mode", "timezone", "offline", "order", "breakdown",
                                           "team", "user", "machine", "active", "recent", "tokenLimit", "sessionLength"])

        let (content, isError) = try await client.callTool(name: "blocks", arguments: ["timezone": "UTC", "sessionLength": 3])
        let usage = try UsageLoader.load(LoadOptions(), env)
        let expected = BlocksReport(usage, options: BlocksOptions(zone: ReportZone(env.timeZone), hours: 3, now: env.now))
            .json().rendered()
        #expect(isError != true)
        #expect(content == [.text(text: expected, annotations: nil, _meta: nil)])

        let bad = try await client.callTool(name: "blocks", arguments: ["sessionLength": -1])
        #expect(bad.isError == true)
        await client.disconnect()
        await server.stop()
    }
}
