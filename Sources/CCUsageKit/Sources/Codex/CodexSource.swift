import Foundation

/// OpenAI Codex CLI as a usage source: roots from the environment (`CODEX_HOME`), discovery, a per-file parser
/// and its de-duplication policy (in `CodexReport`). Shaped to become a `UsageSource`.
public enum CodexSource {
    public static let id = "codex"
    public static let displayName = "Codex"
    public static let reports: [CodexReportKind] = [.daily, .monthly, .session]

    /// Reads every file of every home (in parallel unless `singleThread`), keeping file order. With a
    /// `cacheDirectory`, unchanged files come from `CodexScanCache` and grown ones are read on from where they ended.
    public static func load(_ env: Environment, singleThread: Bool = false, cacheDirectory: String? = nil) -> CodexLoad {
        // (The CLI discovers once and calls `load(files:homes:)`, so a cached report costs only the listing.)
        let homes = CodexDiscovery.homes(env)
        return load(files: CodexDiscovery.files(homes: homes), homes: homes, singleThread: singleThread,
                    cacheDirectory: cacheDirectory)
    }

    public static func load(files: [CodexFile], homes: [String], singleThread: Bool = false,
                            cacheDirectory: String? = nil) -> CodexLoad {
        let snapshot = cacheDirectory.flatMap { CodexScanCache.Snapshot(directory: $0) }
        let slots = ScanSlots<CodexFileEvents>(count: files.count, empty: CodexFileEvents())
        let entries = ScanSlots<CodexScanCache.Entry?>(count: cacheDirectory == nil ? 0 : files.count, empty: nil)
        let reused = ScanSlots<Bool>(count: files.count, empty: false)
        // Each file's report keys are made by the worker that read it (the report's own loop is one thread).
        let keys = ScanSlots<CodexEventKeys>(count: files.count, empty: CodexEventKeys())
        let work: @Sendable (Int) -> Void = { index in
            let file = files[index]
            guard cacheDirectory != nil else {
                let events = CodexFileParser.parse(path: file.path, modifiedMillis: file.modifiedMillis)
                keys.store(CodexEventKeys(events.events), at: index)
                slots.store(events, at: index)
                return
            }
            let (events, entry, hit) = readCached(file, cached: snapshot?.entry(file.path))
            keys.store(CodexEventKeys(events.events), at: index)
            slots.store(events, at: index)
            entries.store(entry, at: index)
            reused.store(hit, at: index)
        }
        if singleThread || files.count < 2 {
            for index in files.indices { work(index) }
        } else {
            // Largest files first keeps every core busy to the end.
            let order = files.indices.sorted { files[$0].size > files[$1].size }
            DispatchQueue.concurrentPerform(iterations: order.count) { work(order[$0]) }
        }
        let load = CodexLoad(homes: homes, files: files, results: slots.take(), keys: keys.take())
        if let cacheDirectory {
            let kept = entries.take(), hits = reused.take()
            // Rewritten only when something changed: a file read (wholly or on from its end) or a file gone.
            if hits.contains(false) || snapshot?.offsets.count != files.count {
                let list = zip(files, kept).compactMap { file, entry in entry.map { (path: file.path, entry: $0) } }
                CacheWrites.run(inBackground: true) { CodexScanCache.write(list, directory: cacheDirectory) }
            }
        }
        return load
    }

    /// One file through the cache: the cached events when it is unchanged, the cached events and a read from the
    /// old end when it only grew, else a whole read. Returns the events, the entry to keep, and whether the cached
    /// entry was used as it was.
    static func readCached(_ file: CodexFile, cached: CodexScanCache.Entry?)
        -> (CodexFileEvents, CodexScanCache.Entry?, Bool) {
        if let cached, cached.inode == file.inode {
            if cached.size == file.size, cached.modified == file.modifiedMillis, cached.point.consumed == file.size {
                return (cached.events, cached, true)
            }
            if cached.point.resumable, file.size > cached.point.consumed,
               ScanCache.fingerprint(path: file.path, before: cached.point.consumed) == cached.fingerprint {
                let (more, point) = CodexFileParser.scan(path: file.path, modifiedMillis: file.modifiedMillis,
                                                         resume: cached.point)
                if more.error == nil {
                    var events = cached.events
                    events.events += more.events
                    events.lines += more.lines
                    events.malformedLines += more.malformedLines
                    events.malformedOffsets = Array((events.malformedOffsets + more.malformedOffsets).prefix(3))
                    events.bytes += more.bytes
                    return (events, entry(file, point, events), false)
                }
            }
        }
        let (events, point) = CodexFileParser.scan(path: file.path, modifiedMillis: file.modifiedMillis)
        return (events, events.error == nil ? entry(file, point, events) : nil, false)
    }

    private static func entry(_ file: CodexFile, _ point: CodexScanPoint, _ events: CodexFileEvents)
        -> CodexScanCache.Entry {
        // The identity is the one listed before the read; a file that grew meanwhile is read on next time.
        var point = point
        if point.consumed != file.size { point.resumable = false }
        return CodexScanCache.Entry(size: file.size, modified: file.modifiedMillis, inode: file.inode,
                                    fingerprint: ScanCache.fingerprint(path: file.path, before: point.consumed),
                                    point: point, events: events)
    }
}

extension CodexSource {
    /// Every input of a Codex report's numbers: each file's path, size and modification time (in processing
    /// order), and the prices. A report cached under another signature is never reused.
    public static func signature(files: [CodexFile], prices: PriceTable) -> UInt64 {
        // Numbers mixed in as they are: formatting them into one text took longer than the listing.
        var signature = FileSignature()
        for file in files {
            signature.file(path: file.path, size: file.size, time: file.modifiedMillis, inode: file.inode)
        }
        signature.mix(UInt64(files.count))
        let h = (signature.value ^ prices.digest) &* 0xff51_afd7_ed55_8ccd
        return h ^ (h >> 31)
    }
}

/// What a Codex load found: the files in processing order and each file's events.
public struct CodexLoad: Sendable {
    public var homes: [String]
    public var files: [CodexFile]
    public var results: [CodexFileEvents]
    /// Each file's `CodexEventKeys` (made while loading); empty when the load was put together otherwise.
    public var keys: [CodexEventKeys] = []

    /// Each file's session id and events, in processing order.
    public var sessions: [(id: String, events: [CodexEvent])] {
        zip(files, results).map { ($0.sessionID, $1.events) }
    }

    public var eventCount: Int { results.reduce(0) { $0 + $1.events.count } }
    public var malformedLines: Int { results.reduce(0) { $0 + $1.malformedLines } }
    public var lines: Int { results.reduce(0) { $0 + $1.lines } }
    public var bytes: Int64 { results.reduce(0) { $0 + $1.bytes } }

    /// `path: reason` for files that could not be read.
    public var unreadable: [String] {
        zip(files, results).compactMap { file, result in result.error.map { "\(file.path): \($0)" } }
    }

    /// Files with malformed lines and the byte offsets of the first few.
    public var malformedFiles: [(path: String, count: Int, offsets: [Int64])] {
        zip(files, results).filter { $1.malformedLines > 0 }.map { ($0.path, $1.malformedLines, $1.malformedOffsets) }
    }

    public func report(_ kind: CodexReportKind, options: CodexReportOptions, pricing: CodexPricing) -> CodexReport {
        let keys = keys.count == results.count ? keys : results.map { CodexEventKeys($0.events) }
        return CodexReport(ids: files.map(\.sessionID), events: results.map(\.events), keys: keys, kind: kind,
                           options: options, pricing: pricing)
    }
}
