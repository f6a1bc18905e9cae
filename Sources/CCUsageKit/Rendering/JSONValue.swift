/// An ordered JSON value: key order is part of the output contract.
public indirect enum JSONValue: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public let key: String
        public let value: JSONValue
        public init(_ key: String, _ value: JSONValue) { self.key = key; self.value = value }
    }
    case null, bool(Bool), int(Int), double(Double), string(String)
    case array([JSONValue]), object([Member])

    /// Pretty-printed with a 2-space indent and `"key": value`, like `JSON.stringify(v, null, 2)`.
    public func rendered() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) private static func append(_ s: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always) private static func append(_ s: String, _ out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    @inline(__always) private static func indent(_ n: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n))
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: JSONValue.append("null", &out)
        case .bool(let b): JSONValue.append(b ? "true" : "false", &out)
        case .int(let i): JSONValue.append(String(i), &out)
        case .double(let d): JSONValue.append(JSONValue.number(d), &out)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { JSONValue.append("[]", &out); return }
            JSONValue.append("[\n", &out)
            for (i, item) in items.enumerated() {
                JSONValue.indent(indent + 2, &out)
                item.write(into: &out, indent: indent + 2)
                JSONValue.append(i == items.count - 1 ? "\n" : ",\n", &out)
            }
            JSONValue.indent(indent, &out); JSONValue.append("]", &out)
        case .object(let members):
            if members.isEmpty { JSONValue.append("{}", &out); return }
            JSONValue.append("{\n", &out)
            for (i, member) in members.enumerated() {
                JSONValue.indent(indent + 2, &out)
                JSONValue.quote(member.key, into: &out)
                JSONValue.append(": ", &out)
                member.value.write(into: &out, indent: indent + 2)
                JSONValue.append(i == members.count - 1 ? "\n" : ",\n", &out)
            }
            JSONValue.indent(indent, &out); JSONValue.append("}", &out)
        }
    }

    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Fast path: nothing to escape (the usual case for ids, names and dates).
            if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                out.append(contentsOf: bytes)
                return
            }
            for b in bytes {
                switch b {
                case 0x22: append("\\\"", &out)
                case 0x5C: append("\\\\", &out)
                case 0x0A: append("\\n", &out)
                case 0x0D: append("\\r", &out)
                case 0x09: append("\\t", &out)
                case 0x08: append("\\b", &out)
                case 0x0C: append("\\f", &out)
                case 0..<0x20:
                    let hex = String(b, radix: 16)
                    append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, &out)
                default:
                    out.append(b)   // UTF-8 bytes of other characters pass through unchanged
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// JavaScript's `Number#toString`: shortest round-trip digits, integers without `.0`,
    /// exponent form below 1e-6 and from 1e21. NaN and infinities become `null`, as in `JSON.stringify`.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == 0 { return "0" }
        // Plain decimal notation (no exponent) is already JavaScript's, but for a trailing ".0".
        let text = d.description
        if !text.utf8.contains(UInt8(ascii: "e")) {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        let (digits, exponent) = shortestDigits(abs(d))
        let sign = d < 0 ? "-" : ""
        let k = digits.count
        let n = exponent  // value = 0.digits × 10^n
        if k <= n && n <= 21 {
            return sign + digits + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            let i = digits.index(digits.startIndex, offsetBy: n)
            return sign + digits[..<i] + "." + digits[i...]
        }
        if -6 < n && n <= 0 {
            return sign + "0." + String(repeating: "0", count: -n) + digits
        }
        let e = n - 1
        let expText = e >= 0 ? "e+\(e)" : "e-\(-e)"
        if k == 1 { return sign + digits + expText }
        return sign + String(digits.first!) + "." + digits.dropFirst() + expText
    }

    /// The shortest decimal digits that round-trip, and the exponent n with value = 0.d1d2… × 10^n.
    static func shortestDigits(_ d: Double) -> (String, Int) {
        // Swift's description is the shortest round-trip representation.
        let text = d.description   // e.g. "1.5", "1e-07", "1.2345e+20", "123.0"
        var mantissa = text
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(text[..<e])
            exp = Int(text[text.index(after: e)...]) ?? 0
        }
        var intPart = mantissa
        var fracPart = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = String(mantissa[..<dot])
            fracPart = String(mantissa[mantissa.index(after: dot)...])
        }
        var digits = intPart + fracPart
        var pointPos = intPart.count + exp
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); pointPos -= 1 }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, pointPos)
    }
}
