#!/usr/bin/env python3
"""Compares `ccusage codex daily|monthly|session --json --offline` with codex_reference.py.

Data sets: the real Codex history in Tests/Fixtures/real/codex, the hand-made edge cases, generated homes of
codex_fixtures.py and one of `ccusage-fixtures --agent codex` (when that binary sits beside ccusage). Each runs in three time zones, plus a date filter and fast speed. Everything must be equal:
row keys and order, every count, model sets and fallback flags, lastActivity, JSON key order (ascending); costs
within 1e-9 relative. Prices: codex_fixtures.PRICES, given to ccusage as pricingOverrides.
Usage: python3 codex_compare.py <ccusage binary> [--seeds 1,2]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import codex_fixtures as F  # noqa: E402
import codex_reference as R  # noqa: E402

ZONES = ["UTC", "America/Los_Angeles", "Asia/Tokyo"]
REAL = os.path.join(os.path.dirname(HERE), "Fixtures", "real", "codex")


def keys_sorted(text):
    problems = []

    def hook(pairs):
        keys = [k for k, _ in pairs]
        if keys != sorted(keys, key=lambda s: s.encode()):
            problems.append("keys not sorted: %s" % keys)
        return dict(pairs)
    return json.loads(text, object_pairs_hook=hook), problems


def diff(a, b, path, out):
    if isinstance(b, float) or (isinstance(a, float) and isinstance(b, (int, float)) and not isinstance(b, bool)):
        if isinstance(a, bool) or not isinstance(a, (int, float)) or abs(a - b) > 1e-9 * max(abs(a), abs(b), 1e-12):
            out.append("%s: ccusage %r, reference %r" % (path, a, b))
        return
    if isinstance(b, dict):
        if not isinstance(a, dict) or set(a) != set(b):
            out.append("%s: keys %s vs reference %s" % (path, sorted(a) if isinstance(a, dict) else a, sorted(b)))
            return
        for k in b:
            diff(a[k], b[k], path + "." + k, out)
        return
    if isinstance(b, list):
        if not isinstance(a, list) or len(a) != len(b):
            out.append("%s: %d rows vs reference %d" % (path, len(a) if isinstance(a, list) else -1, len(b)))
            return
        for i, (x, y) in enumerate(zip(a, b)):
            diff(x, y, "%s[%d]" % (path, i), out)
        return
    if a != b:
        out.append("%s: ccusage %r, reference %r" % (path, a, b))


def run(binary, homes, kind, zone, config, home, extra):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TZ": "UTC", "CCUSAGE_NO_CACHE": "1",
           "CODEX_HOME": ",".join(homes), "SWIFT_BACKTRACE": "enable=no"}
    args = [binary, "codex", kind, "--json", "--offline", "--timezone", zone, "--config", config] + extra
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)


def main(argv):
    binary = os.path.abspath(argv[0])
    seeds = [1, 2]
    if "--seeds" in argv:
        seeds = [int(s) for s in argv[argv.index("--seeds") + 1].split(",")]
    work = tempfile.mkdtemp(prefix="ccusage-codex-reference-")
    mismatches, runs = [], 0
    try:
        home = os.path.join(work, "user")
        os.makedirs(home)
        config = os.path.join(work, "ccusage.json")
        with open(config, "w") as f:
            f.write(F.config_json())
        prices = {m: p for m, p in F.PRICES.items()}
        datasets = [("real " + d, [os.path.join(REAL, d)]) for d in sorted(os.listdir(REAL))]
        for name, files in F.EDGE.items():
            datasets.append((name, F.write_edge(os.path.join(work, "edge-%d" % len(datasets)), files)))
        for seed in seeds:
            datasets.append(("generated seed %d" % seed, F.generate(os.path.join(work, "gen-%d" % seed), seed, 3 << 20)))
        # A home of the project's own generator (ccusage-fixtures --agent codex), when it was built beside ccusage.
        fixtures = os.path.join(os.path.dirname(binary), "ccusage-fixtures")
        if os.path.exists(fixtures):
            out = os.path.join(work, "fixtures-codex")
            subprocess.run([fixtures, "--agent", "codex", "--out", out, "--size", "3M", "--seed", "4", "--start",
                            "2026-01-20", "--days", "30"], check=True, stdout=subprocess.DEVNULL)
            datasets.append(("ccusage-fixtures --agent codex", [os.path.join(out, "codex")]))
        jobs = []
        for name, homes in datasets:
            for kind in ("daily", "monthly", "session"):
                for zone in ZONES:
                    jobs.append((name, homes, kind, zone, [], None, None, False))
                jobs.append((name, homes, kind, "UTC", ["--since", "2026-01-03", "--until", "20260210"],
                             "20260103", "20260210", False))
                jobs.append((name, homes, kind, "Asia/Tokyo", ["--speed", "fast"], None, None, True))
        with ThreadPoolExecutor(max_workers=max(2, min(8, os.cpu_count() or 2))) as pool:
            futures = [pool.submit(run, binary, j[1], j[2], j[3], config, home, j[4]) for j in jobs]
            for job, future in zip(jobs, futures):
                name, homes, kind, zone, extra, since, until, fast = job
                label = "%s: codex %s -z %s %s" % (name, kind, zone, " ".join(extra))
                p = future.result()
                runs += 1
                if p.returncode != 0:
                    mismatches.append("%s: exit %d: %s" % (label, p.returncode, p.stderr[-300:]))
                    continue
                actual, problems = keys_sorted(p.stdout)
                expected = R.build_document(homes, kind, zone, since, until, prices, fast)
                diff(actual, expected, label, problems)
                mismatches.extend(problems)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for m in mismatches[:100]:
        print("MISMATCH " + m)
    print("codex reference: %d comparisons, %d mismatches" % (runs, len(mismatches)))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
