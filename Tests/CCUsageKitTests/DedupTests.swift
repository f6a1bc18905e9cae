import Testing
@testable import CCUsageKit

@Suite struct DedupTests {
    func dedupe(_ lines: [String], mode: CostMode = .calculate) -> (records: [PricedRecord], duplicates: Int) {
        var calculator = CostCalculator(mode: mode)
        var deduper = Deduplicator()
        for text in lines {
            guard let r = record(text) else { Issue.record("not a usage line: \(text)"); continue }
            deduper.add(PricedRecord(r, cost: calculator.cost(of: r)))
        }
        return (deduper.records, deduper.duplicates)
    }

    @Test func theLargestStreamingSnapshotWinsAndKeepsTheFirstPosition() {
        let (records, dups) = dedupe([
            line(id: "m1", output: 5, time: "2025-07-20T10:00:00Z"),
            line(id: "m2", output: 1),
            line(id: "m1", output: 50, time: "2025-07-20T10:00:03Z"),
            line(id: "m1", output: 20),
        ])
        #expect(dups == 2)
        #expect(records.map(\.tokens.output) == [50, 1])
        #expect(records[0].time == Timestamp.parse("2025-07-20T10:00:03Z"))
    }

    @Test func aNonSidechainCopyBeatsALargerSidechainCopy() {
        let (records, _) = dedupe([line(id: "m", output: 500, sidechain: true), line(id: "m", output: 5)])
        #expect(records.count == 1 && records[0].tokens.output == 5 && !records[0].record.isSidechain)
    }

    @Test func sidechainReplaysWithAnotherRequestIdAreDuplicates() {
        let (records, dups) = dedupe([line(id: "m", request: "r1"), line(id: "m", request: "r2", sidechain: true)])
        #expect(records.count == 1 && dups == 1)
        let (distinct, none) = dedupe([line(id: "m", request: "r1"), line(id: "m", request: "r2")])
        #expect(distinct.count == 2 && none == 0)
    }

    /// A sidechain copy S = (m, r1), then N1 = (m, r2) and N2 = (m, r1), both non-sidechain: N1 replaces S
    /// (a replay), and N2 is not a copy of N1 (same message, other request, neither a sidechain): both count.
    @Test func aReplacedSidechainCopyDoesNotSwallowItsOldKey() {
        let (records, dups) = dedupe([line(id: "m", request: "r1", output: 20, sidechain: true),
                                      line(id: "m", request: "r2", output: 10),
                                      line(id: "m", request: "r1", output: 5, time: "2025-07-02T12:00:00Z")])
        #expect(records.map(\.tokens.output) == [10, 5] && dups == 1)
        // …and a later streaming copy of N2 still collapses into it.
        let more = dedupe([line(id: "m", request: "r1", output: 20, sidechain: true), line(id: "m", request: "r2", output: 10),
                           line(id: "m", request: "r1", output: 5), line(id: "m", request: "r1", output: 8)]).records
        #expect(more.map(\.tokens.output) == [10, 8])
    }

    @Test func entriesWithoutRequestIdDeduplicateWithEachOther() {
        #expect(dedupe([line(request: nil), line(request: nil, output: 99)]).records.map(\.tokens.output) == [99])
    }

    /// 00-decisions 22: history rewritten a day later without `requestId` is the same response as the copy
    /// with one, in either order; the best copy wins and keeps the first copy's place.
    @Test func aCopyWithoutRequestIdJoinsTheCopyWithOne() {
        var deduper = Deduplicator()
        var calculator = CostCalculator(mode: .calculate)
        for text in [line(id: "m", request: "r", output: 5), line(id: "n", request: "q"),
                     line(id: "m", request: nil, output: 5, time: "2025-07-21T09:00:00Z")] {
            guard let r = record(text) else { Issue.record("not a usage line"); continue }
            deduper.add(PricedRecord(r, cost: calculator.cost(of: r)))
        }
        #expect(deduper.records.count == 2 && deduper.duplicates == 1 && deduper.requestlessDuplicates == 1)
        // The rewritten copy first (an earlier file in path order), then the original with more output.
        let later = dedupe([line(id: "m", request: nil, output: 5), line(id: "x"), line(id: "m", request: "r", output: 9)])
        #expect(later.records.map(\.tokens.output) == [9, 20] && later.duplicates == 1)
        // Both orders give one response for a message written with and without its request id.
        let both = dedupe([line(id: "m", request: nil), line(id: "m", request: "r"), line(id: "m", request: nil),
                           line(id: "m", request: "r")])
        #expect(both.records.count == 1 && both.duplicates == 3)
    }

    /// Two different request ids stay two responses; a copy without one joins the first of them.
    @Test func differentRequestIdsStayDistinctAndARequestlessCopyJoinsTheFirst() {
        let (records, dups) = dedupe([line(id: "m", request: "r1", output: 1), line(id: "m", request: "r2", output: 2),
                                      line(id: "m", request: nil, output: 3)])
        #expect(records.map(\.tokens.output) == [3, 2] && dups == 1)
        let first = dedupe([line(id: "m", request: nil, output: 3), line(id: "m", request: "r1", output: 1),
                            line(id: "m", request: "r2", output: 2)])
        #expect(first.records.map(\.tokens.output) == [3, 2] && first.duplicates == 1)
    }

    @Test func entriesWithoutMessageIdAreNeverDeduplicated() {
        #expect(dedupe([line(id: nil), line(id: nil)]).records.count == 2)
        // Id-less entries first, then copies of one message (a crash once: the chain table lagged behind).
        let mixed = dedupe([line(id: nil), line(id: nil, request: "x"), line(id: "m", request: "r1"),
                            line(id: "m", request: "r2", sidechain: true), line(id: "m", request: "r3")])
        #expect(mixed.records.count == 4 && mixed.duplicates == 1)
    }

    @Test func equalTokensPreferTheHigherCostThenASpeedField() {
        let byCost = dedupe([line(id: "m", cost: 0.1), line(id: "m", cost: 0.3)], mode: .auto).records
        #expect(byCost.map(\.cost) == [0.3])
        let bySpeed = dedupe([line(id: "m"), line(id: "m", speed: "standard")]).records
        #expect(bySpeed[0].record.hasSpeed)
        let first = dedupe([line(id: "m", time: "2025-07-20T10:00:00Z"), line(id: "m", time: "2025-07-20T11:00:00Z")]).records
        #expect(first[0].time == Timestamp.parse("2025-07-20T10:00:00Z"))
    }
}
