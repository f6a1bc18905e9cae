/// Number formatting for tables (never locale-dependent).
public enum Format {
    /// `1,234,567`
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }

    /// `$1234.57`: two decimals, half away from zero on the decimal value of the double.
    public static func money(_ value: Double) -> String {
        "$" + fixed(value, decimals: 2)
    }

    /// `value` with exactly `decimals` decimals, rounding half away from zero on its shortest decimal form.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        if value == 0 { return "0" + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "") }
        let (digitText, pointPos) = JSONValue.shortestDigits(abs(value))
        var digits = digitText.map { Int($0.asciiValue! - 48) }
        // Place the digits on a grid with `decimals` fraction digits.
        var intCount = pointPos   // digits before the point
        if intCount < 1 {
            digits = Array(repeating: 0, count: 1 - intCount) + digits
            intCount = 1
        }
        let keep = intCount + decimals
        if digits.count < keep {
            digits += Array(repeating: 0, count: keep - digits.count)
        } else if digits.count > keep {
            let roundUp = digits[keep] >= 5
            digits = Array(digits[0..<keep])
            if roundUp {
                var i = keep - 1
                while i >= 0 {
                    if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; break }
                }
                if i < 0 { digits.insert(1, at: 0); intCount += 1 }
            }
        }
        let intDigits = digits[0..<intCount].map(String.init).joined()
        let fracDigits = digits[intCount...].map(String.init).joined()
        let isZero = digits.allSatisfy { $0 == 0 }
        let sign = value < 0 && !isZero ? "-" : ""
        return sign + intDigits + (decimals > 0 ? "." + fracDigits : "")
    }

    /// `87.5%`
    public static func percent(_ value: Double) -> String { fixed(value, decimals: 1) + "%" }

    /// HEAD's short model names: strip `anthropic/claude-` or `claude-`, drop a trailing 8-character part.
    public static func shortModel(_ model: String) -> String {
        var name = Substring(model)
        if name.hasPrefix("anthropic/claude-") {
            name = name.dropFirst("anthropic/claude-".count)
        } else if name.hasPrefix("claude-") {
            name = name.dropFirst("claude-".count)
        }
        var parts = name.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count >= 3, parts.last!.count == 8 { parts.removeLast() }
        return parts.joined(separator: "-")
    }

    /// The Models cell: short names, de-duplicated, sorted, one `• name` per line (glued for `Table`, so a
    /// bullet never ends up alone on its line).
    public static func modelList(_ models: [String]) -> String {
        Array(Set(models.map(shortModel))).sorted().map { "•" + String(Table.glue) + $0 }.joined(separator: "\n")
    }

    /// A `--breakdown` row's label, `  └─ <short model>`, glued into one word.
    public static func breakdownLabel(_ model: String) -> String {
        let glue = String(Table.glue)
        return glue + glue + "└─" + glue + shortModel(model)
    }
}
