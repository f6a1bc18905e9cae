#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file's entry in the cache, without its records (decoded on demand).
public struct CacheEntryMeta: Sendable {
    public var size: Int64, modified: Int64, inode: UInt64, consumed: Int64, fingerprint: UInt64
    public var stats: ScanStats
    var recordCount: Int
    var recordsOffset: Int
    var recordsLength: Int
}

/// The cache file read into memory and indexed by path; records are decoded file by file, so a warm
/// run never holds every file's records at once.
public struct CacheSnapshot {
    let bytes: MappedFile
    let strings: [String]
    /// The `StringPool` id of each of `strings`.
    let ids: [UInt32]
    public private(set) var entries: [String: CacheEntryMeta] = [:]

    /// nil when there is no cache or it is corrupt, truncated or of another version.
    public init?(directory: String, partial: Bool = false) {
        guard let bytes = ScanCache.readWholeFile(directory + "/" + ScanCache.fileName(partial: partial)) else {
            return nil
        }
        self.bytes = bytes
        var r = ScanCache.Reader(bytes: bytes)
        do {
            for b in ScanCache.magic { guard try r.u8() == b else { return nil } }
            guard try r.u64() == UInt64(ScanCache.version) else { return nil }
            let stringCount = try r.int()
            guard stringCount <= bytes.count / 8 else { return nil }
            var strings: [String] = []
            strings.reserveCapacity(stringCount)
            for _ in 0..<stringCount { strings.append(try r.string()) }
            self.strings = strings
            ids = strings.map { StringPool.id($0) }
            let fileCount = try r.int()
            guard fileCount <= bytes.count / 64 else { return nil }
            for _ in 0..<fileCount {
                let path = try r.string()
                let size = try r.i64(), modified = try r.i64(), inode = try r.u64(), consumed = try r.i64()
                let fingerprint = try r.u64()
                var stats = ScanStats()
                stats.lines = try r.int(); stats.usageLines = try r.int()
                stats.malformedLines = try r.int(); stats.invalidLines = try r.int()
                let count = try r.int(), length = try r.int()
                guard length <= bytes.count - r.at, count <= length, consumed >= 0, consumed <= size else { return nil }
                entries[path] = CacheEntryMeta(size: size, modified: modified, inode: inode, consumed: consumed,
                                               fingerprint: fingerprint, stats: stats, recordCount: count,
                                               recordsOffset: r.at, recordsLength: length)
                r.at += length
            }
            guard r.at == bytes.count else { return nil }
        } catch { return nil }
    }

    /// The records of one entry, or nil if they do not decode exactly.
    public func records(of meta: CacheEntryMeta, fileIndex: Int32) -> [UsageRecord]? {
        var r = ScanCache.Reader(bytes: bytes, at: meta.recordsOffset)
        var records: [UsageRecord] = []
        records.reserveCapacity(meta.recordCount)
        do {
            for _ in 0..<meta.recordCount {
                records.append(try RecordCodec.decode(&r, ids: ids, fileIndex: fileIndex))
            }
        } catch { return nil }
        guard r.at == meta.recordsOffset + meta.recordsLength else { return nil }
        return records
    }
}

/// Builds a cache file entry by entry (records are encoded at once and can be released).
public struct CacheWriter: @unchecked Sendable {
    private var body: [UInt8] = []
    private var stringTable = StringTable()
    private var strings: [String] { stringTable.strings }
    private var count = 0

    public init() {}

    private mutating func index(_ s: String?) -> Int64 { stringTable.index(s) }

    @inline(__always) static func u64(_ v: UInt64, _ out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }
    @inline(__always) static func i64(_ v: Int64, _ out: inout [UInt8]) { u64(UInt64(bitPattern: v), &out) }
    static func bytes(_ s: String, _ out: inout [UInt8]) { i64(Int64(s.utf8.count), &out); out.append(contentsOf: s.utf8) }

    public mutating func add(_ file: CachedFile) {
        add(path: file.path, size: file.size, modified: file.modified, inode: file.inode, consumed: file.consumed,
            fingerprint: file.fingerprint, stats: file.stats, records: file.records[...])
    }

    public mutating func add(path: String, size: Int64, modified: Int64, inode: UInt64, consumed: Int64,
                             fingerprint: UInt64, stats: ScanStats, records: ArraySlice<UsageRecord>) {
        count += 1
        var records8: [UInt8] = []
        records8.reserveCapacity(records.count * 72)
        for r in records { RecordCodec.encode(r, into: &records8) { index($0) } }
        CacheWriter.bytes(path, &body)
        CacheWriter.i64(size, &body); CacheWriter.i64(modified, &body); CacheWriter.u64(inode, &body)
        CacheWriter.i64(consumed, &body); CacheWriter.u64(fingerprint, &body)
        for v in [stats.lines, stats.usageLines, stats.malformedLines, stats.invalidLines] { CacheWriter.i64(Int64(v), &body) }
        CacheWriter.i64(Int64(records.count), &body)
        CacheWriter.i64(Int64(records8.count), &body)
        body.append(contentsOf: records8)
    }

    /// A piece of a cache file being written: new bytes, or a byte range of a mapped earlier file.
    enum Chunk: @unchecked Sendable {
        case bytes([UInt8])
        case mapped(MappedFile, Range<Int>)
        /// Records as their in-memory bytes.
        case records(RecordStore)
        var count: Int {
            switch self {
            case .bytes(let b): return b.count
            case .mapped(_, let range): return range.count
            case .records(let r): return r.count * MemoryLayout<PricedRecord>.stride
            }
        }

        /// Passes the chunk's bytes, in one or more runs; false when a mapped range is out of bounds.
        func forEachRun(_ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
            switch self {
            case .bytes(let b): b.withUnsafeBytes(body)
            case .mapped(let file, let range):
                guard range.lowerBound >= 0, range.upperBound <= file.count else { return false }
                body(UnsafeRawBufferPointer(start: file.base + range.lowerBound, count: range.count))
            case .records(let r): r.forEachRun { body(UnsafeRawBufferPointer($0)) }
            }
            return true
        }
    }

    /// Writes the chunks to a temp file beside `target` and renames it into place.
    static func writeAtomically(_ chunks: [[UInt8]], to target: String, createDirectory: Bool = true) -> Bool {
        writeAtomically(chunks.map { Chunk.bytes($0) }, to: target, createDirectory: createDirectory)
    }

    /// With `createDirectory` false, a missing directory makes the write fail instead.
    static func writeAtomically(_ chunks: [Chunk], to target: String, createDirectory: Bool = true) -> Bool {
        write(chunks, to: target, createDirectory: createDirectory, map: false).written
    }

    /// Writes like `writeAtomically` and maps the written file (read-only) before renaming it into place, so
    /// the mapping is this file's whatever another process renames there next. nil on any failure.
    static func writeAndMap(_ chunks: [Chunk], to target: String) -> MappedFile? {
        write(chunks, to: target, createDirectory: true, map: true).mapping
    }

    private static func write(_ chunks: [Chunk], to target: String, createDirectory: Bool,
                              map: Bool) -> (written: Bool, mapping: MappedFile?) {
        if createDirectory { guard ScanCache.makeDirectories(parentPath(target)) else { return (false, nil) } }
        let temp = target + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // A fresh file of our own: never follow or reuse what another user left under that name.
        let fd = open(temp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return (false, nil) }
        var ok = true
        var total = 0
        func put(_ raw: UnsafeRawBufferPointer) {
            var written = 0
            while written < raw.count {
                let n = Glibc_write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; ok = false; return }
                written += n
            }
            total += written
        }
        for chunk in chunks where ok && chunk.count > 0 {
            if !chunk.forEachRun(put) { ok = false }
        }
        let mapping = ok && map ? MappedFile(fd: fd, count: total) : nil
        if close(fd) != 0 { ok = false }
        guard ok, !map || mapping != nil, rename(temp, target) == 0 else { unlink(temp); return (false, nil) }
        return (true, mapping)
    }

    /// Writes to a temp file beside the target and renames it into place.
    @discardableResult
    public func write(directory: String, partial: Bool = false) -> Bool {
        var out: [UInt8] = ScanCache.magic
        CacheWriter.u64(UInt64(ScanCache.version), &out)
        CacheWriter.i64(Int64(strings.count), &out)
        for s in strings { CacheWriter.bytes(s, &out) }
        CacheWriter.i64(Int64(count), &out)
        return CacheWriter.writeAtomically([out, body], to: directory + "/" + ScanCache.fileName(partial: partial))
    }
}

/// The binary form of one usage record, shared by the scan cache and the merged-result cache.
enum RecordCodec {
    static func encode(_ r: UsageRecord, into out: inout [UInt8], string: (String?) -> Int64) {
        let strings = [string(r.model), string(r.sessionField), string(r.version)]
        var flags: UInt8 = 0
        var size = 1 + 8 * 6 + 8 * 3
        if r.recordedCost != nil { flags |= 1; size += 8 }
        if r.dedupKey != nil { flags |= 2; size += 24 }
        if r.usageLimitReset != nil { flags |= 4; size += 8 }
        if r.isFast { flags |= 8 }
        if r.hasSpeed { flags |= 16 }
        if r.isSidechain { flags |= 32 }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: size))
        // One unchecked write of the whole record.
        out.withUnsafeMutableBytes { raw in
            var at = start
            raw[at] = flags; at += 1
            @inline(__always) func put(_ v: UInt64) { raw.storeBytes(of: v.littleEndian, toByteOffset: at, as: UInt64.self); at += 8 }
            put(UInt64(bitPattern: r.time))
            for v in [r.tokens.input, r.tokens.output, r.tokens.cacheCreation, r.tokens.cacheRead, r.cacheCreation1h] {
                put(UInt64(bitPattern: Int64(v)))
            }
            if let c = r.recordedCost { put(c.bitPattern) }
            if let k = r.dedupKey { put(k.message); put(k.message2); put(k.request) }
            if let reset = r.usageLimitReset { put(UInt64(bitPattern: reset)) }
            for index in strings { put(UInt64(bitPattern: index)) }
        }
    }

    @inline(__always)
    /// `ids`: the `StringPool` id of each string of the file's table.
    static func decode(_ r: inout ScanCache.Reader, ids: [UInt32], fileIndex: Int32) throws -> UsageRecord {
        let flags = try r.u8()
        let time = try r.i64()
        let tokens = TokenCounts(input: try r.int(), output: try r.int(), cacheCreation: try r.int(), cacheRead: try r.int())
        let oneHour = try r.int()
        var recorded: Double?
        if flags & 1 != 0 { recorded = Double(bitPattern: try r.u64()) }
        var key: DedupKey?
        if flags & 2 != 0 { key = DedupKey(message: try r.u64(), message2: try r.u64(), request: try r.u64()) }
        var reset: Int64?
        if flags & 4 != 0 { reset = try r.i64() }
        let model = try r.optionalID(ids), session = try r.optionalID(ids)
        let version = try r.optionalID(ids)
        return UsageRecord(time: time, tokens: tokens, cacheCreation1h: oneHour, recordedCost: recorded,
                           modelID: model, isFast: flags & 8 != 0, hasSpeed: flags & 16 != 0,
                           isSidechain: flags & 32 != 0, dedupKey: key, sessionFieldID: session,
                           versionID: version, usageLimitReset: reset, rawTimestampID: 0, fileIndex: fileIndex)
    }
}

/// Strings of the cache files, each stored once and referred to by index (-1 = none).
struct StringTable {
    private(set) var strings: [String] = []
    private var table: [String: Int] = [:]
    /// The last few strings looked up: records repeat their model, session and version.
    private var recent: [(String, Int64)] = []

    /// Adds a string at the next index, even if it is already present (keeps an earlier table's indices).
    mutating func append(_ s: String) {
        if table[s] == nil { table[s] = strings.count }
        strings.append(s)
    }

    mutating func index(_ s: String?) -> Int64 {
        guard let s else { return -1 }
        for (string, i) in recent where string == s { return i }
        let found: Int64
        if let i = table[s] {
            found = Int64(i)
        } else {
            table[s] = strings.count
            strings.append(s)
            found = Int64(strings.count - 1)
        }
        if recent.count == 4 { recent.removeFirst() }
        recent.append((s, found))
        return found
    }
}
