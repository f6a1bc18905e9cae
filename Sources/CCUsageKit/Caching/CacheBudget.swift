#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the cache directory bounded. Merged results and finished reports are evicted least recently used
/// (by modification time, which a hit refreshes) under a budget of files and bytes; the most recently used
/// file of each kind always stays, however large. Files of another cache version and temporary files left
/// by a killed run are removed.
public enum CacheBudget {
    /// Merged results kept (one per cost mode, `--project`, status-line window …).
    public static let mergedFiles = 8
    /// Finished reports kept.
    public static let reportFiles = 32
    /// Merged results and reports together.
    public static let bytes: Int64 = 512 << 20
    /// A temporary file older than this belongs to a run that died before renaming it.
    static let staleTemporaryNanoseconds: Int64 = 600 * 1_000_000_000

    /// The cache files of this build; other `merged-v…`, `report-v…`, `scan-cache-v…`, `listings-v…` and
    /// `codex-scan-v…` files are of another version.
    static var currentPrefixes: [String] {
        ["merged-v\(MergedCache.version)-", "report-v\(ReportCache.version)-"]
    }
    static var currentSingles: Set<String> {
        [ScanCache.fileName, ScanCache.partialFileName, ListingCache.fileName, CodexScanCache.fileName]
    }
    static let versionedPrefixes = ["merged-v", "report-v", "scan-cache-v", "listings-v", "codex-scan-v"]

    /// Marks a cache file as used now.
    static func touch(_ path: String) { utimes(path, nil) }

    /// Applies the budget to `directory`; `now` in nanoseconds since 1970 (temporary files' age).
    public static func prune(directory: String, now: Int64? = nil) {
        guard let dir = opendir(directory) else { return }
        struct Entry { let name: String; let merged: Bool; let size: Int64; let used: Int64 }
        var kept: [Entry] = []
        var newest: Int64 = 0
        var temporaries: [(String, Int64)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard versionedPrefixes.contains(where: { name.hasPrefix($0) }) else { continue }
            let path = directory + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            let used = st.modifiedNanoseconds
            newest = max(newest, used)
            if name.contains(".tmp-") {
                temporaries.append((path, used))
                continue
            }
            let current = currentPrefixes.contains { name.hasPrefix($0) } || currentSingles.contains(name)
            guard current, name.hasSuffix(".bin") else { unlink(path); continue }
            guard name.hasPrefix("merged-v") || name.hasPrefix("report-v") else { continue }
            kept.append(Entry(name: name, merged: name.hasPrefix("merged-v"), size: Int64(st.st_size), used: used))
        }
        closedir(dir)
        let clock = now ?? newest
        for (path, used) in temporaries where clock - used > staleTemporaryNanoseconds { unlink(path) }
        kept.sort { $0.used > $1.used }
        var merged = 0, reports = 0, total: Int64 = 0
        for entry in kept {
            let first = entry.merged ? merged == 0 : reports == 0
            let count = entry.merged ? merged : reports
            let limit = entry.merged ? mergedFiles : reportFiles
            if first || (count < limit && total + entry.size <= bytes) {
                total += entry.size
                if entry.merged { merged += 1 } else { reports += 1 }
            } else {
                unlink(directory + "/" + entry.name)
            }
        }
    }
}
