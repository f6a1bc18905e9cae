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

/// Reads every transcript, in parallel, and merges the per-file results in path order.
public enum UsageLoader {
    public static func load(_ options: LoadOptions, _ env: Environment,
                            progress: (@Sendable (Int, Int64) -> Void)? = nil) throws -> LoadedUsage {
        try load(discover(options, env), options: options, progress: progress)
    }

    /// The transcripts a load would read, with what could not be listed.
    public struct Discovered: Sendable {
        public var files: [TranscriptFile]
        public var problems: [LoadProblem]
        public var baseDirectories: [String]

        /// Identifies the inputs of a load: every file's path, size, times and inode, the cost mode and
        /// the prices (see `MergedCache.signature`).
        public func signature(_ options: LoadOptions) -> UInt64 { MergedCache.signature(files, options: options) }
    }

    public static func discover(_ options: LoadOptions, _ env: Environment) throws -> Discovered {
        var problems: [LoadProblem] = []
        Trace.mark("discover")
        let bases = try Discovery.baseDirectories(env, problems: &problems)
        let listings = options.cacheDirectory.map { ListingCache(directory: $0) }
        var files = Discovery.transcripts(in: bases, project: options.project, parallel: !options.singleThread,
                                          listings: listings, problems: &problems)
        Trace.mark("discovered \(files.count) files (\(listings.map { "\($0.reused) folders unchanged" } ?? "no listing cache"))")
        if let listings, listings.changed {
            CacheWrites.run(inBackground: options.writeCachesInBackground) { listings.write() }
        }
        if let project = options.project, !Discovery.isSinglePathSegment(project) {
            files = files.filter { $0.project == project }
        }
        if let cutoff = options.modifiedSince {
            files = files.filter { $0.modified >= cutoff || $0.sessionID == options.keepSession }
        }
        return Discovered(files: files, problems: problems, baseDirectories: bases)
    }

    public static func load(_ discovered: Discovered, options: LoadOptions,
                            progress: (@Sendable (Int, Int64) -> Void)? = nil) -> LoadedUsage {
        var usage = loadFiles(discovered.files, options: options, progress: progress)
        usage.problems = discovered.problems + usage.problems
        usage.baseDirectories = discovered.baseDirectories
        ArchiveHook.apply(&usage, options: options)
        return usage
    }

    /// How one file is read this run.
    enum Plan {
        case cached(CacheEntryMeta)       // unchanged: records come from the cache
        case append(CacheEntryMeta)       // grown: cached records, then the bytes after `consumed`
        case full
        var isFull: Bool { if case .full = self { return true } else { return false } }
    }

    /// Scans `files` in path-ordered batches (each batch on all cores), merging and releasing every
    /// batch before the next, so memory holds the deduplicated records plus one batch.
    public static func loadFiles(_ files: [TranscriptFile], options: LoadOptions,
                                 progress: (@Sendable (Int, Int64) -> Void)? = nil) -> LoadedUsage {
        let caching = options.cacheDirectory != nil && !options.keepRawTimestamps
        var mergedPath: String?, signature: UInt64 = 0
        if caching {
            signature = MergedCache.signature(files, options: options)
            mergedPath = MergedCache.path(directory: options.cacheDirectory!, options: options)
            Trace.mark("signature")
            if var previous = MergedCache.read(path: mergedPath!, signature: signature, files: files) {
                previous.source = .cachedMerge
                Trace.mark("merged cache read: \(previous.records.count) records")
                progress?(files.count, 0)
                return previous
            }
            if let grown = appendToMerged(files, options: options, path: mergedPath!, signature: signature,
                                          progress: progress) {
                Trace.mark("merged cache extended: \(grown.records.count) records")
                if let path = mergedPath { CacheBudget.touch(path) }
                return grown
            }
        }
        let partial = options.modifiedSince != nil || options.project != nil
        let snapshot = caching ? CacheSnapshot(directory: options.cacheDirectory!, partial: partial) : nil
        var plans: [Plan] = []
        plans.reserveCapacity(files.count)
        for file in files {
            guard let meta = snapshot?.entries[file.path], meta.inode == file.inode, file.size >= meta.consumed else {
                plans.append(.full); continue
            }
            if meta.size == file.size, meta.modified == file.stamp, meta.consumed == file.size {
                plans.append(.cached(meta))
            } else if file.size > meta.size || (file.size == meta.size && file.stamp == meta.modified),
                      ScanCache.fingerprint(path: file.path, before: meta.consumed) == meta.fingerprint {
                // Grown (or unchanged with an unterminated last line), and the bytes before the last read end
                // are still there: read on from there. Same size with other times is a rewrite: read whole.
                plans.append(.append(meta))
            } else {
                plans.append(.full)
            }
        }
        var merger = Merger(files: files, options: options)
        var writer = caching ? CacheWriter() : nil
        var states: [MergedCache.FileState] = []
        var changed = caching && (snapshot == nil || snapshot!.entries.count != files.count)
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
                    if let records = snapshot!.records(of: meta, fileIndex: Int32(i)) {
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
                if writer != nil, scan.error == nil {
                    var stats = scan.stats
                    stats.lines -= scan.tailStats.lines; stats.usageLines -= scan.tailStats.usageLines
                    stats.malformedLines -= scan.tailStats.malformedLines
                    stats.invalidLines -= scan.tailStats.invalidLines
                    let file = files[i]
                    let fingerprint = cachedMeta.flatMap { $0.consumed == scan.consumed ? $0.fingerprint : nil }
                        ?? scan.fingerprint ?? ScanCache.fingerprint(path: file.path, before: scan.consumed)
                    writer!.add(path: file.path, size: max(file.size, scan.consumed), modified: file.stamp,
                               inode: file.inode, consumed: scan.consumed, fingerprint: fingerprint, stats: stats,
                               records: scan.records.prefix(scan.records.count - scan.tailRecords))
                }
                merger.add(scan, fileIndex: i)
            }
            start = end
        }
        let usage = merger.finish()
        let scanWriter = changed ? writer : nil
        var mergedStates: [MergedCache.FileState]?
        if mergedPath != nil, usage.problems.isEmpty, states.count == files.count {
            for i in states.indices { states[i].end = merger.ends[i] }
            mergedStates = states
        }
        let directory = options.cacheDirectory ?? "", pricing = MergedCache.pricingSignature(options)
        let finalStates = mergedStates, target = mergedPath, key = signature
        CacheWrites.run(inBackground: options.writeCachesInBackground) {
            scanWriter?.write(directory: directory, partial: partial)
            if let target, let finalStates {
                MergedCache.write(usage, states: finalStates, signature: key, pricing: pricing, path: target)
            }
        }
        return usage
    }

    /// Extends the last merge when files only grew or were added: reads just the new bytes and, when none
    /// of their responses shares a message id with what was merged before, inserts them where a full
    /// merge would put them (each new record after every earlier file's, in path order). The result is
    /// the full merge's, record for record; anything else (a shrunk, rewritten, replaced or removed file,
    /// a grown unterminated last line, a read error, a shared message id) returns nil and the caller merges
    /// everything.
    static func appendToMerged(_ files: [TranscriptFile], options: LoadOptions, path: String, signature: UInt64,
                               progress: (@Sendable (Int, Int64) -> Void)?) -> LoadedUsage? {
        guard let parsed = MergedCache.Parsed(path: path), parsed.pricing == MergedCache.pricingSignature(options),
              let table = parsed.fileTable(), !table.isEmpty, table.count == parsed.stats.files else { return nil }
        // Walk both path-ordered lists together.
        var oldToNew = [Int32](repeating: -1, count: table.count)
        var states: [MergedCache.FileState] = []
        states.reserveCapacity(files.count)
        var toRead: [Int] = [], offsets: [Int64] = []
        /// For each file read: the old survivor position its new records go before.
        var insertAt: [Int] = []
        var old = 0
        for (i, file) in files.enumerated() {
            while old < table.count, bytewiseLess(table[old].path, file.path) { return nil }   // removed
            if old < table.count, table[old].path == file.path {
                let before = table[old].state
                oldToNew[old] = Int32(i)
                old += 1
                guard before.inode == file.inode else { return nil }
                if before.size == file.size, before.stamp == file.stamp {
                    states.append(before)
                    continue
                }
                // Same size, other times: rewritten in place, not grown.
                guard before.consumed == before.size, file.size > before.size,
                      ScanCache.fingerprint(path: file.path, before: before.consumed) == before.fingerprint else { return nil }
                states.append(before)
                toRead.append(i); offsets.append(before.consumed); insertAt.append(before.end)
            } else {
                states.append(MergedCache.FileState(size: 0, stamp: 0, inode: file.inode, consumed: 0, fingerprint: 0,
                                                    end: 0))
                toRead.append(i); offsets.append(0); insertAt.append(old == 0 ? 0 : table[old - 1].state.end)
            }
        }
        guard old == table.count else { return nil }
        // The earlier records, checked, with their strings pooled before the new bytes add any (so, in a
        // fresh process, they keep their ids and stay where they are mapped).
        guard let earlier = parsed.records(fileCount: files.count, fileIndex: oldToNew) else { return nil }
        Trace.mark("merged cache: \(toRead.count) files to read")
        let scans = scanAll(toRead.map { files[$0] }, options: options, offsets: offsets,
                            fileIndices: toRead.map { Int32($0) }, progress: progress)
        guard scans.allSatisfy({ $0.error == nil }) else { return nil }
        // The new records, priced and deduplicated among themselves in processing order.
        var calculator = CostCalculator(mode: options.mode, table: options.prices)
        var deduper = Deduplicator()
        var fresh = Set<DedupKey>()
        var boundaries: [Int] = []
        var stats = parsed.stats
        stats.files = files.count
        for scan in scans {
            for record in scan.records {
                if let key = record.dedupKey { fresh.insert(key.messageOnly) }
                deduper.add(PricedRecord(record, cost: calculator.cost(of: record)))
            }
            boundaries.append(deduper.records.count)
            var counted = scan.stats
            counted.files = 0
            stats += counted
        }
        // Every survivor so far carries the message id of every copy it stood for: a new record whose
        // message was seen before would change what the earlier merge kept.
        var insertions: [(at: Int, records: [PricedRecord])] = []
        var from = 0
        for (k, end) in boundaries.enumerated() where end > from {
            insertions.append((insertAt[k], Array(deduper.records[from..<end])))
            from = end
        }
        Trace.mark("new bytes read and merged")
        var last = 0
        for insertion in insertions {
            guard insertion.at >= last, insertion.at <= earlier.count else { return nil }   // a damaged file table
            last = insertion.at
        }
        if !fresh.isEmpty {
            let few = fresh.count <= 16 ? fresh.map(\.message) : nil
            let clash = earlier.withUnsafeBufferPointer { all -> Bool in
                for p in all {
                    guard let key = p.record.dedupKey else { continue }
                    if let few {
                        if few.contains(key.message), fresh.contains(key.messageOnly) { return true }
                    } else if fresh.contains(key.messageOnly) {
                        return true
                    }
                }
                return false
            }
            if clash { return nil }
        }
        Trace.mark("checked")
        // Skipped lines per file: the earlier counts plus the new bytes'.
        var skippedCounts: [Int: (Int, Int, [Int64])] = [:]
        for (oldIndex, malformed, invalid) in parsed.skipped {
            guard oldIndex < oldToNew.count else { return nil }
            skippedCounts[Int(oldToNew[oldIndex])] = (malformed, invalid, [])
        }
        for (k, scan) in scans.enumerated() where scan.stats.malformedLines + scan.stats.invalidLines > 0 {
            let before = skippedCounts[toRead[k]] ?? (0, 0, [])
            skippedCounts[toRead[k]] = (before.0 + scan.stats.malformedLines, before.1 + scan.stats.invalidLines,
                                        before.2 + scan.skippedSamples)
        }
        // File states: the read files' new sizes, and every file's place in the new order.
        var inserted = 0, k = 0
        for i in files.indices {
            if k < toRead.count, toRead[k] == i {
                inserted += boundaries[k] - (k == 0 ? 0 : boundaries[k - 1])
                let scan = scans[k]
                let base = offsets[k] == 0 ? insertAt[k] : states[i].end
                states[i] = MergedCache.FileState(
                    size: files[i].size, stamp: files[i].stamp, inode: files[i].inode, consumed: scan.consumed,
                    fingerprint: scan.fingerprint ?? ScanCache.fingerprint(path: files[i].path, before: scan.consumed),
                    end: base + inserted)
                k += 1
            } else {
                states[i].end += inserted
            }
        }
        var unpriced = Set(parsed.unpriced)
        unpriced.formUnion(calculator.unpricedModels)
        var usage = LoadedUsage(files: files, stats: stats, duplicatesRemoved: parsed.duplicates + deduper.duplicates,
                                unpricedModels: unpriced.sorted())
        usage.requestlessDuplicates = parsed.requestless + deduper.requestlessDuplicates
        usage.skipped = skippedCounts.keys.sorted().map { i in
            let c = skippedCounts[i]!
            return SkippedLines(path: files[i].path, malformed: c.0, invalid: c.1, offsets: Array(c.2.prefix(3)))
        }
        usage.source = .extendedMerge
        let total = earlier.count + insertions.reduce(0) { $0 + $1.records.count }
        let pricing = MergedCache.pricingSignature(options)
        // The cache is left as it is while little was added since it was written: each run re-reads only
        // the bytes added since (as this one did) and inserts their records into the mapped ones. Past that,
        // it is rewritten with everything.
        let newBytes = zip(toRead, offsets).reduce(Int64(0)) { $0 + files[$1.0].size - $1.1 }
        if earlier.isMapped, newBytes <= options.rereadLimit, total - earlier.count <= max(4096, earlier.count / 16),
           insertions.count <= 256 {
            usage.records = RecordStore(earlier, inserting: insertions)
            Trace.mark("records inserted (\(newBytes) bytes added since the cache was written)")
            if options.writeCachesInBackground { CacheWrites.park(Garbage((parsed, table, scans, deduper))) }
            return usage
        }
        if earlier.isMapped {
            // The new file: the earlier records' bytes between insertion points, as they are, with the new
            // records in between; its records are then used where they are mapped.
            var chunks: [CacheWriter.Chunk] = []
            var from = 0
            for insertion in insertions {
                chunks.append(.mapped(parsed.bytes, (parsed.recordsAt + from * MergedCache.stride)..<(parsed.recordsAt + insertion.at * MergedCache.stride)))
                chunks.append(.records(RecordStore(insertion.records)))
                from = insertion.at
            }
            chunks.append(.mapped(parsed.bytes, (parsed.recordsAt + from * MergedCache.stride)..<parsed.fileTableAt))
            if let mapped = MergedCache.write(usage, records: chunks, count: total, states: states,
                                              signature: signature, pricing: pricing, path: path, map: true) {
                Trace.mark("merged cache written and mapped")
                usage.records = mapped
                if options.writeCachesInBackground { CacheWrites.park(Garbage((parsed, table, scans, deduper))) }
                return usage
            }
        }
        // Renumbered (or the cache could not be written): the records in memory, the file written after.
        usage.records = RecordStore(earlier, inserting: insertions)
        let written = usage, finalStates = states
        CacheWrites.run(inBackground: options.writeCachesInBackground) {
            MergedCache.write(written, states: finalStates, signature: signature, pricing: pricing, path: path)
            Trace.mark("merged cache written")
        }
        // A one-shot process leaves the earlier result's mapping and buffers to the exit (unmapping them
        // now would only hold up the report); a long-running one frees them here.
        if options.writeCachesInBackground { CacheWrites.park(Garbage((parsed, table, scans, deduper, earlier))) }
        return usage
    }

    /// Files larger than this are split at line boundaries into pieces scanned in parallel.
    public static let splitSize: Int64 = 48 << 20

    /// Scans files on all cores (or one), returning results in the order given. A large file is cut into
    /// pieces of about `splitSize` bytes (each piece starts at a line start), scanned in parallel and
    /// joined back in order, so one huge transcript uses every core too.
    public static func scanAll(_ files: [TranscriptFile], options: LoadOptions, offsets: [Int64]? = nil,
                               fileIndices: [Int32]? = nil,
                               progress: (@Sendable (Int, Int64) -> Void)? = nil) -> [FileScan] {
        struct Piece { let file: Int; let start: Int64; let end: Int64?; let last: Bool }
        var pieces: [Piece] = []
        for (i, file) in files.enumerated() {
            let start = offsets?[i] ?? 0
            let length = file.size - start
            let splitSize = max(options.splitSize, 4096)
            if options.singleThread || length <= splitSize {
                pieces.append(Piece(file: i, start: start, end: nil, last: true))
                continue
            }
            let count = Int((length + splitSize - 1) / splitSize)
            for k in 0..<count {
                let from = start + Int64(k) * splitSize
                pieces.append(Piece(file: i, start: from, end: k == count - 1 ? nil : from + splitSize, last: k == count - 1))
            }
        }
        let results = ScanSlots<FileScan>(count: pieces.count, empty: FileScan())
        let keepRaw = options.keepRawTimestamps, samples = options.skippedSamples
        let allPieces = pieces
        let work: @Sendable (Int) -> Void = { index in
            let piece = allPieces[index]
            let scan = FileScanner.scan(path: files[piece.file].path,
                                        fileIndex: fileIndices?[piece.file] ?? Int32(piece.file),
                                        from: piece.start, keepRawTimestamps: keepRaw,
                                        alignedStart: piece.start > (offsets?[piece.file] ?? 0), until: piece.end,
                                        samples: samples)
            results.store(scan, at: index)
            if let progress { progress(piece.last ? 1 : 0, scan.stats.bytes) }
        }
        if options.singleThread || pieces.count < 2 {
            for index in pieces.indices { work(index) }
        } else {
            // Largest reads first keeps both cores busy to the end.
            let order = pieces.indices.sorted { a, b in
                let la = (pieces[a].end ?? files[pieces[a].file].size) - pieces[a].start
                let lb = (pieces[b].end ?? files[pieces[b].file].size) - pieces[b].start
                return la > lb
            }
            DispatchQueue.concurrentPerform(iterations: order.count) { work(order[$0]) }
        }
        var scanned = results.take()
        guard pieces.count != files.count else { return scanned }
        // Join the pieces of each file, in order, releasing each piece as it is copied.
        var total = Array(repeating: 0, count: files.count)
        for (index, piece) in pieces.enumerated() { total[piece.file] += scanned[index].records.count }
        var joined: [FileScan] = Array(repeating: FileScan(), count: files.count)
        var first = Array(repeating: true, count: files.count)
        for (index, piece) in pieces.enumerated() {
            let part = scanned[index]
            scanned[index] = FileScan()
            if first[piece.file] {
                joined[piece.file] = part
                joined[piece.file].records.reserveCapacity(total[piece.file])
                first[piece.file] = false
                continue
            }
            var whole = joined[piece.file]
            joined[piece.file] = FileScan()
            whole.records += part.records
            whole.stats += part.stats
            whole.stats.files = 1
            if whole.skippedSamples.count < samples {
                whole.skippedSamples += part.skippedSamples.prefix(samples - whole.skippedSamples.count)
            }
            whole.error = whole.error ?? part.error
            whole.consumed = part.consumed
            whole.tailRecords = part.tailRecords
            whole.tailStats = part.tailStats
            whole.fingerprint = part.fingerprint
            joined[piece.file] = whole
        }
        return joined
    }

    /// Prices every record and keeps the best copy of each duplicated response.
    public static func merge(files: [TranscriptFile], scans: [FileScan], options: LoadOptions) -> LoadedUsage {
        var merger = Merger(files: files, options: options)
        for (index, scan) in scans.enumerated() { merger.add(scan, fileIndex: index) }
        return merger.finish()
    }

    /// Folds file results, in path order, into one deduplicated, priced record list.
    struct Merger {
        let files: [TranscriptFile]
        var calculator: CostCalculator
        var deduper = Deduplicator()
        var stats = ScanStats()
        var problems: [LoadProblem] = []
        var skipped: [SkippedLines] = []
        /// Survivors after each file: where a file's later records go (see `MergedCache.FileState.end`).
        var ends: [Int] = []

        init(files: [TranscriptFile], options: LoadOptions) {
            self.files = files
            calculator = CostCalculator(mode: options.mode, table: options.prices)
        }

        mutating func add(_ scan: FileScan, fileIndex: Int) {
            stats += scan.stats
            if let error = scan.error {
                problems.append(LoadProblem(kind: .unreadableFile, path: files[fileIndex].path, reason: error))
            }
            if scan.stats.malformedLines + scan.stats.invalidLines > 0 {
                skipped.append(SkippedLines(path: files[fileIndex].path, malformed: scan.stats.malformedLines,
                                            invalid: scan.stats.invalidLines, offsets: scan.skippedSamples))
            }
            for record in scan.records {
                deduper.add(PricedRecord(record, cost: calculator.cost(of: record)))
            }
            ends.append(deduper.records.count)
        }

        func finish() -> LoadedUsage {
            var usage = LoadedUsage(files: files, records: deduper.records, stats: stats,
                                    duplicatesRemoved: deduper.duplicates, problems: problems,
                                    unpricedModels: calculator.unpricedModels.sorted())
            usage.skipped = skipped
            usage.requestlessDuplicates = deduper.requestlessDuplicates
            return usage
        }
    }
}

/// Cache files written while the report is being built: a serial queue (one write at a time, in order) that
/// the CLI waits for before it exits.
public enum CacheWrites {
    private static let queue = DispatchQueue(label: "ccusage.cache-writes")
    private static let group = DispatchGroup()

    public static func run(inBackground: Bool, _ work: @escaping @Sendable () -> Void) {
        if inBackground { queue.async(group: group, execute: work) } else { work() }
    }

    /// Returns when every submitted write has finished.
    public static func wait() { group.wait() }

    nonisolated(unsafe) private static var parked: [Garbage] = []
    private static let lock = NSLockLite()

    /// Keeps values alive until the process exits.
    static func park(_ garbage: Garbage) { lock.withLock { parked.append(garbage) } }
}

/// Values released on another thread (large buffers and mappings, so the caller does not wait for them).
final class Garbage: @unchecked Sendable {
    private var value: Any?
    init(_ value: Any) { self.value = value }
}

/// Results written by worker threads, each slot by exactly one worker.
final class ScanSlots<Value>: @unchecked Sendable {
    private var slots: [Value]
    private let lock = NSLockLite()

    init(count: Int, empty: Value) { slots = Array(repeating: empty, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.withLock { slots[index] = value }
    }

    func take() -> [Value] { lock.withLock { slots } }
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
/// request id is a replay of the same message. A copy without a request id takes the request id of the first
/// copy of its message that has one (00-decisions 22: Claude Code 2.0.x rewrote history without them), before
/// or after it. The best copy wins and takes the first copy's place.
public struct Deduplicator {
    public private(set) var records: [PricedRecord] = []
    public private(set) var duplicates = 0
    /// Of `duplicates`: copies joined only because one side has no request id (decision 22).
    public private(set) var requestlessDuplicates = 0
    /// `(message, request)` → index of the kept copy.
    private var exact = KeyTable()
    /// `message` → first index with that message id; later ones are chained through `nextSameMessage`.
    private var byMessage = KeyTable()
    private var lastSameMessage: [Int32] = []
    private var nextSameMessage: [Int32] = []
    /// The request id each kept copy stands for (a copy without one: its message's first request id, once
    /// known; 0 before).
    private var groupRequest: [UInt64] = []
    /// At the first index of each message: the request id of its first copy that has one (0: none yet).
    private var messageRequest: [UInt64] = []
    /// Whether each kept copy stood only for copies without a request id before one with an id joined.
    private var onlyRequestless: [Bool] = []

    public init() {}

    public mutating func add(_ candidate: PricedRecord) {
        guard var key = candidate.record.dedupKey else {
            append(candidate, request: 0)
            return
        }
        let messageKey = key.messageOnly
        let head = byMessage.find(messageKey)
        var requestless = false
        if let head {
            if key.request == 0, messageRequest[head] != 0 {
                key.request = messageRequest[head]   // a copy without request id: its message's first one
                requestless = true
            } else if key.request != 0, messageRequest[head] == 0 {
                // The first request id of a message: the copies without one stand for it from now on.
                messageRequest[head] = key.request
                if let i = exact.find(messageKey), groupRequest[i] == 0 {
                    groupRequest[i] = key.request
                    exact.set(key, i)
                    requestless = onlyRequestless[i]
                }
            }
        }
        // The table may still point at a slot whose copy was since replaced by one with another request
        // id: only a slot that stands for this very request is an exact match.
        var match: Int?
        if let i = exact.find(key), groupRequest[i] == key.request { match = i }
        if match == nil, var i = head {
            requestless = false
            while i >= 0 {
                if candidate.record.isSidechain || records[i].record.isSidechain { match = i; break }
                i = Int(nextSameMessage[i])
            }
        }
        guard let index = match else {
            let index = records.count
            exact.set(key, index)   // the key may still point at a slot that changed hands
            if let head {
                nextSameMessage[Int(lastSameMessage[head])] = Int32(index)
                lastSameMessage[head] = Int32(index)
            } else {
                byMessage.insert(messageKey, index)
            }
            append(candidate, request: key.request)
            lastSameMessage[index] = Int32(index)
            if head == nil { messageRequest[index] = key.request }
            return
        }
        duplicates += 1
        if requestless { requestlessDuplicates += 1 }
        if candidate.record.dedupKey?.request != 0 { onlyRequestless[index] = false }
        if Deduplicator.shouldReplace(candidate, records[index]) {
            records[index] = candidate
            groupRequest[index] = key.request
            exact.set(key, index)
        }
    }

    private mutating func append(_ candidate: PricedRecord, request: UInt64) {
        records.append(candidate)
        nextSameMessage.append(-1)
        lastSameMessage.append(-1)
        groupRequest.append(request)
        messageRequest.append(0)
        onlyRequestless.append(candidate.record.dedupKey?.request == 0)
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

/// Open addressing over already-hashed keys: no SipHash per lookup, no per-key allocations.
struct KeyTable {
    private var keys: [DedupKey] = []
    private var values: [Int32] = []   // -1 = empty
    private var count = 0
    private var mask = 0

    init() { grow(to: 1024) }

    private mutating func grow(to capacity: Int) {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: DedupKey(message: 0, message2: 0, request: 0), count: capacity)
        values = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where v >= 0 { insert(k, Int(v)) }
    }

    @inline(__always) private func slot(_ key: DedupKey) -> Int {
        var h = key.message ^ (key.request &* 0x9E37_79B9_7F4A_7C15)
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    func find(_ key: DedupKey) -> Int? {
        var i = slot(key)
        while true {
            let v = values[i]
            if v < 0 { return nil }
            if keys[i] == key { return Int(v) }
            i = (i + 1) & mask
        }
    }

    /// Points `key` at `value`, replacing what it pointed at.
    mutating func set(_ key: DedupKey, _ value: Int) {
        var i = slot(key)
        while values[i] >= 0 {
            if keys[i] == key { values[i] = Int32(value); return }
            i = (i + 1) & mask
        }
        insert(key, value)
    }

    /// Adds a key that is not present.
    mutating func insert(_ key: DedupKey, _ value: Int) {
        if (count + 1) * 4 > (mask + 1) * 3 { grow(to: (mask + 1) * 2) }
        var i = slot(key)
        while values[i] >= 0 { i = (i + 1) & mask }
        keys[i] = key
        values[i] = Int32(value)
        count += 1
    }
}
