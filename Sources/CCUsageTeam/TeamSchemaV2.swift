/// Schema version 2: hourly rollups beside the 15-minute ones and a per-session rollup, and the statements that
/// rebuild all rollups from the events (`ccusage sync --rebuild-rollups` after events were loaded by other means).
///
/// `rollup_team_hour` and `rollup_member_hour` hold the sums of the slot rollups by UTC hour: a day in the
/// report zone is read from whole hours, and only the hours a day boundary cuts (a half-hour or 45-minute
/// zone's midnight) from the 15-minute slots, so a report reads about a quarter of the rows.
///
/// `rollup_session` has one row per (source, session, project, model, speed, version, user, machine) with the
/// first and last event time. New events are added by the trigger like the slot rollups; when a better copy
/// replaces an event, the sessions it touches are recomputed from the events (their first and last times may
/// move, which sums cannot undo), using the `(source, session_id)` index.
extension TeamSchema {
    static let sessionKeys = ["source", "session_id", "project_path", "project", "model", "fast", "version",
                              "user_name", "machine"]

    static let measureColumns = """
        events bigint NOT NULL,
        input_tokens bigint NOT NULL, output_tokens bigint NOT NULL,
        cache_creation_tokens bigint NOT NULL, cache_read_tokens bigint NOT NULL,
        cost_auto double precision NOT NULL, cost_calculate double precision NOT NULL,
        cost_display double precision NOT NULL
        """

    /// `count(*), sum(input_tokens), …`: the measures of a group of events.
    static var measureSums: String {
        (["count(*)"] + (tokenColumns + costColumns).map { "sum(\($0))" }).joined(separator: ", ")
    }

    static var measureNames: [String] { ["events"] + tokenColumns + costColumns }

    /// The session rows of the events `from` (a table or transition table, optionally with a WHERE clause).
    static func sessionRows(from: String) -> String {
        let keys = sessionKeys.map { $0 == "model" || $0 == "version" ? "coalesce(\($0), '')" : $0 }
        return """
            SELECT \(keys.joined(separator: ", ")), min(ts), max(ts), \(measureSums)
            FROM \(from) GROUP BY \(keys.joined(separator: ", "))
            """
    }

    static var sessionColumns: String {
        (sessionKeys + ["first_ts", "last_ts"] + measureNames).joined(separator: ", ")
    }

    /// New events into the session rollup.
    static var sessionInsert: String {
        let updates = (["first_ts = least(r.first_ts, excluded.first_ts)", "last_ts = greatest(r.last_ts, excluded.last_ts)"]
            + measureNames.map { "\($0) = r.\($0) + excluded.\($0)" }).joined(separator: ", ")
        return """
            INSERT INTO rollup_session AS r (\(sessionColumns)) \(sessionRows(from: "new_rows"))
            ON CONFLICT (\(sessionKeys.joined(separator: ", "))) DO UPDATE SET \(updates);
            """
    }

    /// Replaced events: the sessions they touch, recomputed from the events.
    static var sessionRecompute: String {
        let touched = "SELECT source, session_id FROM old_rows UNION SELECT source, session_id FROM new_rows"
        return """
            DELETE FROM rollup_session r USING (\(touched)) t WHERE r.source = t.source AND r.session_id = t.session_id;
            INSERT INTO rollup_session (\(sessionColumns))
            \(sessionRows(from: "events WHERE (source, session_id) IN (\(touched))"));
            """
    }

    static let teamHourKeys = ["hour", "source", "model", "fast"]
    static let memberHourKeys = teamHourKeys + ["user_name", "machine"]

    /// Adds the rows of `select` to an hourly rollup.
    static func hourUpsert(_ rollup: String, keys: [String], from select: String) -> String {
        let updates = measureNames.map { "\($0) = r.\($0) + excluded.\($0)" }.joined(separator: ", ")
        return """
            INSERT INTO \(rollup) AS r (\((keys + measureNames).joined(separator: ", "))) \(select)
            ON CONFLICT (\(keys.joined(separator: ", "))) DO UPDATE SET \(updates);
            """
    }

    /// The trigger's statements for an hourly rollup: new events added; replaced events' old values out and
    /// new values in.
    static func hourStatements(_ rollup: String, keys: [String]) -> (insert: String, update: String) {
        let group = keys.map { $0 == "hour" ? "slot / 4" : $0 == "model" ? "coalesce(model, '')" : $0 }
            .joined(separator: ", ")
        let deltas = (["sum(sign)"] + (tokenColumns + costColumns).map { "sum(sign * \($0))" }).joined(separator: ", ")
        let insert = hourUpsert(rollup, keys: keys, from: "SELECT \(group), \(measureSums) FROM new_rows GROUP BY \(group)")
        let update = hourUpsert(rollup, keys: keys, from: """
            SELECT \(group), \(deltas)
            FROM (SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 AS sign FROM old_rows) d GROUP BY \(group)
            """)
        return (insert, update)
    }

    /// An hourly rollup filled from its 15-minute rollup.
    static func hourFill(_ rollup: String, from slots: String, keys: [String]) -> String {
        let group = keys.map { $0 == "hour" ? "slot / 4" : $0 }.joined(separator: ", ")
        return """
            INSERT INTO ccusage.\(rollup) (\((keys + measureNames).joined(separator: ", ")))
            SELECT \(group), \(measureNames.map { "sum(\($0))" }.joined(separator: ", ")) FROM ccusage.\(slots) GROUP BY \(group)
            """
    }

    static var version2: [String] {
        let team = rollupStatements("rollup_team", keys: ["slot", "source", "model", "fast"])
        let member = rollupStatements("rollup_member", keys: ["slot", "source", "model", "fast", "user_name", "machine"])
        let teamHour = hourStatements("rollup_team_hour", keys: teamHourKeys)
        let memberHour = hourStatements("rollup_member_hour", keys: memberHourKeys)
        return [
            """
            CREATE TABLE ccusage.rollup_team_hour (
              hour integer NOT NULL, source text NOT NULL, model text NOT NULL, fast boolean NOT NULL,
              \(measureColumns),
              PRIMARY KEY (\(teamHourKeys.joined(separator: ", ")))
            )
            """,
            """
            CREATE TABLE ccusage.rollup_member_hour (
              hour integer NOT NULL, source text NOT NULL, model text NOT NULL, fast boolean NOT NULL,
              user_name text NOT NULL, machine text NOT NULL, \(measureColumns),
              PRIMARY KEY (\(memberHourKeys.joined(separator: ", ")))
            )
            """,
            "CREATE INDEX rollup_member_hour_user ON ccusage.rollup_member_hour (user_name, hour)",
            "CREATE INDEX rollup_member_hour_machine ON ccusage.rollup_member_hour (machine, hour)",
            hourFill("rollup_team_hour", from: "rollup_team", keys: teamHourKeys),
            hourFill("rollup_member_hour", from: "rollup_member", keys: memberHourKeys),
            """
            CREATE TABLE ccusage.rollup_session (
              source text NOT NULL, session_id text NOT NULL, project_path text NOT NULL, project text NOT NULL,
              model text NOT NULL, fast boolean NOT NULL, version text NOT NULL,
              user_name text NOT NULL, machine text NOT NULL,
              first_ts bigint NOT NULL, last_ts bigint NOT NULL, \(measureColumns),
              PRIMARY KEY (\(sessionKeys.joined(separator: ", ")))
            )
            """,
            "INSERT INTO ccusage.rollup_session (\(sessionColumns)) \(sessionRows(from: "ccusage.events"))",
            """
            CREATE OR REPLACE FUNCTION ccusage.rollup_events() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = ccusage, pg_catalog AS $body$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                \(team.insert)
                \(member.insert)
                \(teamHour.insert)
                \(memberHour.insert)
                \(sessionInsert)
              ELSE
                \(team.update)
                \(member.update)
                \(teamHour.update)
                \(memberHour.update)
                \(sessionRecompute)
              END IF;
              RETURN NULL;
            END
            $body$
            """,
            // Whoever could read the other rollups (a reporting role) may read this one.
            """
            DO $grant$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
                       WHERE table_schema = 'ccusage' AND table_name = 'rollup_team' AND privilege_type = 'SELECT'
                         AND grantee <> current_user
              LOOP
                EXECUTE format('GRANT SELECT ON ccusage.rollup_session, ccusage.rollup_team_hour, '
                               'ccusage.rollup_member_hour TO %I', r.grantee);
              END LOOP;
            END
            $grant$
            """,
        ]
    }

    /// Recomputes every rollup from the events (one transaction; the caller holds the writers' lock).
    static var rebuildRollups: [String] {
        func slots(_ table: String, _ keys: [String]) -> String {
            let select = keys.map { $0 == "model" ? "coalesce(model, '')" : $0 }.joined(separator: ", ")
            return """
                INSERT INTO ccusage.\(table) (\((keys + ["first_ts"] + measureNames).joined(separator: ", ")))
                SELECT \(select), min(ts), \(measureSums) FROM ccusage.events GROUP BY \(select)
                """
        }
        return [
            "TRUNCATE ccusage.rollup_team, ccusage.rollup_member, ccusage.rollup_team_hour, ccusage.rollup_member_hour, "
                + "ccusage.rollup_session",
            slots("rollup_team", ["slot", "source", "model", "fast"]),
            slots("rollup_member", ["slot", "source", "model", "fast", "user_name", "machine"]),
            hourFill("rollup_team_hour", from: "rollup_team", keys: teamHourKeys),
            hourFill("rollup_member_hour", from: "rollup_member", keys: memberHourKeys),
            "INSERT INTO ccusage.rollup_session (\(sessionColumns)) \(sessionRows(from: "ccusage.events"))",
            "ANALYZE ccusage.rollup_team",
            "ANALYZE ccusage.rollup_member",
            "ANALYZE ccusage.rollup_session",
            "ANALYZE ccusage.rollup_team_hour",
            "ANALYZE ccusage.rollup_member_hour",
        ]
    }
}
