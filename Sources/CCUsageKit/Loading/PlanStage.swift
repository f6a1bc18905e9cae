extension UsageLoader {
    /// The transcripts a load would read, with what could not be listed.
    public struct Discovered: Sendable {
        public var files: [TranscriptFile]
        public var problems: [LoadProblem]
        public var baseDirectories: [String]

        /// Identifies the inputs of a load: every file's path, size, times and inode, the cost mode and
        /// the prices (see `MergedCache.signature`).
        public func signature(_ options: LoadOptions) -> UInt64 { MergedCache.signature(files, options: options) }
    }

    /// The plan's first step: the source's roots and files (Claude Code's, the one `UsageSource` the loader
    /// reads today), narrowed to `--project` and the time window.
    public static func discover(_ options: LoadOptions, _ env: Environment) throws -> Discovered {
        var problems: [LoadProblem] = []
        Trace.mark("discover")
        let source = ClaudeCodeSource()
        let bases = try source.roots(env, problems: &problems)
        let listings = options.cacheDirectory.map { ListingCache(directory: $0) }
        var files = source.files(in: bases, project: options.project, parallel: !options.singleThread,
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

    /// How one file is read this run.
    enum Plan {
        case cached(CacheEntryMeta)       // unchanged: records come from the cache
        case append(CacheEntryMeta)       // grown: cached records, then the bytes after `consumed`
        case full
        var isFull: Bool { if case .full = self { return true } else { return false } }
    }

    /// Decides, file by file, how each is read this run: from the scan cache when it is unchanged, the cached
    /// records plus the bytes after them when it grew (and the bytes it was read to are still there), else whole.
    static func plan(_ files: [TranscriptFile], snapshot: CacheSnapshot?) -> [Plan] {
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
        return plans
    }
}
