import Testing
@testable import CCUsageKit

@Suite struct BlocksTests {
    func priced(_ time: String, output: Int = 100, id: String) -> PricedRecord {
        PricedRecord(record(line(id: id, output: output, time: time))!, cost: Double(output) / 1000)
    }

    @Test func blocksFloorToTheHourSplitOnLengthAndLeaveGaps() {
        let records = [
            priced("2025-07-20T10:20:00Z", id: "a"),
            priced("2025-07-20T15:00:00Z", id: "b"),   // exactly 5h after the 10:00 start: same block
            priced("2025-07-20T15:00:01Z", id: "c"),   // past the end: new block at 15:00
            priced("2025-07-21T02:00:00Z", id: "d"),   // > 5h after c: gap then a new block
        ]
        let blocks = SessionBlocks.build(records, now: Timestamp.parse("2025-07-21T03:00:00Z")!)
        #expect(blocks.map(\.id) == ["2025-07-20T10:00:00.000Z", "2025-07-20T15:00:00.000Z",
                                     "gap-2025-07-20T20:00:01.000Z", "2025-07-21T02:00:00.000Z"])
        #expect(blocks.map(\.entryCount) == [2, 1, 0, 1])
        #expect(blocks.map(\.isActive) == [false, false, false, true])
        #expect(blocks[2].end == Timestamp.parse("2025-07-21T02:00:00Z"))
    }

    @Test func burnRateAndProjectionOfTheActiveBlock() throws {
        let records = [priced("2025-07-20T10:00:00Z", output: 600, id: "a"), priced("2025-07-20T10:30:00Z", output: 600, id: "b")]
        let now = Timestamp.parse("2025-07-20T11:00:00Z")!
        let block = try #require(SessionBlocks.build(records, now: now).first)
        let rate = try #require(block.burnRate)
        // 2 × (10 + 600) tokens over 30 minutes
        #expect(rate.tokensPerMinute == 1220.0 / 30)
        #expect(abs(rate.costPerHour - 1.2 / 30 * 60) < 1e-12)
        let p = try #require(block.projection(now: now))
        #expect(p.remainingMinutes == 240)
        #expect(p.totalTokens == Int((1220 + 1220.0 / 30 * 240).rounded()))
        #expect(p.totalCost == ((1.2 + 2.4 / 60 * 240) * 100).rounded() / 100)
    }

    @Test func otherSessionLengths() {
        let records = [priced("2025-07-20T10:00:00Z", id: "a"), priced("2025-07-20T12:30:00Z", id: "b")]
        #expect(SessionBlocks.build(records, now: 0, hours: 2).filter { !$0.isGap }.count == 2)
        #expect(SessionBlocks.build(records, now: 0, hours: 2.5).count == 1)
    }

    @Test func tokenLimitParsing() {
        #expect(BlocksReport.parseLimit(nil, max: 500) == 500)
        #expect(BlocksReport.parseLimit("max", max: 0) == nil)
        #expect(BlocksReport.parseLimit("1000", max: 500) == 1000)
        #expect(BlocksReport.parseLimit("abc", max: 500) == nil)
    }

    @Test func breakdownSplitsEachBlockByModelInJSONOnlyWhenAsked() throws {
        let usage = try UsageLoader.load(LoadOptions(), testEnvironment(configDir: fixturesRoot + "/basic"))
        let now = Timestamp.parse("2025-09-01T01:30:00Z")!
        let report = BlocksReport(usage, options: BlocksOptions(zone: ReportZone(identifier: "UTC")!, tokenLimit: "max", now: now))
        let withBreakdown = report.json(breakdown: true)
        try expectGolden(withBreakdown.rendered(), named: "blocks-breakdown.json")
        // The only difference from the plain JSON is the new key.
        guard case .object(let top) = withBreakdown, case .array(let blocks)? = top.first?.value else {
            Issue.record("blocks JSON is not {blocks: [...]}")
            return
        }
        let stripped = JSONValue.object([.init("blocks", .array(blocks.map { block in
            guard case .object(let members) = block else { return block }
            return .object(members.filter { $0.key != "modelBreakdowns" })
        }))] + top.dropFirst())
        #expect(stripped.rendered() == report.json().rendered())
        #expect(!report.json().rendered().contains("modelBreakdowns"))
        for block in report.blocks {
            var tokens = TokenCounts()
            var cost = 0.0
            for b in block.breakdowns { tokens += b.tokens; cost += b.cost }
            #expect(tokens == block.tokens)   // the fixture's `<synthetic>` line (in no breakdown) has no tokens
            #expect(abs(cost - block.cost) < 1e-9)
            #expect(block.breakdowns.map(\.modelName).sorted() == block.models.sorted())
            #expect(block.breakdowns.map(\.cost) == block.breakdowns.map(\.cost).sorted(by: >))
        }
        let table = BlocksTable.render(report, RenderOptions(width: 160, breakdown: true))
        #expect(table.contains("  └─ opus-4-6-fast ") && table.contains("  └─ sonnet-4 "))
    }

    @Test func goldenBlocks() throws {
        let usage = try UsageLoader.load(LoadOptions(), testEnvironment(configDir: fixturesRoot + "/basic"))
        let zone = ReportZone(identifier: "UTC")!
        let now = Timestamp.parse("2025-09-01T01:30:00Z")!
        let report = BlocksReport(usage, options: BlocksOptions(zone: zone, tokenLimit: "max", now: now))
        #expect(report.blocks.last?.isActive == true)
        try expectGolden(report.json().rendered(), named: "blocks.json")
        try expectGolden(BlocksTable.render(report, RenderOptions(width: 160)), named: "blocks-wide.txt")
        try expectGolden(BlocksTable.render(report, RenderOptions(width: 100)), named: "blocks-compact.txt")
        let active = BlocksReport(usage, options: BlocksOptions(zone: zone, active: true, tokenLimit: "10000", now: now))
        try expectGolden(BlocksTable.renderActive(active.blocks[0], active, RenderOptions()), named: "blocks-active.txt")
        let none = BlocksReport(usage, options: BlocksOptions(zone: zone, active: true, now: Timestamp.parse("2026-01-01T00:00:00Z")!))
        #expect(none.json().rendered().contains("No active block"))
    }
}
