import CCUsageTestSupport
import FixtureKit
import Foundation
import Testing
@testable import CCUsageKit

/// `CodexFixtureGenerator`'s homes read back through `CodexSource` with exactly the daily totals it reports
/// (sub-agent replays skipped, archived copies and forks de-duplicated), and the same arguments give the same bytes.
/// (Tests/reference/codex_compare.py also compares a generated home with the Python reference.)
@Suite struct CodexGeneratorTests {
    @Test("a generated home reads back with the generator's totals", arguments: [UInt64(3), 11])
    func readBack(_ seed: UInt64) throws {
        let root = try makeTemporaryDirectory("ccusage-codex-gen")
        defer { removeTemporary(root) }
        let summary = try CodexFixtureGenerator.generate(into: root, targetBytes: 10 << 20, seed: seed, days: 20)
        // The generated home has every shape the generator knows: archived copies, sub-agents and forks.
        #expect(summary.archivedFiles > 0 && summary.subagentFiles > 0 && summary.forkFiles > 0)
        let env = Environment(variables: ["CODEX_HOME": summary.home], home: "/nonexistent-home", now: 0,
                              timeZone: TimeZone(identifier: "UTC")!)
        let load = CodexSource.load(env)
        #expect(load.files.count == summary.files)
        #expect(load.bytes == summary.bytes)
        #expect(load.malformedLines == 0 && load.unreadable.isEmpty)
        let report = load.report(.daily, options: CodexReportOptions(zone: ReportZone(identifier: "UTC")!),
                                 pricing: CodexPricing(exact: [:]))
        #expect(report.invalidTimestamps.isEmpty)
        #expect(load.eventCount - report.duplicatesRemoved == summary.events)
        let t = report.totals
        #expect(Int64(t.input) == summary.input && Int64(t.cached) == summary.cached)
        #expect(Int64(t.output) == summary.output && Int64(t.reasoning) == summary.reasoning)
        #expect(Int64(t.total) == summary.total)
        // Model switches: several models.
        let models = Set(report.rows.flatMap { $0.models.map(\.name) })
        #expect(models.count >= 2)
    }

    @Test("the same arguments write the same bytes")
    func deterministic() throws {
        let a = try makeTemporaryDirectory("ccusage-codex-gen"), b = try makeTemporaryDirectory("ccusage-codex-gen")
        defer { removeTemporary(a); removeTemporary(b) }
        let x = try CodexFixtureGenerator.generate(into: a, targetBytes: 400_000, seed: 5)
        let y = try CodexFixtureGenerator.generate(into: b, targetBytes: 400_000, seed: 5)
        #expect(x.bytes == y.bytes && x.events == y.events && x.input == y.input && x.files == y.files)
        let files = try FileManager.default.subpathsOfDirectory(atPath: x.home).sorted()
        let others = try FileManager.default.subpathsOfDirectory(atPath: y.home).sorted()
        #expect(files == others)
        for file in files where file.hasSuffix(".jsonl") {
            #expect(FileManager.default.contentsEqual(atPath: x.home + "/" + file, andPath: y.home + "/" + file))
        }
    }
}
