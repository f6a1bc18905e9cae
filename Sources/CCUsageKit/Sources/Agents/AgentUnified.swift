import Foundation

/// One agent and what its load found.
public struct LoadedAgent: Sendable {
    public var source: any AgentSource
    public var load: AgentLoad
    public init(source: any AgentSource, load: AgentLoad) { self.source = source; self.load = load }

    /// Detected in the unified title (08 §3): entries before the date filter, or qwen's chat files.
    public var detected: Bool { !load.entries.isEmpty || (source.style.detectedByFiles && load.found) }
}

extension AgentSources {
    /// Loads every agent (in parallel unless `singleThread`), results in roster order. Loads never throw.
    public static func loadAll(_ request: AgentLoadRequest, agents: [any AgentSource] = AgentSources.all) -> [LoadedAgent] {
        let slots = ScanSlots<AgentLoad>(count: agents.count, empty: AgentLoad())
        let work: @Sendable (Int) -> Void = { slots.store(agents[$0].load(request), at: $0) }
        if request.singleThread || agents.count < 2 {
            for i in agents.indices { work(i) }
        } else {
            DispatchQueue.concurrentPerform(iterations: agents.count) { work($0) }
        }
        return zip(agents, slots.take()).map { LoadedAgent(source: $0, load: $1) }
    }
}

extension AgentRow {
    /// A unified row from an agent summary (08 §4.3): the agent's total includes extra tokens; session rows carry
    /// `lastActivity` when tracked, `projectPath` for pi, and `credits` when the agent has them.
    public init(agent: String, summary s: AgentSummary, session: Bool, style: AgentReportStyle) {
        self.init(agent: agent, period: s.period)
        tokens = s.tokens
        totalTokens = s.totalTokens
        cost = s.cost
        credits = s.credits
        modelsUsed = s.modelsUsed
        breakdowns = s.breakdowns.map { ModelBreakdown(modelName: $0.model, tokens: $0.tokens, cost: $0.cost) }
        missingPricing = s.missingPricingModels
        var meta: [JSONValue.Member] = []
        if session {
            if let credits = s.credits { meta.append(.init("credits", .double(credits))) }
            if style.tracksActivity, let last = s.lastActivity { meta.append(.init("lastActivity", .string(Timestamp.iso(last)))) }
            if style.unifiedSessionByProject, let project = s.projectPath { meta.append(.init("projectPath", .string(project))) }
        }
        metadata = meta
    }
}

extension LoadedAgent {
    /// This agent's rows for a unified report (08 §4.1–§4.3): daily rows for daily/weekly/monthly, session rows for
    /// session; rows without tokens dropped.
    public func unifiedRows(_ kind: UnifiedKind, zone: ReportZone, range: DateRange) -> [AgentRow] {
        let style = source.style
        let entries = load.entries
        guard !entries.isEmpty else { return [] }
        if kind != .session {
            let rows = AgentReport.summarize(AgentReport.filter(entries, range, zone), kind: .daily, zone: zone,
                                             tracksActivity: false) { $0.sessionID }
            return rows.sorted { $0.period < $1.period }
                .map { AgentRow(agent: source.id, summary: $0, session: false, style: style) }
                .filter { $0.totalTokens > 0 }
        }
        // pi and qwen group everything and filter sessions on their last activity (in the report zone, the
        // `--until` day included: decision 24); the others filter entries first.
        let late = style.unifiedSessionByProject || style.sessionFilterOnLastActivity
        var rows = AgentReport.summarize(late ? entries : AgentReport.filter(entries, range, zone), kind: .session,
                                         zone: zone, tracksActivity: true) { entry in
            style.unifiedSessionByProject ? entry.projectPath + "\u{0}" + entry.sessionID : entry.sessionID
        }
        if late {
            rows = rows.filter { $0.lastActivity.map { range.contains(zone.day(ofMillis: $0)) } ?? false }
        }
        if style.unifiedSessionByProject {
            for i in rows.indices { rows[i].period = String(rows[i].period.split(separator: "\u{0}", maxSplits: 1,
                                                                                  omittingEmptySubsequences: false).last ?? "") }
        }
        return rows.map { AgentRow(agent: source.id, summary: $0, session: true, style: style) }
            .filter { $0.totalTokens > 0 }
    }
}
