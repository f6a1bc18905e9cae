extension UsageLoader {
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
        usage.skipped = skippedCounts.sorted { $0.key < $1.key }.map { i, c in
            SkippedLines(path: files[i].path, malformed: c.0, invalid: c.1, offsets: Array(c.2.prefix(3)))
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

}
