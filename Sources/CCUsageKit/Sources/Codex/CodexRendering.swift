extension CodexReport {
    /// The reference's JSON document (07-codex §14); render it with `ReferenceJSON` (keys sorted).
    public func json(hideCost: Bool = false) -> JSONValue {
        func counts(_ t: CodexTokens) -> [JSONValue.Member] {
            [.init("cacheCreationTokens", .int(0)), .init("cacheReadTokens", .int(t.cached)),
             .init("inputTokens", .int(t.nonCachedInput)), .init("outputTokens", .int(t.output)),
             .init("reasoningOutputTokens", .int(t.reasoning)), .init("totalTokens", .int(t.total))]
        }
        let rowValues: [JSONValue] = rows.map { row in
            var members = counts(row.tokens)
            members.append(.init(kind.keyName, .string(row.key)))
            if !hideCost { members.append(.init("costUSD", .double(row.cost))) }
            members.append(.init("models", .object(row.models.map { model in
                var fields = counts(model.usage.tokens)
                fields.append(.init("isFallback", .bool(model.usage.isFallback)))
                return .init(model.name, .object(fields))
            })))
            if kind == .session {
                members.append(.init("directory", .string(row.directory)))
                members.append(.init("lastActivity", .string(row.lastActivity)))
                members.append(.init("sessionFile", .string(row.sessionFile)))
            }
            return .object(members)
        }
        var totalMembers: [JSONValue.Member] = [
            .init("cacheCreationTokens", .int(0)), .init("cacheReadTokens", .int(totals.cached)),
            .init("inputTokens", .int(totalNonCachedInput)), .init("outputTokens", .int(totals.output)),
            .init("reasoningOutputTokens", .int(totals.reasoning)), .init("totalTokens", .int(totals.total)),
        ]
        if !hideCost { totalMembers.append(.init("costUSD", .double(totalCost))) }
        return .object([.init(kind.rowsKey, .array(rowValues)), .init("totals", .object(totalMembers))])
    }
}

/// The Codex table (07-codex §15): title box, `Date|Month|Session | Models | Input | Output | Reasoning |
/// Cache Read | Total Tokens | Cost (USD)`, a Total row; `--breakdown` adds one row per model.
public enum CodexTable {
    public static func render(_ report: CodexReport, _ options: RenderOptions) -> String {
        let first: String
        let title: String
        switch report.kind {
        case .daily: (first, title) = ("Date", "Daily")
        case .weekly: (first, title) = ("Week", "Weekly")
        case .monthly: (first, title) = ("Month", "Monthly")
        case .session: (first, title) = ("Session", "Session")
        }
        var headers = [first, "Models", "Input", "Output", "Reasoning", "Cache Read", "Total Tokens"]
        var aligns: [Table.Align] = [.left, .left, .right, .right, .right, .right, .right]
        if !options.hideCost { headers.append("Cost (USD)"); aligns.append(.right) }
        var table = Table(headers: headers, aligns: aligns)
        func cells(_ t: CodexTokens, nonCached: Int, cost: Double) -> [String] {
            var out = [Format.integer(nonCached), Format.integer(t.output), Format.integer(t.reasoning),
                       Format.integer(t.cached), Format.integer(t.total)]
            if !options.hideCost { out.append(Format.money(cost)) }
            return out
        }
        for row in report.rows {
            let models = Format.modelList(row.models.map(\.name))
            table.rows.append(Table.Row([row.key, models] + cells(row.tokens, nonCached: row.tokens.nonCachedInput,
                                                                  cost: row.cost)))
            if options.breakdown {
                for model in row.models {
                    let label = "  └─ " + Format.shortModel(model.name)
                    table.rows.append(Table.Row([label, ""] + cells(model.usage.tokens,
                                                                    nonCached: model.usage.tokens.nonCachedInput,
                                                                    cost: model.usage.cost), style: .secondary))
                }
            }
        }
        table.rows.append(Table.Row(["Total", ""] + cells(report.totals, nonCached: report.totalNonCachedInput,
                                                          cost: report.totalCost), style: .totals))
        return options.title("Codex Token Usage Report - \(title)")
            + table.render(width: options.width, style: options.style) + "\n"
    }

    /// One warning per unpriced model with tokens (table mode only).
    public static func pricingWarnings(_ report: CodexReport, offline: Bool) -> [String] {
        report.unpricedModels.map { model in
            offline
                ? "WARN  Missing embedded pricing for \(model); cost excludes this model. Run without --offline or update ccusage after pricing is added."
                : "WARN  Missing pricing for \(model); cost excludes this model. Update pricing or run again after LiteLLM has the model."
        }
    }
}
