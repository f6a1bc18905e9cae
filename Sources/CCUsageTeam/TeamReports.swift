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
        do {
            try await db.checkForReading()
            let usage: LoadedUsage
            switch request.kind {
            case "daily", "weekly", "monthly": usage = try await periods(db, request, filters)
            case "session": usage = try await sessions(db, request, filters)
            default: usage = try await events(db, request, filters)
            }
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

    /// Daily, weekly and monthly: per (day in the report zone, model, member group) from the 15-minute rollups,
    /// `--since`/`--until` applied to the slots.
    static func periods(_ db: TeamDatabase, _ request: TeamLoadRequest, _ filters: TeamFilters) async throws -> LoadedUsage {
        var binds = PostgresBindings()
        try binds.append(request.zone.identifier)
        var range = ""
        if let since = request.range.since {
            try binds.append(since.description)
            range += " AND slot >= floor(extract(epoch FROM ($\(binds.count)::date::timestamp AT TIME ZONE $1)) / 900)"
        }
        if let until = request.range.until {
            try binds.append(until.description)
            range += " AND slot < floor(extract(epoch FROM (($\(binds.count)::date + 1)::timestamp AT TIME ZONE $1)) / 900)"
        }
        let (group, conditions) = try member(filters, &binds, first: binds.count + 1)
        let table = filters.perMember ? "ccusage.rollup_member" : "ccusage.rollup_team"
        let cost = costColumn(request.mode)
        let sql = """
            SELECT (to_timestamp(slot::bigint * 900) AT TIME ZONE $1)::date::text AS day, model, fast, \(group) AS grp,
                   min(first_ts), sum(input_tokens)::bigint, sum(output_tokens)::bigint,
                   sum(cache_creation_tokens)::bigint, sum(cache_read_tokens)::bigint, sum(\(cost))::float8
            FROM \(table)
            WHERE source = 'claude'\(range)\(conditions)
            GROUP BY 1, 2, 3, 4 HAVING sum(events) > 0
            ORDER BY 5, 2, 3
            """
        typealias Row = (String, Bool, String, Int64, Int64, Int64, Int64, Int64, Double)
        let rows = try await db.rows(PostgresQuery(unsafeSQL: sql, binds: binds), during: "reading the report") { row in
            let (_, model, fast, grp, first, i, o, cc, cr, c) = try row.decode(
                (String, String, Bool, String, Int64, Int64, Int64, Int64, Int64, Double).self)
            return (model, fast, grp, first, i, o, cc, cr, c) as Row
        }
        var groups: [String: Int32] = [:]
        var files: [TranscriptFile] = []
        var records: [PricedRecord] = []
        records.reserveCapacity(rows.count)
        for (model, fast, grp, first, i, o, cc, cr, c) in rows {
            let file = fileIndex(grp, &groups, &files) { TranscriptFile(path: "team:" + $0, project: $0, sessionID: $0, projectPath: $0) }
            let tokens = TokenCounts(input: Int(i), output: Int(o), cacheCreation: Int(cc), cacheRead: Int(cr))
            records.append(PricedRecord(UsageRecord(time: first, tokens: tokens, model: model.isEmpty ? nil : model,
                                                    isFast: fast, fileIndex: file), cost: c))
        }
        return LoadedUsage(files: files, records: records)
    }

    /// Sessions: per (session, model, version) with first and last activity, from the events.
    static func sessions(_ db: TeamDatabase, _ request: TeamLoadRequest, _ filters: TeamFilters) async throws -> LoadedUsage {
        var binds = PostgresBindings()
        let (_, conditions) = try member(filters, &binds, first: 1)
        let sql = """
            SELECT session_id, project_path, project, coalesce(model, ''), fast, coalesce(version, ''), min(ts), max(ts),
                   sum(input_tokens)::bigint, sum(output_tokens)::bigint, sum(cache_creation_tokens)::bigint,
                   sum(cache_read_tokens)::bigint, sum(\(costColumn(request.mode)))::float8
            FROM ccusage.events WHERE source = 'claude'\(conditions)
            GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 7
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

    /// Blocks and `session --id`: the events themselves, in time order (blocks need each one's time), from two
    /// days before `--since` to two days after `--until`.
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
