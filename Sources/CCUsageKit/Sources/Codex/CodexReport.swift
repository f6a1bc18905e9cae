/// Which Codex report: rows by day, week (Monday-based, internal), month or session file.
public enum CodexReportKind: String, Sendable, CaseIterable {
    case daily, weekly, monthly, session

    /// The JSON array name and the row key name.
    public var rowsKey: String { self == .session ? "sessions" : rawValue }
    public var keyName: String {
        switch self {
        case .daily: "date"
        case .weekly: "week"
        case .monthly: "month"
        case .session: "sessionId"
        }
    }
}

public struct CodexModelUsage: Sendable, Equatable {
    public var tokens = CodexTokens()
    public var isFallback = false
    public var cost = 0.0
}

/// One output row: a date, week, month or session.
public struct CodexRow: Sendable, Equatable {
    public var key: String
    public var tokens = CodexTokens()
    /// Per model, in ascending name order (byte order).
    public var models: [(name: String, usage: CodexModelUsage)] = []
    /// The greatest timestamp string of the row's events, as logged.
    public var lastActivity = ""
    public var cost = 0.0

    public static func == (a: CodexRow, b: CodexRow) -> Bool {
        a.key == b.key && a.tokens == b.tokens && a.lastActivity == b.lastActivity && a.cost == b.cost
            && a.models.map(\.name) == b.models.map(\.name) && a.models.map(\.usage) == b.models.map(\.usage)
    }

    /// Session rows: the id's part before the last `/` (empty when none) and after it.
    public var directory: String { key.lastIndex(of: "/").map { String(key[..<$0]) } ?? "" }
    public var sessionFile: String { key.lastIndex(of: "/").map { String(key[key.index(after: $0)...]) } ?? key }
}

/// Options of a Codex report.
public struct CodexReportOptions: Sendable {
    public var zone: ReportZone
    public var range: DateRange
    public var order: ReportOrder
    public var fast: Bool
    /// The unified reports' loader: duplicates by raw timestamp string, model and counts, across sessions too.
    public var unifiedDedup: Bool

    public init(zone: ReportZone, range: DateRange = DateRange(), order: ReportOrder = .asc, fast: Bool = false,
                unifiedDedup: Bool = false) {
        self.zone = zone; self.range = range; self.order = order; self.fast = fast; self.unifiedDedup = unifiedDedup
    }
}

/// A Codex report (07-codex §11–§13): events de-duplicated, dated in the report zone, filtered, grouped and
/// priced per group and model.
public struct CodexReport: Sendable {
    public var kind: CodexReportKind
    public var rows: [CodexRow] = []
    /// Sums over the rows; `tokens.input` stays the raw input (the JSON shows the sum of the rows' non-cached input).
    public var totals = CodexTokens()
    public var totalNonCachedInput = 0
    public var totalCost = 0.0
    /// Models with tokens but no price (cost 0), sorted.
    public var unpricedModels: [String] = []
    /// Events skipped because their timestamp is not in the strict grammar (the reference aborts instead).
    public var invalidTimestamps: [(session: String, timestamp: String)] = []
    public var duplicatesRemoved = 0

    /// The dedup key (§11.1): session (for the session report), instant, model and counts; with `unifiedDedup`
    /// the raw timestamp string, model and counts. The first event with a key (in file order) is the one kept.
    public init(sessions: [(id: String, events: [CodexEvent])], kind: CodexReportKind, options: CodexReportOptions,
                pricing: CodexPricing) {
        self.init(ids: sessions.map(\.id), events: sessions.map(\.events),
                  keys: sessions.map { CodexEventKeys($0.events) }, kind: kind, options: options, pricing: pricing)
    }

    /// As `init(sessions:…)` with each file's `CodexEventKeys` already made (by the scan's workers).
    init(ids: [String], events: [[CodexEvent]], keys: [CodexEventKeys], kind: CodexReportKind,
         options: CodexReportOptions, pricing: CodexPricing) {
        self.kind = kind
        var seen = CodexSeenTable(capacity: keys.reduce(0) { $0 + $1.keys.count })
        var sessionIndex: [String: Int] = [:]
        var groups: [String: Int] = [:]
        var modelIndex: [[Int: Int]] = []
        var rows: [CodexRow] = [], invalid: [(session: String, timestamp: String)] = [], duplicates = 0
        // Model names are numbered once per file (`CodexEventKeys.models`) and once per report; each day's group
        // (or that it is outside the range) is looked up once; the last day and row model are remembered.
        var modelIDs: [String: Int] = [:], names: [String] = []
        var fileModels: [[Int]] = [], fileSessions: [Int] = []
        var dayGroups: [CalendarDay: Int] = [:]   // -1: outside the range
        var lastDay: CalendarDay?, lastDayGroup = -1
        var lastRow = -1, lastRowModel = -1, lastRowSlot = -1
        var bucketer = DayBucketer(options.zone)
        let unified = options.unifiedDedup
        func group(_ key: String) -> Int {
            if let known = groups[key] { return known }
            groups[key] = rows.count
            rows.append(CodexRow(key: key))
            modelIndex.append([:])
            return rows.count - 1
        }
        for f in ids.indices {
            let id = ids[f], fileKeys = keys[f], fileEvents = events[f]
            let session: Int
            if kind == .session && !unified {
                if let known = sessionIndex[id] { session = known } else {
                    session = sessionIndex.count
                    sessionIndex[id] = session
                }
            } else {
                session = -1
            }
            let models = fileKeys.models.map { name -> Int in
                if let known = modelIDs[name] { return known }
                modelIDs[name] = names.count
                names.append(name)
                return names.count - 1
            }
            fileModels.append(models)
            fileSessions.append(session)
            var sessionGroup = -1
            for i in fileKeys.keys.indices {
                let key = fileKeys.keys[i]
                if key.instant == CodexEventKeys.noModel { continue }
                if key.instant == CodexEventKeys.badTimestamp {
                    invalid.append((id, fileEvents[i].timestamp))
                    continue
                }
                let model = models[Int(key.model)], tokens = fileEvents[i].tokens
                let first = seen.insert(hash: key.hash, file: f, index: i) { otherFile, other in
                    let otherKey = keys[otherFile].keys[other]
                    guard fileModels[otherFile][Int(otherKey.model)] == model,
                          events[otherFile][other].tokens == tokens else { return false }
                    return unified ? events[otherFile][other].timestamp == fileEvents[i].timestamp
                        : otherKey.instant == key.instant && fileSessions[otherFile] == session
                }
                guard first else {
                    duplicates += 1
                    continue
                }
                let day = bucketer.day(ofMillis: key.instant)
                var g: Int
                if day == lastDay { g = lastDayGroup } else {
                    if let known = dayGroups[day] { g = known } else {
                        if let since = options.range.since, day < since {
                            g = -1
                        } else if let until = options.range.until, day > until {
                            g = -1
                        } else {
                            switch kind {
                            case .daily: g = group(day.description)
                            case .weekly: g = group(day.adding(days: -((day.weekday + 6) % 7)).description)
                            case .monthly: g = group(day.monthKey)
                            case .session: g = 0   // in the range; the group is the session's
                            }
                        }
                        dayGroups[day] = g
                    }
                    lastDay = day
                    lastDayGroup = g
                }
                guard g >= 0 else { continue }
                if kind == .session {
                    if sessionGroup < 0 { sessionGroup = group(id) }
                    g = sessionGroup
                    let stamp = fileEvents[i].timestamp
                    if !stamp.utf8.lexicographicallyPrecedes(rows[g].lastActivity.utf8) { rows[g].lastActivity = stamp }
                }
                rows[g].tokens += tokens
                let m: Int
                if g == lastRow, model == lastRowModel { m = lastRowSlot } else {
                    if let known = modelIndex[g][model] { m = known } else {
                        m = rows[g].models.count
                        modelIndex[g][model] = m
                        rows[g].models.append((names[model], CodexModelUsage()))
                    }
                    lastRow = g; lastRowModel = model; lastRowSlot = m
                }
                rows[g].models[m].usage.tokens += tokens
                if fileEvents[i].isFallback { rows[g].models[m].usage.isFallback = true }
            }
        }
        self.invalidTimestamps = invalid
        self.duplicatesRemoved = duplicates
        rows.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        if options.order == .desc { rows.reverse() }
        var prices: [String: CodexPrice?] = [:]
        var unpriced = Set<String>()
        for r in rows.indices {
            rows[r].models.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            var cost = 0.0
            for m in rows[r].models.indices {
                let name = rows[r].models[m].name
                if prices[name] == nil { prices[name] = .some(pricing.price(for: name)) }
                let tokens = rows[r].models[m].usage.tokens
                if let price = prices[name] ?? nil {
                    rows[r].models[m].usage.cost = price.cost(tokens, fast: options.fast)
                } else if max(tokens.total, saturatingAdd(tokens.input, tokens.output)) > 0 {
                    unpriced.insert(name)
                }
                cost += rows[r].models[m].usage.cost
            }
            rows[r].cost = cost
            totals += rows[r].tokens
            totalNonCachedInput = saturatingAdd(totalNonCachedInput, rows[r].tokens.nonCachedInput)
            totalCost += cost
        }
        self.rows = rows
        unpricedModels = unpriced.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
