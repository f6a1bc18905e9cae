/// One `events` row's values, gathered from the records in their order (one pass over memory) before the
/// rows are sorted by key and written.
struct EventRow {
    var key1: Int64, key2: Int64, key3: Int64
    var file: Int64, time: Int64
    var model: Int64?
    var input: Int64, output: Int64, cacheCreation: Int64, cacheRead: Int64, cacheCreation1h: Int64
    var cost: Double?
    var flags: Int64
    var session: Int64?, version: Int64?
    var limitReset: Int64?
    var place: Int64, seq: Int64

    @inline(__always) func sameKey(as other: EventRow) -> Bool {
        key1 == other.key1 && key2 == other.key2 && key3 == other.key3
    }

    /// Binds the row as the event columns, in `UsageArchive.eventColumns` order.
    @inline(__always) func bind(to s: SQLiteStatement, from first: Int32 = 1) {
        s.bind(key1, at: first)
        s.bind(key2, at: first + 1)
        s.bind(key3, at: first + 2)
        s.bind(file, at: first + 3)
        s.bind(time, at: first + 4)
        s.bind(model, at: first + 5)
        s.bind(input, at: first + 6)
        s.bind(output, at: first + 7)
        s.bind(cacheCreation, at: first + 8)
        s.bind(cacheRead, at: first + 9)
        s.bind(cacheCreation1h, at: first + 10)
        s.bind(cost, at: first + 11)
        s.bind(flags, at: first + 12)
        s.bind(session, at: first + 13)
        s.bind(version, at: first + 14)
        s.bind(limitReset, at: first + 15)
        s.bind(place, at: first + 16)
        s.bind(seq, at: first + 17)
    }
}

/// Event rows in key order: the rows as gathered, and their indices sorted by key (the rows themselves are
/// not moved: copying 90,000 rows of 180 bytes into a second array cost more than reading them out of order).
struct SortedRows {
    let rows: [EventRow]
    let order: [Int32]
    var count: Int { order.count }
    @inline(__always) subscript(i: Int) -> EventRow { rows[Int(order[i])] }
}

/// A row's key and its index among the rows, for sorting.
private struct SortKey {
    var key1: Int64, key2: Int64, key3: Int64
    var index: Int32

    @inline(__always) static func < (a: SortKey, b: SortKey) -> Bool {
        (a.key1, a.key2, a.key3, a.index) < (b.key1, b.key2, b.key3, b.index)
    }
}

extension UsageArchive {
    /// The rows of the records whose file changed (`fileIDs[i] != 0`), sorted by key: B-tree pages then
    /// fill one after another. `rowIDs`: each file's row (its place's id).
    func eventRows(_ usage: LoadedUsage, fileIDs: [Int64], rowIDs: [Int64]) throws -> SortedRows {
        // A record's place: the file whose lines the merge was at when its first copy came (a better copy
        // from a later file takes the first one's place), and its position there. Places never decrease
        // along the records, and a record's own file is at or after its place: the place is the least own
        // file from here on.
        var places = usage.records.map(\.record.fileIndex)
        for j in places.indices.reversed().dropFirst() { places[j] = min(places[j], places[j + 1]) }
        var rows: [EventRow] = []
        rows.reserveCapacity(usage.records.count)
        var keyless: [Int32: Int64] = [:]
        var placeStart = 0, j = 0
        var models = NameMemo(), sessions = NameMemo(), versions = NameMemo()
        try usage.records.forEachRun { run in
            for priced in run {
                defer { j += 1 }
                if j > 0, places[j] != places[j - 1] { placeStart = j }
                let r = priced.record
                let file = fileIDs[Int(r.fileIndex)]
                guard file != 0 else { continue }
                let key: (Int64, Int64, Int64)
                var flags: Int64 = 0
                if let k = r.dedupKey {
                    key = (Int64(bitPattern: k.message), Int64(bitPattern: k.message2), Int64(bitPattern: k.request))
                } else {
                    // No message id (never deduplicated): keyed by the file's path and its place among the
                    // file's such records.
                    let ordinal = keyless[r.fileIndex, default: 0]
                    keyless[r.fileIndex] = ordinal + 1
                    var path = usage.files[Int(r.fileIndex)].path
                    key = (Int64(bitPattern: path.withUTF8 { Hashing.pair($0).0 }), ordinal, 0)
                    flags |= UsageArchive.keyless
                }
                if r.isFast { flags |= UsageArchive.fast }
                if r.hasSpeed { flags |= UsageArchive.speed }
                if r.isSidechain { flags |= UsageArchive.sidechain }
                let ids = r.stringIDs
                rows.append(EventRow(
                    key1: key.0, key2: key.1, key3: key.2, file: file, time: r.time,
                    model: try models.id(ids.model, in: self),
                    input: Int64(r.tokens.input), output: Int64(r.tokens.output),
                    cacheCreation: Int64(r.tokens.cacheCreation), cacheRead: Int64(r.tokens.cacheRead),
                    cacheCreation1h: Int64(r.cacheCreation1h), cost: r.recordedCost, flags: flags,
                    session: try sessions.id(ids.session, in: self), version: try versions.id(ids.version, in: self),
                    limitReset: r.usageLimitReset, place: rowIDs[Int(places[j])], seq: Int64(j - placeStart)))
            }
        }
        // Sorting the keys with their row's index moves 32 bytes an element instead of a whole row; equal keys
        // (rare) keep record order.
        var order = rows.indices.map {
            SortKey(key1: rows[$0].key1, key2: rows[$0].key2, key3: rows[$0].key3, index: Int32($0))
        }
        order.sort(by: <)
        return SortedRows(rows: rows, order: order.map(\.index))
    }

    /// Writes sorted rows. `fresh`: the table was empty, so rows are plain inserts, `batch` to a statement
    /// (SQLite's work per statement is then shared), except a row with the key of the row before it: the
    /// upsert keeps the better copy, as it does in an archive that had rows.
    func writeEvents(_ rows: SortedRows, fresh: Bool, batch: Int = 32) throws {
        try db.execute("PRAGMA cache_size=-32768")
        let upsert = try db.prepare(UsageArchive.upsertSQL)
        guard fresh else {
            for i in 0..<rows.count {
                rows[i].bind(to: upsert)
                try upsert.step()
                upsert.reset()
            }
            return
        }
        let insert = "INSERT INTO events(\(UsageArchive.eventColumns)) VALUES "
        let one = try db.prepare(insert + "(\(Self.marks(18, from: 1)))")
        let many = try db.prepare(insert + (0..<batch).map { "(\(Self.marks(18, from: 1 + 18 * $0)))" }
            .joined(separator: ", "))
        var i = 0
        while i < rows.count {
            if i + batch <= rows.count, !(max(i, 1)..<i + batch).contains(where: { rows[$0].sameKey(as: rows[$0 - 1]) }) {
                for k in 0..<batch { rows[i + k].bind(to: many, from: Int32(1 + 18 * k)) }
                try many.step()
                many.reset()
                i += batch
                continue
            }
            let statement = i > 0 && rows[i].sameKey(as: rows[i - 1]) ? upsert : one
            rows[i].bind(to: statement)
            try statement.step()
            statement.reset()
            i += 1
        }
    }

    /// `?a, ?a+1, …` for `count` parameters.
    static func marks(_ count: Int, from first: Int) -> String {
        (first..<first + count).map { "?\($0)" }.joined(separator: ", ")
    }
}

/// A name id by `StringPool` id: the same model, session and version come record after record.
private struct NameMemo {
    private var last: (pool: UInt32, id: Int64?) = (0, nil)

    mutating func id(_ pool: UInt32, in archive: UsageArchive) throws -> Int64? {
        guard pool != 0 else { return nil }
        if pool == last.pool { return last.id }
        let id: Int64?
        if case .integer(let value) = try archive.pooledNameID(pool) { id = value } else { id = nil }
        last = (pool, id)
        return id
    }
}
