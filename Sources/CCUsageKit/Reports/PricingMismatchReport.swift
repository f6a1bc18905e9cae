/// `--debug`: entries whose recorded `costUSD` differs from the cost computed from their tokens.
public struct PricingMismatchReport: Sendable {
    public struct Sample: Sendable, Equatable {
        public var file: String
        public var timestamp: Int64
        public var model: String
        public var recorded: Double
        public var calculated: Double
        public var tokens: TokenCounts
    }
    public struct Group: Sendable, Equatable {
        public var name: String
        public var total = 0, matches = 0, mismatches = 0
        public var totalDifference = 0.0
    }

    public var total = 0
    public var matches = 0
    public var mismatches: Int { total - matches }
    public var byModel: [Group] = []
    public var byVersion: [Group] = []
    public var samples: [Sample] = []

    /// A difference under 0.1 % of the recorded cost (or a recorded 0) is a match.
    public init(_ usage: LoadedUsage, prices: PriceTable, sampleLimit: Int = 5) {
        var calculator = CostCalculator(mode: .calculate, table: prices)
        var models: [String: Group] = [:], versions: [String: Group] = [:]
        for priced in usage.records {
            let r = priced.record
            guard let recorded = r.recordedCost, let model = r.model, model != syntheticModel else { continue }
            let calculated = calculator.cost(of: r)
            let matched = recorded == 0 || abs(calculated - recorded) / recorded * 100 < 0.1
            total += 1
            if matched { matches += 1 }
            for (key, table) in [(model, 0), (r.version ?? "unknown", 1)] {
                var g = (table == 0 ? models[key] : versions[key]) ?? Group(name: key)
                g.total += 1
                if matched { g.matches += 1 } else { g.mismatches += 1; g.totalDifference += abs(calculated - recorded) }
                if table == 0 { models[key] = g } else { versions[key] = g }
            }
            if !matched, samples.count < sampleLimit {
                samples.append(Sample(file: lastComponent(usage.file(of: priced).path), timestamp: r.time, model: model,
                                      recorded: recorded, calculated: calculated, tokens: r.tokens))
            }
        }
        let order: (Group, Group) -> Bool = { $0.mismatches != $1.mismatches ? $0.mismatches > $1.mismatches : $0.name < $1.name }
        byModel = models.values.sorted(by: order)
        byVersion = versions.values.sorted(by: order)
    }

    public func render() -> String {
        guard total > 0 else { return "No pricing data found to analyze.\n" }
        func money(_ v: Double) -> String { "$" + Format.fixed(v, decimals: 6) }
        var lines = ["=== Pricing Mismatch Debug Report ===",
                     "Total entries with costUSD: \(Format.integer(total))",
                     "Matches (within 0.1%): \(Format.integer(matches))",
                     "Mismatches: \(Format.integer(mismatches))",
                     "Match rate: \(Format.fixed(Double(matches) / Double(total) * 100, decimals: 2))%"]
        for (title, groups) in [("Model Statistics", byModel), ("Version Statistics", byVersion)] {
            lines.append("")
            lines.append("=== \(title) ===")
            for g in groups {
                let avg = g.mismatches > 0 ? g.totalDifference / Double(g.mismatches) : 0
                lines.append("\(g.name): \(g.total) entries, \(g.matches) matches, \(g.mismatches) mismatches, avg difference \(money(avg))")
            }
        }
        if !samples.isEmpty {
            lines.append("")
            lines.append("=== Sample Discrepancies (first \(samples.count)) ===")
            for s in samples {
                let diff = s.calculated - s.recorded
                let percent = s.recorded != 0 ? diff / s.recorded * 100 : 0
                lines.append("\(s.file) \(Timestamp.iso(s.timestamp)) \(s.model)")
                lines.append("  original \(money(s.recorded)), calculated \(money(s.calculated)), difference \(money(diff)) (\(Format.fixed(percent, decimals: 2))%)")
                lines.append("  tokens {\"input\":\(s.tokens.input),\"output\":\(s.tokens.output),\"cacheCreation\":\(s.tokens.cacheCreation),\"cacheRead\":\(s.tokens.cacheRead)}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
