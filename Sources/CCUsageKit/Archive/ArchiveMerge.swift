#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A report's records: the live ones with the archived events of gone transcripts put where a load of all
/// the transcripts would have put them.
extension UsageArchive {
    /// Adds the events of gone transcripts (of `options.project` when given) to `usage`. Each gone file
    /// becomes a file of the load; its events go, in their stored order, after the records of every live
    /// file whose path sorts before its path (the order a load of every file would give, so sums and
    /// first-seen lists come out the same), and are deduplicated against the live records by the loader's
    /// rule. Returns how many records the report gained.
    @discardableResult
    public func addArchivedOnly(to usage: inout LoadedUsage, options: LoadOptions) throws(ArchiveError) -> Int {
        do {
            return try merge(into: &usage, options: options)
        } catch let error as ArchiveError {
            throw error
        } catch let error as SQLiteError {
            throw ArchiveError(error, path: path)
        } catch {
            throw .unavailable(path: path, reason: "\(error)")
        }
    }

    private func merge(into usage: inout LoadedUsage, options: LoadOptions) throws -> Int {
        guard try db.integer("SELECT EXISTS(SELECT 1 FROM files WHERE gone != 0)") == 1 else { return 0 }
        let scope: SQLiteValue = options.project.map { .text($0) } ?? .null
        let rows = try db.prepare("""
            SELECT id, path, project, session, project_path, imported FROM files
            WHERE gone != 0 AND (?1 IS NULL OR project = ?1)
            """)
        try rows.bind([scope])
        // Gone transcripts of the data directories this load read (another CLAUDE_CONFIG_DIR's history is
        // not mixed in), and every imported one; with no data directory, all of them.
        var bases: [String] = []
        for base in usage.baseDirectories {
            bases.append(base.hasSuffix("/") ? base : base + "/")
            if let real = realpath(base, nil) {
                bases.append(String(cString: real) + "/")
                free(real)
            }
        }
        var gone: [(id: Int64, file: TranscriptFile)] = []
        while try rows.step() {
            let path = rows.text(1) ?? ""
            guard bases.isEmpty || rows.int64(5) != 0 || bases.contains(where: { path.hasPrefix($0) }) else { continue }
            gone.append((rows.int64(0), TranscriptFile(path: rows.text(1) ?? "", project: rows.text(2) ?? "unknown",
                                                       sessionID: rows.text(3) ?? "",
                                                       projectPath: rows.text(4) ?? "")))
        }
        guard !gone.isEmpty else { return 0 }
        gone.sort { $0.file.path == $1.file.path ? $0.id < $1.id : bytewiseLess($0.file.path, $1.file.path) }

        // Where each live file's part of the records starts. A record sits where its message was first seen,
        // at or before its own file: its place is the least own file from there on (see `store`).
        let live = usage.files
        var places = usage.records.map(\.record.fileIndex)
        for j in places.indices.reversed().dropFirst() { places[j] = min(places[j], places[j + 1]) }
        var before = [Int](repeating: places.count, count: live.count + 1)
        for j in places.indices.reversed() { before[Int(places[j])] = j }
        for k in live.indices.reversed() { before[k] = min(before[k], before[k + 1]) }

        // Each gone file's events in their order; an event placed in another file (a better copy of a
        // message first seen earlier) goes to that file: into its events when it is gone too, else after
        // the live file's records, where deduplication moves it to the live copy's place.
        // One pass over the events (most of an old archive belongs to gone transcripts: an index by file
        // would cost more room and write time than it saves).
        let events = try db.prepare("SELECT \(UsageArchive.eventColumns) FROM events")
        var gathered = [[(seq: Int64, record: UsageRecord)]](repeating: [], count: gone.count)
        var goneIndex: [Int64: Int] = [:]
        for (g, entry) in gone.enumerated() { goneIndex[entry.id] = g }
        var elsewhere: [(place: Int64, own: Int, seq: Int64, record: UsageRecord)] = []
        while try events.step() {
            let file = events.int64(3)
            guard let g = goneIndex[file] else { continue }
            var record = try record(from: events)
            record.fileIndex = Int32(live.count + g)
            let place = events.int64(16), seq = events.int64(17)
            if place == file { gathered[g].append((seq, record)) } else { elsewhere.append((place, g, seq, record)) }
        }
        // A live transcript's better copy of a message first seen in a gone one: the first copy's place is
        // gone, so the live copy moves back there (deduplication keeps the earlier place).
        let placedHere = try db.prepare("""
            SELECT \(UsageArchive.eventColumns.split(separator: ",").map { "e." + String($0).trimmed }.joined(separator: ", ")), f.path
            FROM events e JOIN files f ON f.id = e.file
            WHERE e.place = ?1 AND e.place != e.file AND f.gone = 0 ORDER BY e.seq
            """)
        for (g, entry) in gone.enumerated() {
            try placedHere.bind([.integer(entry.id)])
            while try placedHere.step() {
                guard let own = placedHere.text(18), let index = live.firstIndex(where: { $0.path == own }) else { continue }
                var record = try record(from: placedHere)
                record.fileIndex = Int32(index)
                gathered[g].append((placedHere.int64(17), record))
            }
        }
        var afterLive: [Int: [UsageRecord]] = [:]
        if !elsewhere.isEmpty {
            let placePath = try db.prepare("SELECT path FROM files WHERE id = ? AND gone = 0")
            for e in elsewhere {
                if let g = goneIndex[e.place] {
                    gathered[g].append((e.seq, e.record))
                    continue
                }
                try placePath.bind([.integer(e.place)])
                if try placePath.step(), let path = placePath.text(0),
                   let index = live.firstIndex(where: { $0.path == path }) {
                    afterLive[index, default: []].append(e.record)
                } else {
                    gathered[e.own].append((e.seq, e.record))
                }
                placePath.reset()
            }
        }
        for g in gathered.indices { gathered[g].sort { $0.seq < $1.seq } }
        // In merge order: by insertion point; at one point, the end of a live file before gone files after it.
        var order: [(at: Int, rank: Int, records: [UsageRecord])] = afterLive.map { (before[$0.key + 1], -1, $0.value) }
        for (g, entry) in gone.enumerated() where !gathered[g].isEmpty {
            var low = 0, high = live.count
            while low < high {
                let mid = (low + high) / 2
                if bytewiseLess(live[mid].path, entry.file.path) { low = mid + 1 } else { high = mid }
            }
            order.append((before[low], g, gathered[g].map(\.record)))
        }
        order.sort { ($0.at, $0.rank) < ($1.at, $1.rank) }
        var calculator = CostCalculator(mode: options.mode, table: options.prices)
        var candidates = Deduplicator()
        /// (insertion point in the live records, candidates added up to here).
        var groups: [(at: Int, end: Int)] = []
        for part in order {
            for record in part.records { candidates.add(PricedRecord(record, cost: calculator.cost(of: record))) }
            if let last = groups.last, last.at == part.at {
                groups[groups.count - 1].end = candidates.records.count
            } else {
                groups.append((part.at, candidates.records.count))
            }
        }
        guard !candidates.records.isEmpty else { return 0 }
        usage.files = live + gone.map(\.file)
        var unpriced = Set(usage.unpricedModels)
        unpriced.formUnion(calculator.unpricedModels)
        usage.unpricedModels = unpriced.sorted()

        var insertions: [(at: Int, records: [PricedRecord])] = []
        var from = 0
        for group in groups where group.end > from {
            insertions.append((group.at, Array(candidates.records[from..<group.end])))
            from = group.end
        }
        // A live copy of an archived message (a moved transcript, a replay in another file): the whole
        // sequence is deduplicated again, in the same order.
        var messages = KeyTable()
        for c in candidates.records { if let key = c.record.dedupKey { messages.set(key.messageOnly, 0) } }
        var shared = false
        usage.records.forEachRun { run in
            guard !shared else { return }
            for p in run where p.record.dedupKey.map({ messages.find($0.messageOnly) != nil }) ?? false {
                shared = true
                return
            }
        }
        let count = usage.records.count
        usage.duplicatesRemoved += candidates.duplicates
        let merged = RecordStore(usage.records, inserting: insertions)
        if shared {
            var all = Deduplicator()
            merged.forEachRun { run in for p in run { all.add(p) } }
            usage.duplicatesRemoved += all.duplicates
            usage.records = RecordStore(all.records)
        } else {
            usage.records = merged
        }
        return usage.records.count - count
    }
}
