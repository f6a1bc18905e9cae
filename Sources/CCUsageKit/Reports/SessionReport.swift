/// One conversation session (a transcript file and its sub-agent files).
public struct SessionRow: Sendable, Equatable {
    public var sessionID: String
    public var projectPath: String
    public var summary: UsageSummary
    public var firstActivity: Int64
    public var lastActivity: Int64
    public var firstDay: CalendarDay
    public var lastDay: CalendarDay
    /// Distinct Claude Code versions, string-sorted.
    public var versions: [String]
    /// The main agent / sub-agent split (`session --breakdown`); nil unless attached.
    public var agents: AgentSplit? = nil
}

/// The session report: most expensive first by default.
public struct SessionReport: Sendable {
    public var rows: [SessionRow]
    public var totals: ReportTotals

    public init(_ usage: LoadedUsage, zone: ReportZone, range: DateRange = DateRange(), order: ReportOrder = .desc) {
        struct Group {
            var builder = SummaryBuilder()
            var file: TranscriptFile
            var first = Int64.max, last = Int64.min
            var versions = Set<String>()
        }
        var index: [String: Int] = [:]
        var groups: [Group] = []
        // The group of each file, found once per file rather than once per record.
        var groupOfFile = [Int](repeating: -1, count: usage.files.count)
        let records = usage.records
        for r in records.indices {
            let fileIndex = Int(records[r].record.fileIndex)
            var i = groupOfFile[fileIndex]
            if i < 0 {
                let file = usage.files[fileIndex]
                let key = file.projectPath + "/" + file.sessionID
                if let existing = index[key] {
                    i = existing
                } else {
                    i = groups.count
                    index[key] = i
                    groups.append(Group(file: file))
                }
                groupOfFile[fileIndex] = i
            }
            groups[i].builder.add(records[r])
            let time = records[r].record.time
            groups[i].first = min(groups[i].first, time)
            groups[i].last = max(groups[i].last, time)
            if records[r].record.version != nil, !groups[i].versions.contains(records[r].record.version!) {
                groups[i].versions.insert(records[r].record.version!)
            }
        }
        var rows: [SessionRow] = []
        var days = DayBucketer(zone)
        for group in groups {
            let summary = group.builder.build()
            guard !summary.tokens.isZero else { continue }
            let lastDay = days.day(ofMillis: group.last)
            guard range.contains(lastDay) else { continue }
            rows.append(SessionRow(sessionID: group.file.sessionID, projectPath: group.file.projectPath,
                                   summary: summary, firstActivity: group.first, lastActivity: group.last,
                                   firstDay: days.day(ofMillis: group.first), lastDay: lastDay,
                                   versions: group.versions.sorted()))
        }
        // Sort indices: the rows are large.
        let costs = rows.map(\.summary.cost), lasts = rows.map(\.lastActivity)
        let order = rows.indices.sorted { i, j in
            if costs[i] != costs[j] { return order == .desc ? costs[i] > costs[j] : costs[i] < costs[j] }
            if lasts[i] != lasts[j] { return lasts[i] > lasts[j] }
            return (rows[i].projectPath, rows[i].sessionID) < (rows[j].projectPath, rows[j].sessionID)
        }
        self.rows = order.map { rows[$0] }
        self.totals = ReportTotals(self.rows.map(\.summary))
    }
}

/// `session --id`: the deduplicated entries of one session, oldest first.
public struct SessionDetail: Sendable {
    public var sessionID: String
    public var entries: [PricedRecord]
    public var totalCost: Double
    public var totalTokens: Int
    /// The main agent / sub-agent split; nil unless attached.
    public var agents: AgentSplit?

    /// Entries whose JSONL `sessionId` or path-derived session id is `id`; nil when there are none.
    public init?(_ usage: LoadedUsage, id: String) {
        let matching = usage.records.enumerated().filter { _, record in
            record.record.sessionField == id || usage.file(of: record).sessionID == id
        }
        guard !matching.isEmpty else { return nil }
        sessionID = id
        entries = matching.sorted { $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset }
            .map(\.element)
        totalCost = entries.reduce(0) { $0 + $1.cost }
        totalTokens = entries.reduce(0) { $0 + $1.tokens.total }
    }

    /// Every id `init(_:id:)` accepts: the session ids of the files with usage and the JSONL `sessionId`s.
    public static func ids(in usage: LoadedUsage) -> [String] {
        var ids = Set<String>()
        var seenFiles = Set<Int32>()
        for record in usage.records {
            if seenFiles.insert(record.record.fileIndex).inserted { ids.insert(usage.file(of: record).sessionID) }
            if let field = record.record.sessionField { ids.insert(field) }
        }
        return ids.sorted()
    }
}
