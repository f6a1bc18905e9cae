/// How an entry's cost is obtained (`-m/--mode`).
public enum CostMode: String, Sendable, CaseIterable, Codable {
    /// The recorded `costUSD` when present (even 0), else computed from tokens.
    case auto
    /// Always computed from tokens.
    case calculate
    /// The recorded `costUSD`, else 0; pricing is never loaded.
    case display
}

/// Prices usage records under one cost mode, caching the lookup per model.
public struct CostCalculator {
    public let mode: CostMode
    public let table: PriceTable
    private var cache: [String: ModelPrice?] = [:]
    /// Models with tokens whose cost had to be computed but have no price (they cost 0).
    public private(set) var unpricedModels: Set<String> = []

    public init(mode: CostMode, table: PriceTable = .embedded) {
        self.mode = mode
        self.table = table
    }

    public mutating func cost(of record: UsageRecord) -> Double {
        switch mode {
        case .display:
            return record.recordedCost ?? 0
        case .auto:
            if let recorded = record.recordedCost { return recorded }
            return computed(record)
        case .calculate:
            return computed(record)
        }
    }

    public mutating func price(for model: String) -> ModelPrice? {
        if let cached = cache[model] { return cached }
        let found = table.price(for: model)?.price
        cache[model] = found
        return found
    }

    private mutating func computed(_ record: UsageRecord) -> Double {
        guard let model = record.model else { return 0 }
        guard let price = price(for: model) else {
            if record.tokens.total > 0, model != syntheticModel { unpricedModels.insert(model) }
            return 0
        }
        return price.cost(record.tokens, cacheCreation1h: record.cacheCreation1h, fast: record.isFast)
    }
}

/// The placeholder model Claude Code writes for locally generated messages.
public let syntheticModel = "<synthetic>"
