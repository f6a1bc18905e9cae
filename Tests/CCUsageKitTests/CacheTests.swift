import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct CacheTests {
    func tree() throws -> String {
        var files: [String: [String]] = [:]
        for f in 0..<12 {
            files["p\(f % 3)/s\(f).jsonl"] = (0..<30).map { i in
                line(id: "m\((f * 30 + i) % 200)", request: "r\(i % 5)", model: i % 4 == 0 ? "claude-opus-4-6" : "claude-sonnet-4-20250514",
                     output: (f * 17 + i) % 90, time: "2025-07-\(10 + i % 9)T1\(i % 10):00:00Z", sidechain: i % 13 == 0,
                     speed: i % 8 == 0 ? "fast" : nil, cost: i % 6 == 0 ? 0.01 : nil)
            }
        }
        return try makeTree(files)
    }

    func load(_ root: String, cache: String?) throws -> LoadedUsage {
        try UsageLoader.load(LoadOptions(cacheDirectory: cache), testEnvironment(configDir: root))
    }

    func expectSame(_ a: LoadedUsage, _ b: LoadedUsage, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.records == b.records, sourceLocation: sourceLocation)
        #expect(a.duplicatesRemoved == b.duplicatesRemoved, sourceLocation: sourceLocation)
        #expect(a.stats.usageLines == b.stats.usageLines && a.stats.lines == b.stats.lines, sourceLocation: sourceLocation)
    }

    @Test func warmRunsEqualColdRuns() throws {
        let root = try tree(), cache = root + "/cache"
        defer { removeTemporary(root) }
        let cold = try load(root, cache: nil)
        let first = try load(root, cache: cache)
        #expect(FileManager.default.fileExists(atPath: cache + "/" + ScanCache.fileName))
        let warm = try load(root, cache: cache)
        expectSame(cold, first)
        expectSame(cold, warm)
        #expect(warm.stats.bytes == 0)   // nothing re-read
    }

    @Test func appendedBytesAreReadAndRewrittenFilesReadWhole() throws {
        let root = try tree(), cache = root + "/cache"
        defer { removeTemporary(root) }
        _ = try load(root, cache: cache)
        let path = root + "/projects/p1/s1.jsonl"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        // A complete line, then a partial one without its newline.
        handle.write(Data((line(id: "new1", output: 777) + "\n" + line(id: "new2", output: 5)).utf8))
        try handle.close()
        let appended = try load(root, cache: cache)
        expectSame(try load(root, cache: nil), appended)
        #expect(appended.stats.bytes > 0 && appended.stats.bytes < 2000)
        // The partial line grows: it must be read again, not kept as it was.
        let h2 = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h2.seekToEnd()
        h2.write(Data("\n".utf8))
        try h2.close()
        expectSame(try load(root, cache: nil), try load(root, cache: cache))
        // Shrink and rewrite another file.
        try (line(id: "only", output: 3) + "\n").write(toFile: root + "/projects/p2/s2.jsonl", atomically: false, encoding: .utf8)
        expectSame(try load(root, cache: nil), try load(root, cache: cache))
        // Delete a file and add one.
        try FileManager.default.removeItem(atPath: root + "/projects/p0/s0.jsonl")
        try (line(id: "added") + "\n").write(toFile: root + "/projects/p0/new.jsonl", atomically: true, encoding: .utf8)
        expectSame(try load(root, cache: nil), try load(root, cache: cache))
    }

    @Test("a corrupt or foreign cache is ignored", arguments: ["garbage", "CCUSAGE-SCAN\u{2}\0\0\0\0\0\0\0", "", "CCUSAGE-SCAN"])
    func corruptCache(_ content: String) throws {
        let root = try tree(), cache = root + "/cache"
        defer { removeTemporary(root) }
        _ = try load(root, cache: cache)
        var bytes = Array(content.utf8)
        if content.isEmpty {
            // Truncate a real cache in the middle.
            let real = try Data(contentsOf: URL(fileURLWithPath: cache + "/" + ScanCache.fileName))
            bytes = Array(real.prefix(real.count / 2))
        }
        // Every cache file of the directory gets the same damage.
        for name in try FileManager.default.contentsOfDirectory(atPath: cache) {
            try Data(bytes).write(to: URL(fileURLWithPath: cache + "/" + name))
        }
        #expect(ScanCache.read(directory: cache).isEmpty)
        expectSame(try load(root, cache: nil), try load(root, cache: cache))
        #expect(!ScanCache.read(directory: cache).isEmpty)   // rebuilt
    }

    @Test func theCacheRoundTripsEveryField() throws {
        let root = try tree(), cache = root + "/cache"
        defer { removeTemporary(root) }
        let usage = try load(root, cache: cache)
        let stored = ScanCache.read(directory: cache)
        let all = stored.values.flatMap(\.records)
        #expect(all.count == usage.stats.usageLines)
        #expect(all.contains { $0.isFast } && all.contains { $0.recordedCost != nil } && all.contains { $0.isSidechain })
    }

    @Test func anUnwritableCacheDirectoryIsHarmless() throws {
        let root = try tree()
        defer { removeTemporary(root) }
        try "file".write(toFile: root + "/not-a-dir", atomically: true, encoding: .utf8)
        expectSame(try load(root, cache: nil), try load(root, cache: root + "/not-a-dir/cache"))
    }
}

@Suite struct ModifiedSinceTests {
    @Test func oldFilesAreSkippedUnlessTheyBelongToTheKeptSession() throws {
        let root = try makeTree([
            "p/old.jsonl": [line(id: "o", time: "2025-01-01T00:00:00Z")],
            "p/new.jsonl": [line(id: "n", time: "2025-07-01T00:00:00Z")],
        ])
        defer { removeTemporary(root) }
        let old = Date(timeIntervalSince1970: 1_735_689_600)   // 2025-01-01
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: root + "/projects/p/old.jsonl")
        let env = testEnvironment(configDir: root)
        var options = LoadOptions()
        options.modifiedSince = Timestamp.parse("2025-06-01T00:00:00Z")
        #expect(try UsageLoader.load(options, env).records.count == 1)
        options.keepSession = "old"
        #expect(try UsageLoader.load(options, env).records.count == 2)
    }
}

@Suite struct FingerprintTests {
    @Test func theScannerFingerprintMatchesTheOneReadFromDisk() throws {
        let root = try makeTree(["p/a.jsonl": (0..<50).map { line(id: "m\($0)") }, "p/tiny.jsonl": ["{}"]])
        defer { removeTemporary(root) }
        for name in ["a", "tiny"] {
            let path = root + "/projects/p/\(name).jsonl"
            let scan = FileScanner.scan(path: path, fileIndex: 0)
            if let fingerprint = scan.fingerprint {
                #expect(fingerprint == ScanCache.fingerprint(path: path, before: scan.consumed))
            }
        }
        #expect(FileScanner.scan(path: root + "/projects/p/a.jsonl", fileIndex: 0).fingerprint != nil)
    }
}

@Suite struct PartialCacheTests {
    @Test func aFilteredLoadDoesNotEvictTheFullCache() throws {
        let root = try makeTree(["p/a.jsonl": [line(id: "a")], "p/b.jsonl": [line(id: "b")]])
        defer { removeTemporary(root) }
        let cache = root + "/cache", env = testEnvironment(configDir: root)
        _ = try UsageLoader.load(LoadOptions(cacheDirectory: cache), env)
        #expect(ScanCache.read(directory: cache).count == 2)
        var filtered = LoadOptions(cacheDirectory: cache)
        filtered.modifiedSince = Int64.max   // nothing qualifies
        filtered.keepSession = "a"
        #expect(try UsageLoader.load(filtered, env).files.count == 1)
        #expect(ScanCache.read(directory: cache).count == 2)
        #expect(ScanCache.read(directory: cache, partial: true).count == 1)
    }
}

@Suite struct RewriteDetectionTests {
    /// A file rewritten with the same size and its old modification time set back is still re-read
    /// (the status-change time moves and cannot be set).
    @Test func sameSizeSameMtimeRewriteIsNoticed() throws {
        let root = try makeTree(["p/a.jsonl": [line(id: "a", input: 100)]])
        defer { removeTemporary(root) }
        let path = root + "/projects/p/a.jsonl"
        let cache = root + "/cache", env = testEnvironment(configDir: root)
        let mtime = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        #expect(try UsageLoader.load(LoadOptions(cacheDirectory: cache), env).records[0].tokens.input == 100)
        usleep(20_000)
        try (line(id: "a", input: 200) + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: mtime], ofItemAtPath: path)
        #expect(try UsageLoader.load(LoadOptions(cacheDirectory: cache), env).records[0].tokens.input == 200)
    }
}

@Suite struct SplitScanTests {
    /// A file larger than the split size is read in parallel pieces; the result equals a one-piece read,
    /// whatever the line lengths around the cut points.
    @Test(arguments: [1, 7, 4096])
    func piecesJoinToTheWholeFile(padding: Int) throws {
        var lines: [String] = []
        var size = 0
        var k = 0
        let pad = String(repeating: "x", count: padding)
        while size < 3_000_000 {
            let text = k % 5 == 0 ? #"{"type":"user","message":{"content":""# + pad + String(repeating: "y", count: k % 3000) + #""}}"#
                : line(id: "m\(k % 9000)", request: "r\(k)", output: k % 977, time: "2025-07-\(10 + k % 9)T10:00:00Z")
            lines.append(k == 777 ? String(text.prefix(40)) : text)   // one malformed line
            size += text.utf8.count + 1
            k += 1
        }
        let root = try makeTree(["p/big.jsonl": lines])
        defer { removeTemporary(root) }
        let file = Discovery.transcripts(in: [root], problems: &dummyProblems)
        let one = UsageLoader.scanAll(file, options: LoadOptions(singleThread: true))
        var options = LoadOptions(singleThread: false)
        options.splitSize = 65_536
        let split = UsageLoader.scanAll(file, options: options)
        #expect(one[0].records == split[0].records)
        #expect(one[0].stats.lines == split[0].stats.lines && one[0].stats.malformedLines == split[0].stats.malformedLines)
        #expect(one[0].stats.usageLines == split[0].stats.usageLines && one[0].consumed == split[0].consumed)
        #expect(one[0].records.count > 1000)
    }
}

nonisolated(unsafe) var dummyProblems: [LoadProblem] = []
