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
        var out = ""
        write(into: &out, indent: 0)
        return out
    }

    private static let indents: [String] = (0..<32).map { String(repeating: " ", count: $0 * 2) }

    @inline(__always) private static func indent(_ n: Int) -> String {
        n / 2 < indents.count ? indents[n / 2] : String(repeating: " ", count: n)
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += JSONValue.number(d)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += JSONValue.indent(indent + 2)
                item.write(into: &out, indent: indent + 2)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += JSONValue.indent(indent); out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += JSONValue.indent(indent + 2)
                JSONValue.quote(member.key, into: &out)
                out += ": "
                member.value.write(into: &out, indent: indent + 2)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += JSONValue.indent(indent); out += "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Fast path: nothing to escape (the usual case for ids, names and dates).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// JavaScript's `Number#toString`: shortest round-trip digits, integers without `.0`,
    /// exponent form below 1e-6 and from 1e21. NaN and infinities become `null`, as in `JSON.stringify`.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == 0 { return "0" }
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
