import Foundation

/// Per-token USD rates of one pricing key.
/// One row of the generated snapshot (see `Scripts/update-pricing`); nil where the source has no value.
struct PriceRow {
    let key: String
    let input: Double?, output: Double?, cacheWrite: Double?, cacheRead: Double?
    let inputAbove200k: Double?, outputAbove200k: Double?, cacheWriteAbove200k: Double?, cacheReadAbove200k: Double?
    let fastMultiplier: Double?
    let contextWindow: Int?

    init(_ key: String, _ input: Double?, _ output: Double?, _ cacheWrite: Double?, _ cacheRead: Double?,
         _ inputAbove200k: Double?, _ outputAbove200k: Double?, _ cacheWriteAbove200k: Double?,
         _ cacheReadAbove200k: Double?, _ fastMultiplier: Double?, _ contextWindow: Int?) {
        self.key = key; self.input = input; self.output = output; self.cacheWrite = cacheWrite
        self.cacheRead = cacheRead; self.inputAbove200k = inputAbove200k; self.outputAbove200k = outputAbove200k
        self.cacheWriteAbove200k = cacheWriteAbove200k; self.cacheReadAbove200k = cacheReadAbove200k
        self.fastMultiplier = fastMultiplier; self.contextWindow = contextWindow
    }
}

public struct ModelPrice: Sendable, Equatable {
    public var input: Double, output: Double, cacheWrite: Double, cacheRead: Double
    public var inputAbove200k: Double?, outputAbove200k: Double?
    public var cacheWriteAbove200k: Double?, cacheReadAbove200k: Double?
    public var fastMultiplier: Double
    public var contextWindow: Int?

    public init(input: Double, output: Double, cacheWrite: Double? = nil, cacheRead: Double? = nil,
                inputAbove200k: Double? = nil, outputAbove200k: Double? = nil,
                cacheWriteAbove200k: Double? = nil, cacheReadAbove200k: Double? = nil,
                fastMultiplier: Double = 1, contextWindow: Int? = nil) {
        self.input = input; self.output = output
        self.cacheWrite = cacheWrite ?? input * 1.25
        self.cacheRead = cacheRead ?? input * 0.1
        self.inputAbove200k = inputAbove200k; self.outputAbove200k = outputAbove200k
        self.cacheWriteAbove200k = cacheWriteAbove200k; self.cacheReadAbove200k = cacheReadAbove200k
        self.fastMultiplier = fastMultiplier; self.contextWindow = contextWindow
    }

    public static let tierThreshold = 200_000

    @inline(__always) static func tiered(_ tokens: Int, _ base: Double, _ above: Double?) -> Double {
        guard tokens > 0 else { return 0 }
        if let above, tokens > tierThreshold {
            return Double(tierThreshold) * base + Double(tokens - tierThreshold) * above
        }
        return Double(tokens) * base
    }

    /// The cost of one request: each token type tiered on its own, 1-hour cache writes at 2 × input,
    /// the whole sum times the fast multiplier for fast-mode requests.
    public func cost(_ tokens: TokenCounts, cacheCreation1h: Int = 0, fast: Bool = false) -> Double {
        let oneHour = min(max(cacheCreation1h, 0), tokens.cacheCreation)
        var sum = ModelPrice.tiered(tokens.input, input, inputAbove200k)
        sum += ModelPrice.tiered(tokens.output, output, outputAbove200k)
        sum += ModelPrice.tiered(tokens.cacheCreation - oneHour, cacheWrite, cacheWriteAbove200k)
        sum += ModelPrice.tiered(oneHour, 2 * input, inputAbove200k.map { 2 * $0 })
        sum += ModelPrice.tiered(tokens.cacheRead, cacheRead, cacheReadAbove200k)
        return fast ? sum * fastMultiplier : sum
    }
}

/// The pricing tables in lookup order, with HEAD's model-name matching.
public struct PriceTable: Sendable {
    /// Tables searched one after another; a later table is used only when nothing matches in the earlier ones.
    public var tables: [[String: ModelPrice]]
    private var sortedKeys: [[String]]

    public init(tables: [[String: ModelPrice]]) {
        self.tables = tables
        self.sortedKeys = tables.map { $0.keys.sorted() }
    }

    /// The embedded snapshot: HEAD's built-in table, then the models.dev snapshot.
    public static let embedded: PriceTable = {
        let fast = FastOverrides(PricingSnapshot.fastOverrides)
        func table(_ rows: [PriceRow]) -> [String: ModelPrice] {
            var out: [String: ModelPrice] = [:]
            out.reserveCapacity(rows.count)
            for row in rows {
                guard let input = row.input, let output = row.output else { continue }
                out[row.key] = ModelPrice(
                    input: input, output: output, cacheWrite: row.cacheWrite, cacheRead: row.cacheRead,
                    inputAbove200k: row.inputAbove200k, outputAbove200k: row.outputAbove200k,
                    cacheWriteAbove200k: row.cacheWriteAbove200k, cacheReadAbove200k: row.cacheReadAbove200k,
                    fastMultiplier: row.fastMultiplier ?? fast.multiplier(forKey: row.key),
                    contextWindow: row.contextWindow)
            }
            return out
        }
        return PriceTable(tables: [table(PricingSnapshot.primary), table(PricingSnapshot.fallback)])
    }()

    /// The fast-mode override table, matched on the pricing key: normalise `.`/`@` to `-`, split on `/`
    /// and `:`, a part must contain the base followed by its end or `-`.
    public static func fastMultiplier(forKey key: String, overrides: [String: Double]) -> Double {
        FastOverrides(overrides).multiplier(forKey: key)
    }

    /// The price for a raw model name, or nil when no table has a match.
    public func price(for model: String) -> (key: String, price: ModelPrice)? {
        for (index, table) in tables.enumerated() {
            if let exact = table[model] { return (model, exact) }
            if let key = ModelMatcher.bestKey(for: model, among: sortedKeys[index]), let price = table[key] {
                return (key, price)
            }
        }
        return nil
    }
}

/// The fast-mode override table, prepared once for matching many pricing keys.
struct FastOverrides {
    private let overrides: [String: Double]
    /// The bases in name order, as bytes.
    private let bases: [([UInt8], Double)]

    init(_ overrides: [String: Double]) {
        self.overrides = overrides
        bases = overrides.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }
    }

    func multiplier(forKey key: String) -> Double {
        if let exact = overrides[key] { return exact }
        let normalized = Array(ModelMatcher.normalize(key).utf8)
        for part in normalized.split(whereSeparator: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }) {
            for (base, multiplier) in bases {
                // The last occurrence of the base in the part, as `range(of:options: .backwards)` finds it.
                guard !base.isEmpty, base.count <= part.count else { continue }
                var start = part.endIndex - base.count
                while start >= part.startIndex, !part[start..<(start + base.count)].elementsEqual(base) { start -= 1 }
                guard start >= part.startIndex else { continue }
                let end = start + base.count
                if end == part.endIndex || part[end] == UInt8(ascii: "-") { return multiplier }
            }
        }
        return 1
    }
}

/// HEAD's boundary-aware, longest-key model-name matching.
public enum ModelMatcher {
    public static func normalize(_ s: String) -> String {
        guard s.contains(".") || s.contains("@") else { return s }
        return String(s.map { $0 == "." || $0 == "@" ? "-" : $0 })
    }

    /// Longest matching key; among keys of equal length the lexicographically smallest.
    public static func bestKey(for model: String, among keys: [String]) -> String? {
        let m = Array(model.utf8), nm = Array(normalize(model).utf8)
        var best: [UInt8]?
        var bestKey: String?
        for key in keys {
            let k = Array(key.utf8)
            guard matches(k, m) || matches(Array(normalize(key).utf8), nm) else { continue }
            if let b = best {
                if k.count > b.count || (k.count == b.count && k.lexicographicallyPrecedes(b)) {
                    best = k; bestKey = key
                }
            } else { best = k; bestKey = key }
        }
        return bestKey
    }

    static func matches(_ key: [UInt8], _ model: [UInt8]) -> Bool {
        contains(model, key) || contains(key, model)
    }

    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }

    /// `needle` occurs in `value` with non-alphanumeric neighbours; a needle ending in a digit may be
    /// followed by `-`/`.` and digits only when those are exactly an 8-digit date.
    static func contains(_ value: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= value.count else { return false }
        let endsWithDigit = needle.last! >= 0x30 && needle.last! <= 0x39
        var start = 0
        while start + needle.count <= value.count {
            defer { start += 1 }
            guard value[start] == needle[0], value[start..<(start + needle.count)].elementsEqual(needle) else {
                continue
            }
            if start > 0, isAlnum(value[start - 1]) { continue }
            let after = start + needle.count
            if after == value.count { return true }
            if isAlnum(value[after]) { continue }
            if endsWithDigit, value[after] == 0x2D || value[after] == 0x2E {
                var j = after + 1
                while j < value.count, value[j] >= 0x30, value[j] <= 0x39 { j += 1 }
                let digits = j - after - 1
                if digits > 0, !(digits == 8 && (j == value.count || !isAlnum(value[j]))) { continue }
            }
            return true
        }
        return false
    }
}

extension PriceTable {
    /// Field names of a `pricingOverrides` entry (LiteLLM style, camelCase).
    public static let overrideFields = [
        "inputCostPerToken", "outputCostPerToken", "cacheCreationInputTokenCost", "cacheReadInputTokenCost",
        "inputCostPerTokenAbove200kTokens", "outputCostPerTokenAbove200kTokens",
        "cacheCreationInputTokenCostAbove200kTokens", "cacheReadInputTokenCostAbove200kTokens",
        "maxInputTokens", "fastMultiplier",
    ]

    /// Applies config `pricingOverrides` (raw model name → fields). Each starts from the entry with exactly
    /// that key (or all zeros), keeps unspecified fields, and is stored under the exact key, so it wins for
    /// that model name.
    public func applying(overrides: [String: [String: Double]]) -> PriceTable {
        guard !overrides.isEmpty else { return self }
        var primary = tables.first ?? [:]
        for (model, fields) in overrides {
            var price = tables.lazy.compactMap { $0[model] }.first
                ?? ModelPrice(input: 0, output: 0, cacheWrite: 0, cacheRead: 0)
            if let v = fields["inputCostPerToken"] { price.input = v }
            if let v = fields["outputCostPerToken"] { price.output = v }
            if let v = fields["cacheCreationInputTokenCost"] { price.cacheWrite = v }
            if let v = fields["cacheReadInputTokenCost"] { price.cacheRead = v }
            if let v = fields["inputCostPerTokenAbove200kTokens"] { price.inputAbove200k = v }
            if let v = fields["outputCostPerTokenAbove200kTokens"] { price.outputAbove200k = v }
            if let v = fields["cacheCreationInputTokenCostAbove200kTokens"] { price.cacheWriteAbove200k = v }
            if let v = fields["cacheReadInputTokenCostAbove200kTokens"] { price.cacheReadAbove200k = v }
            if let v = fields["maxInputTokens"] { price.contextWindow = Int(v) }
            if let v = fields["fastMultiplier"] { price.fastMultiplier = v }
            primary[model] = price
        }
        var copy = tables
        if copy.isEmpty { copy = [primary] } else { copy[0] = primary }
        return PriceTable(tables: copy)
    }
}
