#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CShims

/// A validating, allocation-light JSON scanner over one line's bytes: the grammar, typed field readers and
/// string interning, with no knowledge of any agent's fields. A source's field mapping (for Claude Code,
/// `Sources/Claude/ClaudeLine.swift`) walks objects with `parseObject`, naming the keys it wants; every value
/// it does not want is still checked for JSON grammar, so a truncated or corrupt line is reported as malformed
/// rather than half-read.
struct JSONScanner {
    var p: UnsafePointer<UInt8> = UnsafePointer(bitPattern: 1)!
    var n = 0
    var i = 0
    var nonASCII = false
    var stack: [UInt8] = []
    /// Strings seen by this scanner, by hash of their bytes, with their `StringPool` ids.
    var interned: [UInt64: (String, UInt32)] = [:]

    init() { stack.reserveCapacity(64) }

    /// Starts on a new line.
    @inline(__always) mutating func begin(_ base: UnsafePointer<UInt8>, count: Int) {
        p = base; n = count; i = 0; nonASCII = false
    }

    /// Walks an object at `i`, calling `member` with each key; `member` must consume the value.
    mutating func parseObject(_ member: (inout JSONScanner, StaticKey) -> Bool) -> Bool {
        guard i < n, p[i] == 0x7B else { return false }
        i += 1
        skipWS()
        if i < n, p[i] == 0x7D { i += 1; return true }
        while true {
            guard i < n, p[i] == 0x22, let keySpan = scanString() else { return false }
            skipWS()
            guard i < n, p[i] == 0x3A else { return false }
            i += 1
            skipWS()
            let key = StaticKey(self, keySpan)
            guard member(&self, key) else { return false }
            skipWS()
            guard i < n else { return false }
            if p[i] == 0x2C { i += 1; skipWS(); continue }
            if p[i] == 0x7D { i += 1; return true }
            return false
        }
    }

    // MARK: Typed fields (null = absent; a wrong type marks the record bad)

    mutating func stringField(_ slot: inout Span?, _ bad: inout Bool) -> Bool {
        switch peek() {
        case 0x22:
            guard let span = scanString() else { return false }
            slot = span; return true
        case 0x6E:
            slot = nil; return skipValue()
        default:
            slot = nil; bad = true; return skipValue()
        }
    }

    mutating func boolField(_ slot: inout Bool, _ bad: inout Bool) -> Bool {
        switch peek() {
        case 0x74: slot = true; return skipValue()
        case 0x66, 0x6E: slot = false; return skipValue()
        default: slot = false; bad = true; return skipValue()
        }
    }

    mutating func doubleField(_ slot: inout Double?, _ bad: inout Bool) -> Bool {
        let c = peek()
        if c == 0x2D || (c >= 0x30 && c <= 0x39) {
            let start = i
            guard scanNumber() != nil else { return false }
            // A cost beyond the double range (1e999) is no cost at all: it would poison every total.
            slot = parseDouble(start, i).flatMap { $0.isFinite ? $0 : nil }
            return true
        }
        slot = nil
        if c != 0x6E { bad = true }
        return skipValue()
    }

    /// A non-negative integer token count; negative, fractional, exponent-form or > Int.max is bad.
    mutating func countField(_ slot: inout Int?, _ bad: inout Bool) -> Bool {
        let c = peek()
        if c == 0x2D || (c >= 0x30 && c <= 0x39) {
            let start = i
            guard let plain = scanNumber() else { return false }
            slot = nil
            guard plain, p[start] != 0x2D else { bad = true; return true }
            var value = 0
            for k in start..<i {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(p[k] - 48))
                if o1 || o2 { bad = true; return true }
                value = a
            }
            slot = value
            return true
        }
        slot = nil
        if c != 0x6E { bad = true }
        return skipValue()
    }

    func equals(_ s: Span, _ literal: StaticString) -> Bool {
        guard !s.escaped, s.end - s.start == literal.utf8CodeUnitCount else { return false }
        return memcmp(p + s.start, literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }

    func bytes(_ s: Span) -> [UInt8] {
        if !s.escaped { return Array(UnsafeBufferPointer(start: p + s.start, count: s.end - s.start)) }
        return Array(string(s).utf8)
    }

    /// The pool id of a string span; repeated strings cost a hash and a compare, not a lock.
    mutating func intern(_ s: Span) -> UInt32 {
        if s.escaped { return StringPool.id(string(s)) }
        let buffer = UnsafeBufferPointer(start: p + s.start, count: s.end - s.start)
        let (h, _) = Hashing.pair(buffer)
        if let hit = interned[h] {
            var known = hit.0
            if known.withUTF8({ $0.count == buffer.count && memcmp($0.baseAddress!, buffer.baseAddress!, $0.count) == 0 }) {
                return hit.1
            }
        }
        let value = String(decoding: buffer, as: UTF8.self)
        let id = StringPool.id(value)
        interned[h] = (value, id)
        return id
    }

    /// Decodes a string span, resolving escapes (lone surrogates become U+FFFD).
    func string(_ s: Span) -> String {
        let raw = UnsafeBufferPointer(start: p + s.start, count: s.end - s.start)
        guard s.escaped else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var k = 0
        func hex(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for j in at..<(at + 4) {
                let c = raw[j]
                let d: UInt32 = c <= 0x39 ? UInt32(c - 0x30) : UInt32((c | 0x20) - 0x61 + 10)
                v = v << 4 | d
            }
            return v
        }
        while k < raw.count {
            let b = raw[k]
            guard b == 0x5C else { out.append(b); k += 1; continue }
            let c = raw[k + 1]
            k += 2
            switch c {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = hex(k); k += 4
                if (0xD800..<0xDC00).contains(scalar), k + 6 <= raw.count, raw[k] == 0x5C, raw[k + 1] == 0x75 {
                    let low = hex(k + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00); k += 6
                    }
                }
                let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func parseDouble(_ start: Int, _ end: Int) -> Double? {
        let length = end - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buf in
            for k in 0..<length { buf[k] = CChar(bitPattern: p[start + k]) }
            buf[length] = 0
            return strtod(buf.baseAddress!, nil)
        }
    }

    // MARK: Grammar

    @inline(__always) func peek() -> UInt8 { i < n ? p[i] : 0 }

    @inline(__always) mutating func skipWS() {
        while i < n {
            let c = p[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    /// `i` at the opening quote; returns the span of the contents and leaves `i` after the closing quote.
    @inline(__always) mutating func scanString() -> Span? {
        i += 1
        let start = i
        var escaped = false
        while true {
            let highMask: UInt64 = nonASCII ? 0 : 0x8080_8080_8080_8080
            while i + 8 <= n {
                let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                let q = w ^ 0x2222_2222_2222_2222
                let s = w ^ 0x5C5C_5C5C_5C5C_5C5C
                let lo: UInt64 = 0x0101_0101_0101_0101, hi: UInt64 = 0x8080_8080_8080_8080
                let special = ((q &- lo) & ~q & hi) | ((s &- lo) & ~s & hi)
                    | ((w &- 0x2020_2020_2020_2020) & ~w & hi) | (w & highMask)
                if special != 0 { break }
                i += 8
            }
            guard i < n else { return nil }
            let b = p[i]
            if b == 0x22 { let span = Span(start: start, end: i, escaped: escaped); i += 1; return span }
            if b == 0x5C {
                guard i + 1 < n else { return nil }
                switch p[i + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: i += 2
                case 0x75:
                    guard i + 6 <= n else { return nil }
                    for k in (i + 2)..<(i + 6) {
                        // Digits are checked before case-folding: `| 0x20` maps the control bytes 0x10–0x19
                        // onto '0'–'9', and `string(_:)` would then trap decoding them (fuzz finding).
                        let b = p[k], c = b | 0x20
                        guard (b >= 0x30 && b <= 0x39) || (c >= 0x61 && c <= 0x66) else { return nil }
                    }
                    i += 6
                default: return nil
                }
                escaped = true
                continue
            }
            if b < 0x20 { return nil }
            if b >= 0x80 { nonASCII = true }
            i += 1
        }
    }

    /// Validates a JSON number at `i`; returns whether it is a plain integer (no fraction or exponent).
    mutating func scanNumber() -> Bool? {
        var plain = true
        if i < n, p[i] == 0x2D { i += 1 }
        guard i < n else { return nil }
        if p[i] == 0x30 {
            i += 1
        } else if p[i] >= 0x31, p[i] <= 0x39 {
            while i < n, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
        } else { return nil }
        if i < n, p[i] == 0x2E {
            plain = false; i += 1
            let start = i
            while i < n, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
            guard i > start else { return nil }
        }
        if i < n, p[i] == 0x65 || p[i] == 0x45 {
            plain = false; i += 1
            if i < n, p[i] == 0x2B || p[i] == 0x2D { i += 1 }
            let start = i
            while i < n, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
            guard i > start else { return nil }
        }
        return plain
    }

    mutating func literal(_ text: StaticString) -> Bool {
        let len = text.utf8CodeUnitCount
        guard i + len <= n, memcmp(p + i, text.utf8Start, len) == 0 else { return false }
        i += len
        return true
    }

    /// Skips any JSON value at `i`, checking its grammar, without recursion.
    mutating func skipValue() -> Bool {
        stack.removeAll(keepingCapacity: true)
        while true {
            // A value is expected at `i`.
            skipWS()
            guard i < n else { return false }
            switch p[i] {
            case 0x7B:
                i += 1; skipWS()
                if i < n, p[i] == 0x7D { i += 1; break }
                stack.append(0x7B)
                guard i < n, p[i] == 0x22, scanString() != nil else { return false }
                skipWS()
                guard i < n, p[i] == 0x3A else { return false }
                i += 1
                continue
            case 0x5B:
                i += 1; skipWS()
                if i < n, p[i] == 0x5D { i += 1; break }
                stack.append(0x5B)
                continue
            case 0x22: guard scanString() != nil else { return false }
            case 0x74: guard literal("true") else { return false }
            case 0x66: guard literal("false") else { return false }
            case 0x6E: guard literal("null") else { return false }
            default: guard scanNumber() != nil else { return false }
            }
            // After a complete value: close containers or move to the next element.
            while true {
                guard let top = stack.last else { return true }
                skipWS()
                guard i < n else { return false }
                let c = p[i]
                if c == 0x2C {
                    i += 1
                    if top == 0x7B {
                        skipWS()
                        guard i < n, p[i] == 0x22, scanString() != nil else { return false }
                        skipWS()
                        guard i < n, p[i] == 0x3A else { return false }
                        i += 1
                    }
                    break
                }
                if (top == 0x7B && c == 0x7D) || (top == 0x5B && c == 0x5D) {
                    i += 1; stack.removeLast(); continue
                }
                return false
            }
        }
    }

    /// Full UTF-8 validation of the line (only run when a string held non-ASCII bytes).
    func validUTF8() -> Bool {
        var k = 0
        while k < n {
            // ASCII runs, eight bytes at a time.
            while k + 8 <= n, UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                k += 8
            }
            guard k < n else { break }
            let b = p[k]
            if b < 0x80 { k += 1; continue }
            let len: Int, minScalar: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: len = 2; scalar = UInt32(b & 0x1F); minScalar = 0x80
            case 0xE0...0xEF: len = 3; scalar = UInt32(b & 0x0F); minScalar = 0x800
            case 0xF0...0xF4: len = 4; scalar = UInt32(b & 0x07); minScalar = 0x10000
            default: return false
            }
            guard k + len <= n else { return false }
            for j in 1..<len {
                let c = p[k + j]
                guard c & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            guard scalar >= minScalar, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return false }
            k += len
        }
        return true
    }
}

/// A byte span inside the line being parsed.
struct Span {
    var start: Int, end: Int
    var escaped: Bool
}

/// A key compared against known names without allocating.
struct StaticKey {
    let base: UnsafePointer<UInt8>
    let span: Span
    let decoded: String?

    init(_ parser: JSONScanner, _ span: Span) {
        self.base = parser.p
        self.span = span
        self.decoded = span.escaped ? parser.string(span) : nil
    }

    static func ~= (pattern: StaticString, key: StaticKey) -> Bool {
        if let decoded = key.decoded { return decoded == pattern.description }
        let len = pattern.utf8CodeUnitCount
        guard key.span.end - key.span.start == len else { return false }
        return memcmp(key.base + key.span.start, pattern.utf8Start, len) == 0
    }
}
