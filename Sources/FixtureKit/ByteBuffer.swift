#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable byte buffer with the handful of JSON-ish writers the transcript lines need.
/// Everything is written compactly, exactly as Claude Code does (`{"a":1,"b":"x"}`).
struct ByteBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    @inline(__always) mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    @inline(__always) mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }

    @inline(__always) mutating func raw(_ b: ArraySlice<UInt8>) { bytes.append(contentsOf: b) }

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func int(_ value: Int) {
        var v = value
        if v < 0 { bytes.append(UInt8(ascii: "-")); v = -v }
        if v < 10 { bytes.append(UInt8(48 + v)); return }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { p in
            while v > 0 { p[n] = UInt8(48 + v % 10); v /= 10; n += 1 }
            for i in stride(from: n - 1, through: 0, by: -1) { bytes.append(p[i]) }
        }
    }

    /// `value / 10^scale` as a decimal without trailing zeros (`1234, 6` → `0.001234`; value ≥ 0).
    mutating func decimal(_ value: Int, scale: Int) {
        var divisor = 1
        for _ in 0..<scale { divisor *= 10 }
        int(value / divisor)
        var frac = value % divisor
        guard frac != 0 else { return }
        var digits = [UInt8](repeating: 48, count: scale)
        for i in stride(from: scale - 1, through: 0, by: -1) { digits[i] = UInt8(48 + frac % 10); frac /= 10 }
        while digits.last == 48 { digits.removeLast() }
        byte(UInt8(ascii: "."))
        bytes.append(contentsOf: digits)
    }

    /// A JSON string literal (with quotes). Non-ASCII is written as raw UTF-8, control characters and
    /// `"`/`\` are escaped, as `JSON.stringify` does.
    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        escaped(s)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func escaped(_ s: String) {
        var s = s
        s.withUTF8 { escaped($0) }
    }

    mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        for c in utf8 {
            switch c {
            case UInt8(ascii: "\""): bytes.append(0x5C); bytes.append(c)
            case UInt8(ascii: "\\"): bytes.append(0x5C); bytes.append(c)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                raw("\\u00")
                bytes.append(ByteBuffer.hexDigits[Int(c >> 4)])
                bytes.append(ByteBuffer.hexDigits[Int(c & 15)])
            default: bytes.append(c)
            }
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    static let base62Digits: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    mutating func hex(_ value: UInt64, digits: Int) {
        var shift = (digits - 1) * 4
        while shift >= 0 {
            bytes.append(ByteBuffer.hexDigits[Int((value >> UInt64(shift)) & 15)])
            shift -= 4
        }
    }

    /// `count` base-62 characters taken from `a` then `b` (11 characters per word).
    mutating func base62(_ a: UInt64, _ b: UInt64, count: Int) {
        var words = (a, b)
        for i in 0..<count {
            if i < 11 {
                bytes.append(ByteBuffer.base62Digits[Int(words.0 % 62)]); words.0 /= 62
            } else {
                bytes.append(ByteBuffer.base62Digits[Int(words.1 % 62)]); words.1 /= 62
            }
        }
    }

    /// A lowercase RFC 4122 version-4 UUID (no quotes).
    mutating func uuid(_ u: ID128) {
        let hi = u.hi, lo = u.lo
        hex(hi >> 32, digits: 8); byte(UInt8(ascii: "-"))
        hex((hi >> 16) & 0xFFFF, digits: 4); byte(UInt8(ascii: "-"))
        hex(0x4000 | (hi & 0x0FFF), digits: 4); byte(UInt8(ascii: "-"))
        hex(0x8000 | ((lo >> 48) & 0x3FFF), digits: 4); byte(UInt8(ascii: "-"))
        hex(lo & 0xFFFF_FFFF_FFFF, digits: 12)
    }

    /// `"YYYY-MM-DDTHH:MM:SS.mmmZ"` (with quotes) for milliseconds since the epoch.
    mutating func timestamp(_ ms: Int64) {
        byte(UInt8(ascii: "\""))
        timestampBody(ms)
        byte(UInt8(ascii: "\""))
    }

    mutating func timestampBody(_ ms: Int64) {
        let (days, dayMs) = ms.floorDiv(86_400_000)
        let (y, m, d) = civil(fromDays: days)
        pad(y, 4); byte(UInt8(ascii: "-")); pad(m, 2); byte(UInt8(ascii: "-")); pad(d, 2)
        byte(UInt8(ascii: "T"))
        let secs = Int(dayMs / 1000)
        pad(secs / 3600, 2); byte(UInt8(ascii: ":"))
        pad(secs / 60 % 60, 2); byte(UInt8(ascii: ":"))
        pad(secs % 60, 2); byte(UInt8(ascii: "."))
        pad(Int(dayMs % 1000), 3); byte(UInt8(ascii: "Z"))
    }

    @inline(__always) private mutating func pad(_ v: Int, _ width: Int) {
        var div = 1
        for _ in 1..<width { div *= 10 }
        var v = v
        while div > 0 { bytes.append(UInt8(48 + (v / div) % 10)); v %= div; div /= 10 }
    }
}

/// 128 random bits: a UUID, or the randomness behind a message/request/tool id.
struct ID128: Sendable, Equatable {
    var hi: UInt64, lo: UInt64
    init(_ rng: inout SplitMix64) { hi = rng.next(); lo = rng.next() }
}

extension Int64 {
    @inline(__always) func floorDiv(_ d: Int64) -> (Int64, Int64) {
        let q = self >= 0 ? self / d : (self - d + 1) / d
        return (q, self - q * d)
    }
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 → (year, month, day).
func civil(fromDays z0: Int64) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
}

/// Howard Hinnant's `days_from_civil`.
func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = Int64(month > 2 ? month - 3 : month + 9)
    let doy = (153 * mp + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

/// A file opened for writing, with a 1 MiB buffer in front of `write(2)`.
final class FileSink {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var bytes: Int64 = 0
    private(set) var lines = 0
    private static let flushSize = 1 << 20

    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw FixtureError.io(path: path, reason: FixtureError.errnoText()) }
        buffer.reserveCapacity(FileSink.flushSize + (64 << 10))
    }

    deinit { if fd >= 0 { _ = close(fd) } }

    /// Appends one complete line (which must already end in `\n`).
    @inline(__always) func write(_ line: UnsafeBufferPointer<UInt8>) throws {
        if buffer.count + line.count > FileSink.flushSize, !buffer.isEmpty { try flush() }
        if line.count >= FileSink.flushSize {
            try writeAll(line)
        } else {
            buffer.append(contentsOf: line)
        }
        bytes += Int64(line.count)
        lines += 1
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBufferPointer { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ data: UnsafeBufferPointer<UInt8>) throws {
        guard var p = data.baseAddress else { return }
        var left = data.count
        while left > 0 {
            let n = Glibc_write(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw FixtureError.io(path: path, reason: FixtureError.errnoText())
            }
            p += n
            left -= n
        }
    }

    func finish() throws {
        try flush()
    }
}

@inline(__always) private func Glibc_write(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    write(fd, p, n)
}
