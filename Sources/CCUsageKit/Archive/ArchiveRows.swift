import CShims
import Dispatch
import CSQLite

/// A record to write: its key, where it is, and its place. What is sorted (48 bytes an element); the record
/// itself is read where it lies when its row is bound.
struct EventKey {
    var key1: Int64, key2: Int64, key3: Int64
    var record: UnsafePointer<PricedRecord>
    /// The record's position in the load (equal keys keep it), its place (a file index) and its position
    /// among its place's records.
    var index: Int32, place: Int32, seq: Int32

    @inline(__always) func sameKey(as other: EventKey) -> Bool {
        key1 == other.key1 && key2 == other.key2 && key3 == other.key3
    }

    /// Key order as SQLite compares the key columns (signed integers); equal keys (rare) in record order.
    @inline(__always) static func < (a: EventKey, b: EventKey) -> Bool {
        if a.key1 != b.key1 { return a.key1 < b.key1 }
        if a.key2 != b.key2 { return a.key2 < b.key2 }
        if a.key3 != b.key3 { return a.key3 < b.key3 }
        return a.index < b.index
    }

    /// Sorts `keys` into key order: a stable counting pass on the top bits of `key1` (the keys are hashes,
    /// so the buckets are small and even), then each bucket by the whole key.
    static func sorted(_ keys: [EventKey]) -> [EventKey] {
        let n = keys.count
        guard n > 64 else { return keys.sorted(by: <) }
        let bits = min(16, Int.bitWidth - (n - 1).leadingZeroBitCount)   // about one key a bucket
        let shift = UInt64(64 - bits)
        @inline(__always) func bucket(_ k: EventKey) -> Int {
            // The sign bit flipped: unsigned order of the result is signed order of `key1`.
            Int((UInt64(bitPattern: k.key1) ^ (1 << 63)) >> shift)
        }
        var starts = [Int32](repeating: 0, count: (1 << bits) + 1)
        for k in keys { starts[bucket(k) + 1] += 1 }
        for b in 1..<starts.count { starts[b] += starts[b - 1] }
        var sorted = [EventKey](unsafeUninitializedCapacity: n) { buffer, count in
            var next = starts
            for k in keys {
                let b = bucket(k)
                (buffer.baseAddress! + Int(next[b])).initialize(to: k)
                next[b] += 1
            }
            count = n
        }
        sorted.withUnsafeMutableBufferPointer { all in
            for b in 0..<(1 << bits) {
                let low = Int(starts[b]), high = Int(starts[b + 1])
                guard high - low > 1 else { continue }
                if high - low > 16 {
                    var part = UnsafeMutableBufferPointer(rebasing: all[low..<high])
                    part.sort(by: <)
                    continue
                }
                for i in low + 1..<high {   // insertion sort: a bucket holds a key or two
                    let k = all[i]
                    var j = i
                    while j > low, k < all[j - 1] { all[j] = all[j - 1]; j -= 1 }
                    all[j] = k
                }
            }
        }
        return sorted
    }
}

extension UsageArchive {
    /// Rows between two `checkpoint`s of `writeEvents` (tests make it small).
    nonisolated(unsafe) static var rowsPerCheckpoint = 8192
    /// Whether a new archive's events are written as pages (`ArchiveBTree.swift`); tests compare both ways.
    nonisolated(unsafe) static var directPages = true

    /// Writes the events of the records whose file changed (`fileIDs[i] != 0`; `rowIDs`: each file's row,
    /// its place's id), in key order: B-tree pages then fill one after another. `fresh`: the table was
    /// empty, so rows are plain inserts, `batch` to a statement (SQLite's work per statement is then
    /// shared), except a row with the key of the row before it: the upsert keeps the better copy, as it
    /// does in an archive that had rows. `checkpoint` runs after each `every` rows (a new archive's side
    /// file commits there and starts writing the pages out).
    /// `direct`: a new archive's side file, whose rows are encoded there (when all keys differ) instead.
    func writeEvents(_ usage: LoadedUsage, fileIDs: [Int64], rowIDs: [Int64], fresh: Bool, batch: Int = 32,
                     every: Int = UsageArchive.rowsPerCheckpoint, checkpoint: (() throws -> Void)? = nil,
                     direct: DirectEvents? = nil) throws {
        try usage.records.withRuns { runs in
            // A record's place: the file whose lines the merge was at when its first copy came (a better
            // copy from a later file takes the first one's place), and its position there. Places never
            // decrease along the records, and a record's own file is at or after its place: the place is the
            // least own file from here on.
            var places = [Int32]()
            places.reserveCapacity(usage.records.count)
            for run in runs { for priced in run { places.append(priced.record.fileIndex) } }
            if places.count > 1 {
                for j in stride(from: places.count - 2, through: 0, by: -1) where places[j + 1] < places[j] {
                    places[j] = places[j + 1]
                }
            }
            var keys: [EventKey] = []
            keys.reserveCapacity(usage.records.count)
            var names = NameTable()
            var keyless: [Int32: (path: Int64, next: Int64)] = [:]
            var placeStart = 0, j = 0
            for run in runs {
                for at in run.indices {
                    defer { j += 1 }
                    if j > 0, places[j] != places[j - 1] { placeStart = j }
                    let r = run[at].record
                    guard fileIDs[Int(r.fileIndex)] != 0 else { continue }
                    let ids = r.stringIDs
                    names.need(ids.model)
                    names.need(ids.session)
                    names.need(ids.version)
                    let record = run.baseAddress! + at, index = Int32(j), place = places[j]
                    let seq = Int32(j - placeStart)
                    if let k = r.dedupKey {
                        keys.append(EventKey(key1: Int64(bitPattern: k.message), key2: Int64(bitPattern: k.message2),
                                             key3: Int64(bitPattern: k.request), record: record, index: index,
                                             place: place, seq: seq))
                        continue
                    }
                    // No message id (never deduplicated): keyed by the file's path and its place among the
                    // file's such records.
                    var slot = keyless[r.fileIndex] ?? {
                        var path = usage.files[Int(r.fileIndex)].path
                        return (Int64(bitPattern: path.withUTF8 { Hashing.pair($0).0 }), 0)
                    }()
                    keys.append(EventKey(key1: slot.path, key2: slot.next, key3: 0, record: record, index: index,
                                         place: place, seq: seq))
                    slot.next += 1
                    keyless[r.fileIndex] = slot
                }
            }
            Trace.mark("archive: keys gathered")
            keys = EventKey.sorted(keys)
            Trace.mark("archive: keys sorted")
            try names.resolve(in: self)
            Trace.mark("archive: \(keys.count) event rows sorted, names stored")
            if let direct, fresh, !(1..<max(keys.count, 1)).contains(where: { keys[$0].sameKey(as: keys[$0 - 1]) }),
               Self.encode(keys, names: names, fileIDs: fileIDs, rowIDs: rowIDs, into: direct) {
                Trace.mark("archive: rows encoded")
                return
            }
            try writeRows(keys, names: names, fileIDs: fileIDs, rowIDs: rowIDs, fresh: fresh, batch: batch,
                          every: every, checkpoint: checkpoint)
        }
    }

    private func writeRows(_ sorted: [EventKey], names: NameTable, fileIDs: [Int64], rowIDs: [Int64], fresh: Bool,
                           batch: Int, every: Int, checkpoint: (() throws -> Void)?) throws {
        try db.execute("PRAGMA cache_size=-32768")
        let upsert = try db.prepare(UsageArchive.upsertSQL)
        let insert = "INSERT INTO events(\(UsageArchive.eventColumns)) VALUES "
        let one = fresh ? try db.prepare(insert + "(\(Self.marks(18, from: 1)))") : upsert
        let many = fresh ? try db.prepare(insert + (0..<batch).map { "(\(Self.marks(18, from: 1 + 18 * $0)))" }
            .joined(separator: ", ")) : nil
        var values = [EncodedEntries.Value](repeating: .null, count: 18)
        /// Binds a record's row as the event columns from parameter `first` on.
        func bind(_ key: EventKey, to s: OpaquePointer, from first: Int32) {
            Self.row(key, names: names, fileIDs: fileIDs, rowIDs: rowIDs, into: &values)
            for (c, value) in values.enumerated() {
                switch value {
                case .null: sqlite3_bind_null(s, first + Int32(c))
                case .integer(let v): sqlite3_bind_int64(s, first + Int32(c), v)
                case .real(let v): sqlite3_bind_double(s, first + Int32(c), v)
                }
            }
        }
        try sorted.withUnsafeBufferPointer { keys in
            var i = 0, due = every, fetched = 0
            @inline(__always) func repeated(_ k: Int) -> Bool { k > 0 && keys[k].sameKey(as: keys[k - 1]) }
            while i < keys.count {
                if i >= due, let checkpoint {
                    try checkpoint()
                    due += every
                }
                // The records are read out of key order: the next batch's are fetched while SQLite works.
                while fetched < min(i + 4 * batch, keys.count) {
                    ccusage_prefetch(keys[fetched].record, MemoryLayout<PricedRecord>.size)
                    fetched += 1
                }
                if let many, i + batch <= keys.count, !(i..<i + batch).contains(where: repeated) {
                    for k in 0..<batch { bind(keys[i + k], to: many.handle, from: Int32(1 + 18 * k)) }
                    try many.step()
                    many.reset()
                    i += batch
                    continue
                }
                let statement = repeated(i) ? upsert : one
                bind(keys[i], to: statement.handle, from: 1)
                try statement.step()
                statement.reset()
                i += 1
            }
        }
    }

    /// Encodes the rows (and the `events_placed` entries) as records, the two halves on two threads; false,
    /// with nothing kept, when a record would not lie wholly on a page.
    private static func encode(_ sorted: [EventKey], names: NameTable, fileIDs: [Int64], rowIDs: [Int64],
                               into direct: DirectEvents) -> Bool {
        typealias Placed = (place: Int64, seq: Int64, key1: Int64, key2: Int64, key3: Int64)
        let format4 = direct.file.format4, limit = direct.maxRecord
        let parts = sorted.count >= 4096 ? 2 : 1
        let bounds = (0...parts).map { sorted.count * $0 / parts }
        typealias Part = (events: EncodedEntries, placed: [Placed], fits: Bool)
        let out = UnsafeMutableBufferPointer<Part>.allocate(capacity: parts)
        out.initialize(repeating: (EncodedEntries(), [Placed](), true))
        defer { out.deinitialize().deallocate() }
        sorted.withUnsafeBufferPointer { sortedKeys in
            do {
                nonisolated(unsafe) let keys = sortedKeys, out = out
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let range = bounds[part]..<bounds[part + 1]
                    // Records are about 90 bytes; the capacity is only reserved (pages are touched as filled).
                    var events = EncodedEntries(capacity: range.count, bytesPerEntry: 160)
                    var placed: [Placed] = []
                    var v = [EncodedEntries.Value](repeating: .null, count: 18)
                    for i in range {
                        if i + 64 < range.upperBound { ccusage_prefetch(keys[i + 64].record, MemoryLayout<PricedRecord>.size) }
                        let key = keys[i]
                        Self.row(key, names: names, fileIDs: fileIDs, rowIDs: rowIDs, into: &v)
                        v.withUnsafeBufferPointer { events.append($0, format4: format4) }
                        if events.size(events.count - 1) > limit { out[part].fits = false; return }
                        if case .integer(let file) = v[3], case .integer(let place) = v[16], place != file {
                            placed.append((place, Int64(key.seq), key.key1, key.key2, key.key3))
                        }
                    }
                    out[part] = (events, placed, true)
                }
            }
        }
        let encoded = Array(out)
        guard encoded.allSatisfy(\.fits) else { return false }
        var events = encoded[0].events
        for part in encoded.dropFirst() { events.append(contentsOf: part.events) }
        var placed = encoded.flatMap(\.placed)
        placed.sort { ($0.place, $0.seq, $0.key1, $0.key2, $0.key3) < ($1.place, $1.seq, $1.key1, $1.key2, $1.key3) }
        var index = EncodedEntries(capacity: placed.count, bytesPerEntry: 48)
        var entry = [EncodedEntries.Value](repeating: .null, count: 5)
        for p in placed {
            entry[0] = .integer(p.place); entry[1] = .integer(p.seq)
            entry[2] = .integer(p.key1); entry[3] = .integer(p.key2); entry[4] = .integer(p.key3)
            entry.withUnsafeBufferPointer { index.append($0, format4: format4) }
        }
        direct.events = events
        direct.placed = index
        direct.filled = true
        return true
    }

    /// A record's row: its values in `UsageArchive.eventColumns` order (the key columns lead: they are the
    /// primary key), for both the SQL inserts and the pages.
    @inline(__always) private static func row(_ key: EventKey, names: NameTable, fileIDs: [Int64], rowIDs: [Int64],
                                              into v: inout [EncodedEntries.Value]) {
        @inline(__always) func name(_ id: Int64) -> EncodedEntries.Value { id == 0 ? .null : .integer(id) }
        let r = key.record.pointee.record
        var flags: Int64 = r.dedupKey == nil ? UsageArchive.keyless : 0
        if r.isFast { flags |= UsageArchive.fast }
        if r.hasSpeed { flags |= UsageArchive.speed }
        if r.isSidechain { flags |= UsageArchive.sidechain }
        let ids = r.stringIDs
        v[0] = .integer(key.key1); v[1] = .integer(key.key2); v[2] = .integer(key.key3)
        v[3] = .integer(fileIDs[Int(r.fileIndex)]); v[4] = .integer(r.time); v[5] = name(names[ids.model])
        v[6] = .integer(Int64(r.tokens.input)); v[7] = .integer(Int64(r.tokens.output))
        v[8] = .integer(Int64(r.tokens.cacheCreation)); v[9] = .integer(Int64(r.tokens.cacheRead))
        v[10] = .integer(Int64(r.cacheCreation1h)); v[11] = r.recordedCost.map { .real($0) } ?? .null
        v[12] = .integer(flags); v[13] = name(names[ids.session]); v[14] = name(names[ids.version])
        v[15] = r.usageLimitReset.map { .integer($0) } ?? .null
        v[16] = .integer(rowIDs[Int(key.place)]); v[17] = .integer(Int64(key.seq))
    }

    /// `?a, ?a+1, …` for `count` parameters.
    static func marks(_ count: Int, from first: Int) -> String {
        (first..<first + count).map { "?\($0)" }.joined(separator: ", ")
    }
}

/// Name ids by `StringPool` id (a flat table: the pool's ids are dense): the names the rows need are marked
/// while the rows are gathered, then looked up or added in one go, before the rows are bound.
private struct NameTable {
    private var ids = [Int64](repeating: 0, count: Int(StringPool.end))   // -1: needed; 0: not needed (or none)

    @inline(__always) mutating func need(_ pool: UInt32) {
        let i = Int(pool)
        if i >= ids.count { ids += repeatElement(0, count: i + 1 - ids.count) }
        if pool != 0 { ids[i] = -1 }
    }

    /// Looks up or adds every needed name (a new archive's in one go: it has none yet).
    mutating func resolve(in archive: UsageArchive) throws {
        if archive.isBuilding {
            let needed = ids.indices.filter { ids[$0] == -1 }
            let added = try archive.addNewNames(needed.map { StringPool.string(UInt32($0))! })
            for (i, id) in zip(needed, added) { ids[i] = id }
            return
        }
        for i in ids.indices where ids[i] == -1 {
            guard case .integer(let id) = try archive.pooledNameID(UInt32(i)) else { ids[i] = 0; continue }
            ids[i] = id
        }
    }

    /// A resolved name's id; 0 for none (names' ids start at 1).
    @inline(__always) subscript(pool: UInt32) -> Int64 { ids[Int(pool)] }
}
