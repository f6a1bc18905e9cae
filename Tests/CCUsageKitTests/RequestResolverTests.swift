import Foundation
import Testing
@testable import CCUsageKit

/// `RequestResolver` is a pure function: flags > environment > config file > defaults, checked without a
/// process, a file or a terminal.
@Suite struct RequestResolverTests {
    func env(_ variables: [String: String] = [:]) throws -> Environment {
        Environment(variables: variables, home: "/home/me", currentDirectory: "/work", now: 1_767_225_600_000,
                    timeZone: try #require(TimeZone(identifier: "Europe/Berlin")))
    }

    func config(_ values: [String: ConfigValue]) -> ConfigLayer { ConfigLayer(values: values) }

    func resolve(_ command: String = "daily", flags: RequestFlags = RequestFlags(), config: [String: ConfigValue] = [:],
                 env variables: [String: String] = [:], target: OutputTarget = OutputTarget()) throws -> ReportRequest {
        try RequestResolver.resolve(command, flags: flags, config: self.config(config), env: try env(variables),
                                    target: target)
    }

    @Test func defaultsWithNothingGiven() throws {
        let request = try resolve()
        #expect(request.kind == .daily && request.command == "daily" && request.agents == ["claude"])
        #expect(request.zone.identifier == "Europe/Berlin")
        #expect(request.mode == .auto && request.order == nil && request.range == DateRange())
        #expect(!request.output.json && request.output.jq == nil && !request.output.render.style.colors)
        #expect(request.output.render.width == 120 && request.output.render.showTitle)
        #expect(!request.pricing.offline && request.pricing.overrides.isEmpty)
        #expect(request.caching == .init(directory: "/home/me/.cache/ccusage",
                                         archivePath: "/home/me/.local/share/ccusage/archive.sqlite"))
        #expect(request.diagnostics == ReportRequest.Diagnostics())
    }

    @Test func theZoneComesFromTheFlagThenTZThenTheConfigThenTheSystem() throws {
        var flags = RequestFlags()
        flags.timezone = "Asia/Tokyo"
        let zone: [String: ConfigValue] = ["timezone": .string("America/Los_Angeles")]
        #expect(try resolve(flags: flags, config: zone, env: ["TZ": "UTC"]).zone.identifier == "Asia/Tokyo")
        // A set TZ is the system zone (the C library reads it): the config file's zone does not apply.
        #expect(try resolve(config: zone, env: ["TZ": "UTC"]).zone.identifier == "Europe/Berlin")
        #expect(try resolve(config: zone, env: ["TZ": " "]).zone.identifier == "America/Los_Angeles")
        #expect(try resolve().zone.identifier == "Europe/Berlin")
        flags.timezone = "Mars/Olympus"
        #expect(throws: RequestError("Unknown time zone 'Mars/Olympus'. Use an IANA name such as America/New_York or Asia/Tokyo.")) {
            try resolve(flags: flags)
        }
    }

    @Test func offlineComesFromTheFlagThenTheEnvironmentThenTheConfig() throws {
        var flags = RequestFlags()
        flags.offline = false
        #expect(try !resolve(flags: flags, config: ["offline": .bool(true)], env: ["CCUSAGE_OFFLINE": "1"]).pricing.offline)
        #expect(try resolve(config: ["offline": .bool(false)], env: ["CCUSAGE_OFFLINE": "yes"]).pricing.offline)
        #expect(try !resolve(config: ["offline": .bool(true)], env: ["CCUSAGE_OFFLINE": "0"]).pricing.offline)
        #expect(try resolve(config: ["offline": .bool(true)]).pricing.offline)
        #expect(try !resolve(config: ["noOffline": .bool(true)]).pricing.offline)
        // Display mode never needs prices, whatever was asked.
        flags.mode = .display
        #expect(try resolve(flags: flags).pricing.offline)
    }

    @Test func flagsBeatTheConfigFileAndTheConfigFileBeatsDefaults() throws {
        let file: [String: ConfigValue] = ["mode": .string("calculate"), "order": .string("desc"), "since": .string("20250701"),
                                           "breakdown": .bool(true), "jq": .string(".totals"), "debugSamples": .int(2),
                                           "instances": .bool(true), "project": .string("api")]
        let fromFile = try resolve(config: file)
        #expect(fromFile.mode == .calculate && fromFile.order == .desc && fromFile.range.since == CalendarDay("20250701"))
        #expect(fromFile.output.render.breakdown && fromFile.output.json && fromFile.output.jq == ".totals")
        #expect(fromFile.diagnostics.samples == 2 && fromFile.grouping == .init(instances: true, project: "api"))
        var flags = RequestFlags()
        flags.mode = .auto; flags.order = .asc; flags.since = CalendarDay("20250801"); flags.project = "web"
        let fromFlags = try resolve(flags: flags, config: file)
        #expect(fromFlags.mode == .auto && fromFlags.order == .asc && fromFlags.range.since == CalendarDay("20250801"))
        #expect(fromFlags.grouping.project == "web")
        // Grouping is for date reports only.
        #expect(try resolve("session", config: file).grouping == .init())
    }

    @Test func sinceAfterUntilIsRefusedOnceWhereverTheDatesCameFrom() throws {
        var flags = RequestFlags()
        flags.until = CalendarDay("20250601")
        #expect(throws: RequestError("--since 2025-07-01 is after --until 2025-06-01.")) {
            try resolve(flags: flags, config: ["since": .string("2025-07-01")])
        }
    }

    @Test func cachingFollowsNoCacheDebugAndTheArchiveSwitches() throws {
        #expect(try resolve(env: ["CCUSAGE_NO_CACHE": "true"]).caching.directory == nil)
        #expect(try resolve(config: ["noCache": .bool(true)]).caching.directory == nil)
        #expect(try resolve(config: ["noCache": .bool(true)], env: ["CCUSAGE_NO_CACHE": "0"]).caching.directory != nil)
        #expect(try resolve(config: ["debug": .bool(true)]).caching.directory == nil)
        #expect(try resolve(env: ["XDG_CACHE_HOME": "/c"]).caching.directory == "/c/ccusage")
        var flags = RequestFlags()
        flags.noArchive = true
        #expect(try resolve(flags: flags).caching.archivePath == nil)
        #expect(try resolve(env: ["CCUSAGE_NO_ARCHIVE": "1"]).caching.archivePath == nil)
    }

    @Test func outputStyleAndLogLevel() throws {
        #expect(try resolve(target: OutputTarget(isTerminal: true, width: 90)).output.render.style.colors)
        #expect(try resolve(env: ["NO_COLOR": "1"], target: OutputTarget(isTerminal: true)).output.render.style.colors == false)
        #expect(try resolve(config: ["noColor": .bool(true)], target: OutputTarget(isTerminal: true)).output.render.style.colors == false)
        #expect(try resolve(config: ["color": .bool(true)]).output.render.style.colors)
        #expect(try resolve(target: OutputTarget(width: 90)).output.render.compact)
        let quiet = try resolve(env: ["LOG_LEVEL": "0"])
        #expect(quiet.diagnostics.quiet && !quiet.output.render.showTitle)
        #expect(try resolve(env: ["LOG_LEVEL": "4"]).diagnostics.verbose)
        var flags = RequestFlags()
        flags.projectAliases = "a=Flag"
        let aliases = try resolve(flags: flags, config: ["projectAliases": .string("a=File,b=File")],
                                  env: ["CCUSAGE_PROJECT_ALIASES": "b=Env"])
        #expect(aliases.output.render.projectAliases == ["a": "Flag", "b": "Env"])
    }

    @Test func blocksOptionsAreTyped() throws {
        var flags = RequestFlags()
        flags.tokenLimit = "500000"
        flags.active = true
        let blocks = try resolve("blocks", flags: flags, config: ["sessionLength": .number(3), "live": .bool(true)])
        #expect(blocks.kind == .blocks && blocks.blocks.tokenLimit == .tokens(500_000) && blocks.blocks.active)
        #expect(blocks.blocks.hours == 3 && blocks.blocks.live && !blocks.blocks.recent)
        #expect(try resolve("blocks", config: ["tokenLimit": .string("max")]).blocks.tokenLimit == .largestBlock)
        #expect(try resolve("blocks").blocks.tokenLimit == nil)
        #expect(TokenLimit("") == .largestBlock && TokenLimit("-1") == nil && TokenLimit("12")?.text == "12")
        flags.tokenLimit = "lots"
        #expect(throws: RequestError("--token-limit must be a whole number or 'max', got 'lots'.")) {
            try resolve("blocks", flags: flags)
        }
    }

    @Test func otherAgentsReportsAndWeeklyAndSessionChoices() throws {
        let codex = try resolve("codex monthly")
        #expect(codex.kind == .monthly && codex.agents == ["codex"] && codex.command == "codex monthly")
        #expect(try resolve("weekly", config: ["startOfWeek": .string("friday")]).startOfWeek == .friday)
        var flags = RequestFlags()
        flags.sessionID = "abc"
        #expect(try resolve("session", flags: flags, config: ["id": .string("zzz")]).sessionID == "abc")
        #expect(try resolve("session", config: ["id": .string("zzz")]).sessionID == "zzz")
    }

    @Test func pricingOverridesAreValidatedOnce() throws {
        let good: [String: ConfigValue] = ["pricingOverrides": .object(["m": .object(["inputCostPerToken": .number(1e-6)])])]
        #expect(try resolve(config: good).pricing.overrides == ["m": ["inputCostPerToken": 1e-6]])
        let bad: [String: ConfigValue] = ["pricingOverrides": .object(["m": .object(["inputCostPerToken": .string("x")])])]
        #expect(throws: RequestError.self) { try resolve(config: bad) }
    }

    @Test("other agents' requests are typed: whose usage, Codex's speed, path flags, the unified sections")
    func agentRequests() throws {
        let codex = try resolve("codex daily", config: ["speed": .string("fast")])
        #expect(codex.scope == .codex && codex.kind == .daily && codex.agentChoice.speed == .fast)
        var flags = RequestFlags()
        flags.speed = .standard
        #expect(try resolve("codex monthly", flags: flags, config: ["speed": .string("fast")]).agentChoice.speed == .standard)
        #expect(try resolve("codex session").agentChoice.speed == .auto)

        #expect(try resolve("gemini daily").scope == .agent("gemini"))
        #expect(try resolve("daily").scope == .claude)
        let pi = try resolve("pi session", config: ["piPath": .string("/from/config")])
        #expect(pi.scope == .agent("pi") && pi.kind == .session && pi.agentChoice.paths == ["pi-path": "/from/config"])
        flags = RequestFlags()
        flags.agentPaths = ["pi-path": "/from/flag"]
        #expect(try resolve("pi daily", flags: flags, config: ["piPath": .string("/from/config")]).agentChoice.paths
                == ["pi-path": "/from/flag"])
        #expect(try resolve("gemini daily", flags: flags).agentChoice.paths.isEmpty)   // pi's flag is pi's only

        flags = RequestFlags()
        flags.all = true
        flags.byAgent = true
        flags.sections = [.session, .weekly, .monthly]
        let unified = try resolve("monthly", flags: flags)
        #expect(unified.scope == .unified && unified.agents == ReportRequest.everyAgent)
        #expect(unified.agentChoice.byAgent && unified.agentChoice.sections == [.monthly, .weekly, .session])
        #expect(try resolve("weekly").agentChoice.sections == [.weekly] && !resolve("weekly").agentChoice.byAgent)
    }
}
