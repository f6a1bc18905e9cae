/// JSON as the reference's agent reports print it (serde_json): 2-space indent, object keys in ascending byte
/// order at every level, whole-number doubles as integers, other doubles in Rust's shortest form
/// (`0.00061375`, `6.5e-6`, `1.2345678901234568e17`).
public enum ReferenceJSON {
    /// Doubles under a key of `floatKeys` keep a `.0` when whole (the unified report's model-breakdown costs).
    /// `topLevelInOrder`: the outermost object keeps its declared member order (the `--sections` envelope).
    public static func render(_ value: JSONValue, floatKeys: Set<String> = [], topLevelInOrder: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, into: &out, indent: 0, floatKeys: floatKeys, float: false, keepOrder: topLevelInOrder)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ s: String, _ out: inout [UInt8]) { out.append(contentsOf: s.utf8) }

    private static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int, floatKeys: Set<String>,
                              float: Bool, keepOrder: Bool = false) {
        switch value {
        case .null: append("null", &out)
        case .bool(let b): append(b ? "true" : "false", &out)
        case .int(let i): append(String(i), &out)
        case .double(let d):
            let text = number(d)
            append(float && d.isFinite && !text.contains(".") && !text.contains("e") ? text + ".0" : text, &out)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { append("[]", &out); return }
            append("[\n", &out)
            for (i, item) in items.enumerated() {
                out.append(contentsOf: repeatElement(0x20, count: indent + 2))
                write(item, into: &out, indent: indent + 2, floatKeys: floatKeys, float: false)
                append(i == items.count - 1 ? "\n" : ",\n", &out)
            }
            out.append(contentsOf: repeatElement(0x20, count: indent)); append("]", &out)
        case .object(let members):
            if members.isEmpty { append("{}", &out); return }
            append("{\n", &out)
            let sorted = keepOrder ? members : members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (i, member) in sorted.enumerated() {
                out.append(contentsOf: repeatElement(0x20, count: indent + 2))
                JSONValue.quote(member.key, into: &out)
                append(": ", &out)
                write(member.value, into: &out, indent: indent + 2, floatKeys: floatKeys,
                      float: floatKeys.contains(member.key))
                append(i == sorted.count - 1 ? "\n" : ",\n", &out)
            }
            out.append(contentsOf: repeatElement(0x20, count: indent)); append("}", &out)
        }
    }

    /// With digits D (no leading or trailing zeros) and value = 0.D × 10^p: plain for 0 < p ≤ 16,
    /// `0.000D` for −5 < p ≤ 0, else `D₁.D₂…e(p−1)`. Whole numbers below 2^63 in magnitude print as integers.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 9.2e18 { return String(Int64(d)) }
        let (digits, p) = JSONValue.shortestDigits(abs(d))
        let sign = d < 0 ? "-" : ""
        let k = digits.count
        if p > 0 && p <= 16 {
            if k <= p { return sign + digits + String(repeating: "0", count: p - k) + ".0" }
            let cut = digits.index(digits.startIndex, offsetBy: p)
            return sign + digits[..<cut] + "." + digits[cut...]
        }
        if p > -5 && p <= 0 { return sign + "0." + String(repeating: "0", count: -p) + digits }
        let mantissa = k == 1 ? digits : String(digits.prefix(1)) + "." + digits.dropFirst()
        return sign + mantissa + "e" + String(p - 1)
    }
}
