extension UsageLoader {
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
