/// Loads the usage of a report: deduplicated, priced records of every transcript, in four stages, each in its
/// own file of this folder:
///
/// 1. **plan** (`PlanStage.swift`): discover the transcripts and decide how each is read this run (from the
///    scan cache, the cached records plus the bytes appended since, or whole); a repeat run on unchanged files
///    is answered by the merged cache there and then, a run on grown files by extending it
///    (`IncrementalMerge.swift`);
/// 2. **scan** (`ScanStage.swift`): read the files on all cores, a large one in pieces (`FileScanner` streams
///    each; the source's line parser turns lines into records);
/// 3. **merge** (`MergeStage.swift`): price every record and keep the best copy of each duplicated response
///    (`Dedup.swift`), in path order;
/// 4. **persist** (`PersistStage.swift`): write the scan and merged caches (`Caching/`), possibly in the
///    background, and keep the archive current (`Archive/`).
///
/// Files are scanned and merged in path-ordered batches, so memory holds the deduplicated records plus one
/// batch. Locks, result slots and deferred releases are in `LoaderSupport.swift`.
public enum UsageLoader {
    public static func load(_ options: LoadOptions, _ env: Environment,
                            progress: (@Sendable (Int, Int64) -> Void)? = nil) throws -> LoadedUsage {
        try load(discover(options, env), options: options, progress: progress)
    }

    public static func load(_ discovered: Discovered, options: LoadOptions,
                            progress: (@Sendable (Int, Int64) -> Void)? = nil) -> LoadedUsage {
        var usage = loadFiles(discovered.files, options: options, progress: progress)
        usage.problems = discovered.problems + usage.problems
        usage.baseDirectories = discovered.baseDirectories
        ArchiveHook.apply(&usage, options: options)
        return usage
    }

    /// Scans `files` in path-ordered batches (each batch on all cores), merging and releasing every
    /// batch before the next, so memory holds the deduplicated records plus one batch.
    public static func loadFiles(_ files: [TranscriptFile], options: LoadOptions,
                                 progress: (@Sendable (Int, Int64) -> Void)? = nil) -> LoadedUsage {
        let caching = options.cacheDirectory != nil && !options.keepRawTimestamps
        var mergedPath: String?, signature: UInt64 = 0
        if caching, let directory = options.cacheDirectory {
            signature = MergedCache.signature(files, options: options)
            let path = MergedCache.path(directory: directory, options: options)
            mergedPath = path
            Trace.mark("signature")
            if var previous = MergedCache.read(path: path, signature: signature, files: files) {
                previous.source = .cachedMerge
                Trace.mark("merged cache read: \(previous.records.count) records")
                progress?(files.count, 0)
                return previous
            }
            if let grown = appendToMerged(files, options: options, path: path, signature: signature,
                                          progress: progress) {
                Trace.mark("merged cache extended: \(grown.records.count) records")
                CacheBudget.touch(path)
                return grown
            }
        }
        let partial = options.modifiedSince != nil || options.project != nil
        let snapshot = caching ? options.cacheDirectory.flatMap { CacheSnapshot(directory: $0, partial: partial) } : nil
        let plans = plan(files, snapshot: snapshot)
        var merger = Merger(files: files, options: options)
        var writer = caching ? CacheWriter() : nil
        var states: [MergedCache.FileState] = []
        var changed = caching && snapshot?.entries.count != files.count
        var start = 0
        while start < files.count {
            var end = start
            var pending: Int64 = 0
            while end < files.count, end - start < 512, pending < 96 << 20 {
                switch plans[end] {
                case .cached: break
                case .append(let meta): pending += files[end].size - meta.consumed
                case .full: pending += files[end].size
                }
                end += 1
            }
            var toRead: [Int] = []
            var offsets: [Int64] = []
            for i in start..<end {
                switch plans[i] {
                case .cached: continue
                case .append(let meta): toRead.append(i); offsets.append(meta.consumed)
                case .full: toRead.append(i); offsets.append(0)
                }
            }
            if !toRead.isEmpty { changed = true }
            let fresh = scanAll(toRead.map { files[$0] }, options: options, offsets: offsets,
                                fileIndices: toRead.map { Int32($0) }, progress: progress)
            var next = 0
            for i in start..<end {
                var scan = FileScan()
                var cachedMeta: CacheEntryMeta?
                switch plans[i] {
                case .cached(let meta), .append(let meta): cachedMeta = meta
                case .full: break
                }
                if let meta = cachedMeta {
                    if let records = snapshot?.records(of: meta, fileIndex: Int32(i)) {
                        scan.records = records
                        scan.stats = meta.stats
                        scan.stats.files = 1
                        scan.consumed = meta.consumed
                    } else {
                        // The entry does not decode: read the file whole instead.
                        cachedMeta = nil
                        changed = true
                        if case .append = plans[i] { next += 1 }
                        scan = FileScanner.scan(path: files[i].path, fileIndex: Int32(i))
                    }
                }
                if case .cached = plans[i] {
                    if cachedMeta == nil { progress?(1, scan.stats.bytes) } else { progress?(1, 0) }
                } else if cachedMeta != nil || plans[i].isFull {
                    let part = fresh[next]
                    next += 1
                    if cachedMeta != nil {
                        scan.records += part.records
                        scan.stats += part.stats
                        scan.stats.files = 1
                        scan.consumed = part.consumed
                        scan.tailRecords = part.tailRecords
                        scan.tailStats = part.tailStats
                        scan.error = part.error
                        scan.skippedSamples = part.skippedSamples
                        scan.fingerprint = part.fingerprint
                    } else {
                        scan = part
                    }
                }
                if caching {
                    let fingerprint = cachedMeta.flatMap { $0.consumed == scan.consumed ? $0.fingerprint : nil }
                        ?? scan.fingerprint ?? ScanCache.fingerprint(path: files[i].path, before: scan.consumed)
                    states.append(MergedCache.FileState(size: files[i].size, stamp: files[i].stamp, inode: files[i].inode,
                                                        consumed: scan.consumed, fingerprint: fingerprint, end: 0))
                }
                if scan.error == nil, writer != nil {
                    var stats = scan.stats
                    stats.lines -= scan.tailStats.lines; stats.usageLines -= scan.tailStats.usageLines
                    stats.malformedLines -= scan.tailStats.malformedLines
                    stats.invalidLines -= scan.tailStats.invalidLines
                    let file = files[i]
                    let fingerprint = cachedMeta.flatMap { $0.consumed == scan.consumed ? $0.fingerprint : nil }
                        ?? scan.fingerprint ?? ScanCache.fingerprint(path: file.path, before: scan.consumed)
                    writer?.add(path: file.path, size: max(file.size, scan.consumed), modified: file.stamp,
                                inode: file.inode, consumed: scan.consumed, fingerprint: fingerprint, stats: stats,
                                records: scan.records.prefix(scan.records.count - scan.tailRecords))
                }
                merger.add(scan, fileIndex: i)
            }
            start = end
        }
        let usage = merger.finish()
        persist(usage, scans: changed ? writer : nil, merged: mergedPath.map { ($0, signature) }, states: states,
                ends: merger.ends, fileCount: files.count, partial: partial, options: options)
        return usage
    }
}
