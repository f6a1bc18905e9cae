#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CShims

/// What one transcript line turned out to be.
public enum LineOutcome: Sendable, Equatable {
    /// No `"usage"` key anywhere, or valid JSON without `message.usage`: not a usage line.
    case other
    /// Not valid JSON (truncated, bad escapes, invalid UTF-8 …).
    case malformed
    /// Valid JSON with `message.usage`, but a field we need is missing, mistyped or out of range.
    case invalid
    case usage(UsageRecord)
}

/// The fields one record object (a line, or the nested `data.message` of a progress line) may carry.
struct RecordFields {
    var timestamp: Span?, version: Span?, sessionId: Span?, requestId: Span?, type: Span?
    var costUSD: Double?
    var isApiError = false, isSidechain = false
    var hasMessage = false, hasUsage = false
    var messageId: Span?, model: Span?
    var input: Int?, output: Int?, cacheCreation: Int?, cacheRead: Int?
    var speed: Span?
    var hasCacheSplit = false
    var cache5m = 0, cache1h = 0
    /// A field we read had the wrong type or an out-of-range value.
    var bad = false
}

/// Claude Code's transcript lines: which keys of a line (and of a progress line's nested `data.message`) make
/// a usage record, read with the generic `JSONScanner`. Only lines containing the `"usage"` marker bytes are
/// scanned at all.
public struct LineParser {
    var json = JSONScanner()
    public var keepRawTimestamps = false

    public init(keepRawTimestamps: Bool = false) {
        self.keepRawTimestamps = keepRawTimestamps
    }

    private static let usageMarker: [UInt8] = Array("\"usage\"".utf8)

    /// Classifies one line (without its `\n`; a trailing `\r` is fine).
    public mutating func parse(_ line: UnsafeBufferPointer<UInt8>, fileIndex: Int32 = 0) -> LineOutcome {
        guard let base = line.baseAddress else { return .other }
        // Cheap structural check for every line: a record is one JSON object. A truncated or corrupt
        // line without usage is caught here; lines with usage get the full grammar check below.
        var first = 0, last = line.count - 1
        while first <= last, base[first] == 0x20 || base[first] == 0x09 || base[first] == 0x0D || base[first] == 0x0A { first += 1 }
        while last >= first, base[last] == 0x20 || base[last] == 0x09 || base[last] == 0x0D || base[last] == 0x0A { last -= 1 }
        if first > last { return .other }
        guard base[first] == 0x7B, base[last] == 0x7D else { return .malformed }
        let found = LineParser.usageMarker.withUnsafeBufferPointer { marker in
            ccusage_memmem(base, line.count, marker.baseAddress!, marker.count) != nil
        }
        guard found else { return .other }
        json.begin(base, count: line.count)
        var top = RecordFields()
        var nested = RecordFields()
        json.skipWS()
        guard json.i < json.n, json.p[json.i] == 0x7B, json.parseRecord(into: &top, nested: &nested, depth: 0) else {
            return .malformed
        }
        json.skipWS()
        guard json.i == json.n else { return .malformed }
        if json.nonASCII, !json.validUTF8() { return .malformed }
        // A line is read as a transcript entry first; only when that fails, as a progress line carrying a
        // sub-agent's response in `data.message` (which takes the outer `sessionId` when it has none).
        var outcome = LineOutcome.other
        if top.hasUsage {
            outcome = json.build(top, fileIndex: fileIndex, keepRawTimestamps: keepRawTimestamps)
            if case .usage = outcome { return outcome }
        }
        if nested.hasUsage {
            if nested.sessionId == nil { nested.sessionId = top.sessionId }
            let fromProgress = json.build(nested, fileIndex: fileIndex, keepRawTimestamps: keepRawTimestamps)
            if case .usage = fromProgress { return fromProgress }
            if outcome == .other { outcome = fromProgress }
        }
        return outcome
    }
}

/// The Claude Code field mapping, on the generic scanner.
extension JSONScanner {
    // MARK: Record objects

    /// Parses an object at `i` whose keys are those of a transcript line.
    mutating func parseRecord(into f: inout RecordFields, nested: inout RecordFields, depth: Int) -> Bool {
        parseObject { parser, key in
            switch key {
            case "timestamp": return parser.stringField(&f.timestamp, &f.bad)
            case "version": return parser.stringField(&f.version, &f.bad)
            case "sessionId": return parser.stringField(&f.sessionId, &f.bad)
            case "requestId": return parser.stringField(&f.requestId, &f.bad)
            case "type": return parser.stringField(&f.type, &f.bad)
            case "costUSD": return parser.doubleField(&f.costUSD, &f.bad)
            case "isApiErrorMessage": return parser.boolField(&f.isApiError, &f.bad)
            case "isSidechain": return parser.boolField(&f.isSidechain, &f.bad)
            case "message":
                guard parser.peek() == 0x7B else {
                    f.hasMessage = false; f.hasUsage = false
                    return parser.skipValue()
                }
                f.hasMessage = true; f.hasUsage = false
                f.messageId = nil; f.model = nil
                return parser.parseMessage(into: &f)
            case "data" where depth == 0:
                guard parser.peek() == 0x7B else { return parser.skipValue() }
                return parser.parseObject { parser, key in
                    switch key {
                    case "message" where parser.peek() == 0x7B:
                        var ignored = RecordFields()
                        nested = RecordFields()
                        return parser.parseRecord(into: &nested, nested: &ignored, depth: 1)
                    default:
                        return parser.skipValue()
                    }
                }
            default: return parser.skipValue()
            }
        }
    }

    mutating func parseMessage(into f: inout RecordFields) -> Bool {
        parseObject { parser, key in
            switch key {
            case "id": return parser.stringField(&f.messageId, &f.bad)
            case "model": return parser.stringField(&f.model, &f.bad)
            case "usage":
                guard parser.peek() == 0x7B else {
                    if parser.peek() != 0x6E { f.bad = true }   // not an object and not null
                    f.hasUsage = false
                    return parser.skipValue()
                }
                f.hasUsage = true
                f.input = nil; f.output = nil; f.cacheCreation = nil; f.cacheRead = nil
                f.speed = nil; f.hasCacheSplit = false; f.cache5m = 0; f.cache1h = 0
                return parser.parseUsage(into: &f)
            default: return parser.skipValue()
            }
        }
    }

    mutating func parseUsage(into f: inout RecordFields) -> Bool {
        parseObject { parser, key in
            switch key {
            case "input_tokens": return parser.countField(&f.input, &f.bad)
            case "output_tokens": return parser.countField(&f.output, &f.bad)
            case "cache_creation_input_tokens": return parser.countField(&f.cacheCreation, &f.bad)
            case "cache_read_input_tokens": return parser.countField(&f.cacheRead, &f.bad)
            case "speed": return parser.stringField(&f.speed, &f.bad)
            case "cache_creation":
                guard parser.peek() == 0x7B else {
                    if parser.peek() != 0x6E { f.bad = true }
                    f.hasCacheSplit = false
                    return parser.skipValue()
                }
                f.hasCacheSplit = true; f.cache5m = 0; f.cache1h = 0
                return parser.parseObject { parser, key in
                    var value: Int?
                    switch key {
                    case "ephemeral_5m_input_tokens":
                        guard parser.countField(&value, &f.bad) else { return false }
                        f.cache5m = value ?? 0; return true
                    case "ephemeral_1h_input_tokens":
                        guard parser.countField(&value, &f.bad) else { return false }
                        f.cache1h = value ?? 0; return true
                    default: return parser.skipValue()
                    }
                }
            default: return parser.skipValue()
            }
        }
    }

    // MARK: Building the record

    mutating func build(_ f: RecordFields, fileIndex: Int32, keepRawTimestamps: Bool) -> LineOutcome {
        guard !f.bad, let input = f.input, let output = f.output, let ts = f.timestamp, !ts.escaped else {
            return .invalid
        }
        let time: Int64? = UnsafeBufferPointer(start: p + ts.start, count: ts.end - ts.start)
            .withMemoryRebound(to: UInt8.self) { Timestamp.parse($0) }
        guard let time else { return .invalid }
        var version: UInt32 = 0
        if let v = f.version {
            guard validVersion(v) else { return .invalid }
            version = intern(v)
        }
        for span in [f.messageId, f.requestId, f.sessionId, f.model] {
            if let span, span.end == span.start { return .invalid }
        }
        var tokens = TokenCounts(input: input, output: output, cacheCreation: f.cacheCreation ?? 0,
                                 cacheRead: f.cacheRead ?? 0)
        var oneHour = 0
        if f.hasCacheSplit {
            let (sum, overflow) = f.cache5m.addingReportingOverflow(f.cache1h)
            if overflow { return .invalid }
            tokens.cacheCreation = sum
            oneHour = f.cache1h
        }
        let totals = [tokens.input, tokens.output, tokens.cacheCreation, tokens.cacheRead]
        var total = 0
        for t in totals {
            let (s, o) = total.addingReportingOverflow(t)
            if o { return .invalid }
            total = s
        }
        var key: DedupKey?
        if let m = f.messageId {
            let mid = bytes(m)
            let (a, b) = mid.withUnsafeBufferPointer { Hashing.pair($0) }
            var req: UInt64 = 0
            if let r = f.requestId { req = bytes(r).withUnsafeBufferPointer { Hashing.pair($0).0 | 1 } }
            key = DedupKey(message: a, message2: b, request: req)
        }
        var speedFast = false
        if let s = f.speed { speedFast = equals(s, "fast") }
        var reset: Int64?
        if f.isApiError { reset = usageLimitReset() }
        return .usage(UsageRecord(
            time: time, tokens: tokens, cacheCreation1h: oneHour, recordedCost: f.costUSD,
            modelID: f.model.map { intern($0) } ?? 0, isFast: speedFast, hasSpeed: f.speed != nil,
            isSidechain: f.isSidechain, dedupKey: key, sessionFieldID: f.sessionId.map { intern($0) } ?? 0,
            versionID: version, usageLimitReset: reset,
            rawTimestampID: keepRawTimestamps ? StringPool.id(string(ts)) : 0, fileIndex: fileIndex))
    }

    func validVersion(_ s: Span) -> Bool {
        guard !s.escaped else { return false }
        var k = s.start
        for part in 0..<3 {
            let start = k
            while k < s.end, p[k] >= 0x30, p[k] <= 0x39 { k += 1 }
            guard k > start else { return false }
            if part < 2 { guard k < s.end, p[k] == 0x2E else { return false }; k += 1 }
        }
        return true
    }

    /// `Claude AI usage limit reached` … `|<digits>` anywhere after it in the raw line → Unix seconds.
    func usageLimitReset() -> Int64? {
        let marker = Array("Claude AI usage limit reached".utf8)
        guard let hit = marker.withUnsafeBufferPointer({ ccusage_memmem(p, n, $0.baseAddress!, $0.count) }) else {
            return nil
        }
        var k = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - p + marker.count
        while k < n {
            if p[k] == 0x7C {
                var v: Int64 = 0, digits = 0
                var j = k + 1
                while j < n, p[j] >= 0x30, p[j] <= 0x39, digits < 15 {
                    v = v * 10 + Int64(p[j] - 48); j += 1; digits += 1
                }
                if digits > 0 { return v > 0 ? v * 1000 : nil }
            }
            k += 1
        }
        return nil
    }

}
