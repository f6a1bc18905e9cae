/// The binary form of one usage record in the scan cache (the merged cache stores records as their bytes).
/// The source id is not stored: every file of the scan cache is a Claude Code transcript.
enum RecordCodec {
    static func encode(_ r: UsageRecord, into out: inout [UInt8], string: (String?) -> Int64) {
        let strings = [string(r.model), string(r.sessionField), string(r.version)]
        var flags: UInt8 = 0
        var size = 1 + 8 * 6 + 8 * 3
        if r.recordedCost != nil { flags |= 1; size += 8 }
        if r.dedupKey != nil { flags |= 2; size += 24 }
        if r.usageLimitReset != nil { flags |= 4; size += 8 }
        if r.isFast { flags |= 8 }
        if r.hasSpeed { flags |= 16 }
        if r.isSidechain { flags |= 32 }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: size))
        // One unchecked write of the whole record.
        out.withUnsafeMutableBytes { raw in
            var at = start
            raw[at] = flags; at += 1
            @inline(__always) func put(_ v: UInt64) { raw.storeBytes(of: v.littleEndian, toByteOffset: at, as: UInt64.self); at += 8 }
            put(UInt64(bitPattern: r.time))
            for v in [r.tokens.input, r.tokens.output, r.tokens.cacheCreation, r.tokens.cacheRead, r.cacheCreation1h] {
                put(UInt64(bitPattern: Int64(v)))
            }
            if let c = r.recordedCost { put(c.bitPattern) }
            if let k = r.dedupKey { put(k.message); put(k.message2); put(k.request) }
            if let reset = r.usageLimitReset { put(UInt64(bitPattern: reset)) }
            for index in strings { put(UInt64(bitPattern: index)) }
        }
    }

    @inline(__always)
    /// `ids`: the `StringPool` id of each string of the file's table.
    static func decode(_ r: inout ScanCache.Reader, ids: [UInt32], fileIndex: Int32) throws -> UsageRecord {
        let flags = try r.u8()
        let time = try r.i64()
        let tokens = TokenCounts(input: try r.int(), output: try r.int(), cacheCreation: try r.int(), cacheRead: try r.int())
        let oneHour = try r.int()
        var recorded: Double?
        if flags & 1 != 0 { recorded = Double(bitPattern: try r.u64()) }
        var key: DedupKey?
        if flags & 2 != 0 { key = DedupKey(message: try r.u64(), message2: try r.u64(), request: try r.u64()) }
        var reset: Int64?
        if flags & 4 != 0 { reset = try r.i64() }
        let model = try r.optionalID(ids), session = try r.optionalID(ids)
        let version = try r.optionalID(ids)
        return UsageRecord(time: time, tokens: tokens, cacheCreation1h: oneHour, recordedCost: recorded,
                           modelID: model, isFast: flags & 8 != 0, hasSpeed: flags & 16 != 0,
                           isSidechain: flags & 32 != 0, dedupKey: key, sessionFieldID: session,
                           versionID: version, usageLimitReset: reset, rawTimestampID: 0, fileIndex: fileIndex)
    }
}

/// Strings of the cache files, each stored once and referred to by index (-1 = none).
struct StringTable {
    private(set) var strings: [String] = []
    private var table: [String: Int] = [:]
    /// The last few strings looked up: records repeat their model, session and version.
    private var recent: [(String, Int64)] = []

    /// Adds a string at the next index, even if it is already present (keeps an earlier table's indices).
    mutating func append(_ s: String) {
        if table[s] == nil { table[s] = strings.count }
        strings.append(s)
    }

    mutating func index(_ s: String?) -> Int64 {
        guard let s else { return -1 }
        for (string, i) in recent where string == s { return i }
        let found: Int64
        if let i = table[s] {
            found = Int64(i)
        } else {
            table[s] = strings.count
            strings.append(s)
            found = Int64(strings.count - 1)
        }
        if recent.count == 4 { recent.removeFirst() }
        recent.append((s, found))
        return found
    }
}
