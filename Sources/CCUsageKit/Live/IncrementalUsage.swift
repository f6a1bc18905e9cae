import Dispatch

/// Keeps every transcript's scan in memory between refreshes of `blocks --live`: a refresh reads only new
/// files and the bytes appended to known ones, re-reads a file whole when it shrank, was replaced (new inode)
/// or rewritten, and then merges (prices and deduplicates) the per-file results as a full load would.
public struct IncrementalUsage: Sendable {
    public var options: LoadOptions

    /// What the last refresh had to read.
    public struct Activity: Sendable, Equatable {
        public var filesRead = 0
        public var filesReadWhole = 0
        public var bytesRead: Int64 = 0
    }
    public private(set) var lastActivity = Activity()

    struct Entry: Sendable {
        var inode: UInt64
        var size: Int64
        var modified: Int64
        /// Records and counters of complete lines, up to `consumed`.
        var records: [UsageRecord]
        var stats: ScanStats
        var consumed: Int64
        var fingerprint: UInt64
        /// Records and counters of a final line without `\n` (replaced by each read).
        var tail: [UsageRecord]
        var tailStats: ScanStats
        var error: String?
        var index: Int32
    }
    private var entries: [String: Entry] = [:]

    public init(options: LoadOptions) { self.options = options }

    /// Rescans what changed since the last call and returns the merged usage.
    public mutating func refresh(_ env: Environment) throws -> LoadedUsage {
        var problems: [LoadProblem] = []
        let bases = try Discovery.baseDirectories(env, problems: &problems)
        var files = Discovery.transcripts(in: bases, project: options.project, problems: &problems)
        if let project = options.project, !Discovery.isSinglePathSegment(project) {
            files = files.filter { $0.project == project }
        }
        var jobs: [(index: Int, offset: Int64)] = []
        for (index, file) in files.enumerated() {
            guard let entry = entries[file.path] else { jobs.append((index, 0)); continue }
            let unchanged = entry.inode == file.inode && entry.size == file.size && entry.modified == file.modified
            if unchanged, entry.error == nil { continue }
            let grewInPlace = entry.inode == file.inode && file.size >= entry.consumed && entry.error == nil
                && ScanCache.fingerprint(path: file.path, before: entry.consumed) == entry.fingerprint
            jobs.append((index, grewInPlace ? entry.consumed : 0))
        }
        let results = ScanSlots<FileScan>(count: jobs.count, empty: FileScan())
        let keepRaw = options.keepRawTimestamps
        let snapshot = files, jobList = jobs
        let work: @Sendable (Int) -> Void = { k in
            let job = jobList[k]
            results.store(FileScanner.scan(path: snapshot[job.index].path, fileIndex: Int32(job.index), from: job.offset,
                                           keepRawTimestamps: keepRaw, finalLineComplete: true), at: k)
        }
        if options.singleThread || jobs.count < 2 {
            for k in jobs.indices { work(k) }
        } else {
            DispatchQueue.concurrentPerform(iterations: jobs.count) { work($0) }
        }
        var activity = Activity()
        var next: [String: Entry] = [:]
        next.reserveCapacity(files.count)
        for (k, scan) in results.take().enumerated() {
            let (index, offset) = jobs[k]
            let file = files[index]
            let complete = Array(scan.records.prefix(scan.records.count - scan.tailRecords))
            // Counters of complete lines; the unterminated tail is counted separately (it is re-read next time).
            var stats = scan.stats
            stats.lines -= scan.tailStats.lines; stats.usageLines -= scan.tailStats.usageLines
            stats.malformedLines -= scan.tailStats.malformedLines; stats.invalidLines -= scan.tailStats.invalidLines
            stats.bytes = max(0, scan.consumed - offset)
            var tailStats = scan.tailStats
            tailStats.files = 0
            tailStats.bytes = max(0, scan.stats.bytes - stats.bytes)
            var entry: Entry
            if offset > 0, var previous = entries[file.path] {
                previous.records += complete
                previous.stats += stats
                previous.stats.files = 1
                entry = previous
            } else {
                entry = Entry(inode: file.inode, size: file.size, modified: file.modified, records: complete,
                              stats: stats, consumed: 0, fingerprint: 0, tail: [], tailStats: ScanStats(),
                              error: nil, index: Int32(index))
                activity.filesReadWhole += 1
            }
            if scan.consumed != entry.consumed || offset == 0 {
                entry.fingerprint = ScanCache.fingerprint(path: file.path, before: scan.consumed)
            }
            entry.consumed = scan.consumed
            entry.tail = Array(scan.records.suffix(scan.tailRecords))
            entry.tailStats = tailStats
            entry.inode = file.inode; entry.size = file.size; entry.modified = file.modified
            entry.error = scan.error
            activity.filesRead += 1
            activity.bytesRead += scan.stats.bytes
            next[file.path] = entry
        }
        var scans: [FileScan] = []
        scans.reserveCapacity(files.count)
        for (index, file) in files.enumerated() {
            guard var entry = next[file.path] ?? entries[file.path] else { scans.append(FileScan()); continue }
            if entry.index != Int32(index) {
                // A file appeared or vanished before this one: its records carry the new position.
                entry.index = Int32(index)
                entry.records = entry.records.map { var r = $0; r.fileIndex = Int32(index); return r }
                entry.tail = entry.tail.map { var r = $0; r.fileIndex = Int32(index); return r }
            }
            next[file.path] = entry
            var scan = FileScan()
            scan.records = entry.tail.isEmpty ? entry.records : entry.records + entry.tail
            scan.stats = entry.stats
            scan.stats += entry.tailStats
            scan.stats.files = 1
            scan.consumed = entry.consumed
            scan.tailRecords = entry.tail.count
            scan.tailStats = entry.tailStats
            scan.error = entry.error
            scans.append(scan)
        }
        entries = next
        lastActivity = activity
        var usage = UsageLoader.merge(files: files, scans: scans, options: options)
        usage.problems = problems + usage.problems
        usage.baseDirectories = bases
        return usage
    }
}
