/// The main agent / sub-agent rows of `session --breakdown` and the agent table of `session --id`.
extension UsageTable {
    /// Under a session's model rows: `  ▸ main agent`, then `  ▸ Explore (a4c6cf73)` per sub-agent; nothing for
    /// a session without sub-agents.
    static func agentRows(_ split: AgentSplit, compact: Bool, hideCost: Bool) -> [Table.Row] {
        guard !split.subagents.isEmpty else { return [] }
        func row(_ label: String, _ s: UsageSummary) -> Table.Row {
            var cells = ["  ▸ " + label, ""]
            cells += Array(self.cells(s, modelsCell: "", compact: compact, hideCost: hideCost).dropFirst())
            cells.append("")
            return Table.Row(cells, style: .secondary)
        }
        return [row("main agent", split.main)] + split.subagents.map { row($0.label, $0.summary) }
    }

    /// `Agent | Models | Input | Output | Cache Create | Cache Read | Total Tokens | Cost (USD)`: the main agent,
    /// each sub-agent, and the session total they add up to.
    static func agentTable(_ split: AgentSplit, _ options: RenderOptions) -> String {
        let (headers, aligns) = headers(first: "Agent", compact: options.compact, hideCost: options.hideCost)
        var table = Table(headers: headers, aligns: aligns)
        func row(_ label: String, _ s: UsageSummary, style: Table.RowStyle = .normal) -> Table.Row {
            Table.Row([label] + cells(s, modelsCell: Format.modelList(s.modelsUsed), compact: options.compact,
                                      hideCost: options.hideCost), style: style)
        }
        table.rows.append(row("main agent", split.main))
        for agent in split.subagents { table.rows.append(row(agent.label, agent.summary)) }
        var total = SummaryBuilder()
        total.add(split.main)
        for agent in split.subagents { total.add(agent.summary) }
        var totals = total.build()
        totals.modelsUsed = []
        table.rows.append(row("Total", totals, style: .totals))
        return table.render(width: options.width, style: options.style) + "\n"
    }
}
