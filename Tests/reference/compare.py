#!/usr/bin/env python3
"""Compares `ccusage` against the independent Python reference (reference.py).

Usage: python3 compare.py <path-to-ccusage-binary> [--seeds 7,20250] [--size 3M] [--keep DIR]

Data sets: one tree per seed generated with `ccusage-fixtures` (next to the ccusage binary), the hand-made
trees of edge_cases.py and the anonymized real histories in Tests/Fixtures/real/claude. For each, every combination of report (daily, monthly, weekly --start-of-week monday,
session), mode (auto, calculate, display) and time zone (UTC, America/Los_Angeles, Asia/Tokyo, Pacific/Chatham)
is run through `ccusage <report> --json --offline --timezone Z --mode M` (the few-line regression sets: daily and
session in UTC) and compared with the reference: same row keys, exact token counts, costs within 1e-6 relative
or 1e-9 absolute, same model sets, same session lastActivity, row order, and the `totals` object. On the generated
trees `session --breakdown` (UTC) is also compared sub-agent by sub-agent (the `subagents` array). A non-zero
exit of ccusage is a mismatch. Prints every mismatch and a summary line; exits 1 on any mismatch, 2 on a setup
problem. Prices: shared/pricing/ beside the checkout, else the copies next to reference.py
(or the directory $CCUSAGE_REFERENCE_PRICING).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # no __pycache__ inside the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import edge_cases  # noqa: E402
import reference as R  # noqa: E402

REPORTS = {
    "daily": ("daily", "date", []),
    "monthly": ("monthly", "month", []),
    "weekly": ("weekly", "week", ["--start-of-week", "monday"]),
    "session": ("sessions", "sessionId", []),
    # `session --breakdown`: also each session's `subagents` split (agent id, tokens, cost), in UTC only.
    "session-breakdown": ("sessions", "sessionId", ["--breakdown"]),
}
MODES = ["auto", "calculate", "display"]
ZONES = ["UTC", "America/Los_Angeles", "Asia/Tokyo", "Pacific/Chatham"]
# Anonymized real Claude Code histories (Tests/Fixtures/real/README.md).
REAL = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "real", "claude"))
TOKEN_FIELDS = ["inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "totalTokens"]


def cost_close(a, b):
    if not isinstance(a, (int, float)) or isinstance(a, bool):
        return False
    diff = abs(a - b)
    return diff <= 1e-9 or diff <= 1e-6 * max(abs(a), abs(b))


def run_ccusage(binary, data_dir, home, report, mode, zone):
    command, _, extra = REPORTS[report]
    subcommand = "session" if report == "session-breakdown" else report
    args = [binary, subcommand, "--json", "--offline", "--timezone", zone, "--mode", mode] + extra
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TZ": "UTC",
           "CLAUDE_CONFIG_DIR": data_dir, "CCUSAGE_NO_CACHE": "1", "CCUSAGE_NO_ARCHIVE": "1"}
    env["SWIFT_BACKTRACE"] = "enable=no"  # a crash is reported by its exit code and message; no slow backtrace
    for key in ("ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "SWIFT_BACKTRACE"):
        if key in os.environ:
            env[key] = os.environ[key]
    p = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    return " ".join(args[1:]), p


def compare_run(label, reference_rows, output, report):
    """Returns a list of mismatch descriptions and the number of rows compared."""
    problems = []
    array_key, key_field, _ = REPORTS[report]
    breakdown = report == "session-breakdown"
    if breakdown:
        report = "session"
    try:
        doc = json.loads(output)
        actual_rows = doc[array_key]
        totals = doc["totals"]
    except (ValueError, KeyError, TypeError) as error:
        return ["%s: unreadable JSON (%s): %s" % (label, error, output[:300])], 0

    def ident(row_key, project):
        return (row_key, project) if report == "session" else row_key

    expected = {}
    for r in reference_rows:
        expected[ident(r["key"], r.get("projectPath"))] = r
    actual = {}
    for r in actual_rows:
        k = ident(r.get(key_field), r.get("projectPath"))
        if k in actual:
            problems.append("%s: row %r appears twice in ccusage output" % (label, k))
        actual[k] = r
    for k in sorted(set(expected) - set(actual), key=str):
        e = expected[k]
        problems.append("%s: row %r missing from ccusage (reference: tokens %d, cost %.10g, models %s)"
                        % (label, k, e["totalTokens"], e["totalCost"], e["models"]))
    for k in sorted(set(actual) - set(expected), key=str):
        a = actual[k]
        problems.append("%s: unexpected row %r in ccusage (tokens %s, cost %s, models %s)"
                        % (label, k, a.get("totalTokens"), a.get("totalCost"), a.get("modelsUsed")))
    compared = 0
    for k in sorted(set(expected) & set(actual), key=str):
        e, a = expected[k], actual[k]
        compared += 1
        for f in TOKEN_FIELDS:
            if a.get(f) != e[f]:
                problems.append("%s: row %r %s: ccusage %s, reference %s" % (label, k, f, a.get(f), e[f]))
        if not cost_close(a.get("totalCost"), e["totalCost"]):
            problems.append("%s: row %r totalCost: ccusage %r, reference %r"
                            % (label, k, a.get("totalCost"), e["totalCost"]))
        models = a.get("modelsUsed")
        if not isinstance(models, list) or sorted(models) != e["models"]:
            problems.append("%s: row %r models: ccusage %s, reference %s" % (label, k, models, e["models"]))
        if report == "session" and a.get("lastActivity") != e["lastActivity"]:
            problems.append("%s: row %r lastActivity: ccusage %r, reference %r"
                            % (label, k, a.get("lastActivity"), e["lastActivity"]))
        if breakdown:
            problems.extend(compare_subagents("%s: row %r" % (label, k), e["subagents"], a))
    # Row order: date-keyed reports ascending by key (00-decisions 13); sessions by cost, most expensive first,
    # ties: later last activity first (00-decisions 6).
    keys = [r.get(key_field) for r in actual_rows]
    if report != "session":
        if keys != sorted(keys, key=str):
            problems.append("%s: rows not in ascending %s order: %s" % (label, key_field, keys))
    else:
        for a, b in zip(actual_rows, actual_rows[1:]):
            ca, cb = a.get("totalCost"), b.get("totalCost")
            if not (isinstance(ca, (int, float)) and isinstance(cb, (int, float))):
                continue
            if ca < cb or (ca == cb and str(a.get("lastActivity")) < str(b.get("lastActivity"))):
                problems.append("%s: session %r (cost %r, last %r) listed before %r (cost %r, last %r)"
                                % (label, a.get("sessionId"), ca, a.get("lastActivity"), b.get("sessionId"), cb,
                                   b.get("lastActivity")))
    # totals = sums over the output rows (03-reports §2)
    for f in TOKEN_FIELDS:
        want = sum(r[f] for r in reference_rows)
        if totals.get(f) != want:
            problems.append("%s: totals.%s: ccusage %s, reference %s" % (label, f, totals.get(f), want))
    want = sum(r["totalCost"] for r in reference_rows)
    if not cost_close(totals.get("totalCost"), want):
        problems.append("%s: totals.totalCost: ccusage %r, reference %r" % (label, totals.get("totalCost"), want))
    return problems, compared


def compare_subagents(label, expected, row):
    """A session's `subagents` array against the reference's split; what is left for the main agent must not be
    negative (the parts add up to the session)."""
    problems = []
    actual = row.get("subagents")
    if not isinstance(actual, list):
        return ["%s: no subagents array" % label]
    by_id = {}
    for a in actual:
        by_id[a.get("agentId")] = a
    if len(by_id) != len(actual) or set(by_id) != set(expected):
        return ["%s: sub-agents %s, reference %s" % (label, sorted(map(str, by_id)), sorted(expected))]
    for agent, e in expected.items():
        a = by_id[agent]
        for f in TOKEN_FIELDS:
            if a.get(f) != e[f]:
                problems.append("%s sub-agent %s %s: ccusage %s, reference %s" % (label, agent, f, a.get(f), e[f]))
        if not cost_close(a.get("totalCost"), e["totalCost"]):
            problems.append("%s sub-agent %s totalCost: ccusage %r, reference %r"
                            % (label, agent, a.get("totalCost"), e["totalCost"]))
    for f in TOKEN_FIELDS:
        if sum(a.get(f, 0) for a in actual) > row.get(f, 0):
            problems.append("%s: sub-agents' %s exceed the session's" % (label, f))
    return problems


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    binary = os.path.abspath(argv[0])
    seeds, size, keep = [7, 20250], "3M", None
    rest = argv[1:]
    while rest:
        flag = rest.pop(0)
        if flag == "--seeds":
            seeds = [int(s) for s in rest.pop(0).split(",")]
        elif flag == "--size":
            size = rest.pop(0)
        elif flag == "--keep":
            keep = rest.pop(0)
        else:
            print("unknown option %s" % flag, file=sys.stderr)
            return 2
    generator = os.path.join(os.path.dirname(binary), "ccusage-fixtures")
    for tool in (binary, generator):
        if not os.access(tool, os.X_OK):
            print("reference: missing executable %s" % tool, file=sys.stderr)
            return 2
    started = time.time()
    try:
        pricing = R.Pricing()
    except OSError as error:
        print("reference: cannot read the pricing table (%s); set CCUSAGE_REFERENCE_PRICING" % error)
        return 2
    work = keep or tempfile.mkdtemp(prefix="ccusage-reference-")
    home = os.path.join(work, "home")
    os.makedirs(home, exist_ok=True)
    mismatches, runs, rows_compared = [], 0, 0
    try:
        datasets = [("seed %d" % seed, seed) for seed in seeds] + [(name, None) for name in edge_cases.DATASETS]
        datasets += [("real " + name, os.path.join(REAL, name)) for name in sorted(os.listdir(REAL))
                     if os.path.isdir(os.path.join(REAL, name))] if os.path.isdir(REAL) else []
        for index, (name, seed) in enumerate(datasets):
            data = os.path.join(work, "data-%d" % index)
            if isinstance(seed, str):
                data = seed  # a real history in the repository, read in place
            elif seed is not None:
                gen = subprocess.run([generator, "--out", data, "--size", size, "--seed", str(seed), "--force"],
                                     capture_output=True, text=True)
                if gen.returncode != 0:
                    print("reference: generator failed for seed %d:\n%s%s" % (seed, gen.stdout, gen.stderr))
                    return 1
            else:
                shutil.rmtree(data, ignore_errors=True)
                edge_cases.write_tree(data, edge_cases.DATASETS[name])
            stats = {}
            entries = R.load_entries(data, stats)
            survivors = {mode: R.deduplicate(entries, mode, pricing) for mode in MODES}
            if name in edge_cases.SMALL_DATASETS:
                jobs = [(report, mode, "UTC") for report in ("daily", "session") for mode in MODES]
            else:
                jobs = [(report, mode, zone) for report in REPORTS for mode in MODES for zone in ZONES
                        if report != "session-breakdown" or zone == "UTC"]
            with ThreadPoolExecutor(max_workers=max(2, min(16, os.cpu_count() or 2))) as pool:
                futures = [pool.submit(run_ccusage, binary, data, home, *job) for job in jobs]
                for (report, mode, zone), future in zip(jobs, futures):
                    command, p = future.result()
                    label = "%s: ccusage %s" % (name, command)
                    runs += 1
                    if p.returncode != 0:
                        lines = [l for l in p.stderr.splitlines() if "Fatal error" in l or "Error:" in l]
                        mismatches.append("%s: exit code %d: %s" % (label, p.returncode,
                                                                    " / ".join(lines[:2]) or p.stderr[-300:]))
                        continue
                    expected = R.build_report(survivors[mode], "session" if report == "session-breakdown" else report,
                                              mode, zone, pricing,
                                              "monday" if report == "weekly" else "sunday")
                    problems, compared = compare_run(label, expected, p.stdout, report)
                    rows_compared += compared
                    mismatches.extend(problems)
            print("%s: %d files, %d usage entries (%d lines rejected), %d after dedup (auto)"
                  % (name, stats["files"], len(entries), stats["invalid"], len(survivors["auto"])))
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    for m in mismatches[:200]:
        print("MISMATCH " + m)
    if len(mismatches) > 200:
        print("... and %d more mismatches" % (len(mismatches) - 200))
    print("reference: %d comparisons (%d data sets; reports %s x modes %s x zones %s), %d rows, %d mismatches "
          "in %.1f s" % (runs, len(datasets), "/".join(REPORTS), "/".join(MODES), "/".join(ZONES), rows_compared,
                         len(mismatches), time.time() - started))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
