import Foundation

public struct ModelPrice: Sendable, Equatable {
    public var input: Double, output: Double, cacheWrite: Double, cacheRead: Double
    public var inputAbove200k: Double?, outputAbove200k: Double?
    public var cacheWriteAbove200k: Double?, cacheReadAbove200k: Double?
    public var fastMultiplier: Double
    public var contextWindow: Int?
    /// False when the source gave no cache-read rate and `cacheRead` is the 0.1 × input default: Codex then
    /// bills cached tokens at the input rate (07-codex §13.1, vector V4).
    public var cacheReadStated: Bool

    public init(input: Double, output: Double, cacheWrite: Double? = nil, cacheRead: Double? = nil,
                inputAbove200k: Double? = nil, outputAbove200k: Double? = nil,
                cacheWriteAbove200k: Double? = nil, cacheReadAbove200k: Double? = nil,
                fastMultiplier: Double = 1, contextWindow: Int? = nil) {
        self.input = input; self.output = output
        self.cacheWrite = cacheWrite ?? input * 1.25
        self.cacheRead = cacheRead ?? input * 0.1
        self.cacheReadStated = cacheRead != nil
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

/// The pricing tables in lookup order, with the most-specific-key name matching of 00-decisions 26.
/// The embedded tables are parsed on first use: a run answered from the report cache never parses them.
public struct PriceTable: Sendable {
    private enum Source: Sendable {
        case embedded
        case explicit([[String: ModelPrice]], LazyIndexes)
    }
    private var source: Source

    /// Tables searched one after another; a later table is used only when nothing matches in the earlier ones.
    public var tables: [[String: ModelPrice]] {
        get {
            switch source {
            case .embedded: Self.embeddedTables
            case .explicit(let tables, _): tables
            }
        }
        set { source = .explicit(newValue, LazyIndexes(newValue)) }
    }
    private var indexes: [KeyIndex] {
        switch source {
        case .embedded: Self.embeddedIndexes
        case .explicit(_, let lazy): lazy.indexes
        }
    }
    /// When every table misses, each candidate name is looked up by exact key in the whole LiteLLM list
    /// (00-decisions 21). The embedded table does; a table built from explicit rows does not.
    public var searchesWholeList: Bool

    public init(tables: [[String: ModelPrice]], searchesWholeList: Bool = false) {
        source = .explicit(tables, LazyIndexes(tables))
        self.searchesWholeList = searchesWholeList
    }

    private init(embedded: Void) {
        source = .embedded
        searchesWholeList = true
    }

    /// The embedded snapshot, unchanged: identified by the snapshot's hash (no need to parse it).
    var embeddedIdentity: UInt64? {
        if case .embedded = source { return PricingSnapshot.identity }
        return nil
    }

    /// The embedded snapshot (see `Scripts/update-pricing`): the LiteLLM entries of the reference's prefixes
    /// with the reference's built-in table written over them, then the models.dev snapshot; the rest of the
    /// LiteLLM list is parsed only when a name misses both.
    public static let embedded = PriceTable(embedded: ())

    static let embeddedTables: [[String: ModelPrice]] = {
        let text = snapshot, fast = embeddedFast
        var primary: [String: ModelPrice] = [:], fallback: [String: ModelPrice] = [:]
        primary.reserveCapacity((text.rows["litellm"]?.count ?? 0) + (text.rows["builtin"]?.count ?? 0))
        for row in (text.rows["litellm"] ?? []) + (text.rows["builtin"] ?? []) { primary[row.key] = row.price(fast) }
        for row in text.rows["modelsdev"] ?? [] where fallback[row.key] == nil { fallback[row.key] = row.price(fast) }
        return [primary, fallback]
    }()
    static let embeddedIndexes: [KeyIndex] = embeddedTables.map(KeyIndex.init)

    /// Which snapshot is embedded: its source and date, and how many entries each table holds.
    public static var snapshotDescription: String { PricingSnapshot.description }

    /// The fast-mode override tables of the embedded snapshot (exact keys; normalised base names).
    public static let fastExactOverrides: [String: Double] = embeddedFast.exact
    public static let fastOverrides: [String: Double] = embeddedFast.prefix
    static let embeddedFast = FastOverrides(exact: snapshot.multipliers["fast-exact"] ?? [:],
                                            prefix: snapshot.multipliers["fast-prefix"] ?? [:])
    static let snapshot = PriceText.parse(PricingSnapshot.tables)

    /// The rest of the LiteLLM list, by key (parsed on the first miss).
    static let wholeList: (prices: [String: ModelPrice], index: KeyIndex) = {
        let rows = PriceText.parse(PricingSnapshot.wholeList).rows["exact"] ?? []
        var prices: [String: ModelPrice] = [:]
        prices.reserveCapacity(rows.count)
        for row in rows { prices[row.key] = row.price(embeddedFast) }
        return (prices, KeyIndex(prices))
    }()

    /// The fast-mode override table, matched on the pricing key: an exact key, else normalise `.`/`@` to
    /// `-`, split on `/` and `:`, a part must contain a base followed by its end or `-`.
    public static func fastMultiplier(forKey key: String, overrides: [String: Double],
                                      exact: [String: Double] = [:]) -> Double {
        FastOverrides(exact: exact, prefix: overrides).multiplier(forKey: key)
    }

    /// The only alias the reference knows (08-unified §10.2 c).
    static let aliases = ["gpt-5.3-spark": "gpt-5.3-codex-spark"]

    /// The price for a raw model name, or nil when no table has a match.
    public func price(for model: String) -> (key: String, price: ModelPrice)? {
        price(candidates: [model])
    }

    /// The price for the first of several candidate names (an agent's provider-prefixed variants, 08-unified
    /// §10.3) that resolves in the tables, each candidate searched through every table in turn; when none
    /// does, the first candidate that is an exact key of the whole LiteLLM list.
    public func price(candidates: [String]) -> (key: String, price: ModelPrice)? {
        let tables = self.tables
        if let name = candidates.first, let exact = tables.first?[name] { return (name, exact) }
        let indexes = self.indexes
        for name in candidates {
            for (index, table) in tables.enumerated() {
                if let key = indexes[index].bestKey(for: name, in: table) ?? Self.aliases[name].flatMap({
                    indexes[index].bestKey(for: $0, in: table)
                }), let price = table[key] {
                    return (key, price)
                }
            }
        }
        guard searchesWholeList else { return nil }
        let whole = Self.wholeList
        for name in candidates {
            if let key = whole.index.exactKey(for: name, in: whole.prices), let price = whole.prices[key] {
                return (key, price)
            }
        }
        return nil
    }
}

/// Key indexes of explicit tables, built on the first lookup that needs one.
final class LazyIndexes: @unchecked Sendable {
    private let tables: [[String: ModelPrice]]
    private var built: [KeyIndex]?
    private let lock = NSLockLite()

    init(_ tables: [[String: ModelPrice]]) { self.tables = tables }

    var indexes: [KeyIndex] {
        lock.withLock {
            if let built { return built }
            let made = tables.map(KeyIndex.init)
            built = made
            return made
        }
    }
}

/// The fast-mode override table, prepared once for matching many pricing keys.
struct FastOverrides: Sendable {
    let exact: [String: Double]
    let prefix: [String: Double]
    /// The bases in name order, as bytes.
    private let bases: [([UInt8], Double)]

    init(exact: [String: Double] = [:], prefix: [String: Double]) {
        self.exact = exact
        self.prefix = prefix
        bases = prefix.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }
    }

    func multiplier(forKey key: String) -> Double {
        if let value = exact[key] ?? prefix[key] { return value }
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
            if let v = fields["cacheReadInputTokenCost"] { price.cacheRead = v; price.cacheReadStated = true }
            if let v = fields["inputCostPerTokenAbove200kTokens"] { price.inputAbove200k = v }
            if let v = fields["outputCostPerTokenAbove200kTokens"] { price.outputAbove200k = v }
            if let v = fields["cacheCreationInputTokenCostAbove200kTokens"] { price.cacheWriteAbove200k = v }
            if let v = fields["cacheReadInputTokenCostAbove200kTokens"] { price.cacheReadAbove200k = v }
            if let v = fields["maxInputTokens"] { price.contextWindow = Int(v) }
            if let v = fields["fastMultiplier"] { price.fastMultiplier = v }
            primary[model] = price
        }
        var copy = self
        if copy.tables.isEmpty { copy.tables = [primary] } else { copy.tables[0] = primary }
        return copy
    }
}
