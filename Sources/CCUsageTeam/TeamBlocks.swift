import CCUsageCLI
import CCUsageKit
import PostgresNIO

/// `blocks --team`: 5-hour blocks need each request's time, but not each request. A block starts at the hour of
/// its first request and ends a whole number of buckets later, so a bucket `((k−1)·B, k·B]` (B: the hour and the
/// block length's common divisor) never holds two sides of a block's end, and within a bucket no silence is long
/// enough to open a new block. Per bucket and model, the database returns the first and last times, the request
/// count and the sums; here each becomes an empty record at its first time and the sums at its last, weighted by
/// the count. `SessionBlocks` then makes every decision a request at those times would have made: the blocks,
/// their first and last activity, entries, tokens, cost and models are those of the events themselves.
extension TeamReports {
    static func blocks(_ db: TeamDatabase, _ request: TeamLoadRequest, _ filters: TeamFilters) async throws -> LoadedUsage {
        let hour: Int64 = 3_600_000
        let length = Int64((request.blockHours * Double(hour)).rounded())
        let bucket = gcd(hour, length)
        // A block shorter than an hour, or not a whole number of minutes: the events themselves.
        guard length >= hour, bucket >= 60_000 else { return try await events(db, request, filters) }
        var binds = PostgresBindings()
        binds.append(bucket)
        var range = ""
        if let since = request.range.since, let start = try await chainStart(db, before: since, filters, length: length) {
            binds.append(start)
            range += " AND ts >= $\(binds.count)"
        }
        if let until = request.range.until {
            binds.append(Int64(until.daysSinceEpoch + 3) * 86_400_000)
            range += " AND ts < $\(binds.count)"
        }
        let (_, conditions) = try member(filters, &binds, first: binds.count + 1)
        let sql = """
            SELECT (ts + $1 - 1) / $1, coalesce(model, ''), fast, min(ts), max(ts), count(*)::bigint,
                   sum(input_tokens)::bigint, sum(output_tokens)::bigint, sum(cache_creation_tokens)::bigint,
                   sum(cache_read_tokens)::bigint, sum(\(costColumn(request.mode)))::float8
            FROM ccusage.events WHERE source = 'claude'\(range)\(conditions)
            GROUP BY 1, 2, 3 ORDER BY 1, 4, 2, 3
            """
        typealias Row = (Int64, String, Bool, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Double)
        let rows = try await db.rows(PostgresQuery(unsafeSQL: sql, binds: binds), during: "reading the report") {
            try $0.decode(Row.self)
        }
        Trace.mark("team: \(rows.count) bucket rows")
        var records: [PricedRecord] = [], weights: [Int32] = []
        records.reserveCapacity(rows.count * 2)
        weights.reserveCapacity(rows.count * 2)
        for (_, model, fast, first, last, count, i, o, cc, cr, c) in rows {
            let name = model.isEmpty ? nil : model
            records.append(PricedRecord(UsageRecord(time: first, tokens: TokenCounts(), model: name, isFast: fast), cost: 0))
            weights.append(0)
            let tokens = TokenCounts(input: Int(i), output: Int(o), cacheCreation: Int(cc), cacheRead: Int(cr))
            records.append(PricedRecord(UsageRecord(time: last, tokens: tokens, model: name, isFast: fast), cost: c))
            weights.append(Int32(clamping: count))
        }
        var usage = LoadedUsage(files: [TranscriptFile(path: "team:", project: "", sessionID: "", projectPath: "")],
                                records: records)
        usage.weights = weights
        return usage
    }

    /// Where the chain of blocks that reaches `since` begins: the first activity after the last silence longer
    /// than a block before that day (its earliest instant in any zone), found in the hourly rollup (between two
    /// active hours a and b, the requests are at least b − a − 1 hours apart). Nil: no such silence (every
    /// earlier event counts).
    static func chainStart(_ db: TeamDatabase, before since: CalendarDay, _ filters: TeamFilters,
                           length: Int64) async throws -> Int64? {
        var binds = PostgresBindings()
        binds.append(Int32(clamping: Int64(since.daysSinceEpoch - 1) * 24))
        binds.append(Double(length) / 3_600_000)
        let (_, conditions) = try member(filters, &binds, first: binds.count + 1)
        let hours = filters.perMember ? "ccusage.rollup_member_hour" : "ccusage.rollup_team_hour"
        let sql = """
            SELECT max(next) FROM (
              SELECT hour, lead(hour) OVER (ORDER BY hour) AS next
              FROM (SELECT DISTINCT hour FROM \(hours) WHERE source = 'claude' AND hour < $1\(conditions)) h) x
            WHERE next - hour - 1 > $2
            """
        let found = try await db.rows(PostgresQuery(unsafeSQL: sql, binds: binds), during: "reading the report") {
            try $0.decode(Int32?.self)
        }
        return found.first.flatMap { $0 }.map { Int64($0) * 3_600_000 }
    }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? a : gcd(b, a % b) }
}
