/// The deduplicated records of a load: an array; the records of a merged cache file, mapped as they are (a
/// repeat run reads no record, it maps them); or such a mapping with newer records inserted, as a list of
/// pieces (a run after an append copies nothing).
public struct RecordStore: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// One of: `array`; `count` records at `base` inside `mapping` (kept alive by it); `pieces`. (Plain
    /// optional references rather than an enum with payloads: a reference stored with an enum tag in its
    /// spare bits is invisible to leak checkers.)
    private struct Storage: @unchecked Sendable {
        var array: [PricedRecord] = []
        var mapping: MappedFile?
        var base: UnsafePointer<PricedRecord>?
        var pieces: Pieces?
    }

    /// Runs of records in order, each in a mapping or in a buffer of its own.
    private final class Pieces: @unchecked Sendable {
        let parts: [UnsafeBufferPointer<PricedRecord>]
        /// `ends[k]`: records in parts 0...k.
        let ends: [Int]
        let owners: [AnyObject]
        private let lock = NSLockLite()
        private var joined: [PricedRecord]?

        init(parts: [UnsafeBufferPointer<PricedRecord>], owners: [AnyObject]) {
            self.parts = parts.filter { $0.count > 0 }
            var total = 0
            ends = self.parts.map { total += $0.count; return total }
            self.owners = owners
        }

        /// The records in one buffer, made once, for code that needs them contiguous.
        func contiguous() -> [PricedRecord] {
            lock.withLock {
                if let joined { return joined }
                var all: [PricedRecord] = []
                all.reserveCapacity(ends.last ?? 0)
                for part in parts { all.append(contentsOf: part) }
                joined = all
                return all
            }
        }
    }

    /// Records copied into memory of their own (a piece of a `RecordStore`).
    private final class Owned: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<PricedRecord>
        init(_ records: [PricedRecord]) {
            buffer = .allocate(capacity: records.count)
            _ = buffer.initialize(from: records)
        }
        deinit { buffer.deallocate() }
    }

    private let storage: Storage
    public let count: Int

    public init(_ records: [PricedRecord]) {
        storage = Storage(array: records)
        count = records.count
    }

    public init(arrayLiteral elements: PricedRecord...) { self.init(elements) }

    /// `count` records stored at byte `offset` of `file` (aligned for `PricedRecord`, checked by the caller).
    init(mapping file: MappedFile, offset: Int, count: Int) {
        precondition(offset % MemoryLayout<PricedRecord>.alignment == 0
                     && offset + count * MemoryLayout<PricedRecord>.stride <= file.count)
        storage = Storage(mapping: file, base: (file.base + offset).bindMemory(to: PricedRecord.self, capacity: count))
        self.count = count
    }

    /// `base` with each insertion's records put before the record at its position (positions ascending,
    /// each at most `base.count`).
    init(_ base: RecordStore, inserting insertions: [(at: Int, records: [PricedRecord])]) {
        guard let file = base.storage.mapping, let pointer = base.storage.base else {
            var all: [PricedRecord] = []
            all.reserveCapacity(base.count + insertions.reduce(0) { $0 + $1.records.count })
            base.withUnsafeBufferPointer { records in
                var from = 0
                for insertion in insertions {
                    all.append(contentsOf: records[from..<insertion.at])
                    all.append(contentsOf: insertion.records)
                    from = insertion.at
                }
                all.append(contentsOf: records[from...])
            }
            self = RecordStore(all)
            return
        }
        var parts: [UnsafeBufferPointer<PricedRecord>] = []
        var owners: [AnyObject] = [file]
        var from = 0
        for insertion in insertions {
            precondition(insertion.at >= from && insertion.at <= base.count)
            parts.append(UnsafeBufferPointer(start: pointer + from, count: insertion.at - from))
            let owned = Owned(insertion.records)
            owners.append(owned)
            parts.append(UnsafeBufferPointer(owned.buffer))
            from = insertion.at
        }
        parts.append(UnsafeBufferPointer(start: pointer + from, count: base.count - from))
        let pieces = Pieces(parts: parts, owners: owners)
        self = RecordStore(storage: Storage(pieces: pieces), count: pieces.ends.last ?? 0)
    }

    private init(storage: Storage, count: Int) {
        self.storage = storage
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inline(__always) public subscript(position: Int) -> PricedRecord {
        if let base = storage.base {
            precondition(position >= 0 && position < count, "index out of range")
            return base[position]
        }
        guard let pieces = storage.pieces else { return storage.array[position] }
        precondition(position >= 0 && position < count, "index out of range")
        var low = 0, high = pieces.ends.count - 1
        while low < high {
            let mid = (low + high) / 2
            if pieces.ends[mid] <= position { low = mid + 1 } else { high = mid }
        }
        let start = low == 0 ? 0 : pieces.ends[low - 1]
        return pieces.parts[low][position - start]
    }

    /// The records in one buffer (pieces are joined once, on first use).
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<PricedRecord>) throws -> R) rethrows -> R {
        if let base = storage.base { return try body(UnsafeBufferPointer(start: base, count: count)) }
        if let pieces = storage.pieces { return try pieces.contiguous().withUnsafeBufferPointer(body) }
        return try storage.array.withUnsafeBufferPointer(body)
    }

    /// The records in order, as one or more runs (nothing is copied).
    public func forEachRun(_ body: (UnsafeBufferPointer<PricedRecord>) throws -> Void) rethrows {
        if let base = storage.base { return try body(UnsafeBufferPointer(start: base, count: count)) }
        if let pieces = storage.pieces {
            for part in pieces.parts { try body(part) }
            return
        }
        try storage.array.withUnsafeBufferPointer(body)
    }

    /// The runs of `forEachRun`, all at once (nothing is copied): the buffers are valid inside `body`.
    public func withRuns<R>(_ body: ([UnsafeBufferPointer<PricedRecord>]) throws -> R) rethrows -> R {
        if let base = storage.base { return try body([UnsafeBufferPointer(start: base, count: count)]) }
        if let pieces = storage.pieces { return try body(pieces.parts) }
        return try storage.array.withUnsafeBufferPointer { try body([$0]) }
    }

    /// Whether the records are (wholly or mostly) mapped from a cache file (for `--debug` and tests).
    public var isMapped: Bool { storage.mapping != nil || storage.pieces != nil }

    public static func == (a: RecordStore, b: RecordStore) -> Bool { a.elementsEqual(b) }
}
