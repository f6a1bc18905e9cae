/// One agent's contribution to a unified row (08-unified §4.3): four token columns, the agent's own total
/// (which may include reasoning or other extra tokens), cost, models and per-model breakdowns.
public struct AgentRow: Sendable, Equatable {
    public var agent: String
    public var period: String
    public var tokens = TokenCounts()
    public var totalTokens = 0
    public var cost = 0.0
    public var modelsUsed: [String] = []
    /// Sorted by cost, highest first.
    public var breakdowns: [ModelBreakdown] = []
    /// Session rows only: `lastActivity`, Codex's `reasoningOutputTokens`.
    public var metadata: [JSONValue.Member] = []
    /// Amp and Codebuff credits (kept in unified rows and totals: decision 24).
    public var credits: Double?
    /// Display names this row could not price (drives the table's warnings; never serialized).
    public var missingPricing: [String] = []

    public init(agent: String, period: String) { self.agent = agent; self.period = period }

    mutating func merge(_ other: AgentRow) {
        tokens += other.tokens
        totalTokens += other.totalTokens
        cost += other.cost
        if let c = other.credits { credits = (credits ?? 0) + c }
        missingPricing = Array(Set(missingPricing + other.missingPricing)).sorted()
        modelsUsed = Array(Set(modelsUsed + other.modelsUsed)).sorted()
        breakdowns = UnifiedReport.mergeBreakdowns([breakdowns, other.breakdowns])
    }
}

extension AgentRow {
    /// Claude rows from a daily/weekly/monthly or session summary.
    public init(claude summary: UsageSummary, period: String) {
        self.init(agent: "claude", period: period)
        tokens = summary.tokens
        totalTokens = summary.tokens.total
        cost = summary.cost
        modelsUsed = summary.modelsUsed
        breakdowns = summary.breakdowns.sorted { $0.cost > $1.cost }
    }

    /// Codex rows: input without the cached part, cached as cache reads, Codex's own total.
    public init(codex row: CodexRow, session: Bool) {
        self.init(agent: CodexSource.id, period: row.key)
        tokens = TokenCounts(input: row.tokens.nonCachedInput, output: row.tokens.output, cacheCreation: 0,
                             cacheRead: row.tokens.cached)
        totalTokens = row.tokens.total
        cost = row.cost
        modelsUsed = row.models.map(\.name)
        breakdowns = row.models.map {
            ModelBreakdown(modelName: $0.name, tokens: TokenCounts(input: $0.usage.tokens.nonCachedInput,
                                                                   output: $0.usage.tokens.output, cacheCreation: 0,
                                                                   cacheRead: $0.usage.tokens.cached),
                           cost: $0.usage.cost)
        }.sorted { $0.cost > $1.cost }
        if session {
            metadata = [.init("lastActivity", row.lastActivity.isEmpty ? .null : .string(row.lastActivity)),
                        .init("reasoningOutputTokens", .int(row.tokens.reasoning))]
        }
    }
}

/// Which unified report.
public enum UnifiedKind: String, Sendable, CaseIterable {
    case daily, weekly, monthly, session
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    public var firstColumn: String {
        switch self { case .daily: "Date"; case .weekly: "Week"; case .monthly: "Month"; case .session: "Session" }
    }
}

/// Every agent in one report (08-unified §4–§6): daily rows of all agents bucketed into one `all` row per
/// period (Monday weeks), or session rows of every agent side by side; sorted by period then agent.
public struct UnifiedReport: Sendable {
    public struct Row: Sendable, Equatable {
        public var summary: AgentRow
        /// Per agent (by id); empty for session rows.
        public var agents: [AgentRow] = []
    }

    public var kind: UnifiedKind
    public var rows: [Row] = []
    /// Agent ids with usage before the date filter, sorted.
    public var detected: [String]

    /// `rows` are each agent's daily rows (date-keyed) or session rows, agents in roster order.
    public init(kind: UnifiedKind, rows agentRows: [AgentRow], detected: [String], order: ReportOrder) {
        self.kind = kind
        self.detected = detected.sorted()
        if kind == .session {
            rows = agentRows.map { Row(summary: $0) }
        } else {
            var buckets: [String: [AgentRow]] = [:]
            for row in agentRows {
                let key: String
                switch kind {
                case .monthly: key = String(row.period.prefix(7))
                case .weekly:
                    if let day = CalendarDay(row.period) {
                        key = day.adding(days: -((day.weekday + 6) % 7)).description
                    } else { key = row.period }
                default: key = row.period
                }
                buckets[key, default: []].append(row)
            }
            for (key, contributions) in buckets {
                var total = AgentRow(agent: "all", period: key)
                var perAgent: [String: AgentRow] = [:]
                for c in contributions {
                    total.tokens += c.tokens
                    total.totalTokens += c.totalTokens
                    total.cost += c.cost
                    if let credits = c.credits { total.credits = (total.credits ?? 0) + credits }
                    if var existing = perAgent[c.agent] { existing.merge(c); perAgent[c.agent] = existing } else {
                        var first = c
                        first.period = key
                        first.metadata = []
                        perAgent[c.agent] = first
                    }
                }
                let agents = perAgent.values.sorted { $0.agent < $1.agent }
                total.modelsUsed = Array(Set(contributions.flatMap(\.modelsUsed))).sorted()
                total.breakdowns = UnifiedReport.mergeBreakdowns(agents.map(\.breakdowns))
                total.metadata = [.init("agents", .array(agents.map { .string($0.agent) }))]
                if let credits = total.credits { total.metadata.append(.init("credits", .double(credits))) }
                rows.append(Row(summary: total, agents: agents))
            }
        }
        rows.sort { a, b in
            a.summary.period != b.summary.period ? a.summary.period < b.summary.period : a.summary.agent < b.summary.agent
        }
        if order == .desc { rows.reverse() }
    }

    /// Model breakdowns merged by exact name, in the given order, then stably sorted by cost (highest first).
    static func mergeBreakdowns(_ lists: [[ModelBreakdown]]) -> [ModelBreakdown] {
        var merged: [ModelBreakdown] = []
        var index: [String: Int] = [:]
        for list in lists {
            for b in list {
                if let i = index[b.modelName] {
                    merged[i].tokens += b.tokens
                    merged[i].cost += b.cost
                } else {
                    index[b.modelName] = merged.count
                    merged.append(b)
                }
            }
        }
        return merged.enumerated().sorted { $0.element.cost != $1.element.cost ? $0.element.cost > $1.element.cost
            : $0.offset < $1.offset }.map(\.element)
    }

    public var totals: AgentRow {
        var t = AgentRow(agent: "all", period: "")
        for row in rows {
            t.tokens += row.summary.tokens
            t.totalTokens += row.summary.totalTokens
            t.cost += row.summary.cost
            if let c = row.summary.credits { t.credits = (t.credits ?? 0) + c }
        }
        return t
    }
}
