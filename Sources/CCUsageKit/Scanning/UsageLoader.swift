import Dispatch

/// What a report needs loaded.
public struct LoadOptions: Sendable {
    public var mode: CostMode
    public var prices: PriceTable
    /// `--project`: only this project's files (raw directory name).
    public var project: String?
    public var keepRawTimestamps: Bool
    public var singleThread: Bool
    /// Where the incremental scan cache lives; nil reads every file whole.
    public var cacheDirectory: String?

    public init(mode: CostMode = .auto, prices: PriceTable = .embedded, project: String? = nil,
                keepRawTimestamps: Bool = false, singleThread: Bool = false, cacheDirectory: String? = nil) {
        self.mode = mode; self.prices = prices; self.project = project
        self.keepRawTimestamps = keepRawTimestamps; self.singleThread = singleThread
        self.cacheDirectory = cacheDirectory
    }
}

/// Deduplicated, priced usage of one run, with everything that was skipped along the way.
public struct LoadedUsage: Sendable {
    public var files: [TranscriptFile]
    /// Survivors of deduplication, in processing order (files by path, lines top-down; a better
    /// duplicate takes the place of the first copy).
    public var records: [PricedRecord]
    public var stats: ScanStats
    public var duplicatesRemoved: Int
    public var problems: [LoadProblem]
    public var unpricedModels: [String]
    public var baseDirectories: [String]

    public init(files: [TranscriptFile] = [], records: [PricedRecord] = [], stats: ScanStats = ScanStats(),
                duplicatesRemoved: Int = 0, problems: [LoadProblem] = [], unpricedModels: [String] = [],
                baseDirectories: [String] = []) {
        self.files = files; self.records = records; self.stats = stats
        self.duplicatesRemoved = duplicatesRemoved; self.problems = problems
        self.unpricedModels = unpricedModels; self.baseDirectories = baseDirectories
    }

    public func file(of record: PricedRecord) -> TranscriptFile { files[Int(record.record.fileIndex)] }
}

/// Reads every transcript, in parallel, and merges the per-file results in path order.
public enum UsageLoader {
    public static func load(_ options: LoadOptions, _ env: Environment,
                            progress: (@Sendable (Int, Int64) -> Void)? = nil) throws -> LoadedUsage {
        var problems: [LoadProblem] = []
        let bases = try Discovery.baseDirectories(env, problems: &problems)
        var files = Discovery.transcripts(in: bases, project: options.project, problems: &problems)
        if let project = options.project, !Discovery.isSinglePathSegment(project) {
            files = files.filter { $0.project == project }
        }
        let scans: [FileScan]
        if let directory = options.cacheDirectory, !options.keepRawTimestamps {
            scans = scanWithCache(files, directory: directory, options: options, progress: progress)
        } else {
            scans = scanAll(files, options: options, progress: progress)
        }
        var usage = merge(files: files, scans: scans, options: options)
        usage.problems = problems + usage.problems
        usage.baseDirectories = bases
        return usage
    }

    /// Scans files on all cores (or one), returning results in file order.
    public static func scanAll(_ files: [TranscriptFile], options: LoadOptions, offsets: [Int64]? = nil,
                               progress: (@Sendable (Int, Int64) -> Void)? = nil) -> [FileScan] {
        let results = ScanResults(count: files.count)
        let keepRaw = options.keepRawTimestamps
        let work: @Sendable (Int) -> Void = { index in
            let scan = FileScanner.scan(path: files[index].path, fileIndex: Int32(index),
                                        from: offsets?[index] ?? 0, keepRawTimestamps: keepRaw)
            results.store(scan, at: index)
            if let progress { progress(1, scan.stats.bytes) }
        }
        if options.singleThread || files.count < 2 {
            for index in files.indices { work(index) }
        } else {
            // Largest reads first keeps both cores busy to the end.
            let order = files.indices.sorted {
                files[$0].size - (offsets?[$0] ?? 0) > files[$1].size - (offsets?[$1] ?? 0)
            }
            DispatchQueue.concurrentPerform(iterations: order.count) { work(order[$0]) }
        }
        return results.take()
    }

    /// Reuses cached records of unchanged files, reads only the appended bytes of grown files, reads
    /// new or rewritten files whole, then stores the result for the next run.
    static func scanWithCache(_ files: [TranscriptFile], directory: String, options: LoadOptions,
                              progress: (@Sendable (Int, Int64) -> Void)?) -> [FileScan] {
        let cached = ScanCache.read(directory: directory)
        var reused: [CachedFile?] = Array(repeating: nil, count: files.count)
        var toRead: [Int] = []
        var offsets: [Int64] = []
        for (index, file) in files.enumerated() {
            if let entry = cached[file.path], entry.inode == file.inode, file.size >= entry.consumed {
                if entry.size == file.size, entry.modified == file.modified, entry.consumed == file.size {
                    reused[index] = entry
                    continue
                }
                if ScanCache.fingerprint(path: file.path, before: entry.consumed) == entry.fingerprint {
                    reused[index] = entry
                    toRead.append(index); offsets.append(entry.consumed)
                    continue
                }
            }
            toRead.append(index); offsets.append(0)
        }
        let fresh = scanAll(toRead.map { files[$0] }, options: options, offsets: offsets, progress: progress)
        var scans: [FileScan] = Array(repeating: FileScan(), count: files.count)
        var changed = cached.count != files.count
        for (index, entry) in reused.enumerated() {
            guard let entry else { continue }
            var scan = FileScan()
            scan.records = entry.records.map { var r = $0; r.fileIndex = Int32(index); return r }
            scan.stats = entry.stats
            scan.stats.files = 1
            scan.consumed = entry.consumed
            scans[index] = scan
        }
        for (k, index) in toRead.enumerated() {
            changed = true
            var scan = fresh[k]
            scan.records = scan.records.map { var r = $0; r.fileIndex = Int32(index); return r }
            if offsets[k] > 0 {
                // Appended bytes: the cached part comes first.
                var combined = scans[index]
                combined.records += scan.records
                combined.stats += scan.stats
                combined.stats.files = 1
                combined.consumed = scan.consumed
                combined.tailRecords = scan.tailRecords
                combined.tailStats = scan.tailStats
                combined.error = scan.error
                scan = combined
            }
            scans[index] = scan
        }
        if changed {
            var entries: [CachedFile] = []
            for (index, file) in files.enumerated() {
                let scan = scans[index]
                guard scan.error == nil else { continue }
                var stats = scan.stats
                stats.lines -= scan.tailStats.lines; stats.usageLines -= scan.tailStats.usageLines
                stats.malformedLines -= scan.tailStats.malformedLines; stats.invalidLines -= scan.tailStats.invalidLines
                let keep = scan.records.count - scan.tailRecords
                let fingerprint = reused[index].map { $0.consumed == scan.consumed ? $0.fingerprint : nil } ?? nil
                entries.append(CachedFile(
                    path: file.path, size: max(file.size, scan.consumed), modified: file.modified, inode: file.inode,
                    consumed: scan.consumed,
                    fingerprint: fingerprint ?? ScanCache.fingerprint(path: file.path, before: scan.consumed),
                    stats: stats, records: Array(scan.records.prefix(keep))))
            }
            ScanCache.write(entries, directory: directory)
        }
        return scans
    }

    /// Prices every record and keeps the best copy of each duplicated response.
    public static func merge(files: [TranscriptFile], scans: [FileScan], options: LoadOptions) -> LoadedUsage {
        var calculator = CostCalculator(mode: options.mode, table: options.prices)
        var deduper = Deduplicator()
        var stats = ScanStats()
        var problems: [LoadProblem] = []
        for (index, scan) in scans.enumerated() {
            stats += scan.stats
            if let error = scan.error {
                problems.append(LoadProblem(kind: .unreadableFile, path: files[index].path, reason: error))
            }
            for record in scan.records {
                deduper.add(PricedRecord(record, cost: calculator.cost(of: record)))
            }
        }
        return LoadedUsage(files: files, records: deduper.records, stats: stats,
                           duplicatesRemoved: deduper.duplicates, problems: problems,
                           unpricedModels: calculator.unpricedModels.sorted())
    }
}

/// Per-file results written by worker threads, each slot by exactly one worker.
final class ScanResults: @unchecked Sendable {
    private var slots: [FileScan]
    private let lock = NSLockLite()

    init(count: Int) { slots = Array(repeating: FileScan(), count: count) }

    func store(_ scan: FileScan, at index: Int) {
        lock.withLock { slots[index] = scan }
    }

    func take() -> [FileScan] { lock.withLock { slots } }
}

/// A pthread mutex (keeps Foundation out of the scanning path).
final class NSLockLite: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HEAD's deduplication: key `(message.id, requestId-or-absent)`; a sidechain copy with another
/// request id is a replay of the same message. The best copy wins and takes the first copy's place.
public struct Deduplicator {
    public private(set) var records: [PricedRecord] = []
    public private(set) var duplicates = 0
    private var exact: [DedupKey: Int] = [:]
    private var byMessage: [DedupKey: [Int]] = [:]

    public init() {}

    public mutating func add(_ candidate: PricedRecord) {
        guard let key = candidate.record.dedupKey else {
            records.append(candidate)
            return
        }
        let messageKey = key.messageOnly
        var match = exact[key]
        if match == nil, let indices = byMessage[messageKey] {
            match = indices.first { candidate.record.isSidechain || records[$0].record.isSidechain }
        }
        guard let index = match else {
            exact[key] = records.count
            byMessage[messageKey, default: []].append(records.count)
            records.append(candidate)
            return
        }
        duplicates += 1
        if Deduplicator.shouldReplace(candidate, records[index]) {
            records[index] = candidate
            if exact[key] == nil { exact[key] = index }
        }
    }

    /// Non-sidechain beats sidechain; then more tokens; then higher cost; then a `speed` field.
    public static func shouldReplace(_ candidate: PricedRecord, _ existing: PricedRecord) -> Bool {
        let c = candidate.record, e = existing.record
        if c.isSidechain != e.isSidechain { return e.isSidechain }
        let ct = c.tokens.total, et = e.tokens.total
        if ct != et { return ct > et }
        if candidate.cost != existing.cost { return candidate.cost > existing.cost }
        return c.hasSpeed && !e.hasSpeed
    }
}
