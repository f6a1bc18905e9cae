#!/usr/bin/env python3
"""An independent restatement of 09-agents-jsonl for Gemini, Qwen and Kimi daily JSON, compared with
`ccusage <agent> daily --json -m calculate -O` on generated homes (edge cases included) and the hand-made homes
in Tests/Fixtures/agents, in three time zones and with a date filter.
Prices: made-up model names priced through config `pricingOverrides` (exact keys; the agents' provider-prefixed
candidates reach them by the boundary match). Usage: python3 agents_reference.py <ccusage binary>
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(HERE), "Fixtures", "agents")
ZONES = ["UTC", "America/Los_Angeles", "Asia/Tokyo"]
PRICES = {  # USD per token: input, output, cache write, cache read
    "gemini-ref-pro": (1.25e-6, 10e-6, 1.5e-6, 0.125e-6),
    "gemini-ref-flash": (0.3e-6, 2.5e-6, 0.4e-6, 0.03e-6),
    "qwen-ref-coder": (1e-6, 5e-6, 1.2e-6, 0.1e-6),
    "kimi-ref": (0.6e-6, 3e-6, 0.75e-6, 0.1e-6),
}
STRICT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$")


def strict_ms(text):
    if not isinstance(text, str) or not STRICT.match(text):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (moment - datetime(1970, 1, 1, tzinfo=timezone.utc)) // __import__("datetime").timedelta(milliseconds=1)


def count(v):
    return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else 0


def fallback(i, o, cc, cr, extra, total):
    missing = total - (i + o + cc + cr + extra)
    if missing > 0:
        if o == 0:
            o = missing
        else:
            extra += missing
    return o, extra


def price(model):
    return PRICES.get(model)


MODE = {"calculate": True}


def cost(model, i, o, cc, cr, extra, extra_as_output):
    p = price(model) if MODE["calculate"] else None
    if p is None:
        return 0.0
    return i * p[0] + (o + (extra if extra_as_output else 0)) * p[1] + cc * p[2] + cr * p[3]


def files(root, pred):
    out = []
    for d, _, names in os.walk(root):
        for n in names:
            path = os.path.join(d, n)
            if not os.path.islink(path) and pred(path):
                out.append(path)
    return sorted(out)


def lines(path):
    with open(path, "rb") as f:
        for raw in f.read().split(b"\n"):
            try:
                yield json.loads(raw)
            except ValueError:
                continue


# --- Gemini (.jsonl logs only in the generated homes; the fixture also has a .json session) ---
def gemini_tokens(t, direct):
    def read(keys):
        for k in keys:
            v = t.get(k)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                return max(0, int(v))
        return None
    i = read(["input", "prompt", "input_tokens", "prompt_tokens"]) or 0
    o = read(["output", "candidates", "output_tokens", "candidates_tokens"]) or 0
    c = read(["cached", "cached_tokens"]) or 0
    th = read(["thoughts", "reasoning", "thoughts_tokens", "reasoning_tokens"]) or 0
    tool = read(["tool", "tool_tokens"]) or 0
    total = read(["total", "total_tokens"])
    ip = i
    if not direct or (c > 0 and total == i + o + th + tool and total != i + o + th + tool + c):
        ip = i - min(i, c)
    inp = ip + tool
    rec = total if total is not None else inp + o + c + th
    o, _ = fallback(inp, o, 0, c, th, rec)
    extra = max(0, rec - (inp + o + c))
    if inp + o + c + extra == 0:
        return None
    return inp, o, c, extra


def gemini_entries(root):
    out = []
    for path in files(root, lambda p: p.endswith(".json") or p.endswith(".jsonl")):
        stem = os.path.basename(path).rsplit(".", 1)[0]
        mtime = os.stat(path).st_mtime_ns // 1000000
        if path.endswith(".json"):
            doc = json.load(open(path))
            session = doc.get("sessionId") or stem
            st = strict_ms(doc.get("startTime")) or mtime
            for m in doc.get("messages", []):
                if m.get("type") == "gemini" and isinstance(m.get("tokens"), dict) and m.get("model"):
                    cols = gemini_tokens(m["tokens"], True)
                    if cols:
                        out.append((strict_ms(m.get("timestamp")) or st, m["model"]) + cols)
            continue
        events, ids, current = [], {}, None
        for v in lines(path):
            if not isinstance(v, dict):
                continue
            if v.get("model"):
                current = v["model"]
            if v.get("type") == "gemini" and isinstance(v.get("tokens"), dict):
                model = v.get("model") or current
                cols = gemini_tokens(v["tokens"], True)
                if not model or not cols:
                    continue
                e = (strict_ms(v.get("timestamp")) or mtime, model) + cols
                if v.get("id") in ids:
                    events[ids[v["id"]]] = e
                else:
                    if v.get("id") is not None:
                        ids[v["id"]] = len(events)
                    events.append(e)
        out += events
    return [(t, m, i, o, 0, c, x, cost_g(m, i, o, c, x)) for (t, m, i, o, c, x) in out]


def cost_g(model, i, o, c, x):
    for cand in ["google/" + model, "gemini/" + model, "vertex_ai/" + model, "openrouter/google/" + model, model]:
        base = cand.split("/")[-1]
        if price(base) and MODE["calculate"]:
            return cost(base, i, o, 0, c, x, True)
    return 0.0


def qwen_entries(root):
    out, seen = [], set()
    for path in files(root, lambda p: p.endswith(".jsonl")):
        rel = os.path.relpath(path, root).split(os.sep)
        if len(rel) != 4 or rel[0] != "projects" or rel[2] != "chats":
            continue
        mtime = os.stat(path).st_mtime_ns // 1000000
        for v in lines(path):
            if not isinstance(v, dict) or v.get("type") != "assistant" or not isinstance(v.get("usageMetadata"), dict):
                continue
            u = v["usageMetadata"]
            i, o, c, x = count(u.get("promptTokenCount")), count(u.get("candidatesTokenCount")), \
                count(u.get("cachedContentTokenCount")), count(u.get("thoughtsTokenCount"))
            o, x = fallback(i, o, 0, c, x, count(u.get("totalTokenCount")))
            if i + o + c + x == 0:
                continue
            t = strict_ms(v.get("timestamp")) or mtime
            model = v.get("model") or "unknown"
            session = v.get("sessionId") or "%s-%s" % (rel[1], rel[3][:-6])
            key = (session, t, model, i, o, c, x)
            if key in seen:
                continue
            seen.add(key)
            out.append((t, model, i, o, 0, c, x, cost(model, i, o, 0, c, x, True)))
    return out


def kimi_entries(root):
    out, seen = [], set()
    try:
        model = json.load(open(os.path.join(root, "config.json"))).get("model") or "kimi-for-coding"
    except (OSError, ValueError, AttributeError):
        model = "kimi-for-coding"
    for path in files(root, lambda p: os.path.basename(p) == "wire.jsonl"):
        rel = os.path.relpath(path, root).split(os.sep)
        if len(rel) != 4 or rel[0] != "sessions":
            continue
        mtime = os.stat(path).st_mtime_ns // 1000000
        for v in lines(path):
            if not isinstance(v, dict) or v.get("type") == "metadata":
                continue
            msg = v.get("message") or {}
            if not isinstance(msg, dict) or msg.get("type") != "StatusUpdate":
                continue
            u = (msg.get("payload") or {}).get("token_usage")
            if not isinstance(u, dict):
                continue
            i, o, cc, cr = count(u.get("input_other")), count(u.get("output")), count(u.get("input_cache_creation")), \
                count(u.get("input_cache_read"))
            o, x = fallback(i, o, cc, cr, 0, count(u.get("total")))
            if i + o + cc + cr + x == 0:
                continue
            ts = v.get("timestamp")
            t = int(ts * 1000) if isinstance(ts, (int, float)) and not isinstance(ts, bool) else mtime
            key = (rel[2], (msg.get("payload") or {}).get("message_id") or "", t, model, i, o, cc, cr, x)
            if key in seen:
                continue
            seen.add(key)
            out.append((t, model, i, o, cc, cr, x, cost(model, i, o, cc, cr, x, False)))
    return out


def daily(entries, zone, since=None, until=None):
    rows = {}
    for (t, model, i, o, cc, cr, x, c) in sorted(entries, key=lambda e: e[0]):
        day = datetime.fromtimestamp(t / 1000, timezone.utc).astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d")
        if (since and day.replace("-", "") < since) or (until and day.replace("-", "") > until):
            continue
        r = rows.setdefault(day, {"date": day, "inputTokens": 0, "outputTokens": 0, "cacheCreationTokens": 0,
                                  "cacheReadTokens": 0, "totalTokens": 0, "totalCost": 0.0, "modelsUsed": []})
        r["inputTokens"] += i; r["outputTokens"] += o; r["cacheCreationTokens"] += cc; r["cacheReadTokens"] += cr
        r["totalTokens"] += i + o + cc + cr + x; r["totalCost"] += c
        if model not in r["modelsUsed"]:
            r["modelsUsed"].append(model)
    out = [rows[k] for k in sorted(rows)]
    totals = {k: sum(r[k] for r in out) for k in ["inputTokens", "outputTokens", "cacheCreationTokens",
                                                 "cacheReadTokens", "totalTokens"]}
    totals["totalCost"] = float(sum(r["totalCost"] for r in out))
    return {"daily": out, "totals": totals if out or not NULL_TOTALS["on"] else None}


NULL_TOTALS = {"on": False}


def generate(base, seed):
    rng = random.Random(seed)
    start = 1767225600  # 2026-01-01
    def ts(sec):
        frac = rng.choice([".%03d" % rng.randrange(1000), "", ".123456"])  # the 6-digit form is not strict
        zone = rng.choice(["Z", "Z", "+09:00", "-07:00"])
        local = datetime.fromtimestamp(sec, timezone.utc).astimezone(
            timezone.utc if zone == "Z" else datetime.strptime(zone, "%z").tzinfo)
        return local.strftime("%Y-%m-%dT%H:%M:%S") + frac + zone
    g = os.path.join(base, "gemini", "h%d" % rng.randrange(3), "chats")
    os.makedirs(g)
    with open(os.path.join(g, "session-x.jsonl"), "w") as f:
        f.write(json.dumps({"sessionId": "s-%d" % seed}) + "\n")
        for n in range(rng.randrange(40, 90)):
            i, c = rng.randrange(0, 5000), rng.randrange(0, 3000)
            o, th, tool = rng.randrange(0, 900), rng.choice([0, rng.randrange(1, 400)]), rng.choice([0, 0, 7])
            tok = {"input": i + c, "output": o, "cached": c, "thoughts": th, "tool": tool}
            if rng.random() < 0.6:
                tok["total"] = i + c + o + th + tool
            elif rng.random() < 0.3:
                tok = {"total": rng.randrange(1, 999)}
            line = {"id": "m%d" % rng.randrange(60), "timestamp": ts(start + rng.randrange(20 * 86400)), "type": "gemini",
                    "tokens": tok}
            if rng.random() < 0.9:
                line["model"] = rng.choice(["gemini-ref-pro", "gemini-ref-flash"])
            f.write(json.dumps(line) + "\n")
            if rng.random() < 0.05:
                f.write("{broken\n")
    q = os.path.join(base, "qwen", "projects", "p%d" % seed, "chats")
    os.makedirs(q)
    with open(os.path.join(q, "c.jsonl"), "w") as f:
        for n in range(rng.randrange(40, 90)):
            u = {"promptTokenCount": rng.randrange(0, 4000), "candidatesTokenCount": rng.choice([0, rng.randrange(900)]),
                 "cachedContentTokenCount": rng.randrange(0, 2000), "thoughtsTokenCount": rng.choice([0, 55])}
            if rng.random() < 0.3:
                u["totalTokenCount"] = sum(u.values()) + rng.randrange(0, 300)
            line = json.dumps({"type": "assistant", "model": "qwen-ref-coder", "sessionId": "q%d" % rng.randrange(5),
                               "timestamp": ts(start + rng.randrange(20 * 86400)), "usageMetadata": u})
            f.write(line + "\n")
            if rng.random() < 0.1:
                f.write(line + "\n")  # a duplicate copy
    k = os.path.join(base, "kimi")
    os.makedirs(os.path.join(k, "sessions", "g", "s%d" % seed))
    json.dump({"model": "kimi-ref"}, open(os.path.join(k, "config.json"), "w"))
    with open(os.path.join(k, "sessions", "g", "s%d" % seed, "wire.jsonl"), "w") as f:
        for n in range(rng.randrange(40, 90)):
            u = {"input_other": rng.randrange(0, 4000), "output": rng.choice([0, rng.randrange(900)]),
                 "input_cache_read": rng.randrange(0, 9000), "input_cache_creation": rng.choice([0, 400])}
            if rng.random() < 0.2:
                u = {"total": rng.randrange(1, 700)}
            line = json.dumps({"timestamp": start + rng.randrange(20 * 86400) + rng.random(),
                               "message": {"type": "StatusUpdate", "payload": {"token_usage": u, "message_id": "m%d" % n}}})
            f.write(line + "\n")
            if rng.random() < 0.1:
                f.write(line + "\n")


def diff(a, b, path, out):
    if isinstance(b, float):
        if not isinstance(a, (int, float)) or abs(a - b) > 1e-9 * max(abs(a), abs(b), 1e-12):
            out.append("%s: ccusage %r, reference %r" % (path, a, b))
    elif isinstance(b, dict):
        if not isinstance(a, dict) or set(a) != set(b):
            out.append("%s: keys differ: %r vs %r" % (path, a, b))
        else:
            for key in b:
                diff(a[key], b[key], path + "." + key, out)
    elif isinstance(b, list):
        if not isinstance(a, list) or len(a) != len(b):
            out.append("%s: lengths differ" % path)
        else:
            for n, (x, y) in enumerate(zip(a, b)):
                diff(x, y, "%s[%d]" % (path, n), out)
    elif a != b:
        out.append("%s: ccusage %r, reference %r" % (path, a, b))


def main():
    binary = sys.argv[1]
    work = tempfile.mkdtemp(prefix="ccusage-agents-ref-")
    config = os.path.join(work, "ccusage.json")
    json.dump({"defaults": {"pricingOverrides": {m: {"inputCostPerToken": p[0], "outputCostPerToken": p[1],
                                                     "cacheCreationInputTokenCost": p[2], "cacheReadInputTokenCost": p[3]}
                                                 for m, p in PRICES.items()}}}, open(config, "w"))
    homes = [("fixtures", FIXTURES)]
    for seed in range(1, 5):
        base = os.path.join(work, "gen%d" % seed)
        generate(base, seed)
        homes.append(("seed %d" % seed, base))
    checks, mismatches = 0, []
    loaders = {"gemini": (gemini_entries, "GEMINI_DATA_DIR"), "qwen": (qwen_entries, "QWEN_DATA_DIR"),
               "kimi": (kimi_entries, "KIMI_DATA_DIR")}
    try:
        for name, base in homes:
            mode = "display" if name == "fixtures" else "calculate"
            MODE["calculate"] = mode == "calculate"
            for agent, (loader, variable) in loaders.items():
                entries = loader(os.path.join(base, agent))
                NULL_TOTALS["on"] = agent == "qwen"
                for zone in ZONES:
                    for bounds in [(None, None), ("20260105", "20260112")]:
                        args = [binary, agent, "daily", "--json", "-m", mode, "-O", "--config", config, "-z", zone]
                        if bounds[0]:
                            args += ["--since", bounds[0], "--until", bounds[1]]
                        env = {"PATH": os.environ.get("PATH", ""), "HOME": work, "CCUSAGE_NO_ARCHIVE": "1",
                               variable: os.path.join(base, agent)}
                        run = subprocess.run(args, capture_output=True, text=True, env=env)
                        checks += 1
                        if run.returncode != 0:
                            mismatches.append("%s %s %s: exit %d %s" % (name, agent, zone, run.returncode, run.stderr))
                            continue
                        problems = []
                        diff(json.loads(run.stdout), daily(entries, zone, *bounds), "%s/%s/%s" % (name, agent, zone), problems)
                        if '"totalCost": 0,' in run.stdout or '"totalCost": 0\n' in run.stdout:
                            problems.append("%s/%s: totalCost printed without a decimal point" % (name, agent))
                        mismatches += problems
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for m in mismatches[:40]:
        print(m)
    print("agents reference: %d checks, %d mismatches" % (checks, len(mismatches)))
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
