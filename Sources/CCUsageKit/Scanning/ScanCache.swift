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

    /// `$XDG_CACHE_HOME/ccusage`, else `~/.cache/ccusage`.
    public static func defaultDirectory(_ env: Environment) -> String {
        if let xdg = env.variables["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/ccusage" }
        return env.home + "/.cache/ccusage"
    }

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

    struct Corrupt: Error {}

    /// A cache file mapped read-only; nil when missing, empty, unreadable or implausibly large. A writer
    /// replaces the file by renaming, so the mapped bytes never change under the reader.
    static func readWholeFile(_ path: String) -> MappedFile? { MappedFile(path: path) }

    /// Reads little-endian fields from a mapped cache file; every read is bounds-checked.
    struct Reader {
        let file: MappedFile
        var at = 0
        var count: Int { file.count }

        init(bytes: MappedFile, at: Int = 0) { file = bytes; self.at = at }

        mutating func u8() throws -> UInt8 {
            guard at >= 0, at < file.count else { throw Corrupt() }
            defer { at += 1 }
            return file.base.load(fromByteOffset: at, as: UInt8.self)
        }
        @inline(__always) mutating func u64() throws -> UInt64 {
            guard at >= 0, at + 8 <= file.count else { throw Corrupt() }
            let v = file.base.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            at += 8
            return UInt64(littleEndian: v)
        }
        @inline(__always) mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }
        @inline(__always) mutating func int() throws -> Int {
            let v = try i64()
            guard v >= 0, v <= Int64(Int.max) else { throw Corrupt() }
            return Int(v)
        }
        /// An index into a string table, as the `StringPool` id in `ids` (-1: none, id 0).
        @inline(__always) mutating func optionalID(_ ids: [UInt32]) throws -> UInt32 {
            let index = try i64()
            if index < 0 { return 0 }
            guard index < ids.count else { throw Corrupt() }
            return ids[Int(index)]
        }
        mutating func string() throws -> String {
            let n = try int()
            guard n <= file.count - at else { throw Corrupt() }
            defer { at += n }
            return String(decoding: UnsafeRawBufferPointer(start: file.base + at, count: n), as: UTF8.self)
        }
    }

    // MARK: Writing

    /// Writes the cache atomically; failures are ignored (the cache is an optimisation).
    @discardableResult
    public static func write(_ files: [CachedFile], directory: String, partial: Bool = false) -> Bool {
        var writer = CacheWriter()
        for file in files { writer.add(file) }
        return writer.write(directory: directory, partial: partial)
    }

    static func makeDirectories(_ path: String) -> Bool {
        var st = stat()
        if stat(path, &st) == 0 { return (st.st_mode & S_IFMT) == S_IFDIR }
        let parent = parentPath(path)
        if parent != path, parent != "/", parent != "." { _ = makeDirectories(parent) }
        return mkdir(path, 0o700) == 0 || errno == EEXIST
    }

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

@inline(__always) func posixRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buf, count)
}

@inline(__always) func Glibc_write(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buf, count)
}

/// A whole file mapped read-only (and populated at once), unmapped when released.
final class MappedFile: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int

    convenience init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0, st.st_size < 4 << 30 else {
            return nil
        }
        self.init(fd: fd, count: Int(st.st_size))
    }

    /// Maps `count` bytes of the open file `fd` (which stays open), read-only, its pages mapped at once.
    init?(fd: Int32, count: Int) {
        guard count > 0 else { return nil }
        #if canImport(Glibc)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let p = mmap(nil, count, PROT_READ, flags, fd, 0), p != MAP_FAILED else { return nil }
        base = UnsafeRawPointer(p)
        self.count = count
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }
}
