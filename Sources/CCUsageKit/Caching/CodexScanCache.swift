/// The Codex counterpart of `ScanCache`: per rollout file, its identity when read (size, modification time,
/// inode), how far complete lines reached with the parser state there (cumulative totals, current model, the
/// sub-agent replay second), and the events read. An unchanged file is not opened; a file that only grew (same
/// inode, the 256 bytes before the old end unchanged) is read on from where it ended; anything else is read whole.
/// One binary file, replaced atomically; a corrupt, truncated or foreign-version file is ignored and rebuilt.
public enum CodexScanCache {
    static let magic: [UInt8] = Array("CCUSAGE-CODEX-SCAN".utf8)
    static let version: UInt64 = 1
    public static let fileName = "codex-scan-v1.bin"

    /// One file's cached read.
    struct Entry: Sendable {
        var size: Int64, modified: Int64, inode: UInt64
        var fingerprint: UInt64
        var point: CodexScanPoint
        var events: CodexFileEvents
    }

    /// The cache file mapped and indexed by path; each entry's events are decoded on demand (from any thread).
    struct Snapshot: @unchecked Sendable {
        let bytes: MappedFile
        let models: [String]
        var offsets: [String: Int] = [:]

        init?(directory: String) {
            guard let bytes = MappedFile(path: directory + "/" + CodexScanCache.fileName) else { return nil }
            self.bytes = bytes
            var r = CacheReader(bytes: bytes)
            do {
                for b in CodexScanCache.magic { guard try r.u8() == b else { return nil } }
                guard try r.u64() == CodexScanCache.version else { return nil }
                let modelCount = try r.int()
                guard modelCount <= bytes.count / 8 else { return nil }
                var models: [String] = []
                for _ in 0..<modelCount { models.append(try r.string()) }
                self.models = models
                let fileCount = try r.int()
                guard fileCount <= bytes.count / 8 else { return nil }
                for _ in 0..<fileCount {
                    let path = try r.string()
                    let length = try r.int()
                    guard length <= bytes.count - r.at else { return nil }
                    offsets[path] = r.at
                    r.at += length
                }
                guard r.at == bytes.count else { return nil }
            } catch { return nil }
        }

        /// The entry of `path`, or nil when there is none or it does not decode.
        func entry(_ path: String) -> Entry? {
            guard let at = offsets[path] else { return nil }
            var r = CacheReader(bytes: bytes, at: at)
            do {
                let size = try r.i64(), modified = try r.i64(), inode = try r.u64(), fingerprint = try r.u64()
                var point = CodexScanPoint()
                point.consumed = try r.i64()
                point.resumable = try r.u8() == 1
                if try r.u8() == 1 { point.state.previousTotals = try tokens(&r) }
                point.state.currentModel = try optionalString(&r)
                point.state.currentIsFallback = try r.u8() == 1
                if try r.u8() == 1 {
                    let n = try r.int()
                    guard n <= r.count - r.at else { return nil }
                    point.state.replaySecond = Array(UnsafeRawBufferPointer(start: r.file.base + r.at, count: n))
                    r.at += n
                }
                var events = CodexFileEvents()
                events.lines = try r.int()
                events.malformedLines = try r.int()
                let offsets = try r.int()
                guard offsets <= 3 else { return nil }
                for _ in 0..<offsets { events.malformedOffsets.append(try r.i64()) }
                events.bytes = try r.i64()
                let count = try r.int()
                guard count <= (bytes.count - r.at) / 16 else { return nil }
                events.events.reserveCapacity(count)
                for _ in 0..<count {
                    let timestamp = try r.string()
                    let model = try r.int()
                    guard model < models.count else { return nil }
                    let fallback = try r.u8() == 1
                    let counts = try tokens(&r)
                    events.events.append(CodexEvent(timestamp: timestamp, model: models[model], tokens: counts,
                                                    isFallback: fallback))
                }
                return Entry(size: size, modified: modified, inode: inode, fingerprint: fingerprint, point: point,
                             events: events)
            } catch { return nil }
        }

        private func tokens(_ r: inout CacheReader) throws -> CodexTokens {
            let input = try r.i64(), cached = try r.i64(), output = try r.i64(), reasoning = try r.i64()
            let total = try r.i64()
            return CodexTokens(input: Int(input), cached: Int(cached), output: Int(output), reasoning: Int(reasoning),
                               total: Int(total))
        }

        private func optionalString(_ r: inout CacheReader) throws -> String? {
            guard try r.u8() == 1 else { return nil }
            return try r.string()
        }
    }

    /// Writes every file's entry (in `files` order) atomically; failures are ignored (the cache is an optimisation).
    @discardableResult
    static func write(_ entries: [(path: String, entry: Entry)], directory: String) -> Bool {
        var models: [String: Int] = [:], modelList: [String] = []
        var body: [UInt8] = []
        var e: [UInt8] = []
        func tokens(_ t: CodexTokens) {
            for v in [t.input, t.cached, t.output, t.reasoning, t.total] { CacheWriter.i64(Int64(v), &e) }
        }
        func optional(_ s: String?) {
            e.append(s == nil ? 0 : 1)
            if let s { CacheWriter.bytes(s, &e) }
        }
        for (path, entry) in entries {
            e.removeAll(keepingCapacity: true)
            CacheWriter.i64(entry.size, &e); CacheWriter.i64(entry.modified, &e); CacheWriter.u64(entry.inode, &e)
            CacheWriter.u64(entry.fingerprint, &e)
            let point = entry.point
            CacheWriter.i64(point.consumed, &e)
            e.append(point.resumable ? 1 : 0)
            e.append(point.state.previousTotals == nil ? 0 : 1)
            if let totals = point.state.previousTotals { tokens(totals) }
            optional(point.state.currentModel)
            e.append(point.state.currentIsFallback ? 1 : 0)
            e.append(point.state.replaySecond == nil ? 0 : 1)
            if let second = point.state.replaySecond { CacheWriter.i64(Int64(second.count), &e); e += second }
            let events = entry.events
            CacheWriter.i64(Int64(events.lines), &e); CacheWriter.i64(Int64(events.malformedLines), &e)
            CacheWriter.i64(Int64(events.malformedOffsets.count), &e)
            for offset in events.malformedOffsets { CacheWriter.i64(offset, &e) }
            CacheWriter.i64(events.bytes, &e)
            CacheWriter.i64(Int64(events.events.count), &e)
            for event in events.events {
                CacheWriter.bytes(event.timestamp, &e)
                let index: Int
                if let known = models[event.model] { index = known } else {
                    index = modelList.count
                    models[event.model] = index
                    modelList.append(event.model)
                }
                CacheWriter.i64(Int64(index), &e)
                e.append(event.isFallback ? 1 : 0)
                tokens(event.tokens)
            }
            CacheWriter.bytes(path, &body)
            CacheWriter.i64(Int64(e.count), &body)
            body.append(contentsOf: e)
        }
        var head = magic
        CacheWriter.u64(version, &head)
        CacheWriter.i64(Int64(modelList.count), &head)
        for model in modelList { CacheWriter.bytes(model, &head) }
        CacheWriter.i64(Int64(entries.count), &head)
        return CacheWriter.writeAtomically([head, body], to: directory + "/" + fileName)
    }
}
