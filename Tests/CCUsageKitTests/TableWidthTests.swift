import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

/// Tables at 60–160 columns on data with totals in the hundreds of millions, long model names and Windows
/// project folders: every line fits when the compact layout can, and every number, date and id is whole.
@Suite struct TableWidthTests {
    static let widths = [60, 80, 100, 120, 160]
    static let zone = ReportZone(identifier: "UTC")!
    /// 45 minutes after the last entry: the last block is active (REMAINING and PROJECTED rows).
    static let now = Timestamp.parse("2025-11-04T02:30:00.000Z")!

    static let files: [String: [String]] = [
        "C--Users-dev-projects-payments-api/b107a1c2-69ad-4c01-9713-b1d18013beb8.jsonl": [
            line(id: "m1", request: "r1", model: "claude-opus-4-1-20250805", input: 12_213_234, output: 12_448_901,
                 cacheCreate: 23_452_719, cacheRead: 153_176_842, time: "2025-10-01T09:00:00.000Z", cost: 1234.56),
            line(id: "m2", request: "r2", model: "claude-opus-4-6", input: 12, output: 88, cacheCreate: 1_000,
                 cacheRead: 1_250_000_000, time: "2025-10-01T10:30:00.000Z", speed: "fast", cost: 987.65),
            line(id: "m3", request: "r3", model: "claude-3-7-sonnet-latest", input: 45, output: 9_876,
                 cacheRead: 3_000_000, time: "2025-10-02T08:00:00.000Z", cost: 12.5),
        ],
        "-Users-dev-code-web/5c9d0e11-2f4a-4b6c-8d7e-90a1b2c3d4e5.jsonl": [
            line(id: "m4", request: "r4", model: "claude-sonnet-4-5-20250929", input: 7, output: 12,
                 time: "2025-10-15T12:00:00.000Z", cost: 0.01),
            line(id: "m5", request: "r5", model: "claude-haiku-4-5-20251001", input: 31_337, output: 120_000,
                 cacheCreate: 4_500_000, cacheRead: 98_000_000, time: "2025-11-03T22:10:00.000Z", cost: 45),
        ],
        "C--Users-dev-AppData-Local-Temp-scratch-experiments/0f3e9a77-5b21-4d8e-a1c3-7e2f90d4c6ab.jsonl": [
            line(id: "m6", request: "r6", model: "claude-opus-4-1-20250805", input: 250_000, output: 1_000_000,
                 cacheCreate: 10_000_000, cacheRead: 120_000_000, time: "2025-11-04T01:00:00.000Z", cost: 4321.09),
            line(id: "m7", request: "r7", model: "claude-3-7-sonnet-latest", input: 9, output: 99, cacheCreate: 100,
                 cacheRead: 5_000, time: "2025-11-04T01:45:00.000Z", cost: 0.02),
        ],
    ]

    func load() throws -> LoadedUsage {
        let root = try makeTree(Self.files)
        defer { removeTemporary(root) }
        return try UsageLoader.load(LoadOptions(mode: .auto), testEnvironment(configDir: root))
    }

    @Test func theDataIsAsLargeAsIntended() throws {
        let daily = PeriodReport(try load(), period: .day, options: ReportOptions(zone: Self.zone))
        #expect(daily.totals.tokens.total > 600_000_000)
        #expect(daily.totals.cost > 6_000)
    }

    @Test(arguments: widths) func daily(width: Int) throws {
        let report = PeriodReport(try load(), period: .day, options: ReportOptions(zone: Self.zone, instances: true))
        let options = RenderOptions(width: width)
        let output = UsageTable.render(report, options)
        try expectGolden(output, named: "width-daily-\(width).txt")
        let compact = output.contains("Running in Compact Mode")
        try checkFit(output, width: width, full: UsageTable.table(report, options, compact: false),
                     compactTable: UsageTable.table(report, options, compact: true), compact: compact)
        expectWhole(output, periodNumbers(report, compact: compact, breakdown: false))
        for project in ["payments-api", "web", "scratch-experiments"] {
            #expect(output.contains("Project: \(project)"), "project header \(project)")
        }
    }

    @Test(arguments: widths) func monthly(width: Int) throws {
        let report = PeriodReport(try load(), period: .month, options: ReportOptions(zone: Self.zone))
        let options = RenderOptions(width: width, breakdown: true)
        let output = UsageTable.render(report, options)
        try expectGolden(output, named: "width-monthly-\(width).txt")
        let compact = output.contains("Running in Compact Mode")
        try checkFit(output, width: width, full: UsageTable.table(report, options, compact: false),
                     compactTable: UsageTable.table(report, options, compact: true), compact: compact)
        expectWhole(output, periodNumbers(report, compact: compact, breakdown: true))
    }

    @Test(arguments: widths) func session(width: Int) throws {
        let report = SessionReport(try load(), zone: Self.zone)
        let options = RenderOptions(width: width, breakdown: true)
        let output = UsageTable.render(report, options)
        try expectGolden(output, named: "width-session-\(width).txt")
        let compact = output.contains("Running in Compact Mode")
        try checkFit(output, width: width, full: UsageTable.table(report, options, compact: false),
                     compactTable: UsageTable.table(report, options, compact: true), compact: compact)
        var numbers: [String] = []
        for row in report.rows {
            numbers += [row.sessionID.split(separator: "-").suffix(2).joined(separator: "-"), row.lastDay.description]
            numbers += usageNumbers(row.summary, compact: compact, breakdown: true)
        }
        numbers += totalNumbers(report.totals, compact: compact)
        expectWhole(output, numbers)
    }

    @Test(arguments: widths) func blocks(width: Int) throws {
        let report = BlocksReport(try load(), options: BlocksOptions(zone: Self.zone, now: Self.now))
        let options = RenderOptions(width: width, breakdown: true)
        let output = BlocksTable.render(report, options)
        try expectGolden(output, named: "width-blocks-\(width).txt")
        let compact = !output.contains("2025, ")
        try checkFit(output, width: width, full: BlocksTable.table(report, options, compact: false),
                     compactTable: BlocksTable.table(report, options, compact: true), compact: compact,
                     compactBelow: 120)
        let limit = try #require(report.limit)
        var numbers = [Format.integer(limit)]
        for block in report.blocks where !block.isGap {
            numbers += [Format.integer(block.tokens.total), Format.money(block.cost),
                        Format.percent(Double(block.tokens.total) / Double(limit) * 100)]
            numbers += block.models.map { "• " + Format.shortModel($0) }
            for b in block.breakdowns {
                numbers += [Format.integer(b.tokens.total), Format.money(b.cost), "└─ " + Format.shortModel(b.modelName)]
            }
            if let p = block.projection(now: Self.now) {
                numbers += [Format.integer(p.totalTokens), Format.money(p.totalCost),
                            Format.integer(max(0, limit - block.tokens.total))]
            }
        }
        #expect(report.blocks.contains { $0.projection(now: Self.now)?.totalTokens ?? 0 > 100_000_000 })
        expectWhole(output, numbers)
        // A compact gap that ends on another day shows the end date.
        if compact { #expect(output.contains("10/02, 08:00 AM")) }
    }

    // MARK: - Checks

    /// No line is wider than the width whenever the compact table's unbreakable words fit it; the full
    /// column set is kept (at 100 columns and more) whenever its words fit.
    func checkFit(_ output: String, width: Int, full: Table, compactTable: Table, compact: Bool,
                  compactBelow: Int = 100, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let widest = output.split(separator: "\n").map { displayWidth(String($0)) }.max() ?? 0
        if narrowest(compactTable) <= width {
            #expect(widest <= width, "a line is \(widest) wide at width \(width)", sourceLocation: sourceLocation)
        }
        if width >= compactBelow, narrowest(full) <= width {
            #expect(!compact, "the full layout fits \(width) columns", sourceLocation: sourceLocation)
        }
        #expect(!output.contains("…"), "nothing is cut", sourceLocation: sourceLocation)
        // Rules only under the header and above the totals row (blocks: under the header).
        let rules = output.split(separator: "\n").filter { $0.hasPrefix("├") }.count
        #expect(rules <= 2, sourceLocation: sourceLocation)
        #expect(!output.contains("- opus") && !output.contains("- sonnet"), "bullets are •", sourceLocation: sourceLocation)
    }

    /// The narrowest table the cells allow: every column as wide as its widest word (text breaks only at
    /// spaces), a spanning first cell as wide as its columns together.
    func narrowest(_ table: Table) -> Int {
        func widestWord(_ text: String) -> Int {
            text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{200B}" })
                .map { displayWidth(String($0)) }.max() ?? 0
        }
        let n = table.headers.count
        var widths = table.headers.map(widestWord)
        var spans: [(count: Int, need: Int)] = []
        for row in table.rows where !row.cells.allSatisfy(\.isEmpty) && row.firstSpan < n {
            if row.firstSpan > 1 { spans.append((row.firstSpan, widestWord(row.cells[0]))) }
            let first = row.firstSpan > 1 ? row.firstSpan : 0
            for i in first..<n { widths[i] = max(widths[i], widestWord(row.cells[i])) }
        }
        for span in spans {
            let room = widths[0..<span.count].reduce(0, +) + 3 * (span.count - 1)
            if room < span.need { widths[span.count - 1] += span.need - room }
        }
        return widths.reduce(0, +) + 3 * n + 1
    }

    /// Each text appears whole in a cell: between a space and a space (its padding or its neighbours).
    func expectWhole(_ output: String, _ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for text in texts {
            #expect(output.contains(" \(text) "), "\(text) is not whole", sourceLocation: sourceLocation)
        }
    }

    func periodNumbers(_ report: PeriodReport, compact: Bool, breakdown: Bool) -> [String] {
        var numbers: [String] = []
        for row in report.rows {
            numbers.append(row.key)
            numbers += usageNumbers(row.summary, compact: compact, breakdown: breakdown)
        }
        return numbers + totalNumbers(report.totals, compact: compact)
    }

    func usageNumbers(_ s: UsageSummary, compact: Bool, breakdown: Bool) -> [String] {
        var numbers = tokenNumbers(s.tokens, compact: compact) + [Format.money(s.cost)]
        numbers += s.modelsUsed.map { "• " + Format.shortModel($0) }
        if breakdown {
            for b in s.breakdowns {
                numbers += tokenNumbers(b.tokens, compact: compact) + [Format.money(b.cost)]
                numbers.append("└─ " + Format.shortModel(b.modelName))
            }
        }
        return numbers
    }

    func totalNumbers(_ totals: ReportTotals, compact: Bool) -> [String] {
        tokenNumbers(totals.tokens, compact: compact) + [Format.money(totals.cost)]
    }

    func tokenNumbers(_ t: TokenCounts, compact: Bool) -> [String] {
        let visible = compact ? [t.input, t.output] : [t.input, t.output, t.cacheCreation, t.cacheRead, t.total]
        return visible.map(Format.integer)
    }
}

/// The table's own rules: content widths, wrapping at spaces only, the seed's look.
@Suite struct TableLayoutTests {
    @Test func columnsAreSizedFromTheirContent() {
        let table = Table(headers: ["Date", "Input"], aligns: [.left, .right],
                          rows: [Table.Row(["2025-10-01", "12"]), Table.Row(["Total", "12"], style: .totals)])
        #expect(table.render(width: 120, style: .plain) == """
            ┌────────────┬───────┐
            │ Date       │ Input │
            ├────────────┼───────┤
            │ 2025-10-01 │    12 │
            ├────────────┼───────┤
            │ Total      │    12 │
            └────────────┴───────┘
            """)
    }

    @Test func headersWrapBeforeAnythingElseAndWordsAreNeverCut() {
        let table = Table(headers: ["Session", "Models", "Cache Create", "Cost (USD)"], aligns: [.left, .left, .right, .right],
                          rows: [Table.Row(["9713-b1d18013beb8", Format.modelList(["claude-opus-4-6-fast"]), "23,452,719", "$1234.56"])])
        let natural = Table.totalWidth(table.naturalWidths)
        let narrow = table.render(width: natural - 4, style: .plain)
        #expect(narrow.split(separator: "\n").allSatisfy { displayWidth(String($0)) <= natural - 4 })
        #expect(narrow.contains("│ Cache ") && narrow.contains("│ Create "))
        #expect(narrow.contains(" 9713-b1d18013beb8 ") && narrow.contains(" • opus-4-6-fast ") && narrow.contains(" 23,452,719 "))
        // Narrower than its widest words: printed whole at its natural widths, never cut.
        #expect(table.layout(fitting: 40) == nil)
        #expect(table.render(width: 40, style: .plain) == table.render(widths: table.naturalWidths, style: .plain))
    }

    @Test func aBulletNeverEndsAloneOnItsLine() {
        let wrapped = TableText.wrap(Format.modelList(["claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805"]),
                                     width: 6, breakLongWords: false)
        #expect(wrapped == ["• opus-4-1", "• sonnet-4-5"])
    }

    @Test func aFullWidthRowWrapsToTheTableAndNeverWidensIt() {
        let table = Table(headers: ["Date", "Input"], aligns: [.left, .right],
                          rows: [Table.Row(["Project: C--Users-dev-a-very-long-project-folder-name", ""], firstSpan: 2),
                                 Table.Row(["2025-10-01", "12"])])
        let lines = table.render(width: 80, style: .plain).split(separator: "\n").map(String.init)
        #expect(Set(lines.map(displayWidth)).count == 1)
        #expect(lines[3] == "│ Project: C--Users- │")
    }

    @Test func aForcedCompactLayoutSaysSoWhateverTheWidth() throws {
        var usage = LoadedUsage()
        usage.records = RecordStore([PricedRecord(try #require(record(line(input: 12))), cost: 0.5)])
        let report = PeriodReport(usage, period: .day, options: ReportOptions(zone: ReportZone(identifier: "UTC")!))
        let forced = UsageTable.render(report, RenderOptions(width: 200, forceCompact: true))
        #expect(forced.contains("Compact layout (--compact)") && !forced.contains("Expand terminal width"))
        let narrow = UsageTable.render(report, RenderOptions(width: 80))
        #expect(narrow.contains("Expand terminal width") && !narrow.contains("--compact"))
        #expect(narrow.split(separator: "\n").allSatisfy { displayWidth(String($0)) <= 80 })
        #expect(!UsageTable.render(report, RenderOptions(width: 200)).contains("Compact"))
    }
}
