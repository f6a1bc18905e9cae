#!/usr/bin/env python3
"""Compares `ccusage <agent> daily|session --json --offline` token columns with an independent reading of
10-agents-stores for the agents whose rules are short: Hermes (§4), Goose (§5), ZCode (§9) and Droid (§6).

Homes are generated here at random (seeded) with Python's sqlite3 and json, including rows each agent must skip
(NULL or blank model, zero tokens, non-completed status, bad timestamps, malformed files), then every daily and
session row's input/output/cache/total tokens must match. Costs are not compared (pricing has its own tests).
Usage: python3 stores_compare.py <ccusage binary> [--seeds 1,2,3]
"""
import datetime, json, os, random, shutil, sqlite3, subprocess, sys, tempfile
from collections import defaultdict

def day(ms):
    return datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc).strftime("%Y-%m-%d")

def add(rows, key, t):
    r = rows[key]
    for k, v in t.items():
        r[k] = r.get(k, 0) + v

def tokens(i, o, cc, cr, extra):
    return {"inputTokens": i, "outputTokens": o, "cacheCreationTokens": cc, "cacheReadTokens": cr,
            "totalTokens": i + o + cc + cr + extra}

def hermes(home, rng):
    db = sqlite3.connect(os.path.join(home, "state.db"))
    db.execute("CREATE TABLE sessions (id TEXT PRIMARY KEY, source TEXT, model TEXT, started_at REAL, message_count INTEGER,"
               " input_tokens INTEGER, output_tokens INTEGER, cache_read_tokens INTEGER, cache_write_tokens INTEGER,"
               " reasoning_tokens INTEGER, billing_provider TEXT, estimated_cost_usd REAL, actual_cost_usd REAL)")
    daily, sessions = defaultdict(dict), defaultdict(dict)
    for n in range(rng.randint(5, 40)):
        model = rng.choice(["claude-sonnet-4-20250514", "gpt-5", None, "  "])
        started = rng.choice([1767225600 + rng.randint(0, 40 * 86400) + 0.5, 1767225600000.0 + rng.randint(0, 9e9), 0])
        i, o, cr, cw, r = (rng.choice([0, rng.randint(1, 9000)]) for _ in range(5))
        db.execute("INSERT INTO sessions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (f"s{n}", "cli", model, started, 3, i, o, cr, cw, r, None, None, None))
        if model is None or not model.strip() or started <= 0 or i + o + cr + cw + r == 0:
            continue
        ms = int(started) if started > 1e12 else int(started * 1000)
        add(daily, day(ms), tokens(i, o, cw, cr, r)); add(sessions, f"s{n}", tokens(i, o, cw, cr, r))
    db.commit(); db.close()
    return {"HERMES_HOME": home}, daily, sessions

def goose(home, rng):
    path = os.path.join(home, "data", "sessions"); os.makedirs(path)
    db = sqlite3.connect(os.path.join(path, "sessions.db"))
    db.execute("CREATE TABLE sessions (id TEXT, model_config_json TEXT, provider_name TEXT, created_at TEXT, total_tokens INTEGER,"
               " input_tokens INTEGER, output_tokens INTEGER, accumulated_total_tokens INTEGER,"
               " accumulated_input_tokens INTEGER, accumulated_output_tokens INTEGER)")
    daily, sessions = defaultdict(dict), defaultdict(dict)
    for n in range(rng.randint(5, 40)):
        secs = 1767225600 + rng.randint(0, 40 * 86400)
        created = rng.choice([str(secs), datetime.datetime.utcfromtimestamp(secs).strftime("%Y-%m-%d %H:%M:%S"), "later"])
        cfg = rng.choice(['{"model_name":"claude-sonnet-4-20250514"}', '{"model_name":""}', None])
        vals = [rng.choice([None, 0, rng.randint(1, 5000)]) for _ in range(6)]
        db.execute("INSERT INTO sessions VALUES (?,?,?,?,?,?,?,?,?,?)", (f"g{n}", cfg, "anthropic", created, *vals))
        tt, ti, to, at, ai, ao = (v or 0 for v in vals)
        i = ai if ai > 0 else ti; o = ao if ao > 0 else to
        total = at if at > 0 else (tt if tt > 0 else i + o)
        if cfg is None or '""' in cfg or created == "later" or (i == 0 and o == 0 and total == 0):
            continue
        extra = max(0, total - i - o)
        add(daily, day(secs * 1000), tokens(i, o, 0, 0, extra)); add(sessions, f"g{n}", tokens(i, o, 0, 0, extra))
    db.commit(); db.close()
    return {"GOOSE_PATH_ROOT": home}, daily, sessions

def zcode(home, rng):
    path = os.path.join(home, "cli", "db"); os.makedirs(path)
    db = sqlite3.connect(os.path.join(path, "db.sqlite"))
    db.execute("CREATE TABLE session (id TEXT, directory TEXT)")
    db.execute("CREATE TABLE model_usage (id TEXT, session_id TEXT, started_at INTEGER, model_id TEXT, status TEXT,"
               " input_tokens INTEGER, output_tokens INTEGER, cache_creation_input_tokens INTEGER,"
               " cache_read_input_tokens INTEGER, computed_total_tokens INTEGER)")
    daily, sessions = defaultdict(dict), defaultdict(dict)
    for n in range(rng.randint(5, 60)):
        ms = 1767225600000 + rng.randint(0, 40 * 86400000)
        status = rng.choice(["completed", "completed", "running", "error"])
        inp, out, cc, cr = rng.randint(0, 9000), rng.randint(0, 900), rng.randint(0, 3000), rng.randint(0, 12000)
        total = inp + out + rng.choice([0, 0, rng.randint(1, 50)])
        sess = f"z{n % 4}"
        db.execute("INSERT INTO model_usage VALUES (?,?,?,?,?,?,?,?,?,?)", (f"u{n}", sess, ms, "GLM-5.3", status, inp, out, cc, cr, total))
        if status != "completed":
            continue
        rd = min(cr, inp); cw = min(cc, inp - rd); i = inp - rd - cw; o = out; extra = 0
        missing = max(0, total - (i + o + cw + rd))
        if missing:
            if o == 0: o = missing
            else: extra = missing
        if i + o + cw + rd + extra == 0:
            continue
        add(daily, day(ms), tokens(i, o, cw, rd, extra)); add(sessions, sess, tokens(i, o, cw, rd, extra))
    db.commit(); db.close()
    return {"ZCODE_HOME": home}, daily, sessions

def droid(home, rng):
    daily, sessions = defaultdict(dict), defaultdict(dict)
    latest = {}
    for n in range(rng.randint(5, 40)):
        sess = f"d{rng.randint(0, 15)}"
        folder = os.path.join(home, rng.choice(["", "archive", "x/y"]))
        os.makedirs(folder, exist_ok=True)
        ms = 1767225600000 + rng.randint(0, 40 * 86400) * 1000
        u = {k: rng.choice([0, rng.randint(1, 5000)]) for k in
             ["inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "thinkingTokens"]}
        stamp = datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        path = os.path.join(folder, sess + ".settings.json")
        if os.path.exists(path):
            continue
        with open(path, "w") as f:
            json.dump({"model": "gpt-5", "providerLockTimestamp": stamp, "tokenUsage": u}, f)
        if sum(u.values()) == 0:
            continue
        key = (ms, path)
        if sess not in latest or key >= latest[sess][0]:
            latest[sess] = (key, u)
    with open(os.path.join(home, "broken.settings.json"), "w") as f:
        f.write("{")
    for sess, ((ms, _), u) in latest.items():
        t = tokens(u["inputTokens"], u["outputTokens"], u["cacheCreationTokens"], u["cacheReadTokens"], u["thinkingTokens"])
        add(daily, day(ms), t); add(sessions, sess, t)
    return {"DROID_SESSIONS_DIR": home}, daily, sessions

ROWS = [0]

def compare(binary, agent, env_vars, daily, sessions):
    env = dict(os.environ, TZ="UTC", NO_COLOR="1", CCUSAGE_NO_ARCHIVE="1", HOME="/nonexistent-home", **env_vars)
    mismatches = 0
    for kind, key, want in [("daily", "date", daily), ("session", "sessionId", sessions)]:
        out = subprocess.run([binary, agent, kind, "--json", "--offline", "--mode", "display"], env=env,
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{agent} {kind}: exit {out.returncode}: {out.stderr}"); mismatches += 1; continue
        rows = json.loads(out.stdout)["sessions" if kind == "session" else "daily"]
        got = {r[key]: {k: r[k] for k in ["inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "totalTokens"]} for r in rows}
        ROWS[0] += len(want)
        if got != dict(want):
            print(f"{agent} {kind}: mismatch\n  got  {got}\n  want {dict(want)}"); mismatches += 1
    return mismatches

def main():
    binary = sys.argv[1]
    seeds = [1, 2, 3]
    if "--seeds" in sys.argv:
        seeds = [int(s) for s in sys.argv[sys.argv.index("--seeds") + 1].split(",")]
    total = 0
    for seed in seeds:
        for name, build in [("hermes", hermes), ("goose", goose), ("zcode", zcode), ("droid", droid)]:
            home = tempfile.mkdtemp(prefix=f"stores-{name}-")
            try:
                env_vars, daily, sessions = build(home, random.Random(f"{name}-{seed}"))
                total += compare(binary, name, env_vars, daily, sessions)
            finally:
                shutil.rmtree(home, ignore_errors=True)
    print(f"stores: {len(seeds)} seeds x 4 agents, {ROWS[0]} rows compared, {total} mismatches")
    sys.exit(1 if total else 0)

main()
