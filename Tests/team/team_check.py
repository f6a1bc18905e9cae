#!/usr/bin/env python3
"""End-to-end check of `ccusage sync` and `--team` against a real, throwaway PostgreSQL server.

Usage: python3 team_check.py <path-to-ccusage-binary>

Machines with overlapping transcripts (trees from ccusage-fixtures, some sessions copied onto two machines)
are synced; `daily|weekly|monthly|session --team --json` must equal the same report run locally over the union
of their data directories (exact tokens, costs within 1e-6 relative, same models and row keys), in several
zones and cost modes. Also: a second sync changes nothing; a better copy (more tokens) wins whatever the sync
order; a server killed mid-sync and restarted, then a second sync, gives the full numbers; wrong password,
unreachable server and other schema version each give one stderr line, exit 1, no password; the README's
least-privilege roles work; --by-user/--by-machine/--user/--machine partition the totals.
Prints each mismatch and `team: N checks, M mismatches`; exits 1 on any mismatch.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pgserver  # noqa: E402

TOKENS = ["inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "totalTokens"]
MISMATCHES = []
CHECKS = [0]


def check(ok, message):
    CHECKS[0] += 1
    if not ok:
        MISMATCHES.append(message)
        print("MISMATCH: " + message)


def close(a, b):
    return abs(a - b) <= 1e-9 or abs(a - b) <= 1e-6 * max(abs(a), abs(b))


class CLI:
    def __init__(self, binary, home):
        self.binary, self.home = binary, home

    def run(self, args, data=None, url=None, extra_env=None, timeout=600):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.home, "TZ": "UTC",
               "CCUSAGE_NO_CACHE": "1", "CCUSAGE_NO_ARCHIVE": "1", "SWIFT_BACKTRACE": "enable=no",
               "CLAUDE_CONFIG_DIR": data or os.path.join(self.home, "no-data"), "CODEX_HOME": os.path.join(self.home, "no-codex")}
        if url:
            env["CCUSAGE_TEAM_URL"] = url
        env.update(extra_env or {})
        return subprocess.run([self.binary] + args, capture_output=True, text=True, env=env, timeout=timeout)


def compare_blocks(label, local, team):
    check(len(local) > 1 and [b["id"] for b in local] == [b["id"] for b in team],
          "%s: block ids differ: local %s… team %s…" % (label, [b["id"] for b in local][:4], [b["id"] for b in team][:4]))
    for lb, tb in zip(local, team):
        for field in ("startTime", "endTime", "actualEndTime", "isActive", "isGap", "entries", "tokenCounts",
                      "totalTokens", "models"):
            check(lb.get(field) == tb.get(field), "%s %s %s: local %s team %s" % (label, lb["id"], field, lb.get(field), tb.get(field)))
        check(close(lb.get("costUSD", 0), tb.get("costUSD", 0)), "%s %s cost: local %s team %s" % (label, lb["id"], lb.get("costUSD"), tb.get("costUSD")))
        lr, tr = lb.get("burnRate") or {}, tb.get("burnRate") or {}
        check(sorted(lr) == sorted(tr) and all(close(lr[k], tr[k]) for k in lr), "%s %s burn rate: %s vs %s" % (label, lb["id"], lr, tr))
        lm = [m["modelName"] for m in lb.get("modelBreakdowns", [])]
        tm = [m["modelName"] for m in tb.get("modelBreakdowns", [])]
        check(lm == tm, "%s %s breakdown models: %s vs %s" % (label, lb["id"], lm, tm))
        for lp, tp in zip(lb.get("modelBreakdowns", []), tb.get("modelBreakdowns", [])):
            check(all(lp[k] == tp.get(k) for k in lp if k != "cost") and close(lp.get("cost", 0), tp.get("cost", 0)),
                  "%s %s breakdown %s: %s vs %s" % (label, lb["id"], lp["modelName"], lp, tp))


def compare_reports(label, local, team, rows_key, ident):
    lrows, trows = local.get(rows_key, []), team.get(rows_key, [])
    check([ident(r) for r in lrows] == [ident(r) for r in trows],
          "%s: row keys differ: local %s… team %s…" % (label, [ident(r) for r in lrows][:5], [ident(r) for r in trows][:5]))
    for lr, tr in zip(lrows, trows):
        for field in TOKENS:
            check(lr.get(field) == tr.get(field), "%s %s %s: local %s team %s" % (label, ident(lr), field, lr.get(field), tr.get(field)))
        check(close(lr.get("totalCost", 0), tr.get("totalCost", 0)),
              "%s %s cost: local %s team %s" % (label, ident(lr), lr.get("totalCost"), tr.get("totalCost")))
        check(sorted(lr.get("modelsUsed", [])) == sorted(tr.get("modelsUsed", [])), "%s %s models differ" % (label, ident(lr)))
        lb = {b["modelName"]: b for b in lr.get("modelBreakdowns", [])}
        tb = {b["modelName"]: b for b in tr.get("modelBreakdowns", [])}
        check(sorted(lb) == sorted(tb), "%s %s breakdown models differ" % (label, ident(lr)))
        for name in lb:
            if name in tb:
                check(close(lb[name]["cost"], tb[name]["cost"]), "%s %s %s breakdown cost" % (label, ident(lr), name))
                check(lb[name]["outputTokens"] == tb[name]["outputTokens"], "%s %s %s breakdown output" % (label, ident(lr), name))
        if rows_key == "sessions":
            for field in ("lastActivity", "firstActivity", "projectPath", "versions"):
                check(lr.get(field) == tr.get(field), "%s %s %s: local %s team %s" % (label, ident(lr), field, lr.get(field), tr.get(field)))
    lt, tt = local.get("totals", {}), team.get("totals", {})
    for field in TOKENS:
        check(lt.get(field) == tt.get(field), "%s totals %s: local %s team %s" % (label, field, lt.get(field), tt.get(field)))
    check(close(lt.get("totalCost", 0), tt.get("totalCost", 0)), "%s totals cost: local %s team %s" % (label, lt.get("totalCost"), tt.get("totalCost")))


def jsonl(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")


def message(mid, rid, ts, output, session="s-better"):
    return {"type": "assistant", "timestamp": ts, "sessionId": session, "requestId": rid, "version": "2.0.1",
            "message": {"id": mid, "model": "claude-sonnet-4-20250514",
                        "usage": {"input_tokens": 10, "output_tokens": output, "cache_creation_input_tokens": 0,
                                  "cache_read_input_tokens": 0}}}


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    binary = os.path.abspath(argv[0])
    generator = os.path.join(os.path.dirname(binary), "ccusage-fixtures")
    team_binary = os.path.join(os.path.dirname(binary), "ccusage-team")
    for tool in (binary, generator, team_binary):
        if not os.access(tool, os.X_OK):
            print("team: missing executable %s" % tool)
            return 2
    work = tempfile.mkdtemp(prefix="ccusage-team-check-")
    os.chmod(work, 0o755)
    cli = CLI(binary, os.path.join(work, "home"))
    os.makedirs(cli.home)
    try:
        # Two generated trees; machine 1 holds tree A and a third of B's sessions, machine 2 all of B and a
        # few of A's: the overlap must count once.
        trees = {}
        for name, seed in (("A", 11), ("B", 12)):
            trees[name] = os.path.join(work, "tree-" + name)
            subprocess.run([generator, "--out", trees[name], "--size", "600K", "--seed", str(seed),
                            "--start", "2025-05-20", "--days", "30"], check=True, capture_output=True)
        machines = {m: os.path.join(work, "machine-" + m) for m in ("m1", "m2")}
        for m in machines.values():
            os.makedirs(os.path.join(m, "projects"))

        def copy_projects(tree, dest, pick):
            src = os.path.join(tree, "projects")
            for i, project in enumerate(sorted(os.listdir(src))):
                if pick(i):
                    shutil.copytree(os.path.join(src, project), os.path.join(dest, "projects", project), dirs_exist_ok=True)
        copy_projects(trees["A"], machines["m1"], lambda i: True)
        copy_projects(trees["B"], machines["m1"], lambda i: i % 3 == 0)
        copy_projects(trees["B"], machines["m2"], lambda i: True)
        copy_projects(trees["A"], machines["m2"], lambda i: i % 4 == 1)
        # A message streamed in two copies on two machines: the better one (more output) must win.
        jsonl(os.path.join(machines["m1"], "projects", "-work-better", "s-better.jsonl"),
              [message("msg_b1", "req_b1", "2025-05-25T10:00:00.000Z", 900),
               message("msg_b2", "req_b2", "2025-05-25T10:05:00.000Z", 40)])
        jsonl(os.path.join(machines["m2"], "projects", "-work-better", "s-better.jsonl"),
              [message("msg_b1", "req_b1", "2025-05-25T10:00:00.000Z", 40),
               # Synced second and better: replaces m1's copy, and moves the session's first activity.
               message("msg_b2", "req_b2", "2025-05-25T09:58:00.000Z", 700)])
        union = ",".join(machines[m] for m in ("m1", "m2"))

        with pgserver.Server() as pg:
            admin = pg.url()
            # Unreachable server, then wrong password: one line, exit 1, no password.
            dead = "postgres://ccusage_admin:Secret-XYZ@127.0.0.1:%d/postgres" % pgserver.free_port()
            r = cli.run(["sync"], data=machines["m1"], url=dead)
            check(r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1 and "Secret-XYZ" not in r.stderr + r.stdout,
                  "unreachable: exit %d, stderr %r" % (r.returncode, r.stderr))
            check("cannot reach" in r.stderr.lower(), "unreachable message: %r" % r.stderr)
            bad = pg.url(password="Wrong-Pass-123")
            for args in (["sync"], ["daily", "--team", "--json"]):
                r = cli.run(args, data=machines["m1"], url=bad)
                check(r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, "%s wrong password: exit %d, stderr %r" % (args, r.returncode, r.stderr))
                check("Wrong-Pass-123" not in r.stderr + r.stdout, "%s wrong password echoed" % args)
                check("password" in r.stderr, "%s wrong password message: %r" % (args, r.stderr))
            # --team before any sync: no schema, clear error, never local data.
            r = cli.run(["daily", "--team", "--json"], data=machines["m1"], url=admin)
            check(r.returncode == 1 and r.stdout == "" and "ccusage sync" in r.stderr, "empty db report: %r" % r.stderr)

            # First use by the owner creates the schema; then least-privilege roles (README) do the rest.
            r = cli.run(["sync", "--machine", "m1", "--user", "alice"], data=machines["m1"], url=admin)
            check(r.returncode == 0, "first sync: %s" % r.stderr)
            readme_roles(pg)
            sync_url = pg.url(user="ccusage_sync", password="sync-pw-1")
            read_url = pg.url(user="ccusage_report", password="report-pw-1")
            r = cli.run(["sync", "--machine", "m2", "--user", "bob"], data=machines["m2"], url=sync_url)
            check(r.returncode == 0, "sync role sync: %s" % r.stderr)
            # The better copy replaced the worse one (update path): session rows recomputed from the events.
            check(session_rollup_mismatches(pg) == "0", "session rollup differs from the events after a better copy")
            r = cli.run(["sync", "--machine", "m1", "--user", "alice"], data=machines["m1"], url=sync_url)
            check(r.returncode == 0 and " 0 new, 0 improved" in r.stdout, "second sync changed something: %s %s" % (r.stdout, r.stderr))
            r = cli.run(["sync", "--machine", "m1", "--user", "alice"], data=machines["m1"], url=read_url)
            check(r.returncode == 1 and "privilege" in r.stderr, "report role may not sync: %r" % r.stderr)

            for zone in ("UTC", "Asia/Tokyo", "America/Los_Angeles", "Asia/Kolkata", "Asia/Kathmandu"):
                for mode in ("auto", "calculate", "display"):
                    for report, key, ident in (("daily", "daily", lambda r: r["date"]), ("monthly", "monthly", lambda r: r["month"]),
                                               ("weekly", "weekly", lambda r: r["week"]),
                                               ("session", "sessions", lambda r: r["sessionId"])):
                        if report == "session" and zone != "UTC":
                            continue
                        args = [report, "--json", "--timezone", zone, "--mode", mode]
                        local = cli.run(args + ["--offline"], data=union)
                        team = cli.run(args + ["--team"], url=read_url)
                        label = "%s %s %s" % (report, zone, mode)
                        if local.returncode or team.returncode:
                            check(False, "%s: exit local %d team %d: %s" % (label, local.returncode, team.returncode, team.stderr))
                            continue
                        compare_reports(label, json.loads(local.stdout), json.loads(team.stdout), key, ident)
            # --since/--until pushed down (the slot range and the runs kept), also in half-hour and 45-minute zones.
            for zone in ("Asia/Tokyo", "Asia/Kolkata", "Asia/Kathmandu"):
                args = ["daily", "--json", "--since", "20250601", "--until", "20250610", "--timezone", zone]
                compare_reports("daily range " + zone, json.loads(cli.run(args + ["--offline"], data=union).stdout),
                                json.loads(cli.run(args + ["--team"], url=read_url).stdout), "daily", lambda r: r["date"])
            # Tables print too.
            r = cli.run(["daily", "--team"], url=read_url)
            check(r.returncode == 0 and "Total" in r.stdout, "team table: %s" % r.stderr)
            # Blocks come from per-hour sums with their first and last times: every block equals the local one
            # (times, entries, tokens, models in order, cost, burn rate), also in a range and with --session-length.
            for extra in ([], ["--since", "20250601", "--until", "20250610", "-z", "Asia/Kathmandu"],
                          ["--session-length", "3"], ["--session-length", "2.5"], ["--breakdown"]):
                args = ["blocks", "--json"] + extra
                r = cli.run(args + ["--team"], url=read_url)
                local = cli.run(args + ["--offline"], data=union)
                check(r.returncode == 0 and local.returncode == 0, "blocks --team %s: %s" % (extra, r.stderr))
                if r.returncode == 0 and local.returncode == 0:
                    compare_blocks("blocks %s" % extra, json.loads(local.stdout)["blocks"], json.loads(r.stdout)["blocks"])
            # Grouping and filters partition the totals.
            total = json.loads(cli.run(["daily", "--team", "--json"], url=read_url).stdout)["totals"]["totalTokens"]
            by_user = json.loads(cli.run(["daily", "--team", "--json", "--by-user"], url=read_url).stdout)
            check(sorted(by_user.get("projects", {})) == ["alice", "bob"], "by-user groups: %s" % list(by_user.get("projects", {})))
            check(by_user["totals"]["totalTokens"] == total, "by-user totals")
            parts = [json.loads(cli.run(["monthly", "--team", "--json", "--machine", m], url=read_url).stdout)["totals"]["totalTokens"]
                     for m in ("m1", "m2")]
            check(sum(parts) == total, "machine filters do not partition: %s vs %d" % (parts, total))
            for zone in ("Asia/Kolkata", "Asia/Kathmandu"):
                grouped = json.loads(cli.run(["daily", "--team", "--json", "--by-machine", "-z", zone], url=read_url).stdout)
                plain = json.loads(cli.run(["daily", "--team", "--json", "-z", zone], url=read_url).stdout)
                check(grouped["totals"]["totalTokens"] == total, "by-machine totals in " + zone)
                days = {}
                for rows_ in grouped.get("projects", {}).values():
                    for row in rows_:
                        days[row["date"]] = days.get(row["date"], 0) + row["totalTokens"]
                check(days == {row["date"]: row["totalTokens"] for row in plain["daily"]}, "by-machine days in " + zone)
            r = cli.run(["daily", "--by-user"], data=union)
            check(r.returncode == 1 and "--team" in r.stderr, "--by-user without --team: %r" % r.stderr)

            # Kill the server in the middle of a big sync; the next sync completes it.
            big = os.path.join(work, "tree-big")
            subprocess.run([generator, "--out", big, "--size", "150M", "--seed", "5", "--start", "2025-03-01", "--days", "60"],
                           check=True, capture_output=True)
            killer = threading.Thread(target=lambda: (wait_for_rows(pg, 1), pg.kill()))
            before = pg.psql("SELECT count(*) FROM ccusage.events")
            killer.start()
            # Small batches: the server dies after some have been committed and before the last one.
            r = cli.run(["sync", "--machine", "m3", "--user", "carol"], data=big, url=sync_url,
                        extra_env={"CCUSAGE_TEAM_BATCH": "200"})
            killer.join()
            check(r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, "killed mid-sync: exit %d %r" % (r.returncode, r.stderr))
            pg.start()
            mid = int(pg.psql("SELECT count(*) FROM ccusage.events"))
            check(mid >= int(before), "events after the crash: %d" % mid)
            check(consistent(pg), "rollups disagree with events after the crash")
            r = cli.run(["sync", "--machine", "m3", "--user", "carol"], data=big, url=sync_url)
            check(r.returncode == 0, "resumed sync: %s" % r.stderr)
            union3 = union + "," + big
            for report, key, ident in (("daily", "daily", lambda r: r["date"]),):
                args = [report, "--json", "--timezone", "UTC"]
                compare_reports("after resume", json.loads(cli.run(args + ["--offline"], data=union3).stdout),
                                json.loads(cli.run(args + ["--team"], url=read_url).stdout), key, ident)
            check(consistent(pg), "rollups disagree with events")
            check(session_rollup_mismatches(pg) == "0", "session rollup differs from the events after the resumed sync")

            migration_check(pg, cli)

            # A database of another schema version: one clear line.
            pg.psql("UPDATE ccusage.meta SET value = '99' WHERE key = 'schema_version'")
            for args in (["sync"], ["daily", "--team"]):
                r = cli.run(args, data=machines["m1"], url=admin)
                check(r.returncode == 1 and "schema version 99" in r.stderr and len(r.stderr.strip().splitlines()) == 1,
                      "%s other schema: %r" % (args, r.stderr))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("team: %d checks, %d mismatches" % (CHECKS[0], len(MISMATCHES)))
    return 1 if MISMATCHES else 0


def migration_check(pg, cli):
    """A version-1 database (Tests/team/schema-v1.sql: a pg_dump of what the version-1 ccusage wrote for two
    machines, one copy improved) is refused for reading until the owner's sync migrates it; then every report
    equals what version 1 printed (schema-v1-expected.json), the new session rollup equals the events, and a
    role that could read the old rollups can read the new one."""
    here = os.path.dirname(os.path.abspath(__file__))
    pg.psql("CREATE DATABASE v1_migration")
    pg.psql_file(os.path.join(here, "schema-v1.sql"), database="v1_migration")
    pg.psql("CREATE ROLE v1_reader LOGIN PASSWORD 'v1-reader-pw'; GRANT USAGE ON SCHEMA ccusage TO v1_reader; "
            "GRANT SELECT ON ALL TABLES IN SCHEMA ccusage TO v1_reader", database="v1_migration")
    admin = pg.url(database="v1_migration")
    reader = pg.url(user="v1_reader", password="v1-reader-pw", database="v1_migration")
    r = cli.run(["daily", "--team", "--json"], url=reader)
    check(r.returncode == 1 and "schema version 1" in r.stderr and "ccusage sync" in r.stderr
          and len(r.stderr.strip().splitlines()) == 1, "v1 database read before migrating: %r" % r.stderr)
    r = cli.run(["sync", "--machine", "laptop1", "--user", "dana"], url=admin)
    check(r.returncode == 0 and " 0 new" in r.stdout, "migrating sync: %s %s" % (r.stdout, r.stderr))
    check(pg.psql("SELECT value FROM ccusage.meta WHERE key = 'schema_version'", database="v1_migration") == "2",
          "schema version after the migration")
    expected = json.load(open(os.path.join(here, "schema-v1-expected.json")))
    keys = {"daily": lambda r: r["date"], "weekly": lambda r: r["week"], "monthly": lambda r: r["month"],
            "sessions": lambda r: r["sessionId"]}
    for args, before in expected.items():
        r = cli.run(args.split() + ["--team", "--json", "--mode", "calculate"], url=reader)
        if r.returncode != 0:
            check(False, "after migration, %s: %s" % (args, r.stderr))
            continue
        after = json.loads(r.stdout)
        if "projects" in before:
            check(sorted(before["projects"]) == sorted(after.get("projects", {})), "after migration, %s groups" % args)
            for name in before["projects"]:
                compare_reports("after migration, %s %s" % (args, name), {"daily": before["projects"][name]},
                                {"daily": after.get("projects", {}).get(name, [])}, "daily", keys["daily"])
            continue
        key = next(k for k in keys if k in before)
        compare_reports("after migration, " + args, before, after, key, keys[key])
    same = session_rollup_mismatches(pg, "v1_migration")
    check(same == "0", "session rollup differs from the events after the migration in %s rows" % same)
    pg.psql("DROP DATABASE v1_migration WITH (FORCE)")


def session_rollup_mismatches(pg, database="postgres"):
    """Rows where ccusage.rollup_session differs from the events grouped by its key (as a string)."""
    return pg.psql("""SELECT count(*) FROM (
                        SELECT source, session_id, project_path, project, coalesce(model, '') AS model, fast,
                               coalesce(version, '') AS version, user_name, machine, count(*) AS n,
                               sum(output_tokens) AS o, sum(cost_auto) AS c, min(ts) AS f, max(ts) AS l
                        FROM ccusage.events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9) e
                      FULL JOIN ccusage.rollup_session s
                        USING (source, session_id, project_path, project, model, fast, version, user_name, machine)
                      WHERE s.events IS DISTINCT FROM e.n OR s.output_tokens IS DISTINCT FROM e.o
                         OR abs(s.cost_auto - e.c) > 1e-9 OR s.first_ts IS DISTINCT FROM e.f
                         OR s.last_ts IS DISTINCT FROM e.l""", database=database)


def wait_for_rows(pg, count):
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if int(pg.psql("SELECT count(*) FROM ccusage.events WHERE machine = 'm3'") or 0) >= count:
                return
        except RuntimeError:
            pass
        time.sleep(0.02)


def consistent(pg):
    sql = """SELECT (SELECT coalesce(sum(output_tokens), 0) FROM ccusage.events) = (SELECT coalesce(sum(output_tokens), 0) FROM ccusage.rollup_team)
             AND (SELECT coalesce(sum(output_tokens), 0) FROM ccusage.events) = (SELECT coalesce(sum(output_tokens), 0) FROM ccusage.rollup_member)
             AND (SELECT count(*) FROM ccusage.events) = (SELECT coalesce(sum(events), 0) FROM ccusage.rollup_team)
             AND (SELECT coalesce(sum(output_tokens), 0) FROM ccusage.events) = (SELECT coalesce(sum(output_tokens), 0) FROM ccusage.rollup_session)
             AND (SELECT count(*) FROM ccusage.events) = (SELECT coalesce(sum(events), 0) FROM ccusage.rollup_session)"""
    return pg.psql(sql) == "t"


def readme_roles(pg):
    """The README's least-privilege roles, statement for statement (README, Teams)."""
    readme = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "README.md")
    text = open(readme).read()
    start = text.index("<!-- team-roles -->")
    block = text[start:text.index("```", text.index("```sql", start) + 6)]
    sql = block[block.index("```sql") + 6:]
    sql = sql.replace("'choose-a-sync-password'", "'sync-pw-1'").replace("'choose-a-report-password'", "'report-pw-1'")
    pg.psql(sql)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
