/// The rates Codex pricing needs from a price entry (07-codex §12–§13).
public struct CodexPrice: Sendable, Equatable {
    public var input: Double, output: Double
    /// The cached-input rate when the entry states one; nil means cached input is billed at the input rate.
    public var cacheRead: Double?
    public var fastMultiplier: Double

    public init(input: Double, output: Double, cacheRead: Double?, fastMultiplier: Double = 1) {
        self.input = input; self.output = output; self.cacheRead = cacheRead; self.fastMultiplier = fastMultiplier
    }

    /// `(non-cached × input + cached × cache rate + output × output) × multiplier`, in this order (§13.1).
    /// Reasoning is inside output; no cache-write charge and no 200k tiers for Codex. Fast speed multiplies by the
    /// entry's fast multiplier, 2 when the entry has none (1).
    public func cost(_ tokens: CodexTokens, fast: Bool) -> Double {
        let multiplier = fast ? (fastMultiplier == 1 ? 2 : fastMultiplier) : 1
        let cacheRate = cacheRead ?? input
        return (Double(tokens.nonCachedInput) * input + Double(tokens.cached) * cacheRate + Double(tokens.output) * output)
            * multiplier
    }
}

/// Model name → price for Codex, memoised per name.
public struct CodexPricing: Sendable {
    private let lookup: @Sendable (String) -> CodexPrice?

    public init(lookup: @escaping @Sendable (String) -> CodexPrice?) { self.lookup = lookup }

    /// Prices from explicit entries by exact name (tests and worked examples).
    public init(exact prices: [String: CodexPrice]) { self.init { prices[$0] } }

    /// The one adapter from the project's price table: the model name, then its alias (`gpt-5.3-spark` →
    /// `gpt-5.3-codex-spark`, §12.2), through the tables and then the whole LiteLLM list by exact name
    /// (decision 21). A cache-read rate the source did not state is not used: cached tokens are then billed
    /// at the input rate (§13.1, V4).
    public init(table: PriceTable) {
        self.init { model in
            guard let (_, price) = table.price(candidates: CodexPricing.candidates(model)) else { return nil }
            return CodexPrice(input: price.input, output: price.output, cacheRead: price.cacheReadStated ? price.cacheRead : nil,
                              fastMultiplier: price.fastMultiplier)
        }
    }

    static func candidates(_ model: String) -> [String] {
        model == "gpt-5.3-spark" ? [model, "gpt-5.3-codex-spark"] : [model]
    }

    public func price(for model: String) -> CodexPrice? { lookup(model) }
}

/// `--speed`: `auto` is fast when a home's `config.toml` asks for the fast or priority service tier.
public enum CodexSpeed: String, Sendable, CaseIterable {
    case auto, standard, fast
}
