#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the cache remembers of one transcript: its identity when it was read, how far complete lines
/// reached, and the usage records of those lines (fields the reports need; no transcript text).
public struct CachedFile: Sendable, Equatable {
    public var path: String
    public var size: Int64
    /// `TranscriptFile.stamp` when the file was read.
    public var modified: Int64
    public var inode: UInt64
    /// Offset just past the last complete line that was read.
    public var consumed: Int64
    /// Hash of up to 256 bytes before `consumed`, to notice a rewritten file that merely grew.
    public var fingerprint: UInt64
    public var stats: ScanStats
    public var records: [UsageRecord]
}

/// The on-disk incremental scan cache: one binary file, replaced atomically (temp file + rename).
/// A corrupt, truncated or foreign-version file is ignored and rebuilt.
public enum ScanCache {
    static let magic: [UInt8] = Array("CCUSAGE-SCAN".utf8)
    static let version: UInt32 = 3
    public static let fileName = "scan-cache-v3.bin"
    /// Loads of a subset of the files (the status line, `--since`, `--project`) keep their own cache, so
    /// they never evict the entries of a full run.
    public static let partialFileName = "scan-cache-v3-partial.bin"

    static func fileName(partial: Bool) -> String { partial ? partialFileName : fileName }

    /// The cache directory (see `CacheLocation`, which decides it for every cache).
    public static func defaultDirectory(_ env: Environment) -> String { CacheLocation.directory(env) }

    // MARK: Reading

    /// Reads the whole cache (tests and small data); the loader uses `CacheSnapshot` to decode file by file.
    public static func read(directory: String, partial: Bool = false) -> [String: CachedFile] {
        guard let snapshot = CacheSnapshot(directory: directory, partial: partial) else { return [:] }
        var out: [String: CachedFile] = [:]
        for (path, meta) in snapshot.entries {
            guard let records = snapshot.records(of: meta, fileIndex: 0) else { return [:] }
            out[path] = CachedFile(path: path, size: meta.size, modified: meta.modified, inode: meta.inode,
                                   consumed: meta.consumed, fingerprint: meta.fingerprint, stats: meta.stats,
                                   records: records)
        }
        return out
    }

    /// Kept for callers of the old names: the reader of every cache file is in `CacheFile.swift`.
    typealias Reader = CacheReader
    typealias Corrupt = CacheReader.Corrupt

    /// A cache file mapped read-only; nil when missing, empty, unreadable or implausibly large. A writer
    /// replaces the file by renaming, so the mapped bytes never change under the reader.
    static func readWholeFile(_ path: String) -> MappedFile? { MappedFile(path: path) }

    // MARK: Writing

    /// Writes the cache atomically; failures are ignored (the cache is an optimisation).
    @discardableResult
    public static func write(_ files: [CachedFile], directory: String, partial: Bool = false) -> Bool {
        var writer = CacheWriter()
        for file in files { writer.add(file) }
        return writer.write(directory: directory, partial: partial)
    }

    static func makeDirectories(_ path: String) -> Bool { CacheFile.makeDirectories(path) }

    /// Hash of up to 256 bytes before `offset`, read with `pread` (0 when unreadable).
    public static func fingerprint(path: String, before offset: Int64) -> UInt64 {
        guard offset > 0 else { return 0 }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        let length = Int(min(offset, 256))
        var buffer = [UInt8](repeating: 0, count: length)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, length, off_t(offset - Int64(length))) }
        guard n == length else { return 0 }
        return buffer.withUnsafeBufferPointer { Hashing.pair($0).0 }
    }
}

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
