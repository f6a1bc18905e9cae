/// Tokens and cost of one model inside a row.
public struct ModelBreakdown: Sendable, Equatable {
    public var modelName: String
    public var tokens: TokenCounts
    public var cost: Double
    public init(modelName: String, tokens: TokenCounts = TokenCounts(), cost: Double = 0) {
        self.modelName = modelName; self.tokens = tokens; self.cost = cost
    }
}

/// The aggregate of a group of records: one report row.
public struct UsageSummary: Sendable, Equatable {
    public var tokens = TokenCounts()
    public var cost: Double = 0
    /// Distinct model labels in first-seen order (no `<synthetic>`, no missing models).
    public var modelsUsed: [String] = []
    /// One per model, most expensive first; equal costs keep first-seen order.
    public var breakdowns: [ModelBreakdown] = []
    public init() {}
}

/// Builds a `UsageSummary` from records or from other summaries.
public struct SummaryBuilder {
    private var summary = UsageSummary()
    private var breakdownIndex: [String: Int] = [:]
    private var models: [String] = []
    private var modelSet: Set<String> = []

    public init() {}

    /// The label a record is listed under, or nil for `<synthetic>` / model-less records.
    @inline(__always) public static func label(_ record: UsageRecord) -> String? {
        guard let model = record.model, model != syntheticModel else { return nil }
        return record.isFast ? model + "-fast" : model
    }

    /// (raw model's pool id, fast) → breakdown index (-1: not listed); rows hold a handful of models, so a
    /// linear scan beats hashing.
    private var recent: [(model: UInt32, fast: Bool, index: Int)] = []

    public mutating func add(_ priced: borrowing PricedRecord) {
        summary.tokens += priced.record.tokens
        summary.cost += priced.cost
        let modelID = priced.record.stringIDs.model
        guard modelID != 0 else { return }
        let fast = priced.record.isFast
        var index = -2
        for k in recent.indices where recent[k].model == modelID && recent[k].fast == fast {
            index = recent[k].index
            break
        }
        if index == -2 {
            let model = StringPool.string(modelID)!
            if model == syntheticModel {
                index = -1
            } else {
                let label = fast ? model + "-fast" : model
                note(label)
                _ = breakdown(label)
                index = breakdownIndex[label]!
            }
            recent.append((modelID, fast, index))
        }
        guard index >= 0 else { return }
        summary.breakdowns[index].tokens += priced.record.tokens
        summary.breakdowns[index].cost += priced.cost
    }

    public mutating func add(_ other: UsageSummary) {
        summary.tokens += other.tokens
        summary.cost += other.cost
        for model in other.modelsUsed { note(model) }
        for item in other.breakdowns {
            var b = breakdown(item.modelName)
            b.tokens += item.tokens
            b.cost += item.cost
            summary.breakdowns[breakdownIndex[item.modelName]!] = b
        }
    }

    private mutating func note(_ model: String) {
        if modelSet.insert(model).inserted { models.append(model) }
    }

    private mutating func breakdown(_ label: String) -> ModelBreakdown {
        if let index = breakdownIndex[label] { return summary.breakdowns[index] }
        breakdownIndex[label] = summary.breakdowns.count
        summary.breakdowns.append(ModelBreakdown(modelName: label))
        return summary.breakdowns[summary.breakdowns.count - 1]
    }

    public func build() -> UsageSummary {
        var result = summary
        result.modelsUsed = models
        // Stable sort by cost, highest first.
        result.breakdowns = result.breakdowns.enumerated()
            .sorted { $0.element.cost != $1.element.cost ? $0.element.cost > $1.element.cost : $0.offset < $1.offset }
            .map(\.element)
        return result
    }
}

/// Totals over the rows a report prints.
public struct ReportTotals: Sendable, Equatable {
    public var tokens = TokenCounts()
    public var cost: Double = 0
    public init() {}
    public init<S: Sequence>(_ summaries: S) where S.Element == UsageSummary {
        for s in summaries { tokens += s.tokens; cost += s.cost }
    }
}
