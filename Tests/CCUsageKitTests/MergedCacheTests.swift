import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

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
