/// What a Codex report needs of each event of one file that depends neither on other files nor on the report's
/// options: the instant, the file's own number for the model and a hash of the dedup key. Made by the scan's
/// workers right after a file is read, so that building a report (one thread) only inserts keys and sums.
public struct CodexEventKeys: Sendable {
    public struct Key: Sendable {
        /// Milliseconds since the epoch, or `noModel` / `badTimestamp`.
        public var instant: Int64
        /// A hash of instant, model name and counts: equal dedup keys (whichever kind) have equal hashes.
        public var hash: UInt64
        /// Index into `models`.
        public var model: Int32
    }

    /// The event has no model: it counts nowhere and is not reported.
    public static let noModel = Int64.min
    /// The timestamp is not in the strict grammar (`CodexTime.parse`).
    public static let badTimestamp = Int64.min + 1

    public var keys: [Key] = []
    /// The file's distinct model names, in first-seen order.
    public var models: [String] = []

    public init() {}

    public init(_ events: [CodexEvent]) {
        keys.reserveCapacity(events.count)
        var lastModel = "", lastIndex: Int32 = -1, lastHash: UInt64 = 0
        events.withUnsafeBufferPointer { events in
            for i in events.indices {
                guard !events[i].model.isEmpty else {
                    keys.append(Key(instant: Self.noModel, hash: 0, model: -1))
                    continue
                }
                guard let instant = CodexTime.parse(events[i].timestamp) else {
                    keys.append(Key(instant: Self.badTimestamp, hash: 0, model: -1))
                    continue
                }
                if lastIndex < 0 || events[i].model != lastModel {
                    let name = events[i].model
                    if let known = models.firstIndex(of: name) { lastIndex = Int32(known) } else {
                        lastIndex = Int32(models.count)
                        models.append(name)
                    }
                    lastModel = name
                    lastHash = Self.hash(name)
                }
                let t = events[i].tokens
                var h = Self.mix(UInt64(bitPattern: instant) ^ lastHash)
                h = Self.mix(h ^ UInt64(bitPattern: Int64(t.input)))
                h = Self.mix(h ^ UInt64(bitPattern: Int64(t.cached)))
                h = Self.mix(h ^ UInt64(bitPattern: Int64(t.output)))
                h = Self.mix(h ^ UInt64(bitPattern: Int64(t.reasoning)))
                h = Self.mix(h ^ UInt64(bitPattern: Int64(t.total)))
                keys.append(Key(instant: instant, hash: h, model: lastIndex))
            }
        }
    }

    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// FNV-1a of the name's bytes.
    static func hash(_ name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return h
    }
}

/// The dedup set of a report: open addressing over precomputed hashes, each slot naming the first event with
/// its key (file and index); `equal` decides whether two events have the same key.
struct CodexSeenTable {
    /// `ref` is `file << 32 | index + 1`, 0 for an empty slot; hash and ref side by side (one cache line).
    private struct Slot { var hash: UInt64 = 0, ref: UInt64 = 0 }
    private var slots: [Slot]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
    }

    /// Records the event unless one with an equal key is there; true when it was recorded (the first).
    @inline(__always)
    mutating func insert(hash: UInt64, file: Int, index: Int, equal: (_ file: Int, _ index: Int) -> Bool) -> Bool {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].ref != 0 {
            if slots[slot].hash == hash {
                let ref = slots[slot].ref
                if equal(Int(ref >> 32), Int(ref & 0xffff_ffff) - 1) { return false }
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(hash: hash, ref: UInt64(file) << 32 | UInt64(index + 1))
        return true
    }
}
