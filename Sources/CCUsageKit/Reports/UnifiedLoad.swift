/// Builds a unified report from what each agent loaded (08-unified §4): Claude Code's daily or session summaries
/// and Codex's groups, the agents detected before the date filter.
extension UnifiedReport {
    public static func build(_ kind: UnifiedKind, claude: LoadedUsage?, codex load: CodexLoad, zone: ReportZone,
                             range: DateRange, order: ReportOrder, prices: PriceTable,
                             agents: [LoadedAgent] = []) -> (UnifiedReport, CodexReport) {
        var rows: [AgentRow] = []
        var detected: [String] = []
        if let usage = claude {
            if !usage.records.isEmpty { detected.append("claude") }
            if kind == .session {
                rows += SessionReport(usage, zone: zone, range: range, order: .desc).rows.map { row in
                    var r = AgentRow(claude: row.summary, period: row.sessionID)
                    r.metadata = [.init("lastActivity", .string(row.lastDay.description))]
                    return r
                }.filter { $0.totalTokens > 0 }
            } else {
                let options = ReportOptions(zone: zone, range: range, order: .asc)
                rows += PeriodReport(usage, period: .day, options: options).rows.map {
                    AgentRow(claude: $0.summary, period: $0.key)
                }.filter { $0.totalTokens > 0 }   // rows without tokens are dropped (08-unified §4.3)
            }
        }
        // Codex: speed always auto (config.toml), duplicates removed across sessions.
        if load.eventCount > 0 { detected.append(CodexSource.id) }
        let fast = CodexDiscovery.configuresFastTier(homes: load.homes)
        let options = CodexReportOptions(zone: zone, range: range, fast: fast, unifiedDedup: true)
        let codex = load.report(kind == .session ? .session : .daily, options: options, pricing: CodexPricing(table: prices))
        rows += codex.rows.map { AgentRow(codex: $0, session: kind == .session) }
        // Every agent read through `AgentSource`, in roster order (08 §2, §4).
        for agent in agents {
            if agent.detected { detected.append(agent.source.id) }
            rows += agent.unifiedRows(kind, zone: zone, range: range)
        }
        return (UnifiedReport(kind: kind, rows: rows, detected: detected, order: order), codex)
    }
}

extension ReferenceJSON {
    /// The same value with every object's members in ascending key order (for writers that keep declared order).
    public static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): return .array(items.map(sorted))
        case .object(let members):
            return .object(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                .map { JSONValue.Member($0.key, sorted($0.value)) })
        default: return value
        }
    }
}
