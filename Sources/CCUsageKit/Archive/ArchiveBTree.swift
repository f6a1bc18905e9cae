import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new archive's events written as SQLite's own pages instead of row by row through SQL: the `events`
/// table (WITHOUT ROWID: an index b-tree keyed by its primary key) and its partial index `events_placed`
/// are built bottom-up from the sorted rows, as the documented file format lays them out
/// (https://www.sqlite.org/fileformat2.html), and appended to the side file that SQLite created with the
/// schema, the files, the names and the meta rows. SQLite's per-row insert (a seek, a cell insert, page
/// balancing) was three quarters of a first archive's cost. The side file is checked by SQLite's
/// `integrity_check` in the tests, and only a file in the expected state is written this way
/// (`SideFile.inspect`); anything else takes the SQL path.
struct EncodedEntries {
    /// The records, one after another; entry k is `bytes[starts[k]..<starts[k + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]
    var count: Int { starts.count - 1 }

    init(capacity: Int = 0, bytesPerEntry: Int = 0) {
        bytes.reserveCapacity(capacity * bytesPerEntry)
        starts.reserveCapacity(capacity + 1)
    }

    @inline(__always) func size(_ k: Int) -> Int { starts[k + 1] - starts[k] }

    /// Appends `other`'s entries after these.
    mutating func append(contentsOf other: EncodedEntries) {
        let offset = bytes.count
        bytes += other.bytes
        starts += other.starts.dropFirst().lazy.map { $0 + offset }
    }

    /// A value of a record column.
    enum Value {
        case null, integer(Int64), real(Double)
    }

    /// Appends one record in SQLite's record format (a header of serial types, then the values, big-endian),
    /// made in one pass in a scratch buffer. `format4`: the file's schema format is 4 or more, so 0 and 1
    /// take no bytes (serial types 8 and 9).
    mutating func append(_ values: UnsafeBufferPointer<Value>, format4: Bool) {
        precondition(values.count < 127)
        let headerSize = values.count + 1   // one byte for itself and for each type
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: headerSize + 9 * values.count) { scratch in
            scratch[0] = UInt8(headerSize)
            var body = headerSize
            for (k, value) in values.enumerated() {
                switch value {
                case .null:
                    scratch[k + 1] = 0
                case .real(let v):
                    scratch[k + 1] = 7
                    Self.putBigEndian(Int64(bitPattern: v.bitPattern), size: 8, into: scratch, at: &body)
                case .integer(let v):
                    let (type, size) = Self.integerType(v, format4: format4)
                    scratch[k + 1] = type
                    Self.putBigEndian(v, size: size, into: scratch, at: &body)
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<body]))
        }
        starts.append(bytes.count)
    }

    /// The smallest serial type holding `v`, as SQLite chooses it.
    @inline(__always) static func integerType(_ v: Int64, format4: Bool) -> (type: UInt8, size: Int) {
        if format4, v == 0 { return (8, 0) }
        if format4, v == 1 { return (9, 0) }
        let u = v < 0 ? ~v : v
        if u <= 127 { return (1, 1) }
        if u <= 32767 { return (2, 2) }
        if u <= 8_388_607 { return (3, 3) }
        if u <= 2_147_483_647 { return (4, 4) }
        if u <= 140_737_488_355_327 { return (5, 6) }
        return (6, 8)
    }

    @inline(__always) private static func putBigEndian(_ v: Int64, size: Int, into p: UnsafeMutableBufferPointer<UInt8>,
                                                       at: inout Int) {
        var shift = (size - 1) * 8
        while shift >= 0 {
            p[at] = UInt8(truncatingIfNeeded: v >> Int64(shift))
            at += 1
            shift -= 8
        }
    }
}

/// An index b-tree laid out bottom-up: leaves filled in key order; an entry that does not fit in a full
/// leaf goes up as the divider between it and the next (in an index b-tree every entry is stored once,
/// in a leaf or as a divider), and so on up to one page, the root.
enum IndexTree {
    /// The pages of a b-tree holding `entries` (sorted, distinct): `root`'s content, and the other pages,
    /// numbered from `first` on, as one buffer. Nil when some entry is too big to lie on a page of its own
    /// (overflow pages are not written here) or a level cannot be split as the format needs.
    static func build(_ entries: EncodedEntries, pageSize: Int, root: UInt32, first: UInt32)
        -> (root: [UInt8], pages: [UInt8], count: Int)? {
        let n = entries.count
        guard n > 0, pageSize >= 512, root > 1 else { return nil }
        // Payloads up to this size lie wholly on the page (index pages' limit).
        let maxLocal = (pageSize - 12) * 64 / 255 - 23
        for k in 0..<n where entries.size(k) > maxLocal { return nil }
        @inline(__always) func leafCell(_ k: Int) -> Int { varintSize(entries.size(k)) + entries.size(k) }

        // Leaves: ranges of entries, with the divider between each two.
        var leaves: [Range<Int>] = [], dividers: [Int] = []
        var i = 0
        while i < n {
            let start = i
            var used = 8
            while i < n, used + 2 + leafCell(i) <= pageSize { used += 2 + leafCell(i); i += 1 }
            guard i > start else { return nil }
            if i == n { leaves.append(start..<n); break }
            if i == n - 1 {
                // The last entry cannot go up (the leaf after it would be empty): the one before it does.
                guard i - 1 > start else { return nil }
                leaves.append(start..<i - 1)
                dividers.append(i - 1)
                leaves.append(i..<n)
                break
            }
            leaves.append(start..<i)
            dividers.append(i)
            i += 1
        }

        var pages: [UInt8] = []
        pages.reserveCapacity((leaves.count + leaves.count / 8 + 2) * pageSize)
        var next = first
        var rootPage: [UInt8] = []
        /// Adds a page: the root when it is the level's only one, else the next number.
        func place(_ page: [UInt8], alone: Bool) -> UInt32 {
            if alone { rootPage = page; return root }
            pages.append(contentsOf: page)
            defer { next += 1 }
            return next
        }

        /// A page of `count` cells: `cell(slot)` gives the entry of a cell and, on an interior page, its left
        /// child's page number; `right`: the right-most child's page number, nil on a leaf.
        func page(_ count: Int, right: UInt32?, _ cell: (Int) -> (entry: Int, child: UInt32)) -> [UInt8] {
            var page = [UInt8](repeating: 0, count: pageSize)
            let header = right == nil ? 8 : 12
            var content = pageSize
            page.withUnsafeMutableBufferPointer { p in
                entries.bytes.withUnsafeBufferPointer { b in
                    for slot in 0..<count {
                        let (k, child) = cell(slot)
                        content -= leafCell(k) + (right == nil ? 0 : 4)
                        var at = content
                        if right != nil {
                            put32(p, at, child)
                            at += 4
                        }
                        writeVarint(entries.size(k), into: p, at: &at)
                        (p.baseAddress! + at).update(from: b.baseAddress! + entries.starts[k], count: entries.size(k))
                        put16(p, header + 2 * slot, content)
                    }
                }
                p[0] = right == nil ? 0x0A : 0x02   // index b-tree leaf, interior
                put16(p, 3, count)
                put16(p, 5, content)
                if let right { put32(p, 8, right) }
            }
            return page
        }

        var children: [UInt32] = []
        children.reserveCapacity(leaves.count)
        for range in leaves {
            let leaf = page(range.count, right: nil) { (range.lowerBound + $0, 0) }
            children.append(place(leaf, alone: leaves.count == 1))
        }

        // Interior levels: cells (left child, divider) and the right-most child, until one page is left.
        while children.count > 1 {
            @inline(__always) func interiorCell(_ d: Int) -> Int { 4 + leafCell(dividers[d]) }
            let m = dividers.count   // children.count == m + 1
            var groups: [(cells: Range<Int>, right: Int)] = [], promoted: [Int] = []
            var j = 0
            while true {
                let start = j
                var used = 12
                while j < m, used + 2 + interiorCell(j) <= pageSize { used += 2 + interiorCell(j); j += 1 }
                if j == m { groups.append((start..<m, m)); break }
                guard j > start else { return nil }
                if j == m - 1 {
                    // Promoting the last divider would leave the next page without a cell.
                    guard j - 1 > start else { return nil }
                    groups.append((start..<j - 1, j - 1))
                    promoted.append(dividers[j - 1])
                    groups.append((j..<m, m))
                    break
                }
                groups.append((start..<j, j))
                promoted.append(dividers[j])
                j += 1
            }
            var parents: [UInt32] = []
            for group in groups {
                let cells = group.cells
                let interior = page(cells.count, right: children[group.right]) {
                    (dividers[cells.lowerBound + $0], children[cells.lowerBound + $0])
                }
                parents.append(place(interior, alone: groups.count == 1))
            }
            children = parents
            dividers = promoted
        }
        return (rootPage, pages, Int(next - first))
    }

    @inline(__always) static func varintSize(_ v: Int) -> Int {
        var size = 1, rest = v >> 7
        while rest > 0 { size += 1; rest >>= 7 }
        return size   // payload sizes are far below the 9-byte form
    }

    /// SQLite's varint: 7 bits a byte, most significant first, the high bit set on all but the last.
    @inline(__always) static func writeVarint(_ v: Int, into p: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        let size = varintSize(v)
        for k in 0..<size {
            let shift = 7 * (size - 1 - k)
            p[at + k] = UInt8((v >> shift) & 0x7F) | (k < size - 1 ? 0x80 : 0)
        }
        at += size
    }

    @inline(__always) static func put16(_ p: UnsafeMutableBufferPointer<UInt8>, _ at: Int, _ v: Int) {
        p[at] = UInt8(truncatingIfNeeded: v >> 8)
        p[at + 1] = UInt8(truncatingIfNeeded: v)
    }

    @inline(__always) static func put32(_ p: UnsafeMutableBufferPointer<UInt8>, _ at: Int, _ v: UInt32) {
        for k in 0..<4 { p[at + k] = UInt8(truncatingIfNeeded: v >> (8 * (3 - UInt32(k)))) }
    }
}

/// A closed SQLite file that b-trees are appended to: its header is read, pages are written after its last
/// one (and into the trees' empty root pages), and the header's page count is updated.
struct SideFile {
    let path: String
    let pageSize: Int
    let pageCount: UInt32
    /// Schema format 4 or more (0 and 1 stored in no bytes).
    let format4: Bool

    /// The header's 4-byte big-endian number at `at`.
    private static func bigEndian32(_ header: [UInt8], _ at: Int) -> UInt32 {
        header[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Reads the header of the database at `path`; nil (the caller writes rows through SQL) unless it is a
    /// plain file SQLite left complete: no free pages, no reserved bytes, no auto-vacuum, no journal, and
    /// exactly as long as its header says.
    static func inspect(_ path: String) -> SideFile? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        guard pread(fd, &header, 100, 0) == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else { return nil }
        func be32(_ at: Int) -> UInt32 { bigEndian32(header, at) }
        let raw = Int(header[16]) << 8 | Int(header[17])
        let pageSize = raw == 1 ? 65536 : raw
        var st = stat()
        guard fstat(fd, &st) == 0, pageSize >= 512, header[20] == 0, be32(32) == 0, be32(36) == 0, be32(52) == 0,
              be32(24) == be32(92), be32(28) > 0, Int(st.st_size) == Int(be32(28)) * pageSize,
              access(path + "-journal", F_OK) != 0, access(path + "-wal", F_OK) != 0 else { return nil }
        return SideFile(path: path, pageSize: pageSize, pageCount: be32(28), format4: be32(44) >= 4)
    }

    /// Writes the trees: each root's content into its (empty) root page, the other pages after the last
    /// one, then the header's page count and change counter. Throws, having written nothing, when a tree
    /// cannot be laid out (never: `DirectEvents` takes only entries that fit on a page).
    func write(_ trees: [(entries: EncodedEntries, root: UInt32)]) throws {
        var next = pageCount + 1
        var built: [(root: UInt32, page: [UInt8])] = []
        var appended: [UInt8] = []
        for tree in trees where tree.entries.count > 0 {
            guard let layout = IndexTree.build(tree.entries, pageSize: pageSize, root: tree.root, first: next) else {
                throw SQLiteError(code: SQLITE_INTERNAL, message: "cannot lay out the events' pages")
            }
            built.append((tree.root, layout.root))
            appended += layout.pages
            next += UInt32(layout.count)
        }
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw SQLiteError(code: SQLITE_CANTOPEN, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        func put(_ bytes: [UInt8], at offset: Int) throws {
            var done = 0
            while done < bytes.count {
                let wrote = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, bytes.count - done, off_t(offset + done)) }
                guard wrote > 0 else {
                    throw SQLiteError(code: errno == ENOSPC ? SQLITE_FULL : SQLITE_IOERR, message: String(cString: strerror(errno)))
                }
                done += wrote
            }
        }
        try put(appended, at: Int(pageCount) * pageSize)
        for (root, page) in built { try put(page, at: Int(root - 1) * pageSize) }
        // The page count, valid while the change counter equals the version-valid-for number.
        var header = [UInt8](repeating: 0, count: 100)
        guard pread(fd, &header, 100, 0) == 100 else { throw SQLiteError(code: SQLITE_IOERR, message: "cannot read the header") }
        let counter = Self.bigEndian32(header, 24) &+ 1
        for (at, value) in [(24, counter), (28, next - 1), (92, counter)] {
            try put((0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * (3 - UInt32($0)))) }, at: at)
        }
    }
}

extension UsageArchive {
    /// Whether `events` and `events_placed` are laid out as `DirectEvents` encodes them: a WITHOUT ROWID
    /// table of `eventColumns` in that order, keyed by the first three, and a partial index on (place, seq).
    /// A later schema that changes them takes the SQL path until the encoding follows.
    func eventsMatchPages() throws -> Bool {
        func column(_ sql: String) throws -> [String] {
            let statement = try db.prepare(sql)
            var out: [String] = []
            while try statement.step() { out.append(statement.text(0) ?? "") }
            return out
        }
        let expected = UsageArchive.eventColumns.split(separator: ", ").enumerated().map { "\($1):\($0 < 3 ? $0 + 1 : 0)" }
        return try column("SELECT name || ':' || pk FROM pragma_table_info('events') ORDER BY cid") == expected
            && column("SELECT name FROM pragma_index_info('events_placed') ORDER BY seqno") == ["place", "seq"]
            && column("SELECT partial FROM pragma_index_list('events') WHERE name = 'events_placed'") == ["1"]
            && column("SELECT count(*) FROM pragma_index_list('events')") == ["2"]   // the key and events_placed
            && db.integer("SELECT count(*) FROM sqlite_master WHERE name = 'events' AND sql LIKE '%WITHOUT ROWID%'") == 1
    }
}

/// A new archive's events, encoded for `SideFile.write` instead of inserted (`UsageArchive.writeEvents`).
final class DirectEvents {
    let file: SideFile
    /// The `events` rows, in key order, and the `events_placed` entries (place, seq, key), in theirs.
    var events = EncodedEntries(), placed = EncodedEntries()
    /// Set when the rows were encoded here (none was inserted).
    var filled = false

    init(_ file: SideFile) { self.file = file }

    /// The largest record that lies wholly on a page of the file (an index page's limit).
    var maxRecord: Int { (file.pageSize - 12) * 64 / 255 - 23 }
}
