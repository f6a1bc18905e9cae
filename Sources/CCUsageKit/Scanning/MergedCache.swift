#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of the last merge (deduplicated, priced records) for one set of files, mode and prices.
/// When nothing changed, a repeat run takes it as is: no per-file decoding, no deduplication.
enum MergedCache {
    static let magic: [UInt8] = Array("CCUSAGE-MERGED".utf8)
    static let version: UInt64 = 4

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
        mix(pricingSignature(options))
        return h
    }

    /// The cost mode and the prices: records priced under another are never reused.
    static func pricingSignature(_ options: LoadOptions) -> UInt64 {
        var mode = options.mode.rawValue
        var h = mode.withUTF8 { Hashing.pair($0).0 } ^ version
        if options.mode != .display { h = (h ^ options.prices.digest) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// One file per kind of load (mode, project, file cut-off, kept session), so a status line and a
    /// daily report do not evict each other.
    static func path(directory: String, options: LoadOptions) -> String {
        var key = "\(options.mode.rawValue)|\(options.project ?? "")|\(options.modifiedSince ?? 0)|\(options.keepSession ?? "")"
        let slot = key.withUTF8 { Hashing.pair($0).0 } & 0xFFFF_FFFF
        return directory + "/merged-v\(version)-" + String(slot, radix: 16) + ".bin"
    }

    /// What the merge knew of one file: enough to tell, next run, whether the file only grew since.
    struct FileState: Sendable, Equatable {
        var size: Int64, stamp: Int64, inode: UInt64
        /// Bytes up to the last line end (a final unterminated line is not included).
        var consumed: Int64
        /// `ScanCache.fingerprint` of the bytes before `consumed`.
        var fingerprint: UInt64
        /// Survivors whose first copy came from this file or an earlier one: where records appended to this
        /// file go in the processing order.
        var end: Int
    }

    /// A merged cache file, parsed up to its records (decoded by `records`).
    struct Parsed {
        let bytes: MappedFile
        var signature: UInt64
        var pricing: UInt64 = 0
        var stats = ScanStats()
        var duplicates = 0
        var strings: [String] = []
        var unpriced: [String] = []
        /// (file index, malformed, invalid) for files with skipped lines.
        var skipped: [(Int, Int, Int)] = []
        var recordCount = 0
        var recordsAt = 0
        var fileTableAt = 0

        init?(path: String) {
            guard let bytes = ScanCache.readWholeFile(path) else { return nil }
            self.bytes = bytes
            var r = ScanCache.Reader(bytes: bytes)
            do {
                for b in MergedCache.magic { guard try r.u8() == b else { return nil } }
                guard try r.u64() == MergedCache.version else { return nil }
                signature = try r.u64()
                pricing = try r.u64()
                fileTableAt = try r.int()
                guard fileTableAt <= bytes.count else { return nil }
                stats.files = try r.int(); stats.lines = try r.int(); stats.usageLines = try r.int()
                stats.malformedLines = try r.int(); stats.invalidLines = try r.int()
                duplicates = try r.int()
                let stringCount = try r.int()
                guard stringCount <= bytes.count / 8 else { return nil }
                strings.reserveCapacity(stringCount)
                for _ in 0..<stringCount { strings.append(try r.string()) }
                let unpricedCount = try r.int()
                guard unpricedCount <= stringCount else { return nil }
                for _ in 0..<unpricedCount { unpriced.append(try r.optionalString(strings) ?? "") }
                let skippedCount = try r.int()
                guard skippedCount <= bytes.count / 24 else { return nil }
                for _ in 0..<skippedCount { skipped.append((try r.int(), try r.int(), try r.int())) }
                recordCount = try r.int()
                guard recordCount <= bytes.count / 50 else { return nil }
                recordsAt = r.at
            } catch { return nil }
        }

        /// The per-file table written after the records (paths with their states).
        func fileTable() -> [(path: String, state: FileState)]? {
            var r = ScanCache.Reader(bytes: bytes, at: fileTableAt)
            do {
                let count = try r.int()
                guard count <= bytes.count / 56 else { return nil }
                var table: [(path: String, state: FileState)] = []
                table.reserveCapacity(count)
                for _ in 0..<count {
                    let path = try r.string()
                    table.append((path, FileState(size: try r.i64(), stamp: try r.i64(), inode: try r.u64(),
                                                  consumed: try r.i64(), fingerprint: try r.u64(), end: try r.int())))
                }
                guard r.at == r.count else { return nil }
                return table
            } catch { return nil }
        }

        /// Decodes the records in place, renumbering files through `fileIndex` (old index → new index) and
        /// putting each of `insertions` (old position, records) before the old record at that position.
        func records(fileCount: Int, fileIndex: [Int32]? = nil,
                     insertions: [(at: Int, records: [PricedRecord])] = []) -> [PricedRecord]? {
            var none: Body? = nil
            var offsets: [Int] = []
            return records(fileCount: fileCount, fileIndex: fileIndex, insertions: insertions, body: &none,
                           offsets: &offsets)
        }

        /// As above; `offsets` gets the byte offset of each insertion point. With `body`, also writes the new
        /// cache body: each earlier record's bytes copied as they are (renumbered), each inserted one encoded.
        func records(fileCount: Int, fileIndex: [Int32]?, insertions: [(at: Int, records: [PricedRecord])],
                     body: inout Body?, offsets: inout [Int]) -> [PricedRecord]? {
            offsets = []
            let base = bytes.base, file = bytes, start = recordsAt
            let inserted = insertions.reduce(0) { $0 + $1.records.count }
            let count = recordCount, strings = self.strings
            var end = 0
            var found: [Int] = []
            var copy = body
            do {
                // Everything the loop touches is local to it: no captured state to check on every access.
                let records = try [PricedRecord](unsafeUninitializedCapacity: count + inserted) { buffer, initialized in
                    prefault(UnsafeMutableRawBufferPointer(buffer))
                    let out = buffer.baseAddress!
                    var r = ScanCache.Reader(bytes: file, at: start)
                    var next = 0, k = 0
                    var written = 0
                    defer { initialized = written }
                    while true {
                        while k < insertions.count, insertions[k].at <= next {
                            found.append(r.at)
                            for record in insertions[k].records {
                                (out + written).initialize(to: record)
                                written += 1
                                copy?.add(record)
                            }
                            k += 1
                        }
                        if next == count { break }
                        var index = try r.int()
                        if let fileIndex {
                            guard index < fileIndex.count else { throw ScanCache.Corrupt() }
                            index = Int(fileIndex[index])
                        }
                        guard index < fileCount else { throw ScanCache.Corrupt() }
                        let from = r.at
                        let cost = Double(bitPattern: try r.u64())
                        (out + written).initialize(to: PricedRecord(
                            try RecordCodec.decode(&r, strings: strings, fileIndex: Int32(index)), cost: cost))
                        written += 1
                        next += 1
                        if copy != nil {
                            CacheWriter.i64(Int64(index), &copy!.bytes)
                            copy!.bytes.append(contentsOf: UnsafeRawBufferPointer(start: base + from, count: r.at - from))
                            copy!.count += 1
                        }
                    }
                    end = r.at
                }
                guard end == fileTableAt else { return nil }
                offsets = found
                body = copy
                return records
            } catch { return nil }
        }
    }

    /// A cache body being written: encoded records and the strings they refer to.
    struct Body: @unchecked Sendable {
        var bytes: [UInt8] = []
        var table = StringTable()
        var count = 0

        /// Starts from an earlier file's strings, so its records' bytes stay valid as they are.
        init(strings: [String] = [], capacity: Int = 0) {
            for s in strings { table.append(s) }
            bytes.reserveCapacity(capacity)
        }

        mutating func add(_ p: PricedRecord) {
            CacheWriter.i64(Int64(p.record.fileIndex), &bytes)
            CacheWriter.u64(p.cost.bitPattern, &bytes)
            RecordCodec.encode(p.record, into: &bytes) { table.index($0) }
            count += 1
        }
    }

    /// The merged result when `signature` matches: nothing changed since it was written.
    static func read(path: String, signature: UInt64, files: [TranscriptFile]) -> LoadedUsage? {
        guard let parsed = Parsed(path: path), parsed.signature == signature,
              parsed.skipped.allSatisfy({ $0.0 < files.count }),
              let records = parsed.records(fileCount: files.count) else { return nil }
        var usage = LoadedUsage(files: files, records: records, stats: parsed.stats,
                                duplicatesRemoved: parsed.duplicates, unpricedModels: parsed.unpriced)
        usage.skipped = parsed.skipped.map {
            SkippedLines(path: files[$0.0].path, malformed: $0.1, invalid: $0.2, offsets: [])
        }
        return usage
    }

    @discardableResult
    static func write(_ usage: LoadedUsage, states: [FileState], signature: UInt64, pricing: UInt64,
                      path: String) -> Bool {
        var body = Body(capacity: usage.records.count * 100)
        for p in usage.records { body.add(p) }
        return write(usage, body: body, states: states, signature: signature, pricing: pricing, path: path)
    }

    /// Writes `usage` with its records already encoded in `body`.
    @discardableResult
    static func write(_ usage: LoadedUsage, body: Body, states: [FileState], signature: UInt64, pricing: UInt64,
                      path: String) -> Bool {
        write(usage, table: body.table, records: [.bytes(body.bytes)], count: body.count, states: states,
              signature: signature, pricing: pricing, path: path)
    }

    /// Writes `usage` with its `count` records already encoded in `records`, whose strings are in `table`.
    @discardableResult
    static func write(_ usage: LoadedUsage, table: StringTable, records: [CacheWriter.Chunk], count: Int,
                      states: [FileState], signature: UInt64, pricing: UInt64, path: String) -> Bool {
        guard count == usage.records.count else { return false }
        let bodySize = records.reduce(0) { $0 + $1.count }
        var table = table
        func index(_ s: String?) -> Int64 { table.index(s) }
        /// Files are in path order: a binary search finds a skipped file's index.
        func fileIndex(_ path: String) -> Int? {
            var low = 0, high = usage.files.count
            while low < high {
                let mid = (low + high) / 2
                if bytewiseLess(usage.files[mid].path, path) { low = mid + 1 } else { high = mid }
            }
            return low < usage.files.count && usage.files[low].path == path ? low : nil
        }
        let unpriced = usage.unpricedModels.map(index)
        var tail: [UInt8] = []
        CacheWriter.i64(Int64(unpriced.count), &tail)
        for u in unpriced { CacheWriter.i64(u, &tail) }
        CacheWriter.i64(Int64(usage.skipped.count), &tail)
        for s in usage.skipped {
            guard let i = fileIndex(s.path) else { return false }
            CacheWriter.i64(Int64(i), &tail)
            CacheWriter.i64(Int64(s.malformed), &tail); CacheWriter.i64(Int64(s.invalid), &tail)
        }
        CacheWriter.i64(Int64(usage.records.count), &tail)
        var files: [UInt8] = []
        let knownStates = states.count == usage.files.count ? states : []
        CacheWriter.i64(Int64(knownStates.count), &files)
        for (file, state) in zip(usage.files, knownStates) {
            CacheWriter.bytes(file.path, &files)
            CacheWriter.i64(state.size, &files); CacheWriter.i64(state.stamp, &files)
            CacheWriter.u64(state.inode, &files); CacheWriter.i64(state.consumed, &files)
            CacheWriter.u64(state.fingerprint, &files); CacheWriter.i64(Int64(state.end), &files)
        }
        var strings: [UInt8] = []
        CacheWriter.i64(Int64(table.strings.count), &strings)
        for str in table.strings { CacheWriter.bytes(str, &strings) }
        var head: [UInt8] = magic
        CacheWriter.u64(version, &head)
        CacheWriter.u64(signature, &head)
        CacheWriter.u64(pricing, &head)
        let s = usage.stats
        let counts = [s.files, s.lines, s.usageLines, s.malformedLines, s.invalidLines, usage.duplicatesRemoved]
        let headSize = head.count + 8 + counts.count * 8
        CacheWriter.i64(Int64(headSize + strings.count + tail.count + bodySize), &head)   // file table offset
        for v in counts { CacheWriter.i64(Int64(v), &head) }
        Trace.mark("merged cache encoded")
        return CacheWriter.writeAtomically([.bytes(head), .bytes(strings), .bytes(tail)] + records + [.bytes(files)],
                                           to: path)
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

/// Faults a large, not yet touched buffer in with one call (MADV_POPULATE_WRITE, Linux 5.14+) rather than
/// one page fault per 4 KiB as it is filled. Only a hint: older kernels refuse it and nothing changes.
func prefault(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
    let page = 4096
    guard buffer.count >= 64 * page, let base = buffer.baseAddress else { return }
    let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
    let end = (Int(bitPattern: base) + buffer.count) & ~(page - 1)
    guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(p, end - start, 23)   // MADV_POPULATE_WRITE
    #endif
}
