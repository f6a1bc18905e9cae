/// One model's part of a focused row (used by `--breakdown` and the unified report's model breakdowns).
public struct AgentModelUsage: Sendable, Equatable {
    public var model: String
    public var tokens = TokenCounts()
    public var extra = 0
    public var cost = 0.0
    public var missingPricing = false

    public init(model: String) { self.model = model }
}

/// One row of a focused agent report (09 §0.6 step 4, 10 §1.4): a day, week, month or session.
public struct AgentSummary: Sendable, Equatable {
    public var period: String
    public var tokens = TokenCounts()
    public var extra = 0
    public var cost = 0.0
    /// Summed when any entry had credits (Amp, Codebuff).
    public var credits: Double?
    /// Summed when any entry had a message count (Hermes).
    public var messageCount: Int?
    /// First-seen order.
    public var modelsUsed: [String] = []
    /// Sorted by cost, highest first.
    public var breakdowns: [AgentModelUsage] = []
    /// Session rows of agents that track activity: earliest and latest timestamp (ms), and the latest entry's project.
    public var firstActivity: Int64?
    public var lastActivity: Int64?
    public var projectPath: String?

    public init(period: String) { self.period = period }

    /// The four columns plus extra (JSON `totalTokens`).
    public var totalTokens: Int { TokenCounts.saturatingAdd(tokens.total, extra) }

    /// Adds an entry; `tracksActivity` keeps first/last activity and the latest entry's project (first wins ties).
    mutating func add(_ entry: AgentEntry, tracksActivity: Bool, modelIndex: inout [String: Int]) {
        tokens += entry.tokens
        extra = TokenCounts.saturatingAdd(extra, entry.extra)
        cost += entry.cost
        if let c = entry.credits { credits = (credits ?? 0) + c }
        if let m = entry.messageCount { messageCount = (messageCount ?? 0) + m }
        if !entry.model.isEmpty {
            if let i = modelIndex[entry.model] {
                breakdowns[i].tokens += entry.tokens
                breakdowns[i].extra += entry.extra
                breakdowns[i].cost += entry.cost
                breakdowns[i].missingPricing = breakdowns[i].missingPricing || entry.missingPricing
            } else {
                modelIndex[entry.model] = breakdowns.count
                modelsUsed.append(entry.model)
                var b = AgentModelUsage(model: entry.model)
                b.tokens = entry.tokens; b.extra = entry.extra; b.cost = entry.cost; b.missingPricing = entry.missingPricing
                breakdowns.append(b)
            }
        }
        if tracksActivity {
            if firstActivity.map({ entry.timestamp < $0 }) ?? true { firstActivity = entry.timestamp }
            if lastActivity.map({ entry.timestamp > $0 }) ?? true {
                lastActivity = entry.timestamp
                projectPath = entry.projectPath
            }
        }
    }

    /// Model breakdowns sorted by cost, highest first (stable).
    mutating func finish() {
        breakdowns = breakdowns.enumerated().sorted {
            $0.element.cost != $1.element.cost ? $0.element.cost > $1.element.cost : $0.offset < $1.offset
        }.map(\.element)
    }

    /// Models flagged as unpriced that have tokens.
    var missingPricingModels: [String] {
        breakdowns.filter { $0.missingPricing && TokenCounts.saturatingAdd($0.tokens.total, $0.extra) > 0 }.map(\.model)
    }
}

/// A focused agent report (`ccusage <agent> daily|weekly|monthly|session`): rows, totals and the models that
/// could not be priced (09 §0.6, 10 §1.4).
public struct AgentReport: Sendable {
    public var agent: String
    public var kind: AgentReportKind
    public var style: AgentReportStyle
    public var rows: [AgentSummary]
    /// Sorted, unique display names flagged as unpriced among the shown rows.
    public var missingPricing: [String]

    public var totals: AgentSummary {
        var t = AgentSummary(period: "")
        for row in rows {
            t.tokens += row.tokens
            t.extra = TokenCounts.saturatingAdd(t.extra, row.extra)
            t.cost += row.cost
            if let c = row.credits { t.credits = (t.credits ?? 0) + c }
            if let m = row.messageCount { t.messageCount = (t.messageCount ?? 0) + m }
        }
        return t
    }

    /// Builds the report from an agent's entries (sorted by timestamp, as `AgentLoad` gives them).
    public init(agent: String, kind: AgentReportKind, entries: [AgentEntry], style: AgentReportStyle,
                options: AgentReportOptions) {
        self.agent = agent; self.kind = kind; self.style = style
        let filterSessionsLater = kind == .session && style.sessionFilterOnLastActivity
        let selected = filterSessionsLater ? entries : AgentReport.filter(entries, options.range, options.zone)
        var rows = AgentReport.summarize(selected, kind: kind, zone: options.zone,
                                         tracksActivity: style.tracksActivity || filterSessionsLater) { $0.sessionID }
        if filterSessionsLater {
            rows = rows.filter { row in
                row.lastActivity.map { options.range.contains(options.zone.day(ofMillis: $0)) } ?? false
            }
            if !style.tracksActivity { for i in rows.indices { rows[i].firstActivity = nil; rows[i].lastActivity = nil; rows[i].projectPath = nil } }
        }
        rows.sort { $0.period.utf8.lexicographicallyPrecedes($1.period.utf8) }
        if options.order == .desc { rows.reverse() }
        self.rows = rows
        missingPricing = Array(Set(rows.flatMap(\.missingPricingModels))).sorted()
    }

    /// Entries whose report-zone date lies in the range (inclusive).
    public static func filter(_ entries: [AgentEntry], _ range: DateRange, _ zone: ReportZone) -> [AgentEntry] {
        guard range.since != nil || range.until != nil else { return entries }
        var bucketer = DayBucketer(zone)
        return entries.filter { range.contains(bucketer.day(ofMillis: $0.timestamp)) }
    }

    /// Groups entries by day, Monday week, month or session key (in entry order; rows unsorted).
    public static func summarize(_ entries: [AgentEntry], kind: AgentReportKind, zone: ReportZone, tracksActivity: Bool,
                                 sessionKey: (AgentEntry) -> String) -> [AgentSummary] {
        var rows: [AgentSummary] = []
        var index: [String: Int] = [:]
        var modelIndexes: [[String: Int]] = []
        var bucketer = DayBucketer(zone)
        for entry in entries {
            let key: String
            switch kind {
            case .session: key = sessionKey(entry)
            case .daily: key = bucketer.day(ofMillis: entry.timestamp).description
            case .monthly: key = String(bucketer.day(ofMillis: entry.timestamp).description.prefix(7))
            case .weekly:
                let day = bucketer.day(ofMillis: entry.timestamp)
                key = day.adding(days: -((day.weekday + 6) % 7)).description
            }
            let i: Int
            if let found = index[key] { i = found } else {
                i = rows.count
                index[key] = i
                rows.append(AgentSummary(period: key))
                modelIndexes.append([:])
            }
            rows[i].add(entry, tracksActivity: tracksActivity, modelIndex: &modelIndexes[i])
        }
        for i in rows.indices { rows[i].finish() }
        return rows
    }
}
