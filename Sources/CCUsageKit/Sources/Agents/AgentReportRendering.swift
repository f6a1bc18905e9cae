extension AgentReport {
    /// The focused JSON (09 §0.7, 10 §1.5); render with `AgentReport.render(_:)` (sorted keys, float costs).
    public func json(hideCost: Bool = false) -> JSONValue {
        func counts(_ s: AgentSummary) -> [JSONValue.Member] {
            var m: [JSONValue.Member] = [
                .init("cacheCreationTokens", .int(s.tokens.cacheCreation)), .init("cacheReadTokens", .int(s.tokens.cacheRead)),
                .init("inputTokens", .int(s.tokens.input)), .init("outputTokens", .int(s.tokens.output)),
                .init("totalTokens", .int(s.totalTokens)),
            ]
            if !hideCost { m.append(.init("totalCost", .double(s.cost))) }
            return m
        }
        let rowValues: [JSONValue] = rows.map { row in
            var m = counts(row)
            m.append(.init(kind.periodKey, .string(row.period)))
            m.append(.init("modelsUsed", .array(row.modelsUsed.map { .string($0) })))
            if let credits = row.credits { m.append(.init("credits", .double(credits))) }
            if let count = row.messageCount { m.append(.init("messageCount", .int(count))) }
            if kind == .session, style.activityInJSON {
                m.append(.init("firstActivity", row.firstActivity.map { .string(Timestamp.iso($0)) } ?? .null))
                m.append(.init("lastActivity", row.lastActivity.map { .string(Timestamp.iso($0)) } ?? .null))
                m.append(.init("projectPath", row.projectPath.map { .string($0) } ?? .null))
            }
            return .object(m)
        }
        let totalsValue: JSONValue
        if rows.isEmpty, style.nullTotalsWhenEmpty {
            totalsValue = .null
        } else {
            let t = totals
            var m = counts(t)
            if let credits = t.credits, credits > 0 { m.append(.init("credits", .double(credits))) }
            totalsValue = .object(m)
        }
        return .object([.init(kind.rowsKey, .array(rowValues)), .init("totals", totalsValue)])
    }

    /// Keys sorted at every level, `totalCost` and `credits` always with a decimal point, trailing newline.
    public static func render(_ json: JSONValue) -> String {
        ReferenceJSON.render(json, floatKeys: ["totalCost", "credits"]) + "\n"
    }

    /// `WARN  Missing pricing for <model>; …` per unpriced model (usage table only; not the credits table).
    public func pricingWarnings(offline: Bool) -> [String] {
        guard style.table == .usage else { return [] }
        return missingPricing.map { AgentReport.pricingWarning($0, offline: offline) }
    }

    public static func pricingWarning(_ model: String, offline: Bool) -> String {
        offline
            ? "WARN  Missing embedded pricing for \(model); cost excludes this model. Run without --offline or update ccusage after pricing is added."
            : "WARN  Missing pricing for \(model); cost excludes this model. Update pricing or run again after LiteLLM has the model."
    }

    /// Stderr text after a table in compact mode (usage table only).
    public static let compactFooter = "\nRunning in Compact Mode\nExpand terminal width to see cache metrics and total tokens"
}

/// The focused agent tables: the usage table (09 §0.8, 10 §1.6) and the Amp-style credits table (09 §7.6).
public enum AgentTable {
    /// The table text (title box included) for a report with rows.
    public static func render(_ report: AgentReport, _ options: RenderOptions) -> String {
        switch report.style.table {
        case .usage: usage(report, options)
        case .credits: credits(report, options)
        }
    }

    static func usage(_ report: AgentReport, _ options: RenderOptions) -> String {
        let compact = options.compact
        let lastActivity = report.kind == .session && report.rows.contains { $0.lastActivity != nil }
        var headers = [report.kind.firstColumn, "Models", "Input", "Output"]
        var aligns: [Table.Align] = [.left, .left, .right, .right]
        if !compact { headers += ["Cache Create", "Cache Read", "Total Tokens"]; aligns += [.right, .right, .right] }
        if !options.hideCost { headers.append("Cost (USD)"); aligns.append(.right) }
        if lastActivity { headers.append("Last Activity"); aligns.append(.left) }
        func numbers(_ t: TokenCounts, total: Int, cost: Double) -> [String] {
            var cells = [Format.integer(t.input), Format.integer(t.output)]
            if !compact { cells += [Format.integer(t.cacheCreation), Format.integer(t.cacheRead), Format.integer(total)] }
            if !options.hideCost { cells.append(Format.money(cost)) }
            return cells
        }
        var table = Table(headers: headers, aligns: aligns)
        for row in report.rows {
            var cells = [row.period, Format.modelList(row.modelsUsed)] + numbers(row.tokens, total: row.totalTokens, cost: row.cost)
            if lastActivity { cells.append(row.lastActivity.map { String(Timestamp.iso($0).prefix(10)) } ?? "") }
            table.rows.append(Table.Row(cells))
            if options.breakdown {
                for b in row.breakdowns {
                    var sub = [Format.breakdownLabel(b.model), ""] + numbers(b.tokens, total: b.tokens.total, cost: b.cost)
                    if lastActivity { sub.append("") }
                    table.rows.append(Table.Row(sub, style: .secondary, firstSpan: 2))
                }
            }
        }
        let t = report.totals
        var totalCells = ["Total", ""] + numbers(t.tokens, total: t.totalTokens, cost: t.cost)
        if lastActivity { totalCells.append("") }
        table.rows.append(Table.Row(totalCells, style: .totals))
        return options.title(report.style.title) + table.render(width: options.width, style: options.style) + "\n"
    }

    static func credits(_ report: AgentReport, _ options: RenderOptions) -> String {
        let compact = options.compact
        var headers = [report.kind.firstColumn, "Models", "Input", "Output"]
        var aligns: [Table.Align] = [.left, .left, .right, .right]
        if !compact { headers += ["Cache Create", "Cache Read", "Total Tokens"]; aligns += [.right, .right, .right] }
        headers.append("Credits"); aligns.append(.right)
        if !options.hideCost { headers.append("Cost (USD)"); aligns.append(.right) }
        func numbers(_ s: AgentSummary) -> [String] {
            var cells = [Format.integer(s.tokens.input), Format.integer(s.tokens.output)]
            if !compact {
                cells += [Format.integer(s.tokens.cacheCreation), Format.integer(s.tokens.cacheRead),
                          Format.integer(s.tokens.total)]
            }
            cells.append(Format.fixed(s.credits ?? 0, decimals: 2))
            if !options.hideCost { cells.append(Format.money(s.cost)) }
            return cells
        }
        var table = Table(headers: headers, aligns: aligns)
        for row in report.rows { table.rows.append(Table.Row([row.period, Format.modelList(row.modelsUsed)] + numbers(row))) }
        table.rows.append(Table.Row(["Total", ""] + numbers(report.totals), style: .totals))
        return options.title("\(report.style.title) - \(report.kind.title)")
            + table.render(width: options.width, style: options.style) + "\n"
    }
}
