extension UnifiedReport {
    static func counts(_ t: TokenCounts) -> [JSONValue.Member] {
        [.init("cacheCreationTokens", .int(t.cacheCreation)), .init("cacheReadTokens", .int(t.cacheRead)),
         .init("inputTokens", .int(t.input)), .init("outputTokens", .int(t.output))]
    }

    static func rowMembers(_ r: AgentRow, hideCost: Bool) -> [JSONValue.Member] {
        var m = counts(r.tokens)
        m.append(.init("modelBreakdowns", .array(r.breakdowns.map { b in
            var fields = counts(b.tokens)
            fields.append(.init("modelName", .string(b.modelName)))
            if !hideCost { fields.append(.init("cost", .double(b.cost))) }
            return .object(fields)
        })))
        m.append(.init("modelsUsed", .array(r.modelsUsed.map { .string($0) })))
        if !hideCost { m.append(.init("totalCost", .double(r.cost))) }
        m.append(.init("totalTokens", .int(r.totalTokens)))
        return m
    }

    /// The reference's JSON (08-unified §7, §12); render with `ReferenceJSON.render(_, floatKeys: ["cost"])`.
    public func json(hideCost: Bool = false, byAgent: Bool = false) -> JSONValue {
        let rowValues: [JSONValue] = rows.map { row in
            var m = UnifiedReport.rowMembers(row.summary, hideCost: hideCost)
            m.append(.init("agent", .string(row.summary.agent)))
            m.append(.init("period", .string(row.summary.period)))
            if !row.summary.metadata.isEmpty { m.append(.init("metadata", .object(row.summary.metadata))) }
            if byAgent, kind != .session {
                m.append(.init("agents", .array(row.agents.map { a in
                    .object(UnifiedReport.rowMembers(a, hideCost: hideCost) + [.init("agent", .string(a.agent))])
                })))
            }
            return .object(m)
        }
        let t = totals
        var totalMembers = UnifiedReport.counts(t.tokens)
        if !hideCost { totalMembers.append(.init("totalCost", .double(t.cost))) }
        totalMembers.append(.init("totalTokens", .int(t.totalTokens)))
        if let credits = t.credits, credits > 0 { totalMembers.append(.init("credits", .double(credits))) }
        return .object([.init(kind.rawValue, .array(rowValues)), .init("totals", .object(totalMembers))])
    }
}

/// The unified table (08-unified §8).
public enum UnifiedTable {
    public static let labels = ["claude": "Claude", "codex": "Codex"]

    static func label(_ agent: String) -> String { labels[agent] ?? AgentSources.named(agent)?.displayName ?? agent }

    /// One warning per unpriced model of the agents read through `AgentSource` (08 §10.7), sorted.
    public static func agentPricingWarnings(_ report: UnifiedReport, offline: Bool) -> [String] {
        let rows = report.rows.flatMap { [$0.summary] + $0.agents }
        return Array(Set(rows.flatMap(\.missingPricing))).sorted().map { AgentReport.pricingWarning($0, offline: offline) }
    }

    /// `Detected: Claude, Codex` (ids sorted, mapped to labels; `None` when nothing was found).
    public static func detectedLine(_ report: UnifiedReport) -> String {
        var ids = report.detected
        if ids.isEmpty { ids = Array(Set(report.rows.flatMap { $0.agents.map(\.agent) + [$0.summary.agent] })).filter { $0 != "all" }.sorted() }
        return "Detected: " + (ids.isEmpty ? "None" : ids.map(label).joined(separator: ", "))
    }

    /// The two-line title box: lines centred in max(longest, 40) + 2 columns, extra space on the right.
    public static func title(_ lines: [String], style: TerminalStyle) -> String {
        let w = max(lines.map(displayWidth).max() ?? 0, 40) + 2
        let border = String(repeating: "─", count: w + 2)
        var out = ["", "╭" + border + "╮", "│" + String(repeating: " ", count: w + 2) + "│"]
        for line in lines {
            let pad = w - displayWidth(line), left = pad / 2
            out.append("│ " + String(repeating: " ", count: left) + style.paint(line, .blue)
                       + String(repeating: " ", count: pad - left) + " │")
        }
        out += ["│" + String(repeating: " ", count: w + 2) + "│", "╰" + border + "╯", ""]
        return out.joined(separator: "\n") + "\n"
    }

    public static func render(_ report: UnifiedReport, _ options: RenderOptions) -> String {
        let compact = options.compact
        var headers = [report.kind.firstColumn, "Agent", "Models", "Input", "Output"]
        var aligns: [Table.Align] = [.left, .left, .left, .right, .right]
        if !compact { headers += ["Cache Create", "Cache Read", "Total Tokens"]; aligns += [.right, .right, .right] }
        if !options.hideCost { headers.append("Cost (USD)"); aligns.append(.right) }
        func numbers(_ r: AgentRow) -> [String] {
            let t = r.tokens
            var cells = [Format.integer(t.input), Format.integer(t.output)]
            if !compact {
                cells += [Format.integer(t.cacheCreation), Format.integer(t.cacheRead), Format.integer(t.total)]
            }
            if !options.hideCost { cells.append(Format.money(r.cost)) }
            return cells
        }
        func modelLines(_ r: AgentRow) -> [Table.Row] {
            r.breakdowns.sorted { $0.modelName < $1.modelName }.map { b in
                var m = AgentRow(agent: r.agent, period: "")
                m.tokens = b.tokens
                m.cost = b.cost
                return Table.Row(["", "", "- " + Format.shortModel(b.modelName)] + numbers(m), style: .secondary)
            }
        }
        var table = Table(headers: headers, aligns: aligns)
        for row in report.rows {
            if report.kind == .session {
                table.rows.append(Table.Row([row.summary.period, label(row.summary.agent),
                                             Format.modelList(row.summary.modelsUsed)] + numbers(row.summary)))
                if options.breakdown { table.rows += modelLines(row.summary) }
                continue
            }
            table.rows.append(Table.Row([row.summary.period, "All", ""] + numbers(row.summary)))
            for agent in row.agents {
                table.rows.append(Table.Row(["", "- " + label(agent.agent), Format.modelList(agent.modelsUsed)]
                                            + numbers(agent)))
                if options.breakdown { table.rows += modelLines(agent) }
            }
        }
        table.rows.append(Table.Row(["Total", "", ""] + numbers(report.totals), style: .totals))
        var out = options.showTitle
            ? title(["Coding (Agent) CLI Usage Report - \(report.kind.title)", detectedLine(report)], style: options.style)
            : ""
        out += table.render(width: options.width, style: options.style) + "\n"
        return out
    }
}
