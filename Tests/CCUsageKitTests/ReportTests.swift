import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct ReportTests {
    let basic = fixturesRoot + "/basic"

    func load(_ root: String, mode: CostMode = .auto, zone: String = "UTC", raw: Bool = false) throws -> LoadedUsage {
        try UsageLoader.load(LoadOptions(mode: mode, keepRawTimestamps: raw), testEnvironment(configDir: root, zone: zone))
    }

    func options(_ zone: String, order: ReportOrder = .asc, instances: Bool = false, project: String? = nil,
                 range: DateRange = DateRange()) -> ReportOptions {
        ReportOptions(zone: ReportZone(identifier: zone)!, range: range, order: order, instances: instances, project: project)
    }

    @Test func loaderCountsWhatItSkipped() throws {
        let usage = try load(basic)
        #expect(usage.files.count == 3)
        #expect(usage.stats.malformedLines == 1)
        #expect(usage.stats.usageLines == 12)
        #expect(usage.duplicatesRemoved == 2)   // streaming copy + sidechain replay
        #expect(usage.records.count == 10)
        #expect(usage.unpricedModels == ["claude-unknown-model-9"])
    }

    @Test func dailyTotalsAreHandComputed() throws {
        let report = PeriodReport(try load(basic, mode: .calculate), period: .day, options: options("UTC"))
        #expect(report.rows.map(\.key) == ["2025-07-19", "2025-07-20", "2025-08-01", "2025-08-31", "2025-09-01"])
        let first = report.rows[0].summary
        #expect(first.tokens == TokenCounts(input: 1200, output: 450, cacheCreation: 3000, cacheRead: 10000))
        // sonnet-4: 1200×3e-6 + 450×1.5e-5 + 3000×3.75e-6 + 10000×3e-7
        #expect(abs(first.cost - (0.0036 + 0.00675 + 0.01125 + 0.003)) < 1e-12)
        let july20 = report.rows[1].summary
        // opus-4-6 fast: (10×5e-6 + 300×2.5e-5 + 1000×6.25e-6 + 2000×1e-5) × 6
        let opusFast: Double = (0.00005 + 0.0075 + 0.00625 + 0.02) * 6
        // opus-4-1 (models.dev, no tier): 50×1.5e-5 + 900×7.5e-5 + 250000×1.5e-6
        let opus41: Double = 0.00075 + 0.0675 + 0.375
        let sonnet: Double = 7 * 3e-6 + 70 * 1.5e-5
        let haiku: Double = 300 * 1e-6 + 40 * 5e-6 + 1000 * 1e-7
        let expected: Double = opusFast + opus41 + sonnet + haiku
        #expect(abs(july20.cost - expected) < 1e-12)
        #expect(july20.modelsUsed == ["claude-opus-4-1-20250805", "claude-opus-4-6-fast", "claude-sonnet-4-20250514", "claude-haiku-4-5-20251001"])
        #expect(report.rows.last?.summary.cost == 0)
    }

    @Test func autoModeUsesTheRecordedCost() throws {
        let report = PeriodReport(try load(basic, mode: .auto), period: .day, options: options("UTC"))
        let sonnet = report.rows[1].summary.breakdowns.first { $0.modelName == "claude-sonnet-4-20250514" }
        #expect(sonnet?.cost == 0.5)
        let display = PeriodReport(try load(basic, mode: .display), period: .day, options: options("UTC"))
        #expect(display.totals.cost == 0.5)
    }

    @Test func timeZonesMoveEntriesAcrossDays() throws {
        let la = PeriodReport(try load(basic), period: .day, options: options("America/Los_Angeles"))
        #expect(la.rows.map(\.key) == ["2025-07-19", "2025-07-20", "2025-08-01", "2025-08-31"])
        let tokyo = PeriodReport(try load(basic), period: .day, options: options("Asia/Tokyo"))
        #expect(tokyo.rows.map(\.key) == ["2025-07-20", "2025-08-01", "2025-09-01"])
        for report in [la, tokyo] { #expect(report.totals.tokens.total == 634_137) }
    }

    @Test func sinceUntilAndOrder() throws {
        let usage = try load(basic)
        let range = DateRange(since: CalendarDay("20250720"), until: CalendarDay("2025-08-31"))
        let report = PeriodReport(usage, period: .day, options: options("UTC", order: .desc, range: range))
        #expect(report.rows.map(\.key) == ["2025-08-31", "2025-08-01", "2025-07-20"])
        let monthly = PeriodReport(usage, period: .month, options: options("UTC", range: range))
        #expect(monthly.rows.map(\.key) == ["2025-07", "2025-08"])
        #expect(monthly.totals.cost == report.totals.cost || abs(monthly.totals.cost - report.totals.cost) < 1e-12)
    }

    @Test func sessionsFoldSubagentsAndSortByCost() throws {
        let report = SessionReport(try load(basic), zone: ReportZone(identifier: "UTC")!)
        #expect(report.rows.map(\.sessionID) == ["0a1b2c3d-1111-2222-3333-444455556666", "9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff"])
        #expect(report.rows[0].projectPath == "-Users-me-code-app")
        #expect(report.rows[0].versions == ["1.0.80", "1.0.81"])
        #expect(report.rows[0].firstDay.description == "2025-07-19")
        let asc = SessionReport(try load(basic), zone: ReportZone(identifier: "UTC")!, order: .asc)
        #expect(asc.rows.map(\.sessionID) == report.rows.map(\.sessionID).reversed())
    }

    @Test func sessionDetailFindsPathAndFieldIds() throws {
        let usage = try load(basic, raw: true)
        let detail = try #require(SessionDetail(usage, id: "0a1b2c3d-1111-2222-3333-444455556666"))
        #expect(detail.entries.count == 6)
        #expect(detail.entries.first?.record.rawTimestamp == "2025-07-19T23:55:02.000Z")
        #expect(SessionDetail(usage, id: "nope") == nil)
    }

    @Test func goldenJSON() throws {
        let usage = try load(basic)
        try expectGolden(PeriodReport(usage, period: .day, options: options("UTC")).json().rendered(), named: "daily-utc.json")
        try expectGolden(PeriodReport(usage, period: .day, options: options("America/Los_Angeles", instances: true)).json().rendered(), named: "daily-instances-la.json")
        try expectGolden(PeriodReport(usage, period: .week(startDay: 1), options: options("Asia/Tokyo")).json().rendered(), named: "weekly-monday-tokyo.json")
        try expectGolden(PeriodReport(usage, period: .month, options: options("UTC")).json(hideCost: true).rendered(), named: "monthly-nocost.json")
        try expectGolden(SessionReport(usage, zone: ReportZone(identifier: "UTC")!).json().rendered(), named: "session.json")
        let raw = try load(basic, raw: true)
        try expectGolden(SessionDetail(raw, id: "9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff")!.json().rendered(), named: "session-id.json")
        let empty = LoadedUsage()
        try expectGolden(PeriodReport(empty, period: .day, options: options("UTC")).json().rendered(), named: "daily-empty.json")
    }

    @Test func goldenTables() throws {
        let usage = try load(basic)
        let daily = PeriodReport(usage, period: .day, options: options("UTC"))
        try expectGolden(UsageTable.render(daily, RenderOptions(width: 160)), named: "daily-wide.txt")
        try expectGolden(UsageTable.render(daily, RenderOptions(width: 80)), named: "daily-compact.txt")
        try expectGolden(UsageTable.render(daily, RenderOptions(width: 160, breakdown: true)), named: "daily-breakdown.txt")
        let instances = PeriodReport(usage, period: .day, options: options("UTC", instances: true))
        try expectGolden(UsageTable.render(instances, RenderOptions(width: 160)), named: "daily-instances.txt")
        let monthly = PeriodReport(usage, period: .month, options: options("UTC"))
        try expectGolden(UsageTable.render(monthly, RenderOptions(width: 120, hideCost: true)), named: "monthly-nocost.txt")
        let sessions = SessionReport(usage, zone: ReportZone(identifier: "UTC")!)
        try expectGolden(UsageTable.render(sessions, RenderOptions(width: 160, breakdown: true)), named: "session-breakdown.txt")
        try expectGolden(UsageTable.render(sessions, RenderOptions(width: 90)), named: "session-compact.txt")
    }

    @Test func colouredTablesCarryANSICodesOnlyWhenAsked() throws {
        let daily = PeriodReport(try load(basic), period: .day, options: options("UTC"))
        #expect(UsageTable.render(daily, RenderOptions(style: TerminalStyle(colors: true))).contains("\u{1B}[36m"))
        #expect(!UsageTable.render(daily, RenderOptions()).contains("\u{1B}"))
        #expect(TerminalStyle.decide(flag: nil, environment: ["NO_COLOR": ""], isTTY: true) == .plain)
        #expect(TerminalStyle.decide(flag: nil, environment: ["FORCE_COLOR": "1"], isTTY: false).colors)
        #expect(!TerminalStyle.decide(flag: true, environment: ["NO_COLOR": "1"], isTTY: true).colors)
    }
}

@Suite struct DiscoveryTests {
    @Test func findsNestedFilesAndDerivesSessions() throws {
        let root = try makeTree([
            "p/s1.jsonl": [line(id: "a")],
            "p/s1/subagents/agent-1.jsonl": [line(id: "b")],
            "p/.hidden/x.jsonl": [line(id: "c")],
            "p/notes.txt": ["ignored"],
        ])
        defer { removeTemporary(root) }
        var problems: [LoadProblem] = []
        let files = Discovery.transcripts(in: [root], problems: &problems)
        #expect(files.count == 3)
        #expect(Set(files.map(\.sessionID)) == [".hidden", "s1"])
        #expect(files.allSatisfy { $0.projectPath == "p" && $0.project == "p" })
    }

    @Test func claudeConfigDirIsExclusiveAndValidated() throws {
        let root = try makeTree(["p/s.jsonl": [line()]])
        defer { removeTemporary(root) }
        var problems: [LoadProblem] = []
        let env = testEnvironment(configDir: " \(root)/projects , /does/not/exist,")
        #expect(try Discovery.baseDirectories(env, problems: &problems) == [root])
        #expect(problems.count == 1 && problems[0].path == "/does/not/exist")
        #expect(throws: NoDataDirectoryError.self) {
            var p: [LoadProblem] = []
            _ = try Discovery.baseDirectories(testEnvironment(configDir: "/does/not/exist"), problems: &p)
        }
    }

    @Test func singleThreadAndParallelAgree() throws {
        var files: [String: [String]] = [:]
        for f in 0..<40 {
            files["p\(f % 3)/s\(f).jsonl"] = (0..<50).map { i in
                line(id: "m\((f * 50 + i) % 700)", request: "r\(i % 7)", output: (f * 31 + i) % 97,
                     time: "2025-07-\(10 + i % 9)T1\(i % 10):00:00Z", sidechain: i % 11 == 0)
            }
        }
        let root = try makeTree(files)
        defer { removeTemporary(root) }
        let env = testEnvironment(configDir: root)
        let one = try UsageLoader.load(LoadOptions(singleThread: true), env)
        let many = try UsageLoader.load(LoadOptions(singleThread: false), env)
        #expect(one.records == many.records)
        #expect(one.duplicatesRemoved == many.duplicatesRemoved)
    }
}

@Suite struct DebugReportTests {
    @Test func pricingMismatchesAreCountedAndSampled() throws {
        let usage = try UsageLoader.load(LoadOptions(), testEnvironment(configDir: fixturesRoot + "/basic"))
        let report = PricingMismatchReport(usage, prices: .embedded)
        #expect(report.total == 1 && report.matches == 0)
        #expect(report.samples.first?.recorded == 0.5)
        #expect(abs((report.samples.first?.calculated ?? 0) - (7 * 3e-6 + 70 * 1.5e-5)) < 1e-12)
        let text = report.render()
        #expect(text.contains("=== Pricing Mismatch Debug Report ===") && text.contains("Match rate: 0.00%"))
        #expect(text.contains("0a1b2c3d-1111-2222-3333-444455556666.jsonl"))
        #expect(usage.skipped.count == 1 && usage.skipped[0].malformed == 1 && usage.skipped[0].offsets.count == 1)
        let none = PricingMismatchReport(LoadedUsage(), prices: .embedded)
        #expect(none.render() == "No pricing data found to analyze.\n")
    }
}
