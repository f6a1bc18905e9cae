/// One validated usage line of a transcript, before deduplication and pricing.
///
/// Plain data (no references): its strings are `StringPool` ids and its optional fields are flagged, so the
/// merged cache stores records as their in-memory bytes and a repeat run maps them instead of decoding.
public struct UsageRecord: Sendable, Equatable {
    /// Milliseconds since the epoch.
    public var time: Int64
    public var tokens: TokenCounts
    /// The part of `tokens.cacheCreation` written with the 1-hour TTL (priced at 2 × input).
    public var cacheCreation1h: Int
    // Optional fields: the value, meaningful (and otherwise zero) when its flag is set. The field order
    // leaves no padding: every byte written to the cache is a field's.
    private var recordedCostBits: UInt64 = 0
    private var key = DedupKey(message: 0, message2: 0, request: 0)
    private var reset: Int64 = 0
    private var modelID: UInt32 = 0, sessionFieldID: UInt32 = 0, versionID: UInt32 = 0, rawTimestampID: UInt32 = 0
    /// Index of the transcript file in the load's file list.
    public var fileIndex: Int32
    private var flags: UInt32 = 0

    private static let hasRecordedCost: UInt32 = 1, hasDedupKey: UInt32 = 2, hasReset: UInt32 = 4
    private static let fast: UInt32 = 8, speed: UInt32 = 16, sidechain: UInt32 = 32
    /// The flag bits in use: the six flags, and the source id in the high byte.
    static let knownFlags: UInt32 = 0xFF00_003F

    @inline(__always)
    public init(time: Int64, tokens: TokenCounts, cacheCreation1h: Int = 0, recordedCost: Double? = nil,
                model: String? = nil, isFast: Bool = false, hasSpeed: Bool = false, isSidechain: Bool = false,
                dedupKey: DedupKey? = nil, sessionField: String? = nil,
                version: String? = nil, usageLimitReset: Int64? = nil, rawTimestamp: String? = nil,
                fileIndex: Int32 = 0) {
        self.init(time: time, tokens: tokens, cacheCreation1h: cacheCreation1h, recordedCost: recordedCost,
                  modelID: StringPool.id(model), isFast: isFast, hasSpeed: hasSpeed, isSidechain: isSidechain,
                  dedupKey: dedupKey, sessionFieldID: StringPool.id(sessionField), versionID: StringPool.id(version),
                  usageLimitReset: usageLimitReset, rawTimestampID: StringPool.id(rawTimestamp), fileIndex: fileIndex)
    }

    /// With the strings already pooled.
    @inline(__always)
    init(time: Int64, tokens: TokenCounts, cacheCreation1h: Int, recordedCost: Double?, modelID: UInt32,
         isFast: Bool, hasSpeed: Bool, isSidechain: Bool, dedupKey: DedupKey?, sessionFieldID: UInt32,
         versionID: UInt32, usageLimitReset: Int64?, rawTimestampID: UInt32, fileIndex: Int32) {
        self.time = time; self.tokens = tokens; self.cacheCreation1h = cacheCreation1h; self.fileIndex = fileIndex
        self.modelID = modelID; self.sessionFieldID = sessionFieldID; self.versionID = versionID
        self.rawTimestampID = rawTimestampID
        self.recordedCost = recordedCost; self.dedupKey = dedupKey; self.usageLimitReset = usageLimitReset
        self.isFast = isFast; self.hasSpeed = hasSpeed; self.isSidechain = isSidechain
    }

    @inline(__always) private func flag(_ f: UInt32) -> Bool { flags & f != 0 }
    @inline(__always) private mutating func set(_ f: UInt32, _ on: Bool) { if on { flags |= f } else { flags &= ~f } }
    var flagBits: UInt32 { flags }

    /// The `costUSD` recorded in the line, if any.
    public var recordedCost: Double? {
        get { flag(Self.hasRecordedCost) ? Double(bitPattern: recordedCostBits) : nil }
        set { recordedCostBits = newValue?.bitPattern ?? 0; set(Self.hasRecordedCost, newValue != nil) }
    }
    /// Hash of `(message.id, requestId)`; nil when the line has no `message.id` (never deduplicated).
    public var dedupKey: DedupKey? {
        get { flag(Self.hasDedupKey) ? key : nil }
        set { key = newValue ?? DedupKey(message: 0, message2: 0, request: 0); set(Self.hasDedupKey, newValue != nil) }
    }
    /// From `Claude AI usage limit reached|<unix seconds>` on API error lines, in ms.
    public var usageLimitReset: Int64? {
        get { flag(Self.hasReset) ? reset : nil }
        set { reset = newValue ?? 0; set(Self.hasReset, newValue != nil) }
    }
    /// `usage.speed == "fast"`.
    public var isFast: Bool { get { flag(Self.fast) } set { set(Self.fast, newValue) } }
    /// `usage.speed` present (a dedup tie-breaker).
    public var hasSpeed: Bool { get { flag(Self.speed) } set { set(Self.speed, newValue) } }
    public var isSidechain: Bool { get { flag(Self.sidechain) } set { set(Self.sidechain, newValue) } }
    /// The agent the record came from (the high byte of the flags: Claude Code, 0, changes no byte).
    public var source: SourceID {
        get { SourceID(rawValue: UInt8(truncatingIfNeeded: flags >> 24)) }
        set { flags = flags & 0x00FF_FFFF | UInt32(newValue.rawValue) << 24 }
    }

    /// The raw `message.model`; nil when absent.
    public var model: String? {
        get { StringPool.string(modelID) }
        set { modelID = StringPool.id(newValue) }
    }
    /// The JSONL `sessionId` field.
    public var sessionField: String? {
        get { StringPool.string(sessionFieldID) }
        set { sessionFieldID = StringPool.id(newValue) }
    }
    public var version: String? {
        get { StringPool.string(versionID) }
        set { versionID = StringPool.id(newValue) }
    }
    /// The raw timestamp string (kept only when a report needs it).
    public var rawTimestamp: String? {
        get { StringPool.string(rawTimestampID) }
        set { rawTimestampID = StringPool.id(newValue) }
    }

    /// The pooled strings' ids (model, session field, version, raw timestamp), for code that only compares them.
    var stringIDs: (model: UInt32, session: UInt32, version: UInt32, rawTimestamp: UInt32) {
        get { (modelID, sessionFieldID, versionID, rawTimestampID) }
        set { modelID = newValue.model; sessionFieldID = newValue.session; versionID = newValue.version
              rawTimestampID = newValue.rawTimestamp }
    }

    /// Where the model's string id sits in a record (for tests that damage a cache file).
    static var modelIDOffset: Int { MemoryLayout<UsageRecord>.offset(of: \.modelID)! }

    /// Field offsets and sizes: the merged cache stores records as bytes, so a file written by a build with
    /// another layout must not be read.
    static var layoutFingerprint: UInt64 {
        var h: UInt64 = 0x5EED_0001
        func mix(_ v: Int?) { h = (h ^ UInt64(bitPattern: Int64(v ?? -1))) &* 0x0000_0100_0000_01B3 }
        mix(MemoryLayout<UsageRecord>.size); mix(MemoryLayout<UsageRecord>.stride)
        mix(MemoryLayout<UsageRecord>.alignment)
        for path: PartialKeyPath<UsageRecord> in [\.time, \.tokens, \.cacheCreation1h, \.recordedCostBits, \.key,
                                                \.reset, \.modelID, \.sessionFieldID, \.versionID,
                                                \.rawTimestampID, \.fileIndex, \.flags] {
            mix(MemoryLayout<UsageRecord>.offset(of: path))
        }
        mix(MemoryLayout<PricedRecord>.size); mix(MemoryLayout<PricedRecord>.stride)
        mix(MemoryLayout<PricedRecord>.offset(of: \.cost))
        return h
    }
}

/// A usage record with its cost under the active cost mode.
public struct PricedRecord: Sendable, Equatable {
    public var record: UsageRecord
    public var cost: Double
    public init(_ record: consuming UsageRecord, cost: Double) { self.record = record; self.cost = cost }
    public var time: Int64 { record.time }
    public var tokens: TokenCounts { record.tokens }
}

/// `(message.id, requestId-or-absent)` as 128 + 64 bits of hash: no transcript text is kept in memory.
public struct DedupKey: Sendable, Hashable {
    public var message: UInt64, message2: UInt64
    /// 0 when the line has no `requestId`.
    public var request: UInt64

    public init(messageID: String, requestID: String?) {
        var m = messageID, r = requestID ?? ""
        let (a, b) = m.withUTF8 { Hashing.pair($0) }
        let req = requestID == nil ? 0 : r.withUTF8 { Hashing.pair($0).0 | 1 }
        self.init(message: a, message2: b, request: req)
    }

    init(message: UInt64, message2: UInt64, request: UInt64) {
        self.message = message; self.message2 = message2; self.request = request
    }

    /// The same message, ignoring the request id (sidechain replays).
    public var messageOnly: DedupKey { DedupKey(message: message, message2: message2, request: 0) }

    /// The fields are already well-mixed hashes: one combine is enough.
    public func hash(into hasher: inout Hasher) { hasher.combine(message &+ request &* 0x9E37_79B9_7F4A_7C15) }
}

/// A running hash of files' identities (path, size, modification time, inode) and other numbers: the
/// signature under which a cache of what those files held is kept.
struct FileSignature {
    private(set) var value: UInt64

    init(seed: UInt64 = 0xcbf2_9ce4_8422_2325) { value = seed }

    @inline(__always) mutating func mix(_ v: UInt64) {
        value = (value ^ v) &* 0x0000_0100_0000_01B3
        value ^= value >> 32
    }

    @inline(__always) mutating func file(path: String, size: Int64, time: Int64, inode: UInt64) {
        var path = path
        path.withUTF8 { mix(Hashing.quick($0)) }
        mix(UInt64(bitPattern: size)); mix(UInt64(bitPattern: time)); mix(inode)
    }
}

enum Hashing {
    /// A fast 64-bit hash of the bytes, 8 at a time (cache signatures; not stored dedup keys, which use `pair`).
    @inline(__always) static func quick(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var i = 0
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while i < raw.count { tail |= UInt64(raw[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0xc4ce_b9fe_1a85_ec53
        return h ^ (h >> 29)
    }

    /// Two independent 64-bit hashes of the bytes (FNV-1a and a multiply-rotate mix).
    @inline(__always) static func pair(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325
        var h2: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        for b in bytes {
            h1 = (h1 ^ UInt64(b)) &* 0x0000_0100_0000_01B3
            h2 = ((h2 ^ UInt64(b)) &* 0xff51_afd7_ed55_8ccd)
            h2 = (h2 << 31) | (h2 >> 33)
        }
        h2 ^= h2 >> 29; h2 = h2 &* 0xc4ce_b9fe_1a85_ec53; h2 ^= h2 >> 32
        return (h1, h2)
    }
}
