import CCUsageCLI
import CCUsageKit
import Foundation
import PostgresNIO

/// `--by-user`, `--by-machine`, `--user`, `--machine`.
public struct TeamFilters: Sendable {
    public var byUser = false, byMachine = false
    public var user: String?, machine: String?
    public init() {}

    /// Whether the per-member rollup is needed.
    var perMember: Bool { byUser || byMachine || user != nil || machine != nil }
}

/// Team reports: the team database aggregated in SQL, handed to the CLI's usual report builders as a
/// `LoadedUsage` whose records are the aggregates (one per row and model), so tables and JSON are the local
/// ones. Only Claude Code events (what `daily` … `blocks` report locally).
enum TeamReports {
    static func load(_ request: TeamLoadRequest, target: TeamTarget, filters: TeamFilters) async throws -> LoadedUsage {
        let db = try await TeamDatabase.connect(target)
        Trace.mark("team: connected")
        do {
            try await db.checkForReading()
            // For this session: a year's rollup rows group in memory (with the default 4 MB PostgreSQL sorted them
            // on disk), and the cut hours' slots are read through the primary key (the rollups are small and
            // cached, so an index probe costs about a sequential read; with the default 4 the planner scanned
            // the whole 15-minute rollup for them).
            try await db.run("SELECT set_config('work_mem', '64MB', false), set_config('random_page_cost', '1.1', false)",
                             during: "reading the report")
            Trace.mark("team: schema version checked")
            let usage: LoadedUsage
            switch request.kind {
            case "daily", "weekly", "monthly": usage = try await periods(db, request, filters)
            case "session": usage = try await sessions(db, request, filters)
            case "blocks": usage = try await blocks(db, request, filters)
            default: usage = try await events(db, request, filters)
            }
            Trace.mark("team: \(usage.records.count) records read")
            await db.close()
            return usage
        } catch {
            await db.close()
            throw error
        }
    }

    static func costColumn(_ mode: CostMode) -> String {
        switch mode {
        case .auto: "cost_auto"
        case .calculate: "cost_calculate"
        case .display: "cost_display"
        }
    }

    /// The member group a row belongs to (the `--instances` header), and the filters, as SQL on bound values.
    static func member(_ filters: TeamFilters, _ binds: inout PostgresBindings, first: Int) throws -> (group: String, where_: String) {
        let group: String
        switch (filters.byUser, filters.byMachine) {
        case (true, true): group = "user_name || '@' || machine"
        case (true, false): group = "user_name"
        case (false, true): group = "machine"
        case (false, false): group = "''"
        }
        var conditions: [String] = []
        var n = first
        if let user = filters.user { try binds.append(user); conditions.append("user_name = $\(n)"); n += 1 }
        if let machine = filters.machine { try binds.append(machine); conditions.append("machine = $\(n)") }
        return (group, conditions.map { " AND " + $0 }.joined())
    }

    /// Daily, weekly and monthly: per (day in the report zone, model, member group), summed in SQL from the
    /// rollups. The zone's days are runs of 15-minute slots computed here (`SlotDays`); the database groups rows
    /// by run with `width_bucket` over the runs' first slots (no row is converted to local time): whole hours
    /// from the hourly rollup, and the hours a run boundary cuts (a half-hour or 45-minute zone's midnight)
    /// from the 15-minute one. `--since`/`--until` bound the hours scanned (a day more on each side, whatever
    /// the zone's offset) and the runs kept. A row's record time is its run's first instant (on its day).
    static func periods(_ db: TeamDatabase, _ request: TeamLoadRequest, _ filters: TeamFilters) async throws -> LoadedUsage {
        let (slots, hours) = filters.perMember ? ("ccusage.rollup_member", "ccusage.rollup_member_hour")
                                               : ("ccusage.rollup_team", "ccusage.rollup_team_hour")
        var binds = PostgresBindings()
        var range = ""
        if let since = request.range.since {
            try binds.append(Int32(clamping: Int64(since.daysSinceEpoch - 1) * 24))
            range += " AND hour >= $\(binds.count)"
        }
        if let until = request.range.until {
            try binds.append(Int32(clamping: Int64(until.daysSinceEpoch + 2) * 24))
            range += " AND hour < $\(binds.count)"
        }
        let (group, memberConditions) = try member(filters, &binds, first: binds.count + 1)
        let conditions = "source = 'claude'" + memberConditions
        let bounds = try await db.rows(PostgresQuery(unsafeSQL: "SELECT min(hour), max(hour) FROM \(hours) WHERE \(conditions)\(range)",
                                                     binds: binds), during: "reading the report") {
            try $0.decode((Int32?, Int32?).self)
        }
        guard let first = bounds.first?.0, let last = bounds.first?.1 else { return LoadedUsage(files: [], records: []) }
        Trace.mark("team: hours \(first)...\(last)")
        let days = SlotDays(zone: request.zone, slots: Int64(first) * 4 ... Int64(last) * 4 + 3)
        let cut = days.starts.filter { $0 % 4 != 0 }.flatMap { start in (0..<Int32(4)).map { start / 4 * 4 + $0 } }
        Trace.mark("team: \(days.starts.count) days in \(request.zone.identifier), \(cut.count / 4) hours cut")
        try binds.append(days.starts)
        let runs = "$\(binds.count)::integer[]"
        try binds.append(cut)
        let cost = costColumn(request.mode)
        let measures = "events, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, \(cost)"
        let sql = """
            SELECT run, model, fast, grp, sum(input_tokens)::bigint, sum(output_tokens)::bigint,
                   sum(cache_creation_tokens)::bigint, sum(cache_read_tokens)::bigint, sum(\(cost))::float8
            FROM (SELECT width_bucket(hour * 4, \(runs)) AS run, model, fast, \(group) AS grp, \(measures)
                  FROM \(hours) WHERE \(conditions)\(range)
                    AND width_bucket(hour * 4, \(runs)) = width_bucket(hour * 4 + 3, \(runs))
                  UNION ALL
                  SELECT width_bucket(slot, \(runs)), model, fast, \(group), \(measures)
                  FROM \(slots) WHERE \(conditions) AND slot = ANY($\(binds.count)::integer[])) u
            GROUP BY 1, 2, 3, 4 HAVING sum(events) > 0
            ORDER BY 1, 2, 3, 4
            """
        typealias Row = (Int32, String, Bool, String, Int64, Int64, Int64, Int64, Double)
        let rows = try await db.rows(PostgresQuery(unsafeSQL: sql, binds: binds), during: "reading the report") { row in
            try row.decode(Row.self)
        }
        Trace.mark("team: \(rows.count) rows")
        var groups: [String: Int32] = [:]
        var files: [TranscriptFile] = []
        var records: [PricedRecord] = []
        records.reserveCapacity(rows.count)
        for (run, model, fast, grp, i, o, cc, cr, c) in rows {
            guard let day = days.day(ofBucket: run), request.range.since.map({ day >= $0 }) ?? true,
                  request.range.until.map({ day <= $0 }) ?? true else { continue }
            let file = fileIndex(grp, &groups, &files) { TranscriptFile(path: "team:" + $0, project: $0, sessionID: $0, projectPath: $0) }
            let tokens = TokenCounts(input: Int(i), output: Int(o), cacheCreation: Int(cc), cacheRead: Int(cr))
            let time = Int64(days.starts[Int(run) - 1]) * SlotDays.slotSeconds * 1000
            records.append(PricedRecord(UsageRecord(time: time, tokens: tokens, model: model.isEmpty ? nil : model,
                                                    isFast: fast, fileIndex: file), cost: c))
        }
        return LoadedUsage(files: files, records: records)
    }

    /// Sessions: per (session, model, version) with first and last activity, from the session rollup.
    static func sessions(_ db: TeamDatabase, _ request: TeamLoadRequest, _ filters: TeamFilters) async throws -> LoadedUsage {
        var binds = PostgresBindings()
        let (_, conditions) = try member(filters, &binds, first: 1)
        let sql = """
            SELECT session_id, project_path, project, model, fast, version, min(first_ts), max(last_ts),
                   sum(input_tokens)::bigint, sum(output_tokens)::bigint, sum(cache_creation_tokens)::bigint,
                   sum(cache_read_tokens)::bigint, sum(\(costColumn(request.mode)))::float8
            FROM ccusage.rollup_session WHERE source = 'claude'\(conditions)
            GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(events) > 0 ORDER BY 7
            """
        var groups: [String: Int32] = [:]
        var files: [TranscriptFile] = []
        var records: [PricedRecord] = []
        let rows = try await db.rows(PostgresQuery(unsafeSQL: sql, binds: binds), during: "reading the report") {
            try $0.decode((String, String, String, String, Bool, String, Int64, Int64, Int64, Int64, Int64, Int64, Double).self)
        }
        for (session, path, project, model, fast, version, first, last, i, o, cc, cr, c) in rows {
            let file = fileIndex(path + "/" + session, &groups, &files) { _ in
                TranscriptFile(path: "team:" + path + "/" + session, project: project, sessionID: session, projectPath: path)
            }
            let tokens = TokenCounts(input: Int(i), output: Int(o), cacheCreation: Int(cc), cacheRead: Int(cr))
            // The first activity as an empty record, the sums at the last activity.
            records.append(PricedRecord(UsageRecord(time: first, tokens: TokenCounts(), fileIndex: file), cost: 0))
            records.append(PricedRecord(UsageRecord(time: last, tokens: tokens, model: model.isEmpty ? nil : model,
                                                    isFast: fast, version: version.isEmpty ? nil : version,
                                                    fileIndex: file), cost: c))
        }
        return LoadedUsage(files: files, records: records)
    }

    /// `session --id` (and blocks of a length the buckets cannot serve): the events themselves, in time order,
    /// from two days before `--since` to two days after `--until`.
    static func events(_ db: TeamDatabase, _ request: TeamLoadRequest, _ filters: TeamFilters) async throws -> LoadedUsage {
        var binds = PostgresBindings()
        var range = ""
        let day: Int64 = 86_400_000
        if let since = request.range.since {
            try binds.append(Int64(since.daysSinceEpoch) * day - 2 * day)
            range += " AND ts >= $\(binds.count)"
        }
        if let until = request.range.until {
            try binds.append(Int64(until.daysSinceEpoch) * day + 3 * day)
            range += " AND ts < $\(binds.count)"
        }
        let (_, conditions) = try member(filters, &binds, first: binds.count + 1)
        let sql = """
            SELECT ts, session_id, project_path, project, coalesce(model, ''), fast, sidechain, coalesce(version, ''),
                   input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, \(costColumn(request.mode))
            FROM ccusage.events WHERE source = 'claude'\(range)\(conditions) ORDER BY ts, session_id, dedup_key
            """
        var groups: [String: Int32] = [:]
        var files: [TranscriptFile] = []
        var records: [PricedRecord] = []
        let rows = try await db.rows(PostgresQuery(unsafeSQL: sql, binds: binds), during: "reading the report") {
            try $0.decode((Int64, String, String, String, String, Bool, Bool, String, Int64, Int64, Int64, Int64, Double).self)
        }
        for (ts, session, path, project, model, fast, sidechain, version, i, o, cc, cr, c) in rows {
            let file = fileIndex(path + "/" + session, &groups, &files) { _ in
                TranscriptFile(path: "team:" + path + "/" + session, project: project, sessionID: session, projectPath: path)
            }
            let tokens = TokenCounts(input: Int(i), output: Int(o), cacheCreation: Int(cc), cacheRead: Int(cr))
            records.append(PricedRecord(UsageRecord(time: ts, tokens: tokens, model: model.isEmpty ? nil : model,
                                                    isFast: fast, isSidechain: sidechain,
                                                    version: version.isEmpty ? nil : version, fileIndex: file), cost: c))
        }
        return LoadedUsage(files: files, records: records)
    }

    private static func fileIndex(_ key: String, _ groups: inout [String: Int32], _ files: inout [TranscriptFile],
                                  make: (String) -> TranscriptFile) -> Int32 {
        if let index = groups[key] { return index }
        let index = Int32(files.count)
        groups[key] = index
        files.append(make(key))
        return index
    }
}
