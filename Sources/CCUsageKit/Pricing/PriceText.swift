#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-token USD rates of one pricing key as the snapshot states them; nil where the source has no value.
struct PriceRow: Sendable, Equatable {
    var key: String
    var input: Double, output: Double
    var cacheWrite: Double?, cacheRead: Double?
    var inputAbove200k: Double?, outputAbove200k: Double?, cacheWriteAbove200k: Double?, cacheReadAbove200k: Double?
    var fastMultiplier: Double?
    var contextWindow: Int?

    /// The price, with absent cache rates at 1.25× / 0.1× input and an absent fast multiplier from the
    /// override table.
    func price(_ fast: FastOverrides) -> ModelPrice {
        ModelPrice(input: input, output: output, cacheWrite: cacheWrite, cacheRead: cacheRead,
                   inputAbove200k: inputAbove200k, outputAbove200k: outputAbove200k,
                   cacheWriteAbove200k: cacheWriteAbove200k, cacheReadAbove200k: cacheReadAbove200k,
                   fastMultiplier: fastMultiplier ?? fast.multiplier(forKey: key), contextWindow: contextWindow)
    }
}

/// The text form of the embedded snapshot (written by `Scripts/update-pricing`): `@section` lines, then one
/// tab-separated row per line — key, input, output, cacheWrite, cacheRead, the four above-200k rates, fast
/// multiplier, context window; an empty field is absent. Rows without an input and an output rate are skipped.
enum PriceText {
    struct Sections {
        var rows: [String: [PriceRow]] = [:]
        /// `@fast-exact` and `@fast-prefix`: key, multiplier.
        var multipliers: [String: [String: Double]] = [:]
    }

    static func parse(_ text: String) -> Sections {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Sections {
        var out = Sections()
        var section = ""
        var rows: [PriceRow] = []
        func flush() {
            guard !section.isEmpty else { return }
            out.rows[section, default: []] += rows
            rows.removeAll(keepingCapacity: true)
        }
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            guard end > start else { continue }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if line[0] == UInt8(ascii: "@") {
                flush()
                section = String(decoding: UnsafeBufferPointer(rebasing: line[1...]), as: UTF8.self)
                continue
            }
            var fields: [UnsafeBufferPointer<UInt8>] = []
            fields.reserveCapacity(11)
            var from = 0
            for i in 0...line.count where i == line.count || line[i] == 0x09 {
                fields.append(UnsafeBufferPointer(rebasing: line[from..<i]))
                from = i + 1
            }
            let key = String(decoding: fields[0], as: UTF8.self)
            if section.hasPrefix("fast-") {
                if fields.count > 1, let v = number(fields[1]) { out.multipliers[section, default: [:]][key] = v }
                continue
            }
            guard fields.count >= 11, let input = number(fields[1]), let output = number(fields[2]) else { continue }
            rows.append(PriceRow(key: key, input: input, output: output, cacheWrite: number(fields[3]),
                                 cacheRead: number(fields[4]), inputAbove200k: number(fields[5]),
                                 outputAbove200k: number(fields[6]), cacheWriteAbove200k: number(fields[7]),
                                 cacheReadAbove200k: number(fields[8]), fastMultiplier: number(fields[9]),
                                 contextWindow: number(fields[10]).map { Int($0) }))
        }
        flush()
        return out
    }

    /// A decimal number (the shortest round-trip form the script writes); nil when empty or not a number.
    static func number(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !field.isEmpty, field.count < 32 else { return nil }
        var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw -> Double? in
            guard let base = raw.baseAddress else { return nil }
            for i in 0..<field.count { raw[i] = field[i] }
            raw[field.count] = 0
            let chars = base.assumingMemoryBound(to: CChar.self)
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(chars, &end)
            guard let end, end - chars == field.count, value.isFinite, value >= 0 else { return nil }
            return value
        }
    }
}
