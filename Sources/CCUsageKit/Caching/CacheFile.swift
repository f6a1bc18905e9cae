#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The binary reader and writer every cache file goes through: little-endian integers and length-prefixed
/// strings (`CacheReader`, `CacheWriter.u64/i64/bytes`), read from a read-only mapping (`MappedFile`) and written
/// to a private temporary file renamed into place (`CacheWriter.writeAtomically`), so concurrent runs never see
/// a half-written file. Where the files live and which are evicted: `CacheLocation`, `CacheBudget`.
enum CacheFile {
    static func makeDirectories(_ path: String) -> Bool {
        var st = stat()
        if stat(path, &st) == 0 { return (st.st_mode & S_IFMT) == S_IFDIR }
        let parent = parentPath(path)
        if parent != path, parent != "/", parent != "." { _ = makeDirectories(parent) }
        return mkdir(path, 0o700) == 0 || errno == EEXIST
    }
}

/// Reads little-endian fields from a mapped cache file; every read is bounds-checked.
struct CacheReader {
    struct Corrupt: Error {}

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

extension CacheWriter {
    /// Field encoders, the counterparts of `CacheReader`'s.
    @inline(__always) static func u64(_ v: UInt64, _ out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }
    @inline(__always) static func i64(_ v: Int64, _ out: inout [UInt8]) { u64(UInt64(bitPattern: v), &out) }
    static func bytes(_ s: String, _ out: inout [UInt8]) { i64(Int64(s.utf8.count), &out); out.append(contentsOf: s.utf8) }

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
        if createDirectory { guard CacheFile.makeDirectories(parentPath(target)) else { return (false, nil) } }
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
