/// The team database's schema: versioned, created on first use, migrated forward step by step.
///
/// Everything lives in the `ccusage` schema. `events` holds one row per (source, dedup key) across the team;
/// two rollups keep per-15-minute sums (15 minutes divides every time zone's offset, so a report's days in
/// any zone are unions of whole slots): `rollup_team` by (slot, source, model, fast) for team-wide reports, and
/// `rollup_member` with user and machine for `--by-user`, `--by-machine`, `--user`, `--machine`. Statement-level
/// triggers with transition tables keep both in step with `events` in the same transaction, so a report never
/// sees events without their sums (nothing half-written). The trigger function is `SECURITY DEFINER`: a sync
/// role needs rights on `events` only. Version 2 adds `rollup_session` (see TeamSchemaV2.swift).
enum TeamSchema {
    /// The version this build writes and reads.
    static let version = 2

    /// `(version, statements)`: applying migrations 1…n in order gives schema version n. A migration's
    /// statements never change once released (databases of that version exist): a change is a new version.
    static let migrations: [(Int, [String])] = [(1, version1), (2, version2)]

    static let tokenColumns = ["input_tokens", "output_tokens", "cache_creation_tokens", "cache_read_tokens"]
    static let costColumns = ["cost_auto", "cost_calculate", "cost_display"]

    static func rollupUpsert(_ rollup: String, keys: [String], from select: String) -> String {
        let measures = ["events"] + tokenColumns + costColumns
        let columns = (keys + ["first_ts"] + measures).joined(separator: ", ")
        let updates = (["first_ts = least(r.first_ts, excluded.first_ts)"]
            + measures.map { "\($0) = r.\($0) + excluded.\($0)" }).joined(separator: ", ")
        return """
            INSERT INTO \(rollup) AS r (\(columns)) \(select)
            ON CONFLICT (\(keys.joined(separator: ", "))) DO UPDATE SET \(updates);
            """
    }

    /// The trigger body's statements for one rollup.
    static func rollupStatements(_ rollup: String, keys: [String]) -> (insert: String, update: String) {
        let groupKeys = keys.map { $0 == "model" ? "coalesce(model, '')" : $0 }.joined(separator: ", ")
        let measures = (["count(*)"] + (tokenColumns + costColumns).map { "sum(\($0))" }).joined(separator: ", ")
        let insert = rollupUpsert(rollup, keys: keys, from: """
            SELECT \(groupKeys), min(ts), \(measures) FROM new_rows GROUP BY \(groupKeys)
            """)
        // An improved copy: its new values in, its old values out (possibly in another slot).
        let plain = keys.map { $0 == "model" ? "coalesce(model, '') AS model" : $0 }.joined(separator: ", ")
        let signed = (["sign"] + (tokenColumns + costColumns).map { "sign * \($0) AS \($0)" }).joined(separator: ", ")
        let deltaMeasures = (["sum(sign)"] + (tokenColumns + costColumns).map { "sum(\($0))" }).joined(separator: ", ")
        let update = rollupUpsert(rollup, keys: keys, from: """
            SELECT \(keys.joined(separator: ", ")), min(ts), \(deltaMeasures) FROM (
              SELECT \(plain), ts, \(signed) FROM (SELECT *, 1 AS sign FROM new_rows) n
              UNION ALL
              SELECT \(plain), ts, \(signed) FROM (SELECT *, -1 AS sign FROM old_rows) o
            ) d GROUP BY \(keys.joined(separator: ", "))
            """)
        return (insert, update)
    }

    static var version1: [String] {
        let measures = """
            events bigint NOT NULL,
            input_tokens bigint NOT NULL, output_tokens bigint NOT NULL,
            cache_creation_tokens bigint NOT NULL, cache_read_tokens bigint NOT NULL,
            cost_auto double precision NOT NULL, cost_calculate double precision NOT NULL,
            cost_display double precision NOT NULL
            """
        let teamKeys = ["slot", "source", "model", "fast"]
        let memberKeys = teamKeys + ["user_name", "machine"]
        let team = rollupStatements("rollup_team", keys: teamKeys)
        let member = rollupStatements("rollup_member", keys: memberKeys)
        return [
            "CREATE SCHEMA IF NOT EXISTS ccusage",
            "CREATE TABLE ccusage.meta (key text PRIMARY KEY, value text NOT NULL)",
            """
            CREATE TABLE ccusage.events (
              source text NOT NULL,
              dedup_key text NOT NULL,
              user_name text NOT NULL,
              machine text NOT NULL,
              ts bigint NOT NULL,
              slot integer NOT NULL,
              session_id text NOT NULL,
              project text NOT NULL,
              project_path text NOT NULL,
              model text,
              fast boolean NOT NULL,
              sidechain boolean NOT NULL,
              version text,
              input_tokens bigint NOT NULL, output_tokens bigint NOT NULL,
              cache_creation_tokens bigint NOT NULL, cache_read_tokens bigint NOT NULL,
              cost_auto double precision NOT NULL, cost_calculate double precision NOT NULL,
              cost_display double precision NOT NULL,
              synced_at timestamptz NOT NULL DEFAULT now(),
              synced_by name NOT NULL DEFAULT current_user,
              PRIMARY KEY (source, dedup_key)
            )
            """,
            "CREATE INDEX events_source_ts ON ccusage.events (source, ts)",
            "CREATE INDEX events_source_session ON ccusage.events (source, session_id)",
            """
            CREATE TABLE ccusage.rollup_team (
              slot integer NOT NULL, source text NOT NULL, model text NOT NULL, fast boolean NOT NULL,
              first_ts bigint NOT NULL, \(measures),
              PRIMARY KEY (slot, source, model, fast)
            )
            """,
            """
            CREATE TABLE ccusage.rollup_member (
              slot integer NOT NULL, source text NOT NULL, model text NOT NULL, fast boolean NOT NULL,
              user_name text NOT NULL, machine text NOT NULL,
              first_ts bigint NOT NULL, \(measures),
              PRIMARY KEY (slot, source, model, fast, user_name, machine)
            )
            """,
            "CREATE INDEX rollup_member_user ON ccusage.rollup_member (user_name, slot)",
            "CREATE INDEX rollup_member_machine ON ccusage.rollup_member (machine, slot)",
            """
            CREATE FUNCTION ccusage.rollup_events() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = ccusage, pg_catalog AS $body$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                \(team.insert)
                \(member.insert)
              ELSE
                \(team.update)
                \(member.update)
              END IF;
              RETURN NULL;
            END
            $body$
            """,
            """
            CREATE TRIGGER events_rollup_insert AFTER INSERT ON ccusage.events
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ccusage.rollup_events()
            """,
            """
            CREATE TRIGGER events_rollup_update AFTER UPDATE ON ccusage.events
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION ccusage.rollup_events()
            """,
        ]
    }
}
