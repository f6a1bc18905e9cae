/// HEAD's deduplication: key `(message.id, requestId-or-absent)`; a sidechain copy with another
/// request id is a replay of the same message. A copy without a request id takes the request id of the first
/// copy of its message that has one (00-decisions 22: Claude Code 2.0.x rewrote history without them), before
/// or after it. The best copy wins and takes the first copy's place.
public struct Deduplicator {
    public private(set) var records: [PricedRecord] = []
    public private(set) var duplicates = 0
    /// Of `duplicates`: copies joined only because one side has no request id (decision 22).
    public private(set) var requestlessDuplicates = 0
    /// `(message, request)` → index of the kept copy.
    private var exact = KeyTable()
    /// `message` → first index with that message id; later ones are chained through `nextSameMessage`.
    private var byMessage = KeyTable()
    private var lastSameMessage: [Int32] = []
    private var nextSameMessage: [Int32] = []
    /// The request id each kept copy stands for (a copy without one: its message's first request id, once
    /// known; 0 before).
    private var groupRequest: [UInt64] = []
    /// At the first index of each message: the request id of its first copy that has one (0: none yet).
    private var messageRequest: [UInt64] = []
    /// Whether each kept copy stood only for copies without a request id before one with an id joined.
    private var onlyRequestless: [Bool] = []

    public init() {}

    public mutating func add(_ candidate: PricedRecord) {
        guard var key = candidate.record.dedupKey else {
            append(candidate, request: 0)
            return
        }
        let messageKey = key.messageOnly
        let head = byMessage.find(messageKey)
        var requestless = false
        if let head {
            if key.request == 0, messageRequest[head] != 0 {
                key.request = messageRequest[head]   // a copy without request id: its message's first one
                requestless = true
            } else if key.request != 0, messageRequest[head] == 0 {
                // The first request id of a message: the copies without one stand for it from now on.
                messageRequest[head] = key.request
                if let i = exact.find(messageKey), groupRequest[i] == 0 {
                    groupRequest[i] = key.request
                    exact.set(key, i)
                    requestless = onlyRequestless[i]
                }
            }
        }
        // The table may still point at a slot whose copy was since replaced by one with another request
        // id: only a slot that stands for this very request is an exact match.
        var match: Int?
        if let i = exact.find(key), groupRequest[i] == key.request { match = i }
        if match == nil, var i = head {
            requestless = false
            while i >= 0 {
                if candidate.record.isSidechain || records[i].record.isSidechain { match = i; break }
                i = Int(nextSameMessage[i])
            }
        }
        guard let index = match else {
            let index = records.count
            exact.set(key, index)   // the key may still point at a slot that changed hands
            if let head {
                nextSameMessage[Int(lastSameMessage[head])] = Int32(index)
                lastSameMessage[head] = Int32(index)
            } else {
                byMessage.insert(messageKey, index)
            }
            append(candidate, request: key.request)
            lastSameMessage[index] = Int32(index)
            if head == nil { messageRequest[index] = key.request }
            return
        }
        duplicates += 1
        if requestless { requestlessDuplicates += 1 }
        if candidate.record.dedupKey?.request != 0 { onlyRequestless[index] = false }
        if Deduplicator.shouldReplace(candidate, records[index]) {
            records[index] = candidate
            groupRequest[index] = key.request
            exact.set(key, index)
        }
    }

    private mutating func append(_ candidate: PricedRecord, request: UInt64) {
        records.append(candidate)
        nextSameMessage.append(-1)
        lastSameMessage.append(-1)
        groupRequest.append(request)
        messageRequest.append(0)
        onlyRequestless.append(candidate.record.dedupKey?.request == 0)
    }

    /// Non-sidechain beats sidechain; then more tokens; then higher cost; then a `speed` field.
    public static func shouldReplace(_ candidate: PricedRecord, _ existing: PricedRecord) -> Bool {
        let c = candidate.record, e = existing.record
        if c.isSidechain != e.isSidechain { return e.isSidechain }
        let ct = c.tokens.total, et = e.tokens.total
        if ct != et { return ct > et }
        if candidate.cost != existing.cost { return candidate.cost > existing.cost }
        return c.hasSpeed && !e.hasSpeed
    }
}

/// Open addressing over already-hashed keys: no SipHash per lookup, no per-key allocations.
struct KeyTable {
    private var keys: [DedupKey] = []
    private var values: [Int32] = []   // -1 = empty
    private var count = 0
    private var mask = 0

    init() { grow(to: 1024) }

    private mutating func grow(to capacity: Int) {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: DedupKey(message: 0, message2: 0, request: 0), count: capacity)
        values = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where v >= 0 { insert(k, Int(v)) }
    }

    @inline(__always) private func slot(_ key: DedupKey) -> Int {
        var h = key.message ^ (key.request &* 0x9E37_79B9_7F4A_7C15)
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    func find(_ key: DedupKey) -> Int? {
        var i = slot(key)
        while true {
            let v = values[i]
            if v < 0 { return nil }
            if keys[i] == key { return Int(v) }
            i = (i + 1) & mask
        }
    }

    /// Points `key` at `value`, replacing what it pointed at.
    mutating func set(_ key: DedupKey, _ value: Int) {
        var i = slot(key)
        while values[i] >= 0 {
            if keys[i] == key { values[i] = Int32(value); return }
            i = (i + 1) & mask
        }
        insert(key, value)
    }

    /// Adds a key that is not present.
    mutating func insert(_ key: DedupKey, _ value: Int) {
        if (count + 1) * 4 > (mask + 1) * 3 { grow(to: (mask + 1) * 2) }
        var i = slot(key)
        while values[i] >= 0 { i = (i + 1) & mask }
        keys[i] = key
        values[i] = Int32(value)
        count += 1
    }
}
