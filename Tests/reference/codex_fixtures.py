#!/usr/bin/env python3
"""Codex homes for compare.py: hand-made edge cases and a seeded generator of realistic homes.

`python3 codex_fixtures.py OUT --seed N --size 100M` writes one generated home (for measurements).
"""
import json
import os
import random
import sys

MODELS = ["gpt-5", "gpt-5.2-codex", "gpt-5.3-codex", "gpt-5.4", "gpt-5.5", "gpt-5-mini"]
# USD per token: input, output, cache read, fast multiplier (07-codex §12.1; gpt-5-mini from LiteLLM).
PRICES = {
    "gpt-5": (1.25e-6, 1e-5, 1.25e-7, 1.0), "gpt-5.2-codex": (1.75e-6, 1.4e-5, 1.75e-7, 1.0),
    "gpt-5.3-codex": (1.75e-6, 1.4e-5, 1.75e-7, 2.0), "gpt-5.4": (2.5e-6, 1.5e-5, 2.5e-7, 2.0),
    "gpt-5.5": (5e-6, 3e-5, 5e-7, 2.5), "gpt-5-mini": (2.5e-7, 2e-6, 2.5e-8, 1.0),
}


def config_json():
    """A ccusage.json whose pricingOverrides give ccusage exactly PRICES."""
    overrides = {m: {"inputCostPerToken": p[0], "outputCostPerToken": p[1], "cacheReadInputTokenCost": p[2],
                     "fastMultiplier": p[3]} for m, p in PRICES.items()}
    return json.dumps({"defaults": {"pricingOverrides": overrides}})


def dumps(o):
    return json.dumps(o, separators=(",", ":"))


def usage(i, c, o, r, t=None):
    u = {"input_tokens": i, "cached_input_tokens": c, "output_tokens": o, "reasoning_output_tokens": r}
    u["total_tokens"] = i + o if t is None else t
    return u


def tc(ts, last=None, total=None, **info_extra):
    info = dict(info_extra)
    if total is not None:
        info["total_token_usage"] = total
    if last is not None:
        info["last_token_usage"] = last
    return dumps({"timestamp": ts, "type": "event_msg", "payload": {"type": "token_count", "info": info}})


def ctx(ts, model):
    return dumps({"timestamp": ts, "type": "turn_context", "payload": {"cwd": "/w", "model": model,
                                                                       "approval_policy": "never"}})


EDGE = {
    "codex edge: spaced, numeric, offsets, strictness": {
        "sessions/2026/01/02/a.jsonl": [
            '{ "timestamp": "2026-01-02T00:00:00.000Z", "type" : "turn_context", "payload": { "model": "gpt-5" } }',
            '{ "timestamp": "2026-01-02T00:00:01.000Z", "type" : "event_msg", "payload": { "type" : "token_count", '
            '"info": { "total_token_usage": {"input_tokens":100,"cached_input_tokens":10,"output_tokens":50,"total_tokens":150} } } }',
            tc(1767312002000, total=usage(200, 20, 75, 0, 275)),
            tc("2026-01-02T09:00:00.000+09:00", last=usage(5, 1, 2, 1)),
            tc("2026-01-02T23:30:00-05:00", last=usage(7, 0, 3, 0, 0)),
            tc("2026-01-02T01:00:00.123456Z", last=usage(9, 0, 1, 0)),
            '{"timestamp":"2026-01-02T02:00:00.000Z","type":"turn_context","payload":{"model":5}}',
            tc("2026-01-02T02:00:01.000Z", last={"prompt_tokens": "+40", "cached_tokens": 50, "completion_tokens": 4}),
            '{"timestamp":"2026-01-02T02:00:02.000Z","type":"event_msg","payload":{"type":"token_count","info":null}}',
            '{"timestamp":"2026-01-02T02:00:03.000Z","type":"event_msg","payload":{"type":"token_count","info":{"last_token_usage":{"input_tokens":3',
            tc("2026-01-02T02:00:04.000Z", last=usage(11, 0, 2, 0), model="gpt-5.4"),
            tc("2026-01-02T02:00:05.000Z", last=usage(12, 0, 2, 0)),
        ],
        "sessions/2026/01/03/nomodel.jsonl": [tc("2026-01-03T10:00:00.000Z", last=usage(100, 0, 10, 0)),
                                              tc("2026-01-03T11:00:00.000Z", last=usage(100, 0, 10, 0)),
                                              ctx("2026-01-03T12:00:00.000Z", "gpt-5.5"),
                                              tc("2026-01-03T12:00:01.000Z", last=usage(100, 0, 10, 0))],
        "sessions/2026/01/03/auto.jsonl": [ctx("2025-12-11T00:00:00.000Z", "codex-auto-review"),
                                           tc("2025-12-11T00:01:00.000Z", last=usage(10, 0, 1, 0)),
                                           tc("2026-04-23T00:01:00.000Z", last=usage(10, 0, 1, 0))],
        "archived_sessions/rollout-a.jsonl": [ctx("2026-01-02T00:00:00.000Z", "gpt-5"),
                                              tc("2026-01-02T00:00:01.000Z", total=usage(100, 10, 50, 0, 150))],
        "archived_sessions/mystery.jsonl": [ctx("2026-01-04T00:00:00.000Z", "mystery-model-x"),
                                            tc("2026-01-04T00:00:01.000Z", last=usage(100, 10, 50, 0))],
    },
}


def spread(rng, n, total):
    cuts = sorted(rng.randint(0, total) for _ in range(n - 1))
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]


def generate(out, seed, size):
    """A realistic home: weeks of rollouts (turn contexts, model switches, cumulative totals, rate-limit pings,
    long response items), archived copies, forks, sub-agents; plus a second home of saved exec logs."""
    rng = random.Random(seed)
    home, execs = os.path.join(out, "home"), os.path.join(out, "exec-home")
    written, n = 0, 0
    filler = "x" * 400
    sessions = []
    while written < size:
        n += 1
        day = 1 + rng.randrange(60)
        month, dom = (1, day) if day <= 31 else (2, day - 31)
        hour = rng.randrange(24)
        base = "2026-%02d-%02dT%02d" % (month, min(dom, 28), hour)
        rel = "sessions/2026/%02d/%02d/rollout-%s-%05d.jsonl" % (month, min(dom, 28), base, n)
        lines = [dumps({"timestamp": base + ":00:00.000Z", "type": "session_meta",
                        "payload": {"id": "s%05d" % n, "cwd": "/w/p%d" % (n % 7), "cli_version": "0.98.0"}})]
        model = rng.choice(MODELS) if rng.random() < 0.95 else None
        if model:
            lines.append(ctx(base + ":00:00.000Z", model))
        totals = [0, 0, 0, 0]
        for turn in range(rng.randint(1, 40)):
            minute, second = turn % 60, rng.randrange(60)
            ts = "%s:%02d:%02d.%03dZ" % (base, minute, second, rng.randrange(1000))
            if rng.random() < 0.1:
                lines.append(ctx(ts, rng.choice(MODELS)))
            for _ in range(rng.randint(1, 6)):
                lines.append(dumps({"timestamp": ts, "type": "response_item", "payload": {
                    "type": "message", "role": "assistant", "content": [{"type": "output_text",
                                                                          "text": filler[:rng.randrange(400)]}]}}))
            i = rng.randint(1000, 60000)
            c = rng.randint(0, i)
            o = rng.randint(10, 4000)
            r = rng.randint(0, o)
            totals = [totals[0] + i, totals[1] + c, totals[2] + o, totals[3] + r]
            mode = rng.random()
            if mode < 0.6:
                lines.append(tc(ts, last=usage(i, c, o, r), total=usage(*totals)))
            elif mode < 0.9:
                lines.append(tc(ts, total=usage(*totals)))
            else:
                lines.append(tc(ts, last=usage(i, c, o, r)))
            if rng.random() < 0.2:
                lines.append(tc(ts, total=usage(*totals)))   # a repeated total counts nothing
            if rng.random() < 0.2:
                lines.append(dumps({"timestamp": ts, "type": "event_msg",
                                    "payload": {"type": "token_count", "info": None, "rate_limits": {"primary": 1}}}))
        sessions.append((rel, lines))
        written += sum(len(l) + 1 for l in lines)
        if rng.random() < 0.1:   # archived copy (flat), read twice: daily dedups it, sessions count it again
            sessions.append(("archived_sessions/" + os.path.basename(rel), lines))
        if rng.random() < 0.08:  # a fork: the parent's lines with their timestamps, then its own turns
            more = [ctx(base + ":59:00.000Z", "gpt-5.4"), tc(base + ":59:30.000Z", last=usage(500, 100, 50, 5))]
            sessions.append((rel.replace(".jsonl", "-fork.jsonl"), lines + more))
        if rng.random() < 0.08 and model:  # a sub-agent replaying the parent's history at its spawn second
            spawn = base + ":59:58"
            meta = dumps({"timestamp": spawn + ".000Z", "type": "session_meta", "payload": {
                "id": "sub%05d" % n, "source": {"subagent": {"thread_spawn": {"parent_thread_id": "s%05d" % n}}}}})
            replay = [l for l in lines if '"token_count"' in l or '"turn_context"' in l]
            replay = [json.loads(l) for l in replay]
            for o in replay:
                o["timestamp"] = spawn + ".%03dZ" % rng.randrange(1000)
            own = [tc(base + ":59:59.500Z", last=usage(300, 30, 20, 2))]
            sessions.append((rel.replace(".jsonl", "-sub.jsonl"), [meta] + [dumps(o) for o in replay] + own))
    for rel, lines in sessions:
        path = os.path.join(home, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
    os.makedirs(os.path.join(execs, "runs"), exist_ok=True)
    with open(os.path.join(execs, "runs", "exec-%d.jsonl" % seed), "w") as f:
        for k in range(30):
            ts = "2026-01-%02dT%02d:00:00.000Z" % (1 + k % 28, k % 24)
            if k % 3 == 0:
                o = {"type": "turn.completed", "timestamp": ts, "model": rng.choice(MODELS),
                     "usage": usage(rng.randint(1, 9000), 0, rng.randint(1, 900), 0)}
            elif k % 3 == 1:
                o = {"type": "result", "data": {"created_at": ts, "model_name": rng.choice(MODELS),
                                                "usage": {"prompt_tokens": rng.randint(1, 900), "cached_tokens": 3,
                                                          "completion_tokens": 7}}}
            else:
                o = {"type": "turn.completed", "timestamp": 1767312000 + k * 3600,
                     "usage": {"input_tokens": 50, "output_tokens": 5}}
            f.write(dumps(o) + "\n")
    return [home, execs]


def write_edge(out, files):
    for rel, lines in files.items():
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
    return [out]


if __name__ == "__main__":
    args = sys.argv[1:]
    target, seed, size = args[0], 1, 10 << 20
    if "--seed" in args:
        seed = int(args[args.index("--seed") + 1])
    if "--size" in args:
        text = args[args.index("--size") + 1]
        size = int(text[:-1]) << {"K": 10, "M": 20, "G": 30}[text[-1]] if text[-1] in "KMG" else int(text)
    print(",".join(generate(target, seed, size)))
