#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of the last merge (deduplicated, priced records) for one set of files, mode and prices.
/// When nothing changed, a repeat run takes it as is: no per-file decoding, no deduplication.
enum MergedCache {
    static let magic: [UInt8] = Array("CCUSAGE-MERGED".utf8)
    static let version: UInt64 = 3

    /// Identifies the inputs of a merge: every file's path, size, modification time and inode (in path
    /// order), the cost mode and the prices.
    static func signature(_ files: [TranscriptFile], options: LoadOptions) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ version
        @inline(__always) func mix(_ v: UInt64) {
            h = (h ^ v) &* 0x0000_0100_0000_01B3
            h ^= h >> 32
        }
        for file in files {
            var path = file.path
            path.withUTF8 { mix(Hashing.pair($0).0) }
            mix(UInt64(bitPattern: file.size)); mix(UInt64(bitPattern: file.stamp)); mix(file.inode)
        }
        mix(UInt64(files.count))
        var mode = options.mode.rawValue
        mode.withUTF8 { mix(Hashing.pair($0).0) }
        if options.mode != .display { mix(options.prices.digest) }
        return h
    }

    /// One file per kind of load (mode, project, file cut-off, kept session), so a status line and a
    /// daily report do not evict each other.
    static func path(directory: String, options: LoadOptions) -> String {
        var key = "\(options.mode.rawValue)|\(options.project ?? "")|\(options.modifiedSince ?? 0)|\(options.keepSession ?? "")"
        let slot = key.withUTF8 { Hashing.pair($0).0 } & 0xFFFF_FFFF
        return directory + "/merged-v\(version)-" + String(slot, radix: 16) + ".bin"
    }

    static func read(path: String, signature: UInt64, files: [TranscriptFile]) -> LoadedUsage? {
        guard let bytes = ScanCache.readWholeFile(path) else { return nil }
        var r = ScanCache.Reader(bytes: bytes)
        do {
            for b in magic { guard try r.u8() == b else { return nil } }
            guard try r.u64() == version, try r.u64() == signature else { return nil }
            var stats = ScanStats()
            stats.files = try r.int(); stats.lines = try r.int(); stats.usageLines = try r.int()
            stats.malformedLines = try r.int(); stats.invalidLines = try r.int()
            let duplicates = try r.int()
            let stringCount = try r.int()
            guard stringCount <= bytes.count / 8 else { return nil }
            var strings: [String] = []
            for _ in 0..<stringCount { strings.append(try r.string()) }
            let unpricedCount = try r.int()
            guard unpricedCount <= stringCount else { return nil }
            var unpriced: [String] = []
            for _ in 0..<unpricedCount { unpriced.append(try r.optionalString(strings) ?? "") }
            let skippedCount = try r.int()
            guard skippedCount <= files.count else { return nil }
            var skipped: [SkippedLines] = []
            for _ in 0..<skippedCount {
                let index = try r.int()
                guard index < files.count else { return nil }
                skipped.append(SkippedLines(path: files[index].path, malformed: try r.int(), invalid: try r.int(), offsets: []))
            }
            let count = try r.int()
            guard count <= bytes.count / 50 else { return nil }
            // Built in place: no intermediate copies of the records.
            let fileCount = files.count
            let records = try [PricedRecord](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count {
                    let fileIndex = try r.int()
                    guard fileIndex < fileCount else { throw ScanCache.Corrupt() }
                    let cost = Double(bitPattern: try r.u64())
                    (buffer.baseAddress! + i).initialize(to: PricedRecord(
                        try RecordCodec.decode(&r, strings: strings, fileIndex: Int32(fileIndex)), cost: cost))
                    initialized = i + 1
                }
            }
            guard r.at == bytes.count else { return nil }
            var usage = LoadedUsage(files: files, records: records, stats: stats, duplicatesRemoved: duplicates,
                                    unpricedModels: unpriced)
            usage.skipped = skipped
            return usage
        } catch { return nil }
    }

    @discardableResult
    static func write(_ usage: LoadedUsage, signature: UInt64, path: String) -> Bool {
        var body: [UInt8] = []
        body.reserveCapacity(usage.records.count * 90)
        var table = StringTable()
        func index(_ s: String?) -> Int64 { table.index(s) }
        var fileIndex: [String: Int] = [:]
        for (i, f) in usage.files.enumerated() { fileIndex[f.path] = i }
        let unpriced = usage.unpricedModels.map(index)
        var tail: [UInt8] = []
        CacheWriter.i64(Int64(unpriced.count), &tail)
        for u in unpriced { CacheWriter.i64(u, &tail) }
        CacheWriter.i64(Int64(usage.skipped.count), &tail)
        for s in usage.skipped {
            CacheWriter.i64(Int64(fileIndex[s.path] ?? 0), &tail)
            CacheWriter.i64(Int64(s.malformed), &tail); CacheWriter.i64(Int64(s.invalid), &tail)
        }
        CacheWriter.i64(Int64(usage.records.count), &tail)
        for p in usage.records {
            CacheWriter.i64(Int64(p.record.fileIndex), &body)
            CacheWriter.u64(p.cost.bitPattern, &body)
            RecordCodec.encode(p.record, into: &body) { index($0) }
        }
        var head: [UInt8] = magic
        CacheWriter.u64(version, &head)
        CacheWriter.u64(signature, &head)
        let s = usage.stats
        for v in [s.files, s.lines, s.usageLines, s.malformedLines, s.invalidLines, usage.duplicatesRemoved] {
            CacheWriter.i64(Int64(v), &head)
        }
        CacheWriter.i64(Int64(table.strings.count), &head)
        for str in table.strings { CacheWriter.bytes(str, &head) }
        return CacheWriter.writeAtomically([head, tail, body], to: path)
    }
}

extension PriceTable {
    /// A hash of every rate, so cached costs are reused only with the same prices.
    public var digest: UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ v: UInt64) { h = (h ^ v) &* 0xff51_afd7_ed55_8ccd; h ^= h >> 31 }
        for table in tables {
            mix(UInt64(table.count))
            for key in table.keys.sorted() {
                var k = key
                k.withUTF8 { mix(Hashing.pair($0).0) }
                let p = table[key]!
                for v in [p.input, p.output, p.cacheWrite, p.cacheRead, p.fastMultiplier] { mix(v.bitPattern) }
                for v in [p.inputAbove200k, p.outputAbove200k, p.cacheWriteAbove200k, p.cacheReadAbove200k] {
                    mix(v.map { $0.bitPattern } ?? 1)
                }
            }
        }
        return h
    }
}
