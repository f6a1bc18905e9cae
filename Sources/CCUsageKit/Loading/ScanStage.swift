import Dispatch

extension UsageLoader {
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

}
