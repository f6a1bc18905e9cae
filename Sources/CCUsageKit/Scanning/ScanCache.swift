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
    static let version: UInt32 = 1
    public static let fileName = "scan-cache-v1.bin"

    /// `$XDG_CACHE_HOME/ccusage`, else `~/.cache/ccusage`.
    public static func defaultDirectory(_ env: Environment) -> String {
        if let xdg = env.variables["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/ccusage" }
        return env.home + "/.cache/ccusage"
    }

    // MARK: Reading

    public static func read(directory: String) -> [String: CachedFile] {
        let path = directory + "/" + fileName
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [:] }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0, st.st_size < 4 << 30 else { return [:] }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var got = 0
        while got < bytes.count {
            let n = bytes.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress! + got, $0.count - got) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return [:] }
            got += n
        }
        var reader = Reader(bytes: bytes)
        return (try? decode(&reader)) ?? [:]
    }

    struct Corrupt: Error {}

    struct Reader {
        let bytes: [UInt8]
        var at = 0
        mutating func u8() throws -> UInt8 {
            guard at < bytes.count else { throw Corrupt() }
            defer { at += 1 }
            return bytes[at]
        }
        mutating func u64() throws -> UInt64 {
            guard at + 8 <= bytes.count else { throw Corrupt() }
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(bytes[at + k]) << (8 * k) }
            at += 8
            return v
        }
        mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }
        mutating func int() throws -> Int {
            let v = try i64()
            guard v >= 0, v <= Int64(Int.max) else { throw Corrupt() }
            return Int(v)
        }
        mutating func string() throws -> String {
            let n = try int()
            guard n <= bytes.count - at else { throw Corrupt() }
            defer { at += n }
            return String(decoding: bytes[at..<(at + n)], as: UTF8.self)
        }
    }

    static func decode(_ r: inout Reader) throws -> [String: CachedFile] {
        for b in magic { guard try r.u8() == b else { throw Corrupt() } }
        guard try r.u64() == UInt64(version) else { throw Corrupt() }
        let stringCount = try r.int()
        guard stringCount < 1 << 24 else { throw Corrupt() }
        var strings: [String] = []
        strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount { strings.append(try r.string()) }
        func optionalString() throws -> String? {
            let index = try r.i64()
            if index < 0 { return nil }
            guard index < strings.count else { throw Corrupt() }
            return strings[Int(index)]
        }
        let fileCount = try r.int()
        var files: [String: CachedFile] = [:]
        for _ in 0..<fileCount {
            let path = try r.string()
            let size = try r.i64(), modified = try r.i64(), inode = try r.u64(), consumed = try r.i64()
            let fingerprint = try r.u64()
            var stats = ScanStats()
            stats.lines = try r.int(); stats.usageLines = try r.int()
            stats.malformedLines = try r.int(); stats.invalidLines = try r.int()
            let count = try r.int()
            guard count <= (r.bytes.count - r.at) / 48 else { throw Corrupt() }
            var records: [UsageRecord] = []
            records.reserveCapacity(count)
            for _ in 0..<count {
                let flags = try r.u8()
                let time = try r.i64()
                let tokens = TokenCounts(input: try r.int(), output: try r.int(), cacheCreation: try r.int(),
                                         cacheRead: try r.int())
                let oneHour = try r.int()
                var recorded: Double?
                if flags & 1 != 0 { recorded = Double(bitPattern: try r.u64()) }
                var key: DedupKey?
                if flags & 2 != 0 { key = DedupKey(message: try r.u64(), message2: try r.u64(), request: try r.u64()) }
                var reset: Int64?
                if flags & 4 != 0 { reset = try r.i64() }
                let model = try optionalString(), session = try optionalString(), version = try optionalString()
                records.append(UsageRecord(time: time, tokens: tokens, cacheCreation1h: oneHour, recordedCost: recorded,
                                           model: model, isFast: flags & 8 != 0, hasSpeed: flags & 16 != 0,
                                           isSidechain: flags & 32 != 0, dedupKey: key, sessionField: session,
                                           version: version, usageLimitReset: reset))
            }
            guard consumed >= 0, consumed <= size else { throw Corrupt() }
            files[path] = CachedFile(path: path, size: size, modified: modified, inode: inode, consumed: consumed,
                                     fingerprint: fingerprint, stats: stats, records: records)
        }
        guard r.at == r.bytes.count else { throw Corrupt() }
        return files
    }

    // MARK: Writing

    /// Writes the cache atomically; failures are ignored (the cache is an optimisation).
    @discardableResult
    public static func write(_ files: [CachedFile], directory: String) -> Bool {
        var out: [UInt8] = magic
        func u64(_ v: UInt64) { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
        func bytes(_ s: String) { i64(Int64(s.utf8.count)); out.append(contentsOf: s.utf8) }
        u64(UInt64(version))
        var table: [String: Int] = [:]
        var strings: [String] = []
        for file in files {
            for r in file.records {
                for s in [r.model, r.sessionField, r.version] {
                    if let s, table[s] == nil { table[s] = strings.count; strings.append(s) }
                }
            }
        }
        i64(Int64(strings.count))
        for s in strings { bytes(s) }
        i64(Int64(files.count))
        for file in files {
            bytes(file.path)
            i64(file.size); i64(file.modified); u64(file.inode); i64(file.consumed); u64(file.fingerprint)
            i64(Int64(file.stats.lines)); i64(Int64(file.stats.usageLines))
            i64(Int64(file.stats.malformedLines)); i64(Int64(file.stats.invalidLines))
            i64(Int64(file.records.count))
            for r in file.records {
                var flags: UInt8 = 0
                if r.recordedCost != nil { flags |= 1 }
                if r.dedupKey != nil { flags |= 2 }
                if r.usageLimitReset != nil { flags |= 4 }
                if r.isFast { flags |= 8 }
                if r.hasSpeed { flags |= 16 }
                if r.isSidechain { flags |= 32 }
                out.append(flags)
                i64(r.time)
                i64(Int64(r.tokens.input)); i64(Int64(r.tokens.output))
                i64(Int64(r.tokens.cacheCreation)); i64(Int64(r.tokens.cacheRead))
                i64(Int64(r.cacheCreation1h))
                if let c = r.recordedCost { u64(c.bitPattern) }
                if let k = r.dedupKey { u64(k.message); u64(k.message2); u64(k.request) }
                if let reset = r.usageLimitReset { i64(reset) }
                for s in [r.model, r.sessionField, r.version] { i64(s.map { Int64(table[$0]!) } ?? -1) }
            }
        }
        guard makeDirectories(directory) else { return false }
        let target = directory + "/" + fileName
        let temp = target + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        var written = 0
        let ok: Bool = out.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc_write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return true
        }
        close(fd)
        guard ok, rename(temp, target) == 0 else { unlink(temp); return false }
        return true
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
