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
    /// Files larger than this are read in parallel pieces (see `UsageLoader.scanAll`).
    public var splitSize: Int64 = UsageLoader.splitSize
    /// Skip files last modified before this instant (ms): they cannot hold newer entries. Used for
    /// `--since` (with a day of margin) and the status line.
    public var modifiedSince: Int64?
    /// Files of this session are read even when older than `modifiedSince`.
    public var keepSession: String?
    /// Names the merged cache of a windowed load (the status line: one per window length, shared by every
    /// session); nil: one per `modifiedSince`.
    public var cacheSlot: String?
    /// Write cache files on a background queue (see `CacheWrites`) instead of before returning.
    public var writeCachesInBackground = false
    /// Bytes added to the files since the merged cache was written that a run re-reads, inserting their
    /// records into the mapped ones, instead of rewriting the cache (0: rewrite it after every change).
    public var rereadLimit: Int64 = 8 << 20
    /// Byte offsets of malformed or invalid lines kept per file read (`--debug-samples`).
    public var skippedSamples = 3
    /// The archive this load keeps current and reads gone transcripts' events from (nil: none).
    public var archive: ArchiveOptions?

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
    public var records: RecordStore
    public var stats: ScanStats
    public var duplicatesRemoved: Int
    /// Of `duplicatesRemoved`: copies without a `requestId` counted as a copy with one (00-decisions 22).
    public var requestlessDuplicates = 0
    public var problems: [LoadProblem]
    public var unpricedModels: [String]
    public var baseDirectories: [String]
    /// Files with malformed or invalid lines, with the offsets of a few of them.
    public var skipped: [SkippedLines] = []
    /// How the result was obtained (for `--debug` and tests).
    public var source: Source = .merged
    /// How many requests each record stands for, when some are aggregates (team blocks read per-hour sums from
    /// the team database); nil: one each.
    public var weights: [Int32]?

    public enum Source: String, Sendable {
        /// Every file's records merged (from the scan cache or the files).
        case merged = "merged every file"
        /// The last merge, unchanged.
        case cachedMerge = "last merge reused (no file changed)"
        /// The last merge with only the new bytes of grown and new files added.
        case extendedMerge = "last merge extended with the new bytes"
    }

    public init(files: [TranscriptFile] = [], records: [PricedRecord] = [], stats: ScanStats = ScanStats(),
                duplicatesRemoved: Int = 0, problems: [LoadProblem] = [], unpricedModels: [String] = [],
                baseDirectories: [String] = []) {
        self.files = files; self.records = RecordStore(records); self.stats = stats
        self.duplicatesRemoved = duplicatesRemoved; self.problems = problems
        self.unpricedModels = unpricedModels; self.baseDirectories = baseDirectories
    }

    public func file(of record: PricedRecord) -> TranscriptFile { files[Int(record.record.fileIndex)] }
}

/// The lines of one file that were not counted.
public struct SkippedLines: Sendable, Equatable {
    public var path: String
    public var malformed: Int
    public var invalid: Int
    /// Byte offsets of the first few (empty when the file's counts came from the cache).
    public var offsets: [Int64]
}
