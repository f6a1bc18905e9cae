#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of the last merge (deduplicated, priced records) for one set of files, mode and prices.
/// When nothing changed, a repeat run maps it as is: no per-file decoding, no deduplication, and no record
/// decoded either: records are stored as their in-memory bytes (`UsageRecord` is plain data), with the
/// strings they refer to, a checksum, and the layout they were written with.
enum MergedCache {
    static let magic: [UInt8] = Array("CCUSAGE-MERGED".utf8)
    static let version: UInt64 = 6
    static let stride = MemoryLayout<PricedRecord>.stride

    /// Identifies the inputs of a merge: every file's path, size, modification time and inode (in path
    /// order), the cost mode and the prices.
    static func signature(_ files: [TranscriptFile], options: LoadOptions) -> UInt64 {
        var signature = FileSignature(seed: 0xcbf2_9ce4_8422_2325 ^ version)
        for file in files {
            signature.file(path: file.path, size: file.size, time: file.stamp, inode: file.inode)
        }
        signature.mix(UInt64(files.count))
        signature.mix(pricingSignature(options))
        return signature.value
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
    /// The status line names its window (`LoadOptions.cacheSlot`): one file for every session and day, not
    /// one per session and cut-off.
    static func path(directory: String, options: LoadOptions) -> String {
        let window = options.cacheSlot ?? String(options.modifiedSince ?? 0)
        var key = "\(options.mode.rawValue)|\(options.project ?? "")|\(window)"
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

    /// A 64-bit running checksum of the record bytes (two sums, the second over the first, of 8-byte words).
    struct Checksum {
        private var a: UInt64 = 0x243F_6A88_85A3_08D3, b: UInt64 = 0
        /// `raw.count` is a multiple of 8 (records are).
        mutating func add(_ raw: UnsafeRawBufferPointer) {
            var a = self.a, b = self.b
            var at = 0
            while at + 8 <= raw.count {
                a = a &+ raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                b = b &+ a
                at += 8
            }
            self.a = a; self.b = b
        }
        var value: UInt64 { a ^ (b &* 0x9E37_79B9_7F4A_7C15) }
    }

    /// A merged cache file, parsed up to its records.
    struct Parsed {
        let bytes: MappedFile
        var signature: UInt64
        var pricing: UInt64 = 0
        var stats = ScanStats()
        var duplicates = 0
        var requestless = 0
        var strings: [String] = []
        var unpriced: [String] = []
        /// (file index, malformed, invalid) for files with skipped lines.
        var skipped: [(Int, Int, Int)] = []
        var recordCount = 0
        var recordsAt = 0
        var fileTableAt = 0
        var checksum: UInt64 = 0

        init?(path: String) {
            guard let bytes = ScanCache.readWholeFile(path) else { return nil }
            self.bytes = bytes
            var r = ScanCache.Reader(bytes: bytes)
            do {
                for b in MergedCache.magic { guard try r.u8() == b else { return nil } }
                guard try r.u64() == MergedCache.version, try r.u64() == UsageRecord.layoutFingerprint else { return nil }
                signature = try r.u64()
                pricing = try r.u64()
                recordsAt = try r.int()
                recordCount = try r.int()
                fileTableAt = try r.int()
                checksum = try r.u64()
                guard recordCount <= bytes.count / MergedCache.stride, recordsAt % 16 == 0,
                      recordsAt <= bytes.count, fileTableAt == recordsAt + recordCount * MergedCache.stride,
                      fileTableAt <= bytes.count else { return nil }
                stats.files = try r.int(); stats.lines = try r.int(); stats.usageLines = try r.int()
                stats.malformedLines = try r.int(); stats.invalidLines = try r.int()
                duplicates = try r.int()
                requestless = try r.int()
                let stringCount = try r.int()
                guard stringCount <= bytes.count / 8, stringCount < Int(UInt32.max) else { return nil }
                strings.reserveCapacity(stringCount)
                for _ in 0..<stringCount { strings.append(try r.string()) }
                let unpricedCount = try r.int()
                guard unpricedCount <= bytes.count / 8 else { return nil }
                for _ in 0..<unpricedCount { unpriced.append(try r.string()) }
                let skippedCount = try r.int()
                guard skippedCount <= bytes.count / 24 else { return nil }
                for _ in 0..<skippedCount { skipped.append((try r.int(), try r.int(), try r.int())) }
                guard r.at <= recordsAt else { return nil }
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

        /// The records, checked (checksum, string ids, file indices, flags); nil when the file is damaged.
        /// Their strings are pooled first: in a process that pooled nothing before, they keep their ids, and
        /// with no file renumbered (`fileIndex`: old index → new index) the records are used where they are
        /// mapped. Otherwise they are copied with their ids and indices renumbered.
        func records(fileCount: Int, fileIndex: [Int32]? = nil) -> RecordStore? {
            let raw = UnsafeRawBufferPointer(start: bytes.base + recordsAt, count: recordCount * MergedCache.stride)
            var sum = Checksum()
            sum.add(raw)
            guard sum.value == checksum else { return nil }
            var ids: [UInt32] = [0]
            ids.reserveCapacity(strings.count + 1)
            var sameIDs = true
            for s in strings {
                let id = StringPool.id(s)
                if id != UInt32(ids.count) { sameIDs = false }
                ids.append(id)
            }
            let limit = UInt32(strings.count)
            // Every old index must lead to one of this run's files.
            let oldFiles = fileIndex?.count ?? fileCount
            var sameFiles = true
            if let fileIndex {
                guard fileIndex.allSatisfy({ $0 >= 0 && Int($0) < fileCount }) else { return nil }
                sameFiles = fileIndex.enumerated().allSatisfy { $0.offset == Int($0.element) }
            }
            let records = raw.bindMemory(to: PricedRecord.self)
            for p in records {
                let s = p.record.stringIDs, index = p.record.fileIndex
                guard s.model <= limit, s.session <= limit, s.version <= limit, s.rawTimestamp <= limit,
                      index >= 0, Int(index) < oldFiles, p.record.flagBits & ~UsageRecord.knownFlags == 0 else {
                    return nil
                }
            }
            if sameIDs, sameFiles {
                return RecordStore(mapping: bytes, offset: recordsAt, count: recordCount)
            }
            var copy: [PricedRecord] = []
            copy.reserveCapacity(recordCount)
            for var p in records {
                var s = p.record.stringIDs
                s = (ids[Int(s.model)], ids[Int(s.session)], ids[Int(s.version)], ids[Int(s.rawTimestamp)])
                p.record.stringIDs = s
                if let fileIndex { p.record.fileIndex = fileIndex[Int(p.record.fileIndex)] }
                copy.append(p)
            }
            return RecordStore(copy)
        }
    }

    /// The merged result when `signature` matches: nothing changed since it was written.
    static func read(path: String, signature: UInt64, files: [TranscriptFile]) -> LoadedUsage? {
        guard let parsed = Parsed(path: path), parsed.signature == signature,
              parsed.skipped.allSatisfy({ $0.0 < files.count }),
              let records = parsed.records(fileCount: files.count) else { return nil }
        CacheBudget.touch(path)
        var usage = LoadedUsage(files: files, stats: parsed.stats, duplicatesRemoved: parsed.duplicates,
                                unpricedModels: parsed.unpriced)
        usage.requestlessDuplicates = parsed.requestless
        usage.records = records
        usage.skipped = parsed.skipped.map {
            SkippedLines(path: files[$0.0].path, malformed: $0.1, invalid: $0.2, offsets: [])
        }
        return usage
    }

    /// Writes `usage` (its records as they are).
    @discardableResult
    static func write(_ usage: LoadedUsage, states: [FileState], signature: UInt64, pricing: UInt64,
                      path: String) -> Bool {
        write(usage, records: [.records(usage.records)], count: usage.records.count, states: states,
              signature: signature, pricing: pricing, path: path, map: false) != nil
    }

    /// Writes `usage` with its `count` records in `records` (chunks of record bytes); with `map`, returns the
    /// written file's records mapped. nil on failure.
    static func write(_ usage: LoadedUsage, records: [CacheWriter.Chunk], count: Int, states: [FileState],
                      signature: UInt64, pricing: UInt64, path: String, map: Bool) -> RecordStore? {
        let bodySize = records.reduce(0) { $0 + $1.count }
        guard bodySize == count * stride else { return nil }
        /// Files are in path order: a binary search finds a skipped file's index.
        func fileIndex(_ path: String) -> Int? {
            var low = 0, high = usage.files.count
            while low < high {
                let mid = (low + high) / 2
                if bytewiseLess(usage.files[mid].path, path) { low = mid + 1 } else { high = mid }
            }
            return low < usage.files.count && usage.files[low].path == path ? low : nil
        }
        // Every pooled string, so the records' ids index the table as they are.
        let strings = StringPool.strings(upTo: StringPool.end)
        var tail: [UInt8] = []
        CacheWriter.i64(Int64(strings.count), &tail)
        for str in strings { CacheWriter.bytes(str, &tail) }
        CacheWriter.i64(Int64(usage.unpricedModels.count), &tail)
        for u in usage.unpricedModels { CacheWriter.bytes(u, &tail) }
        CacheWriter.i64(Int64(usage.skipped.count), &tail)
        for s in usage.skipped {
            guard let i = fileIndex(s.path) else { return nil }
            CacheWriter.i64(Int64(i), &tail)
            CacheWriter.i64(Int64(s.malformed), &tail); CacheWriter.i64(Int64(s.invalid), &tail)
        }
        var files: [UInt8] = []
        let knownStates = states.count == usage.files.count ? states : []
        CacheWriter.i64(Int64(knownStates.count), &files)
        for (file, state) in zip(usage.files, knownStates) {
            CacheWriter.bytes(file.path, &files)
            CacheWriter.i64(state.size, &files); CacheWriter.i64(state.stamp, &files)
            CacheWriter.u64(state.inode, &files); CacheWriter.i64(state.consumed, &files)
            CacheWriter.u64(state.fingerprint, &files); CacheWriter.i64(Int64(state.end), &files)
        }
        var sum = Checksum()
        for chunk in records { guard chunk.forEachRun({ sum.add($0) }) else { return nil } }
        var head: [UInt8] = magic
        CacheWriter.u64(version, &head)
        CacheWriter.u64(UsageRecord.layoutFingerprint, &head)
        CacheWriter.u64(signature, &head)
        CacheWriter.u64(pricing, &head)
        let s = usage.stats
        let counts = [s.files, s.lines, s.usageLines, s.malformedLines, s.invalidLines, usage.duplicatesRemoved,
                      usage.requestlessDuplicates]
        let headSize = head.count + 4 * 8 + counts.count * 8
        let recordsAt = (headSize + tail.count + 15) / 16 * 16
        CacheWriter.i64(Int64(recordsAt), &head)
        CacheWriter.i64(Int64(count), &head)
        CacheWriter.i64(Int64(recordsAt + bodySize), &head)   // file table offset
        CacheWriter.u64(sum.value, &head)
        for v in counts { CacheWriter.i64(Int64(v), &head) }
        tail += repeatElement(0, count: recordsAt - headSize - tail.count)
        Trace.mark("merged cache encoded")
        let chunks = [CacheWriter.Chunk.bytes(head), .bytes(tail)] + records + [.bytes(files)]
        defer { CacheBudget.prune(directory: parentPath(path)) }
        if map {
            guard let file = CacheWriter.writeAndMap(chunks, to: path) else { return nil }
            return RecordStore(mapping: file, offset: recordsAt, count: count)
        }
        return CacheWriter.writeAtomically(chunks, to: path) ? RecordStore() : nil
    }
}

extension PriceTable {
    /// A hash of every rate, so cached costs are reused only with the same prices.
    public var digest: UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ v: UInt64) { h = (h ^ v) &* 0xff51_afd7_ed55_8ccd; h ^= h >> 31 }
        mix(searchesWholeList ? PricingSnapshot.identity : 0)
        if let identity = embeddedIdentity {   // unchanged embedded tables: their hash, without parsing them
            mix(identity ^ 0x656D_6265_6464_6564)
            return h
        }
        for table in tables {
            mix(UInt64(table.count))
            for key in table.keys.sorted() {
                var k = key
                k.withUTF8 { mix(Hashing.pair($0).0) }
                guard let p = table[key] else { continue }
                for v in [p.input, p.output, p.cacheWrite, p.cacheRead, p.fastMultiplier] { mix(v.bitPattern) }
                for v in [p.inputAbove200k, p.outputAbove200k, p.cacheWriteAbove200k, p.cacheReadAbove200k] {
                    mix(v.map { $0.bitPattern } ?? 1)
                }
            }
        }
        return h
    }
}
