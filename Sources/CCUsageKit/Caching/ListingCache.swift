#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of one folder a walk needs: transcripts, and everything that is not a plain file (folders,
/// links, unknown types). Other plain files are left out: they are never looked at.
public struct DirectoryListing: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        /// `d_type` as the folder reported it.
        public var type: UInt8
    }

    /// The folder's identity and times (ns) when it was listed.
    public var device: UInt64, inode: UInt64
    public var modified: Int64, changed: Int64
    /// Wall-clock time (ns) taken just before the folder was read.
    public var listedAt: Int64
    public var entries: [Entry]

    /// Lists the folder open at `fd` (which stays open); nil when it cannot be read (`errno` says why).
    static func read(_ fd: Int32, _ info: stat) -> DirectoryListing? {
        let listedAt = wallClockNanoseconds()
        let copy = dup(fd)
        guard copy >= 0 else { return nil }
        guard let handle = fdopendir(copy) else {
            let saved = errno
            close(copy)
            errno = saved
            return nil
        }
        defer { closedir(handle) }
        // Reading from the start, whatever an earlier reader of this descriptor did.
        rewinddir(handle)
        var entries: [Entry] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = UInt8(truncatingIfNeeded: entry.pointee.d_type)
            if Int32(type) == Int32(DT_REG), !name.hasSuffix(".jsonl") { continue }
            entries.append(Entry(name: name, type: type))
        }
        return DirectoryListing(device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
                                modified: info.modifiedNanoseconds, changed: info.changedNanoseconds,
                                listedAt: listedAt, entries: entries)
    }

    static func wallClockNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) &* 1_000_000_000 &+ Int64(now.tv_nsec)
    }
}

/// Folder listings remembered from the last walk (`listings-v1.bin` in the cache directory), so a repeat
/// walk reads no folder that did not change: it still stats every transcript (an append changes no folder).
///
/// A listing is reused only when the folder has the same device, inode, modification and status-change
/// times as when it was listed, and both times are at least `margin` older than the listing. Adding,
/// removing or renaming an entry sets the folder's modification time to the current time, which, even from
/// a coarse file-system clock (up to 2 s steps), is then later than the remembered time: so a change made
/// after the listing is always seen. A folder changed shortly before its listing is listed again until it
/// has been quiet for `margin`. Only used on file systems that keep folder times that way (see
/// `ccusage_trusts_directory_times`); elsewhere every folder is listed, as without a cache.
public final class ListingCache: @unchecked Sendable {
    static let magic: [UInt8] = Array("CCUSAGE-LISTINGS".utf8)
    static let version: UInt64 = 1
    static let fileName = "listings-v1.bin"
    public static let defaultMargin: Int64 = 3_000_000_000

    let path: String
    let margin: Int64
    private let previous: [String: DirectoryListing]
    private let lock = NSLockLite()
    private var current: [(String, DirectoryListing)] = []
    private var complete = true
    /// Folders listed again this run (not reused).
    public private(set) var listedAgain = 0
    public private(set) var reused = 0

    public init(directory: String, margin: Int64 = ListingCache.defaultMargin) {
        path = directory + "/" + Self.fileName
        self.margin = margin
        previous = MappedFile(path: path).flatMap(Self.decode) ?? [:]
    }

    /// The remembered listing of `dir`, if the folder provably did not change since.
    func reusable(_ dir: String, _ info: stat) -> DirectoryListing? {
        guard let old = previous[dir], old.device == UInt64(info.st_dev), old.inode == UInt64(info.st_ino),
              old.modified == info.modifiedNanoseconds, old.changed == info.changedNanoseconds,
              old.modified < old.listedAt - margin, old.changed < old.listedAt - margin else { return nil }
        return old
    }

    /// Takes this walk's listings, `again` of which were read this time (the others reused). With `complete`
    /// false (a walk of one project), the earlier listings of other folders are kept.
    func remember(_ listed: [(String, DirectoryListing)], again: Int, complete: Bool) {
        lock.withLock {
            current = listed
            self.complete = complete
            listedAgain = again
            reused = listed.count - again
        }
    }

    /// Whether this run's listings differ from the remembered ones (then `write` has something to save).
    public var changed: Bool {
        lock.withLock {
            if listedAgain > 0 { return true }
            return complete && current.count != previous.count
        }
    }

    /// Saves this run's listings (atomically; a failure only costs the next run a full listing).
    @discardableResult
    public func write() -> Bool {
        let (listed, complete) = lock.withLock { (current, self.complete) }
        var all = listed
        if !complete {
            let seen = Set(listed.map(\.0))
            for (dir, listing) in previous where !seen.contains(dir) { all.append((dir, listing)) }
        }
        return CacheWriter.writeAtomically([Self.encode(all)], to: path)
    }

    static func encode(_ listings: [(String, DirectoryListing)]) -> [UInt8] {
        var out = magic
        CacheWriter.u64(version, &out)
        CacheWriter.i64(Int64(listings.count), &out)
        for (dir, l) in listings {
            CacheWriter.bytes(dir, &out)
            CacheWriter.u64(l.device, &out); CacheWriter.u64(l.inode, &out)
            CacheWriter.i64(l.modified, &out); CacheWriter.i64(l.changed, &out); CacheWriter.i64(l.listedAt, &out)
            CacheWriter.i64(Int64(l.entries.count), &out)
            for e in l.entries {
                out.append(e.type)
                CacheWriter.bytes(e.name, &out)
            }
        }
        return out
    }

    /// nil for a damaged or foreign file (then every folder is listed, and the file rewritten).
    static func decode(_ file: MappedFile) -> [String: DirectoryListing]? {
        var r = ScanCache.Reader(bytes: file)
        do {
            for b in magic { guard try r.u8() == b else { return nil } }
            guard try r.u64() == version else { return nil }
            let count = try r.int()
            guard count <= file.count / 48 else { return nil }
            var result: [String: DirectoryListing] = [:]
            result.reserveCapacity(count)
            for _ in 0..<count {
                let dir = try r.string()
                var l = DirectoryListing(device: try r.u64(), inode: try r.u64(), modified: try r.i64(),
                                         changed: try r.i64(), listedAt: try r.i64(), entries: [])
                let n = try r.int()
                guard n <= file.count else { return nil }
                l.entries.reserveCapacity(n)
                for _ in 0..<n {
                    let type = try r.u8()
                    l.entries.append(DirectoryListing.Entry(name: try r.string(), type: type))
                }
                result[dir] = l
            }
            guard r.at == r.count else { return nil }
            return result
        } catch { return nil }
    }
}
