import CCUsageKit
import Foundation
import PostgresNIO

/// Pushes events to the team database in batches, one transaction each: a batch lands whole (with its
/// rollup sums) or not at all, so an interrupted sync leaves every stored event complete and the next sync
/// completes the rest. Re-sending an event is a no-op unless the copy is better (decision 1's order: a
/// non-sidechain copy, then more tokens, then a higher cost).
struct TeamSync {
    /// Serialises writers (advisory lock): concurrent syncs never deadlock on rollup rows.
    static let lockKey: Int64 = 0x6363_7573_6167_6531
    /// Events a transaction: 5,000, or `CCUSAGE_TEAM_BATCH` (1…100,000; smaller batches lose less to an
    /// interruption and hold row locks for less time, larger ones go faster).
    static let batchSize: Int = {
        let value = ProcessInfo.processInfo.environment["CCUSAGE_TEAM_BATCH"].flatMap { Int($0) } ?? 5000
        return min(max(value, 1), 100_000)
    }()

    let db: TeamDatabase
    let user: String
    let machine: String

    struct Outcome: Sendable { var inserted = 0, improved = 0, sent = 0 }

    /// One copy per (source, key): the best by the rule above (a batch may not touch a row twice).
    static func bestCopies(_ events: [TeamEvent]) -> [TeamEvent] {
        var index: [String: Int] = [:]
        var out: [TeamEvent] = []
        out.reserveCapacity(events.count)
        for event in events {
            let id = event.source + "\u{0}" + event.key
            if let i = index[id] {
                if better(event, than: out[i]) { out[i] = event }
            } else {
                index[id] = out.count
                out.append(event)
            }
        }
        return out
    }

    static func better(_ a: TeamEvent, than b: TeamEvent) -> Bool {
        (a.sidechain ? 0 : 1, a.tokens.total, a.costAuto) > (b.sidechain ? 0 : 1, b.tokens.total, b.costAuto)
    }

    func upload(_ events: [TeamEvent], progress: (Int) -> Void) async throws -> Outcome {
        var outcome = Outcome()
        var start = 0
        while start < events.count {
            let batch = Array(events[start..<min(start + Self.batchSize, events.count)])
            do {
                let (inserted, improved) = try await store(batch)
                outcome.inserted += inserted
                outcome.improved += improved
            } catch let error as TeamError {
                // No ROLLBACK here: on a lost connection it never returns (postgres-nio), and the process ends
                // right after this error, which closes the connection and makes the server roll the batch back.
                throw TeamError(error.description.hasSuffix(".") ? String(error.description.dropLast()) + "; "
                    + "\(start) of \(events.count) events were stored, run `ccusage sync` again to finish."
                    : error.description)
            }
            start += batch.count
            outcome.sent = start
            progress(start)
        }
        return outcome
    }

    private func store(_ batch: [TeamEvent]) async throws -> (Int, Int) {
        var binds = PostgresBindings(capacity: 20)
        try binds.append(user)
        try binds.append(machine)
        try binds.append(batch.map(\.source))
        try binds.append(batch.map(\.key))
        try binds.append(batch.map(\.time))
        try binds.append(batch.map(\.sessionID))
        try binds.append(batch.map(\.project))
        try binds.append(batch.map(\.projectPath))
        try binds.append(batch.map { $0.model ?? "" })
        try binds.append(batch.map(\.fast))
        try binds.append(batch.map(\.sidechain))
        try binds.append(batch.map { $0.version ?? "" })
        try binds.append(batch.map { Int64($0.tokens.input) })
        try binds.append(batch.map { Int64($0.tokens.output) })
        try binds.append(batch.map { Int64($0.tokens.cacheCreation) })
        try binds.append(batch.map { Int64($0.tokens.cacheRead) })
        try binds.append(batch.map(\.costAuto))
        try binds.append(batch.map(\.costCalculate))
        try binds.append(batch.map(\.costDisplay))
        func tokens(_ table: String) -> String {
            TeamSchema.tokenColumns.map { table + "." + $0 }.joined(separator: " + ")
        }
        let sql = """
            WITH up AS (
              INSERT INTO ccusage.events AS e (source, dedup_key, user_name, machine, ts, slot, session_id, project,
                project_path, model, fast, sidechain, version, input_tokens, output_tokens, cache_creation_tokens,
                cache_read_tokens, cost_auto, cost_calculate, cost_display)
              SELECT s, k, $1, $2, t, (t / 900000)::integer, sess, proj, ppath, NULLIF(m, ''), f, sc, NULLIF(v, ''),
                     i, o, cc, cr, ca, cx, cd
              FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[],
                          $10::boolean[], $11::boolean[], $12::text[], $13::bigint[], $14::bigint[], $15::bigint[],
                          $16::bigint[], $17::float8[], $18::float8[], $19::float8[])
                   AS u(s, k, t, sess, proj, ppath, m, f, sc, v, i, o, cc, cr, ca, cx, cd)
              ON CONFLICT (source, dedup_key) DO UPDATE SET
                user_name = excluded.user_name, machine = excluded.machine, ts = excluded.ts, slot = excluded.slot,
                session_id = excluded.session_id, project = excluded.project, project_path = excluded.project_path,
                model = excluded.model, fast = excluded.fast, sidechain = excluded.sidechain,
                version = excluded.version, input_tokens = excluded.input_tokens,
                output_tokens = excluded.output_tokens, cache_creation_tokens = excluded.cache_creation_tokens,
                cache_read_tokens = excluded.cache_read_tokens, cost_auto = excluded.cost_auto,
                cost_calculate = excluded.cost_calculate, cost_display = excluded.cost_display,
                synced_at = now(), synced_by = current_user
              WHERE (NOT excluded.sidechain, \(tokens("excluded")), excluded.cost_auto)
                  > (NOT e.sidechain, \(tokens("e")), e.cost_auto)
              RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up
            """
        try await db.run("BEGIN", during: "storing events")
        try await db.run("SELECT pg_advisory_xact_lock(\(Self.lockKey))", during: "storing events")
        let counts = try await db.rows(PostgresQuery(unsafeSQL: sql, binds: binds), during: "storing events") {
            try $0.decode((Int64, Int64).self)
        }
        try await db.run("COMMIT", during: "storing events")
        return (Int(counts.first?.0 ?? 0), Int(counts.first?.1 ?? 0))
    }
}
