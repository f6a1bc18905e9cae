import CCUsageTestSupport
import Dispatch
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct ArchiveTests {
    /// Sessions with copies of one message in several files (a resumed session, a sidechain replay, a
    /// better later copy), lines without a message id, and several days and models.
    func tree(ids: String = "m") throws -> String {
        var files: [String: [String]] = [:]
        for f in 0..<10 {
            files["p\(f % 3)/s\(f).jsonl"] = (0..<20).map { i in
                line(id: i % 7 == 6 ? nil : "\(ids)\((f * 20 + i) % 150)", request: "r\(i % 4)",
                     model: i % 5 == 0 ? "claude-opus-4-6" : "claude-sonnet-4-20250514",
                     output: (f * 13 + i) % 70 + (f == 7 ? 40 : 0), time: "2025-07-\(10 + (f + i) % 9)T1\(i % 10):00:00Z",
                     sidechain: i % 11 == 0, speed: i % 9 == 0 ? "fast" : nil, cost: i % 6 == 0 ? 0.01 : nil)
            }
        }
        files["p1/s3/subagents/agent-a.jsonl"] = (0..<5).map { i in
            line(id: "\(ids)\(60 + i)", request: "r\(i % 4)", output: 500, time: "2025-07-12T08:0\(i):00Z", sidechain: true)
        }
        return try makeTree(files)
    }

    func options(_ root: String, archive: String?, cache: Bool = true) -> LoadOptions {
        var options = LoadOptions(cacheDirectory: cache ? root + "/cache" : nil)
        options.archive = archive.map { ArchiveOptions(path: $0, now: 1_760_000_000_000) }
        return options
    }

    func load(_ root: String, archive: String?, cache: Bool = true) throws -> LoadedUsage {
        try UsageLoader.load(options(root, archive: archive, cache: cache), testEnvironment(configDir: root))
    }

    /// What a report sees of each record, in order (file indices differ when files are gone).
    func seen(_ usage: LoadedUsage) -> [String] {
        usage.records.map { p in
            let file = usage.file(of: p)
            return "\(p.time) \(p.tokens.total) \(p.cost) \(p.record.model ?? "-")\(p.record.isFast ? "-fast" : "") \(file.project) \(file.sessionID) "
                + "\(p.record.isSidechain) \(p.record.sessionField ?? "-")"
        }
    }

    func transcripts(_ root: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root + "/projects").filter { $0.hasSuffix(".jsonl") }.sorted()
            .map { root + "/projects/" + $0 }
    }

    @Test("deleting transcripts changes no report; --no-archive sees only what is left")
    func deletedTranscriptsStayCounted() throws {
        let root = try tree(), archive = root + "/archive.sqlite"
        defer { removeTemporary(root) }
        let before = try load(root, archive: archive)
        #expect(seen(before) == seen(try load(root, archive: nil, cache: false)))
        for (k, path) in try transcripts(root).enumerated() where k % 2 == 0 { try FileManager.default.removeItem(atPath: path) }
        let live = try load(root, archive: nil, cache: false)
        #expect(live.records.count < before.records.count)
        for cache in [true, false] {
            let after = try load(root, archive: archive, cache: cache)
            #expect(seen(after) == seen(before))
            #expect(after.problems.isEmpty)
        }
        // With every transcript gone, the archive alone gives the same report.
        for path in try transcripts(root) { try FileManager.default.removeItem(atPath: path) }
        #expect(seen(try load(root, archive: archive)) == seen(before))
        #expect(try UsageArchive(path: archive).integrityCheck() == "ok")
    }

    @Test("a rewritten transcript that lost lines keeps them through the archive")
    func shrunkTranscriptKeepsLostLines() throws {
        let root = try tree(), archive = root + "/archive.sqlite"
        defer { removeTemporary(root) }
        let before = try load(root, archive: archive)
        let path = root + "/projects/p2/s5.jsonl"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        try (lines.suffix(5).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let after = try load(root, archive: archive)
        #expect(Set(seen(after)) == Set(seen(before)))
        #expect(after.records.count == before.records.count)
    }

    @Test("a run on unchanged files writes nothing; a grown file's new events are stored")
    func writesOnlyWhatChanged() throws {
        let root = try tree(), path = root + "/archive.sqlite"
        defer { removeTemporary(root) }
        let usage = try load(root, archive: nil)
        let archive = try UsageArchive(path: path)
        let signature = MergedCache.signature(usage.files, options: options(root, archive: nil))
        #expect(try archive.store(usage, signature: signature, project: nil, now: 1))
        #expect(try !archive.store(usage, signature: signature, project: nil, now: 1))
        let count = try archive.status().eventsBySource.first?.events
        #expect(count == usage.records.count)
        let file = root + "/projects/p0/s0.jsonl"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seekToEnd()
        handle.write(Data((line(id: "new-one", output: 4321) + "\n").utf8))
        try handle.close()
        _ = try load(root, archive: path)
        #expect(try archive.status().eventsBySource.first?.events == usage.records.count + 1)
    }

    @Test("export then import into a fresh archive gives the same report; importing twice changes nothing")
    func exportImportRoundTrip() throws {
        let root = try tree(), archive = root + "/archive.sqlite", other = root + "/other.sqlite"
        defer { removeTemporary(root) }
        let before = try load(root, archive: archive)
        var events: [ArchivedEvent] = []
        try UsageArchive(path: archive).export { events.append($0) }
        #expect(events.count == before.records.count)
        let decoded = try events.map { try JSONDecoder().decode(ArchivedEvent.self, from: Data($0.jsonLine.utf8)) }
        #expect(decoded == events)
        let fresh = try UsageArchive(path: other)
        #expect(try fresh.importEvents(decoded, now: 5) == (events.count, events.count))
        #expect(try fresh.importEvents(decoded, now: 6) == (events.count, 0))
        for path in try transcripts(root) { try FileManager.default.removeItem(atPath: path) }
        #expect(seen(try load(root, archive: other)) == seen(before))
    }

    @Test("prune removes the events before a day and prints nothing else away")
    func prune() throws {
        let root = try tree(), path = root + "/archive.sqlite"
        defer { removeTemporary(root) }
        let usage = try load(root, archive: path)
        let cutoff = Timestamp.parse("2025-07-14T00:00:00.000Z")!
        let archive = try UsageArchive(path: path)
        let removed = try archive.prune(before: cutoff)
        #expect(removed.events == usage.records.filter { $0.time < cutoff }.count)
        #expect(removed.files == 0)   // every transcript is still there
        #expect(try archive.status().firstTime.map { $0 >= cutoff } == true)
    }

    @Test("a file that is not a ccusage archive is reported and left byte for byte")
    func foreignAndCorruptFilesAreLeftAlone() throws {
        let root = try tree()
        defer { removeTemporary(root) }
        let garbage = root + "/garbage.sqlite"
        let bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try bytes.write(to: URL(fileURLWithPath: garbage))
        #expect(throws: ArchiveError.self) { _ = try UsageArchive(path: garbage) }
        let usage = try load(root, archive: garbage)
        #expect(usage.problems.map(\.kind) == [.archive])
        #expect(seen(usage) == seen(try load(root, archive: nil)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: garbage)) == bytes)

        let foreign = root + "/foreign.sqlite"
        do {
            let db = try SQLiteDatabase(path: foreign, mode: .create)
            try db.execute("CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('mine')")
        }
        let original = try Data(contentsOf: URL(fileURLWithPath: foreign))
        #expect(throws: ArchiveError.foreign(path: foreign)) { _ = try UsageArchive(path: foreign) }
        #expect(try load(root, archive: foreign).problems.first?.description.contains("not a ccusage archive") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: foreign)) == original)
    }

    @Test("the schema is versioned and identified")
    func schemaVersion() throws {
        let root = try makeTemporaryDirectory("ccusage-archive")
        defer { removeTemporary(root) }
        let archive = try UsageArchive(path: root + "/deep/er/archive.sqlite")
        #expect(try archive.db.integer("PRAGMA user_version") == ArchiveSchema.version)
        #expect(try archive.db.integer("PRAGMA application_id") == ArchiveSchema.applicationID)
        #expect(try archive.status().schemaVersion == 1)
        // Reopening migrates nothing and keeps the file usable.
        #expect(try UsageArchive(path: root + "/deep/er/archive.sqlite").integrityCheck() == "ok")
    }

    @Test("loads running at once all succeed and agree")
    func concurrentLoads() throws {
        let root = try tree(), archive = root + "/archive.sqlite"
        defer { removeTemporary(root) }
        let expected = seen(try load(root, archive: nil, cache: false))
        let results = ScanSlots<[String]>(count: 6, empty: [])
        let failures = ScanSlots<Int>(count: 6, empty: 0)
        DispatchQueue.concurrentPerform(iterations: 6) { k in
            guard let usage = try? load(root, archive: archive, cache: k % 2 == 0) else {
                failures.store(1, at: k)
                return
            }
            failures.store(usage.problems.count, at: k)
            results.store(seen(usage), at: k)
        }
        #expect(failures.take() == Array(repeating: 0, count: 6))
        #expect(results.take() == Array(repeating: expected, count: 6))
    }

    @Test("a gone transcript of another data directory stays out of this directory's reports")
    func otherDataDirectories() throws {
        let first = try tree(), second = try tree(ids: "other-"), archive = first + "/archive.sqlite"
        defer { removeTemporary(first); removeTemporary(second) }
        let before = try load(first, archive: archive)
        for path in try transcripts(first) { try FileManager.default.removeItem(atPath: path) }
        #expect(seen(try load(second, archive: archive)) == seen(try load(second, archive: nil)))
        #expect(seen(try load(first, archive: archive)) == seen(before))
    }
}
