#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A finished report's text, kept with every input that shaped it: the merged-input signature (each file's
/// path, size, times and inode, the cost mode and the prices) and a key naming the command, its options,
/// the time zone, the output form and the ccusage version. A repeat run on unchanged data prints it
/// without decoding a record. Any difference in the key or the signature is a miss, never a stale report.
/// The most recently used reports are kept, within `CacheBudget`.
public enum ReportCache {
    static let magic: [UInt8] = Array("CCUSAGE-REPORT".utf8)
    static let version: UInt64 = 2
    /// At most this many reports are kept; the least recently used go first (see `CacheBudget`).
    static var capacity: Int { CacheBudget.reportFiles }

    /// What one run wrote: the report (before any `--jq` filter) and its stderr notices.
    public struct Entry: Sendable, Equatable {
        /// Notices printed while loading (skipped lines).
        public var notices: String
        public var text: String
        /// Warnings printed after the report (models without prices).
        public var warnings: String
        public init(notices: String, text: String, warnings: String) {
            self.notices = notices; self.text = text; self.warnings = warnings
        }
    }

    /// Joins the parts of a key; a part never contains the separator (0x1F) in practice, and the parts
    /// are also length-prefixed, so two different lists never make the same key.
    public static func key(_ parts: [String]) -> String {
        parts.map { "\($0.utf8.count):\($0)" }.joined(separator: "\u{1F}")
    }

    /// One file per key (named by a 64-bit hash of it; the key inside is compared too).
    static func path(directory: String, key: String) -> String {
        var k = key
        let hash = k.withUTF8 { Hashing.pair($0).0 }
        return directory + "/report-v\(version)-" + String(hash, radix: 16) + ".bin"
    }

    public static func read(directory: String, key: String, signature: UInt64) -> Entry? {
        let path = path(directory: directory, key: key)
        guard let file = MappedFile(path: path) else { return nil }
        // Marks the entry as recently used (see `CacheBudget`).
        defer { CacheBudget.touch(path) }
        var r = ScanCache.Reader(bytes: file)
        do {
            for b in magic { guard try r.u8() == b else { return nil } }
            guard try r.u64() == version, try r.u64() == signature, try r.string() == key else { return nil }
            let entry = Entry(notices: try r.string(), text: try r.string(), warnings: try r.string())
            guard r.at == r.count else { return nil }
            return entry
        } catch { return nil }
    }

    @discardableResult
    public static func write(directory: String, key: String, signature: UInt64, entry: Entry) -> Bool {
        var out = magic
        CacheWriter.u64(version, &out)
        CacheWriter.u64(signature, &out)
        for s in [key, entry.notices, entry.text, entry.warnings] { CacheWriter.bytes(s, &out) }
        let written = CacheWriter.writeAtomically([out], to: path(directory: directory, key: key))
        CacheBudget.prune(directory: directory)
        return written
    }
}
