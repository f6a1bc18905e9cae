/// One validated usage line of a transcript, before deduplication and pricing.
public struct UsageRecord: Sendable, Equatable {
    /// Milliseconds since the epoch.
    public var time: Int64
    public var tokens: TokenCounts
    /// The part of `tokens.cacheCreation` written with the 1-hour TTL (priced at 2 × input).
    public var cacheCreation1h: Int
    /// The `costUSD` recorded in the line, if any.
    public var recordedCost: Double?
    /// The raw `message.model`; nil when absent.
    public var model: String?
    /// `usage.speed == "fast"`.
    public var isFast: Bool
    /// `usage.speed` present (a dedup tie-breaker).
    public var hasSpeed: Bool
    public var isSidechain: Bool
    /// Hash of `(message.id, requestId)`; nil when the line has no `message.id` (never deduplicated).
    public var dedupKey: DedupKey?
    /// The JSONL `sessionId` field.
    public var sessionField: String?
    public var version: String?
    /// From `Claude AI usage limit reached|<unix seconds>` on API error lines, in ms.
    public var usageLimitReset: Int64?
    /// The raw timestamp string (kept only when a report needs it).
    public var rawTimestamp: String?
    /// Index of the transcript file in the load's file list.
    public var fileIndex: Int32

    @inline(__always)
    public init(time: Int64, tokens: TokenCounts, cacheCreation1h: Int = 0, recordedCost: Double? = nil,
                model: String? = nil, isFast: Bool = false, hasSpeed: Bool = false, isSidechain: Bool = false,
                dedupKey: DedupKey? = nil, sessionField: String? = nil,
                version: String? = nil, usageLimitReset: Int64? = nil, rawTimestamp: String? = nil,
                fileIndex: Int32 = 0) {
        self.time = time; self.tokens = tokens; self.cacheCreation1h = cacheCreation1h
        self.recordedCost = recordedCost; self.model = model; self.isFast = isFast; self.hasSpeed = hasSpeed
        self.isSidechain = isSidechain; self.dedupKey = dedupKey
        self.sessionField = sessionField; self.version = version; self.usageLimitReset = usageLimitReset
        self.rawTimestamp = rawTimestamp; self.fileIndex = fileIndex
    }

    /// The model label used in reports: the raw model, with `-fast` for fast-mode requests.
    public var displayModel: String? {
        guard let model else { return nil }
        return isFast ? model + "-fast" : model
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

enum Hashing {
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
