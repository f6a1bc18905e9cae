import CCUsageTestSupport
import Testing
@testable import CCUsageKit

/// The `UsageSource` seam: Claude Code through it finds what discovery finds, every record and file carries its
/// source, the id costs no bytes, and the scanner runs any source's (stateful) line parser.
@Suite struct UsageSourceTests {
    @Test func claudeCodeSourceListsTheTranscriptsDiscoveryLists() throws {
        let root = try makeTree([
            "p1/s1.jsonl": [line(id: "a")],
            "p1/s1/subagents/agent-1.jsonl": [line(id: "b", sidechain: true)],
            "p2/s2.jsonl": [line(id: "c"), "{\"type\":\"user\"}"],
        ])
        defer { removeTemporary(root) }
        let env = testEnvironment(configDir: root)
        let source = ClaudeCodeSource()
        var problems: [LoadProblem] = [], expectedProblems: [LoadProblem] = []
        let roots = try source.roots(env, problems: &problems)
        #expect(roots == (try Discovery.baseDirectories(env, problems: &expectedProblems)))
        let files = source.files(in: roots, project: nil, parallel: false, listings: nil, problems: &problems)
        let expected = Discovery.transcripts(in: roots, parallel: false, problems: &expectedProblems)
        #expect(files == expected)
        #expect(files.count == 3)
        #expect(files.allSatisfy { $0.source == .claude })
        #expect(problems == expectedProblems)
        #expect(source.id == .claude && source.displayName == "Claude Code")
        #expect(source.dedup == .bestCopyByMessageAndRequest)

        let usage = try UsageLoader.load(LoadOptions(mode: .calculate), env)
        #expect(usage.records.count == 3)
        #expect(usage.records.allSatisfy { $0.record.source == .claude })
    }

    @Test func theSourceIdLivesInTheFlagBitsWithoutGrowingARecord() throws {
        #expect(MemoryLayout<UsageRecord>.size == 112)
        #expect(MemoryLayout<PricedRecord>.stride == 120)
        var r = try #require(record(line(id: "m", sidechain: true, speed: "fast")))
        #expect(r.source == .claude)
        let before = r.flagBits
        r.source = .codex
        #expect(r.source == .codex && r.source.description == "codex")
        #expect(r.isSidechain && r.isFast && r.hasSpeed)
        #expect(r.flagBits & 0x00FF_FFFF == before)
        #expect(r.flagBits & ~UsageRecord.knownFlags == 0)
        r.source = .claude
        #expect(r.flagBits == before)
    }

    /// A parser with state across lines: each line `n` is a cumulative total, the record is the growth.
    struct CumulativeParser: UsageLineParser {
        var last = 0
        init(keepRawTimestamps: Bool) {}
        mutating func parse(_ line: UnsafeBufferPointer<UInt8>, fileIndex: Int32) -> LineOutcome {
            guard let total = Int(String(decoding: line, as: UTF8.self)) else { return .malformed }
            defer { last = total }
            guard total > last else { return .other }
            var record = UsageRecord(time: 0, tokens: TokenCounts(input: total - last, output: 0, cacheCreation: 0,
                                                                  cacheRead: 0), fileIndex: fileIndex)
            record.source = .codex
            return .usage(record)
        }
    }

    @Test func theScannerRunsAnySourcesParserKeepingItsStateAcrossLines() throws {
        let root = try makeDataTree(["p/cumulative.jsonl": Array("10\n10\n25\nnot a number\n40".utf8)],
                                    prefix: "ccusage-source")
        defer { removeTemporary(root) }
        let scan = FileScanner.scan(CumulativeParser.self, path: root + "/projects/p/cumulative.jsonl", fileIndex: 4)
        #expect(scan.error == nil)
        #expect(scan.records.map(\.tokens.input) == [10, 15, 15])
        #expect(scan.records.allSatisfy { $0.source == .codex && $0.fileIndex == 4 })
        #expect(scan.stats.malformedLines == 1)
        #expect(scan.stats.lines == 5)
    }
}
