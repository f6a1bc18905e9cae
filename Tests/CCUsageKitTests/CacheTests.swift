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

@Suite struct MergedCacheTests {
    @Test func theMergedResultIsReusedOnlyForTheSameFilesModeAndPrices() throws {
        let root = try makeTree(["p/a.jsonl": [line(id: "a", output: 5), line(id: "a", output: 9), line(id: "b", cost: 0.5)],
                                 "p/b.jsonl": [line(id: "c", model: "claude-opus-4-6", output: 3, speed: "fast")]])
        defer { removeTemporary(root) }
        let cache = root + "/cache", env = testEnvironment(configDir: root)
        func load(_ mode: CostMode, prices: PriceTable = .embedded) throws -> LoadedUsage {
            try UsageLoader.load(LoadOptions(mode: mode, prices: prices, cacheDirectory: cache), env)
        }
        let cold = try UsageLoader.load(LoadOptions(mode: .auto), env)
        _ = try load(.auto)
        let warm = try load(.auto)
        #expect(warm.records == cold.records && warm.duplicatesRemoved == cold.duplicatesRemoved)
        #expect(warm.stats.usageLines == cold.stats.usageLines && warm.stats.lines == cold.stats.lines)
        // Another mode or other prices are never served from the auto-mode result.
        let calc = try load(.calculate)
        #expect(calc.records == (try UsageLoader.load(LoadOptions(mode: .calculate), env)).records)
        let cheap = PriceTable.embedded.applying(overrides: ["claude-sonnet-4-20250514": ["outputCostPerToken": 1]])
        let repriced = try load(.calculate, prices: cheap)
        #expect(repriced.records.first?.cost == 9 + 10 * 3e-6)
        // A damaged merged file is ignored.
        for name in try FileManager.default.contentsOfDirectory(atPath: cache) where name.hasPrefix("merged") {
            try Data("CCUSAGE-MERGED junk".utf8).write(to: URL(fileURLWithPath: cache + "/" + name))
        }
        #expect(try load(.auto).records == cold.records)
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

/// The merged-result cache extended with appended bytes and new files must give the full merge's result,
/// record for record and in the same order, whatever happens to the files between runs.
@Suite struct ExtendedMergeTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func load(_ root: String, cache: String?, mode: CostMode = .auto, rereadLimit: Int64 = 8 << 20) throws -> LoadedUsage {
        var options = LoadOptions(mode: mode, cacheDirectory: cache)
        options.rereadLimit = rereadLimit
        return try UsageLoader.load(options, testEnvironment(configDir: root))
    }

    func expectSame(_ a: LoadedUsage, _ b: LoadedUsage, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.records == b.records, "\(step)", sourceLocation: sourceLocation)
        #expect(a.duplicatesRemoved == b.duplicatesRemoved, "\(step)", sourceLocation: sourceLocation)
        #expect(a.stats.usageLines == b.stats.usageLines && a.stats.lines == b.stats.lines
                && a.stats.malformedLines == b.stats.malformedLines && a.stats.invalidLines == b.stats.invalidLines
                && a.stats.files == b.stats.files, "\(step)", sourceLocation: sourceLocation)
        #expect(a.unpricedModels == b.unpricedModels, "\(step)", sourceLocation: sourceLocation)
        #expect(a.skipped.map { [$0.path, "\($0.malformed)", "\($0.invalid)"] }
                == b.skipped.map { [$0.path, "\($0.malformed)", "\($0.invalid)"] }, "\(step)", sourceLocation: sourceLocation)
    }

    func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    /// Odd seeds rewrite the merged cache after every change; even ones keep it while little is added (each
    /// run re-reads the bytes added since and inserts their records into the mapped ones).
    @Test(arguments: [1, 2, 3, 4])
    func randomHistoriesMatchAFullMerge(seed: UInt64) throws {
        let limit: Int64 = seed % 2 == 1 ? 0 : 8 << 20
        var kept = 0
        var rng = Generator(state: seed)
        let models = ["claude-sonnet-4-20250514", "claude-opus-4-6", "claude-haiku-4-5", "mystery-model-1"]
        var counter = 0
        func randomLine(reuse: Bool) -> String {
            counter += 1
            let id = reuse ? "m\(Int.random(in: 0..<60, using: &rng))" : "fresh\(seed)_\(counter)"
            let day = 10 + Int.random(in: 0..<6, using: &rng)
            return line(id: Bool.random(using: &rng) || reuse ? id : nil,
                        request: Int.random(in: 0..<4, using: &rng) == 0 ? nil : "r\(Int.random(in: 0..<3, using: &rng))",
                        model: models.randomElement(using: &rng), output: Int.random(in: 0..<500, using: &rng),
                        time: "2025-07-\(day)T0\(Int.random(in: 0..<10, using: &rng)):00:00Z",
                        sidechain: Int.random(in: 0..<9, using: &rng) == 0,
                        speed: Int.random(in: 0..<10, using: &rng) == 0 ? "fast" : nil,
                        cost: Int.random(in: 0..<5, using: &rng) == 0 ? 0.02 : nil)
        }
        var files: [String: [String]] = [:]
        for f in 0..<8 { files["p\(f % 3)/s\(f).jsonl"] = (0..<20).map { _ in randomLine(reuse: true) } }
        let root = try makeTree(files), cache = root + "/cache"
        defer { removeTemporary(root) }
        var paths = files.keys.map { root + "/projects/" + $0 }.sorted()
        _ = try load(root, cache: cache)
        var extended = 0
        for step in 0..<40 {
            let action = Int.random(in: 0..<10, using: &rng)
            let target = paths.randomElement(using: &rng)!
            var description = ""
            switch action {
            case 0...4:   // append fresh requests (the common case: the extended merge applies)
                let lines = (0..<Int.random(in: 1...4, using: &rng)).map { _ in randomLine(reuse: false) }
                try append(lines.joined(separator: "\n") + "\n", to: target)
                description = "append \(lines.count) to \(target)"
            case 5:       // append a copy of an earlier message (falls back to a full merge)
                try append(randomLine(reuse: true) + "\n", to: target)
                description = "append a duplicate to \(target)"
            case 6:       // a new file, somewhere in path order
                let name = "p\(Int.random(in: 0..<4, using: &rng))/n\(step).jsonl"
                let path = root + "/projects/" + name
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try ((0..<3).map { _ in randomLine(reuse: false) }.joined(separator: "\n") + "\n")
                    .write(toFile: path, atomically: false, encoding: .utf8)
                paths.append(path); paths.sort()
                description = "new file \(name)"
            case 7:       // an unterminated last line, completed or not later
                try append(randomLine(reuse: false), to: target)
                description = "unterminated line in \(target)"
            case 8:       // a malformed line
                try append("{\"type\":\"assistant\",\"message\":\n", to: target)
                description = "malformed line in \(target)"
            default:      // a rewrite that keeps the size (must be noticed)
                var text = try String(contentsOfFile: target, encoding: .utf8)
                if let range = text.range(of: "\"output_tokens\":1") {
                    text.replaceSubrange(range, with: "\"output_tokens\":2")
                }
                try text.write(toFile: target, atomically: false, encoding: .utf8)
                description = "rewrite of \(target)"
            }
            let cold = try load(root, cache: nil)
            let warm = try load(root, cache: cache, rereadLimit: limit)
            expectSame(warm, cold, "step \(step): \(description)")
            if warm.source == .extendedMerge { extended += 1 }
            // Read again unchanged: the result just written, or the same extension of the cache kept.
            let again = try load(root, cache: cache, rereadLimit: limit)
            expectSame(again, cold, "step \(step) reread")
            if limit == 0 || warm.source != .extendedMerge {
                #expect(again.source == .cachedMerge, "step \(step) reread")
            } else {
                // Kept (re-read again), or written when the files had to be renumbered.
                #expect(again.source == .extendedMerge || again.source == .cachedMerge, "step \(step) reread")
                if again.source == .extendedMerge { kept += 1 }
            }
            // Another mode has its own merged result; it must agree too.
            if step % 10 == 9 {
                expectSame(try load(root, cache: cache, mode: .calculate, rereadLimit: limit),
                           try load(root, cache: nil, mode: .calculate), "step \(step), calculate")
            }
        }
        #expect(extended >= 10, "the extended merge ran \(extended) times")
        #expect(limit == 0 || kept >= 5, "the kept cache was re-read \(kept) times")
    }

    /// The merged cache holds records as their bytes: any damage to them, a string id out of range or a
    /// file written with another record layout makes it ignored and rebuilt, never read.
    @Test("a damaged merged cache is rebuilt", arguments: ["record byte", "string id", "layout", "checksum"])
    func damagedMergedCache(_ damage: String) throws {
        let root = try makeTree(["a/x.jsonl": [line(id: "m1"), line(id: "m2", request: "r2", model: "claude-opus-4-6")],
                                 "b/y.jsonl": [line(id: "m3", request: "r3", output: 5)]])
        defer { removeTemporary(root) }
        let cache = root + "/cache"
        let cold = try load(root, cache: nil)
        _ = try load(root, cache: cache)
        #expect(try load(root, cache: cache).source == .cachedMerge)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasPrefix("merged-v") })
        let parsed = try #require(MergedCache.Parsed(path: cache + "/" + name))
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: cache + "/" + name)))
        let modelAt = parsed.recordsAt + UsageRecord.modelIDOffset
        switch damage {
        case "record byte": bytes[parsed.recordsAt + 9] ^= 0x10              // a token count
        case "string id": bytes[modelAt + 1] = 0x7F                          // and the checksum made to match
        case "layout": bytes[MergedCache.magic.count + 8] ^= 1
        default: bytes[MergedCache.magic.count + 8 * 7] ^= 1
        }
        if damage == "string id" {
            var sum = MergedCache.Checksum()
            bytes.withUnsafeBytes { sum.add(UnsafeRawBufferPointer(rebasing: $0[parsed.recordsAt..<parsed.fileTableAt])) }
            let at = MergedCache.magic.count + 8 * 7
            for k in 0..<8 { bytes[at + k] = UInt8(truncatingIfNeeded: sum.value >> (8 * UInt64(k))) }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: cache + "/" + name))
        let again = try load(root, cache: cache)
        #expect(again.source == .merged)
        expectSame(again, cold, damage)
        #expect(try load(root, cache: cache).source == .cachedMerge)   // rewritten
    }

    @Test func anExtendedMergeIsReusedAndExtendedAgain() throws {
        let root = try makeTree(["a/x.jsonl": [line(id: "m1"), line(id: "m2", request: "r2")],
                                 "b/y.jsonl": [line(id: "m3", request: "r3"), line(id: "m6", request: "r6", output: 5),
                                               line(id: "m7", request: "r7", output: 6), line(id: "m8", request: "r8", output: 3),
                                               line(id: "m9", request: "r9", output: 4)]])
        defer { removeTemporary(root) }
        let cache = root + "/cache"
        #expect(try load(root, cache: cache).source == .merged)
        #expect(try load(root, cache: cache).source == .cachedMerge)
        // Inserted before record 2 of 7, not at the end.
        try append(line(id: "m4", request: "r4", output: 7) + "\n", to: root + "/projects/a/x.jsonl")
        let grown = try load(root, cache: cache)
        #expect(grown.source == .extendedMerge && grown.stats.bytes > 0 && grown.stats.bytes < 400)
        #expect(grown.records.map(\.record.tokens.output) == [20, 20, 7, 20, 5, 6, 3, 4])   // m4 before b/y.jsonl's
        #expect(grown.records.isMapped)
        // Little was added: the cache is kept, and the next run re-reads the same bytes.
        let reread = try load(root, cache: cache)
        #expect(reread.source == .extendedMerge && reread.records == grown.records && reread.stats.bytes == grown.stats.bytes)
        // With no re-reading allowed, the extension is written, and read back as it is.
        #expect(try load(root, cache: cache, rereadLimit: 0).source == .extendedMerge)
        let written = try load(root, cache: cache)
        #expect(written.source == .cachedMerge && written.records == grown.records && written.records.isMapped)
        try append(line(id: "m5", request: "r5", output: 9) + "\n", to: root + "/projects/b/y.jsonl")
        let again = try load(root, cache: cache)
        #expect(again.source == .extendedMerge)
        expectSame(again, try load(root, cache: nil), "second extension")
        // A response seen before (a streaming copy of m1) needs the full merge.
        try append(line(id: "m1", output: 90) + "\n", to: root + "/projects/b/y.jsonl")
        let copy = try load(root, cache: cache)
        #expect(copy.source == .merged)
        expectSame(copy, try load(root, cache: nil), "copy of an earlier response")
        // A removed file needs the full merge.
        try FileManager.default.removeItem(atPath: root + "/projects/b/y.jsonl")
        let removed = try load(root, cache: cache)
        #expect(removed.source == .merged)
        expectSame(removed, try load(root, cache: nil), "removed file")
    }
}

@Suite struct ReportCacheTests {
    @Test func entriesRoundTripAndOnlyTheMostRecentlyUsedAreKept() throws {
        let dir = try makeTemporaryDirectory("ccusage-reports")
        defer { removeTemporary(dir) }
        let entry = { (i: Int) in ReportCache.Entry(notices: "n\(i)", text: "report \(i)\n", warnings: "") }
        #expect(ReportCache.write(directory: dir, key: "k0", signature: 7, entry: entry(0)))
        #expect(ReportCache.read(directory: dir, key: "k0", signature: 7) == entry(0))
        #expect(ReportCache.read(directory: dir, key: "k0", signature: 8) == nil)   // other files
        #expect(ReportCache.read(directory: dir, key: "k1", signature: 7) == nil)
        // An entry of an older format is removed on the next write.
        FileManager.default.createFile(atPath: dir + "/report-v1-3f.bin", contents: Data("old".utf8))
        let full = ReportCache.capacity - 1
        for i in 1...full { #expect(ReportCache.write(directory: dir, key: "k\(i)", signature: 7, entry: entry(i))) }
        // Give the entries distinct last-use times (the clock behind file times is coarse): k1 the oldest, k0
        // the most recent.
        for i in 0...full {
            let path = ReportCache.path(directory: dir, key: "k\(i)")
            let used = Date(timeIntervalSince1970: 1_000_000 + Double(i == 0 ? 1000 : i))
            try FileManager.default.setAttributes([.modificationDate: used], ofItemAtPath: path)
        }
        for i in (full + 1)...(full + 8) {
            #expect(ReportCache.write(directory: dir, key: "k\(i)", signature: 7, entry: entry(i)))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("report-") }
        #expect(names.count == ReportCache.capacity && !names.contains("report-v1-3f.bin"))
        #expect(ReportCache.read(directory: dir, key: "k0", signature: 7) == entry(0))
        #expect(ReportCache.read(directory: dir, key: "k\(full + 8)", signature: 7) == entry(full + 8))
        for i in 1...8 { #expect(ReportCache.read(directory: dir, key: "k\(i)", signature: 7) == nil, "k\(i)") }
        #expect(ReportCache.read(directory: dir, key: "k9", signature: 7) == entry(9))
    }
}
