#!/usr/bin/env python3
"""An independent Python reading of 07-codex.md (Codex CLI usage), for compare.py.

build_document(homes, kind, zone, since, until, prices, fast) returns the JSON document `ccusage codex <kind> --json`
prints (keys and values; costs are floats). `prices` maps exact model names to (input, output, cacheRead or None,
fast multiplier). Deviation from the reference kept on purpose (00-decisions 23): an event whose timestamp is not in
the strict grammar is skipped instead of aborting the report.
"""
import calendar
import json
import os
import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

AUTO_REVIEW = [("2026-04-23", "gpt-5.5"), ("2026-03-05", "gpt-5.4"), ("2026-02-05", "gpt-5.3-codex"),
               ("2025-12-11", "gpt-5.2-codex"), ("2025-11-13", "gpt-5.1-codex"), ("2025-09-15", "gpt-5-codex"),
               ("2025-08-07", "gpt-5")]
STRICT_TS = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?(Z|[+-]\d{2}:\d{2})$")


# ---------------------------------------------------------------- discovery (§2, §3, §10)

def homes_from(env, home):
    if "CODEX_HOME" in env:
        return [p.strip() for p in env["CODEX_HOME"].split(",") if p.strip()]
    return [os.path.join(home, ".codex")]


def discover(homes):
    sources, seen = [], set()
    for h in homes:
        s, a = os.path.join(h, "sessions"), os.path.join(h, "archived_sessions")
        picked = [p for p in (s, a) if os.path.isdir(p)] or [h]
        for p in picked:
            key = tuple(c for c in p.split("/") if c and c != ".")
            if key not in seen:
                seen.add(key)
                sources.append((h, p))
    files, ids = [], set()
    for h, src in sources:
        found = []

        def walk(d, rel):
            try:
                names = os.listdir(d)
            except OSError:
                return
            for name in names:
                full = os.path.join(d, name)
                if os.path.islink(full):
                    continue
                if os.path.isdir(full):
                    walk(full, rel + [name])
                elif os.path.isfile(full):
                    dot = name.rfind(".")
                    if dot > 0 and name[dot + 1:] == "jsonl":
                        found.append(rel + [name])
        walk(src, [])
        found.sort(key=lambda parts: [p.encode() for p in parts])
        for parts in found:
            if (h, tuple(parts)) in ids:
                continue
            ids.add((h, tuple(parts)))
            sid = "/".join(parts[:-1] + [parts[-1][:-len(".jsonl")]]) or "unknown"
            full = os.path.join(src, *parts)
            files.append((full, sid, int(os.stat(full).st_mtime * 1000)))
    return files


# ---------------------------------------------------------------- lines (§4)

def classify(line):
    if b'"type":"turn_context"' in line:
        return "session"
    ev, tc = b'"type":"event_msg"' in line, b'"type":"token_count"' in line
    if ev and tc:
        return "session"
    if ev or b'"type":' not in line or (len(line) + 1 < 65536 and tc):
        values = set()
        for m in re.finditer(rb'"type"[ \t\r\n]*:[ \t\r\n]*"([^"]*)"', line):
            values.add(m.group(1))
        if b"turn_context" in values or (b"event_msg" in values and b"token_count" in values):
            return "session"
    if b'"usage":' in line or b'"input_tokens":' in line or b'"prompt_tokens":' in line:
        return "headless"
    return None


class Obj(dict):
    dups = frozenset()


class Neg:
    pass


def _pairs(pairs):
    o, seen, dups = Obj(), set(), set()
    for k, v in pairs:
        if k in seen:
            dups.add(k)
        seen.add(k)
        o[k] = v
    o.dups = frozenset(dups)
    return o


def _float(text):
    v = float(text)
    if v in (float("inf"), float("-inf")):
        raise ValueError("number out of range")
    return v


def _const(text):
    raise ValueError(text)


def loads(line):
    try:
        text = line.decode("utf-8")
        return json.loads(text, object_pairs_hook=_pairs, parse_float=_float, parse_constant=_const,
                          parse_int=lambda s: Neg() if s.startswith("-") else int(s))
    except (ValueError, RecursionError):
        return None


def is_uint(v):
    return isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2 ** 64


def count(v):
    if is_uint(v):
        return v
    if isinstance(v, str):
        t = v.strip()
        if t.startswith("+"):
            t = t[1:]
        if t and all("0" <= ch <= "9" for ch in t) and int(t) < 2 ** 64:
            return int(t)
    return None


def usage_of(o):
    if not isinstance(o, dict):
        return None

    def first(*keys):
        for k in keys:
            c = count(o.get(k)) if k in o else None
            if c is not None:
                return c
        return None
    i = first("input_tokens", "prompt_tokens", "input") or 0
    c = first("cached_input_tokens", "cache_read_input_tokens", "cached_tokens") or 0
    out = first("output_tokens", "completion_tokens", "output") or 0
    r = first("reasoning_output_tokens", "reasoning_tokens") or 0
    t = first("total_tokens")
    if t is None or not (t > 0 or i + out + r == 0):
        t = i + out + r
    return (i, c, out, r, t)


def iso(ms):
    dt = datetime.fromtimestamp(ms / 1000, tz=timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)


def from_epoch(v):
    return iso(v if v > 10_000_000_000 else v * 1000)


def parse_ts(text):
    m = STRICT_TS.match(text)
    if not m:
        return None
    y, mo, d, h, mi, s = (int(g) for g in m.groups()[:6])
    if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1] and h <= 23 and mi <= 59 and s <= 59):
        return None
    ms = int(m.group(7)[1:]) if m.group(7) else 0
    off = 0
    if m.group(8) != "Z":
        sign = -1 if m.group(8)[0] == "-" else 1
        off = sign * (int(m.group(8)[1:3]) * 60 + int(m.group(8)[4:6])) * 60
    days = (datetime(y, mo, d) - datetime(1970, 1, 1)).days
    return (days * 86400 + h * 3600 + mi * 60 + s - off) * 1000 + ms


def real_date(text):
    p = text[:10]
    if len(p) == 10 and re.match(r"^\d{4}-\d{2}-\d{2}$", p):
        y, mo, d = int(p[:4]), int(p[5:7]), int(p[8:10])
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            return p
    return None


def model_in(o, strict):
    """First non-blank of model / model_name / metadata.model; raises on a wrong type when strict."""
    if not isinstance(o, dict):
        return None
    meta = o.get("metadata")
    found = None
    for v in (o.get("model"), o.get("model_name"), meta.get("model") if isinstance(meta, dict) else None):
        if v is None:
            continue
        if isinstance(v, str):
            if found is None and v.strip():
                found = v.strip()
        elif strict:
            raise TypeError
    return found


# ---------------------------------------------------------------- one file (§5-§8)

def session_top(o):
    if not isinstance(o, dict) or o.dups & {"type", "timestamp", "payload"}:
        return None
    t = o.get("type")
    if t is not None and not isinstance(t, str):
        return None
    ts = o.get("timestamp")
    if ts is None:
        stamp = None
    elif isinstance(ts, str):
        stamp = ts.strip() or None
    elif is_uint(ts):
        stamp = from_epoch(ts)
    else:
        return None
    p = o.get("payload")
    return t, stamp, p if isinstance(p, dict) else None


def read_lines(path):
    with open(path, "rb") as f:
        data = f.read()
    return data.split(b"\n")


def parse_file(path, mtime):
    lines = read_lines(path)
    with open(path, "rb") as f:
        head = f.read(16384)
    replay = None
    if b"thread_spawn" in head:
        stamps = []
        for line in lines:
            if classify(line) != "session":
                continue
            top = session_top(loads(line))
            if not top or top[0] != "event_msg" or top[1] is None or top[2] is None:
                continue
            if top[2].get("type") != "token_count":
                continue
            info = top[2].get("info")
            if isinstance(info, dict) and (isinstance(info.get("last_token_usage"), dict)
                                           or isinstance(info.get("total_token_usage"), dict)):
                stamps.append(top[1])
                if len(stamps) == 2:
                    break
        if len(stamps) == 2 and len(stamps[0]) >= 19 and len(stamps[1]) >= 19 and stamps[0][:19] == stamps[1][:19]:
            replay = stamps[0][:19]
    state = {"prev": None, "model": None, "fallback": False}
    events = []
    mod = iso(mtime)

    def emit(u, parsed, ts, date_ts):
        if parsed is not None:
            state["model"], state["fallback"] = parsed, False
        model = parsed or state["model"]
        fb = False
        if model is None:
            model = "gpt-5"
            state["model"], state["fallback"] = "gpt-5", True
        if state["fallback"]:
            fb = True
        if model == "codex-auto-review":
            d = real_date(date_ts)
            model = next((m for r, m in AUTO_REVIEW if d and r <= d), "gpt-5")
            fb = True
        i, c, o, r, t = u
        events.append((ts, model, (i, min(c, i), o, r, t), fb))

    for line in lines:
        kind = classify(line)
        if kind is None:
            continue
        obj = loads(line)
        if kind == "session":
            top = session_top(obj)
            if top is None:
                continue
            typ, stamp, payload = top
            info = payload.get("info") if payload else None
            info = info if isinstance(info, dict) else None
            try:
                ptype = payload.get("type") if payload else None
                if ptype is not None and not isinstance(ptype, str):
                    raise TypeError
                pmodel, imodel = model_in(payload, True), model_in(info, True)
            except TypeError:
                continue
            if typ == "turn_context":
                if pmodel:
                    state["model"], state["fallback"] = pmodel, False
            elif typ == "event_msg":
                if stamp is None or ptype != "token_count":
                    continue
                total = usage_of(info.get("total_token_usage")) if info else None
                if replay is not None:
                    if len(stamp) >= 19 and stamp[:19] == replay:
                        if total:
                            state["prev"] = total
                        continue
                    replay = None
                last = usage_of(info.get("last_token_usage")) if info else None
                if last:
                    u = last
                elif total:
                    prev = state["prev"] or (0, 0, 0, 0, 0)
                    u = tuple(max(a - b, 0) for a, b in zip(total, prev))
                else:
                    u = None
                if total:
                    state["prev"] = total
                if not u or (u[0] == 0 and u[1] == 0 and u[2] == 0 and u[3] == 0):
                    continue
                emit(u, pmodel or imodel, stamp, stamp)
        else:
            if not isinstance(obj, dict):
                continue
            containers = [obj] + [obj[k] for k in ("data", "result", "response") if isinstance(obj.get(k), dict)]
            u = next((usage_of(c["usage"]) for c in containers if isinstance(c.get("usage"), dict)), None)
            if not u or u == (0, 0, 0, 0, 0):
                continue
            model = next((m for m in (model_in(c, False) for c in containers) if m), None)
            ts = date_ts = None
            for c in containers:
                for key in ("timestamp", "created_at", "createdAt"):
                    if key not in c:
                        continue
                    v = c[key]
                    if is_uint(v):
                        ts = ts or from_epoch(v)
                        date_ts = date_ts or from_epoch(v)
                    elif isinstance(v, str):
                        ms = parse_ts(v.strip())
                        if ts is None and ms is not None:
                            ts = iso(ms)
                        if date_ts is None:
                            if real_date(v):
                                date_ts = v
                            elif ms is not None:
                                date_ts = iso(ms)
            emit(u, model, ts or mod, date_ts or mod)
    return events


# ---------------------------------------------------------------- reports (§11-§14)

def cost_of(price, tok, fast):
    inp, out, cr, mult = price
    i, c, o = tok[0], tok[1], tok[2]
    m = (2.0 if mult == 1 else mult) if fast else 1
    return (max(i - c, 0) * inp + c * (cr if cr is not None else inp) + o * out) * m


def build_document(homes, kind, zone, since, until, prices, fast):
    tz = ZoneInfo(zone)
    seen, groups = set(), {}
    for path, sid, mtime in discover(homes):
        for ts, model, tok, fb in parse_file(path, mtime):
            ms = parse_ts(ts)
            if ms is None:
                continue
            key = (sid if kind == "session" else None, ms, model, tok)
            if key in seen:
                continue
            seen.add(key)
            day = datetime.fromtimestamp(ms / 1000, tz=tz).date()
            compact = day.strftime("%Y%m%d")
            if (since and compact < since) or (until and compact > until):
                continue
            g = {"daily": day.isoformat(), "monthly": day.isoformat()[:7], "session": sid}[kind]
            row = groups.setdefault(g, {"tok": [0] * 5, "models": {}, "last": ""})
            row["tok"] = [a + b for a, b in zip(row["tok"], tok)]
            row["last"] = max(row["last"], ts, key=lambda s: s.encode())
            mrow = row["models"].setdefault(model, {"tok": [0] * 5, "fb": False})
            mrow["tok"] = [a + b for a, b in zip(mrow["tok"], tok)]
            mrow["fb"] = mrow["fb"] or fb
    key_name = {"daily": "date", "monthly": "month", "session": "sessionId"}[kind]
    rows, totals = [], [0] * 5
    total_cost, total_noncached = 0.0, 0

    def counts(t):
        return {"cacheCreationTokens": 0, "cacheReadTokens": t[1], "inputTokens": max(t[0] - t[1], 0),
                "outputTokens": t[2], "reasoningOutputTokens": t[3], "totalTokens": t[4]}
    for g in sorted(groups, key=lambda s: s.encode()):
        row = groups[g]
        cost = 0.0
        models = {}
        for name in sorted(row["models"], key=lambda s: s.encode()):
            m = row["models"][name]
            if name in prices:
                cost += cost_of(prices[name], m["tok"], fast)
            models[name] = dict(counts(m["tok"]), isFallback=m["fb"])
        out = dict(counts(row["tok"]), costUSD=cost, models=models)
        out[key_name] = g
        if kind == "session":
            out["directory"] = g.rsplit("/", 1)[0] if "/" in g else ""
            out["sessionFile"] = g.rsplit("/", 1)[-1]
            out["lastActivity"] = row["last"]
        rows.append(out)
        totals = [a + b for a, b in zip(totals, row["tok"])]
        total_noncached += max(row["tok"][0] - row["tok"][1], 0)
        total_cost += cost
    t = counts(totals)
    t["inputTokens"] = total_noncached
    t["costUSD"] = total_cost
    return {("sessions" if kind == "session" else kind): rows, "totals": t}
