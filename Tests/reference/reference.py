#!/usr/bin/env python3
"""Independent reference implementation of ccusage's report numbers (a test oracle).

Written from the specification only (shared/spec/00-decisions.md, 01-data.md, 02-cost.md, 03-reports.md)
and the pricing data in shared/pricing/ (claude-pricing.json, litellm-model-prices.json, models-dev-pricing.json,
fast-multiplier-overrides.json; copies next to this script) -- never from the Swift sources.

Usage:
    python3 reference.py <claude_config_dir> <daily|monthly|weekly|session> <auto|calculate|display> <timezone>
                         [--start-of-week sunday..saturday] [--pricing DIR-with-the-pricing-files]

Prints JSON: a list of rows
    daily/monthly/weekly: {key, inputTokens, outputTokens, cacheCreationTokens, cacheReadTokens, totalTokens,
                           totalCost, models}
    session:              the same plus sessionId, projectPath, lastActivity (key = sessionId)
`models` is the sorted list of display model names (`<synthetic>` and missing models excluded, `-fast` suffix
for `usage.speed == "fast"`).

The module is also imported by compare.py: `load_entries` parses once, `deduplicate` runs per cost mode and
`build_report` per report/time zone.

Readings taken where the spec text leaves room (each one the most literal reading of the spec):
  - Duplicates are defined pairwise (00-decisions 1) and the relation is not made transitive: two non-sidechain
    entries with one message.id and different requestIds are never duplicates, even when a sidechain copy
    duplicates both (see `deduplicate`); this makes the result independent of file order, as 01-data §1.3 says.
  - A field we read that is present with the wrong type makes the line not count (typed decoding, 01-data §3.2
    recommendation): token counts must be non-negative JSON integers, `costUSD` a number, `isSidechain` a
    boolean, `usage.speed` a string, `usage.cache_creation` an object; `null` is always "absent".
  - Progress lines: timestamp, requestId, isSidechain and costUSD come from `data.message`, id/model/usage from
    `data.message.message`; `version`/`sessionId` are checked on the line (and on `data.message` if present).
  - Sessions whose four token sums are all zero are left out of the session report ([HEAD], 03-reports §6).
  - Fast multiplier: LiteLLM's `provider_specific_entry.fast`, headBuiltin's `fastMultiplier` or the
    built-in row's; otherwise fast-multiplier-overrides.json applied to the matched key.
  - Copies without requestId (00-decisions 22): such a copy takes the requestId of the first copy of its
    message.id (in processing order) that has one, then every rule above applies (see `deduplicate`).
"""
import gzip
import json
import os
import re
import sys
from datetime import datetime, timedelta, timezone, date as Date
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
# shared/pricing beside the checkout when present, else the copies kept next to this script.
SHARED_PRICING = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "pricing"))
PRICING_FILES = ("claude-pricing.json", "models-dev-pricing.json", "fast-multiplier-overrides.json")
DEFAULT_PRICING = SHARED_PRICING if all(os.path.exists(os.path.join(SHARED_PRICING, f)) for f in PRICING_FILES) \
    and os.path.exists(os.path.join(SHARED_PRICING, "litellm-model-prices.json")) else HERE

TIER_THRESHOLD = 200_000
WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
MODES = ("auto", "calculate", "display")


# --------------------------------------------------------------------------------------------------------------
# Pricing (02-cost.md §2, §3.2; 00-decisions item 3 and 18)
# --------------------------------------------------------------------------------------------------------------

def _is_alnum(ch):
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") or ("0" <= ch <= "9")


def _is_digit(ch):
    return "0" <= ch <= "9"


def _occurs_at_boundary(inner, outer):
    """`inner` occurs inside `outer` at a word boundary (02-cost.md §3.2 step 2)."""
    if not inner:
        return False
    start = 0
    n = len(outer)
    while True:
        i = outer.find(inner, start)
        if i < 0:
            return False
        j = i + len(inner)
        start = i + 1
        if i > 0 and _is_alnum(outer[i - 1]):
            continue
        if j < n and _is_alnum(outer[j]):
            continue
        # A trailing number followed by `-`/`.` + digits: only an 8-digit date suffix may follow.
        if _is_digit(inner[-1]) and j < n and outer[j] in "-.":
            d = j + 1
            while d < n and _is_digit(outer[d]):
                d += 1
            run = d - (j + 1)
            if run > 0:
                if run == 8 and (d == n or not _is_alnum(outer[d])):
                    return True
                continue
        return True


def _normalise(s):
    return s.replace(".", "-").replace("@", "-")


def key_matches(key, model):
    if _occurs_at_boundary(key, model) or _occurs_at_boundary(model, key):
        return True
    k, m = _normalise(key), _normalise(model)
    return _occurs_at_boundary(k, m) or _occurs_at_boundary(m, k)


def _prefixed(key):
    """A provider or region prefix: `.../...`, or lowercase letters and a dot (`us.anthropic.`)."""
    return "/" in key or re.match(r"[a-z]+\.", key) is not None


def _exact_in(table, model):
    """00-decisions 26 step 1: exact, also after `.`/`@` -> `-` on both sides (unprefixed, shortest, byte order)."""
    if model in table:
        return table[model]
    n = _normalise(model)
    hits = [k for k in table if _normalise(k) == n]
    if not hits:
        return None
    return table[min(hits, key=lambda k: (_prefixed(k), len(k), k.encode()))]


def _lookup_in(table, model):
    """00-decisions 26: exact; else the longest key inside the name at a boundary (ties: byte order); else the
    shortest key containing the name, unprefixed keys first (ties: byte order)."""
    hit = _exact_in(table, model)
    if hit is not None:
        return hit
    m = _normalise(model)
    inside = [k for k in table if _occurs_at_boundary(k, model) or _occurs_at_boundary(_normalise(k), m)]
    if inside:
        return table[min(inside, key=lambda k: (-len(k), k.encode()))]
    containing = [k for k in table if _occurs_at_boundary(model, k) or _occurs_at_boundary(m, _normalise(k))]
    if containing:
        return table[min(containing, key=lambda k: (_prefixed(k), len(k), k.encode()))]
    return None


def _fast_override(key, overrides, exact=None):
    """fast-multiplier-overrides.json: the exact map; else normalise, split on / and :, and for each part and
    base, the last occurrence of the base must be followed by the end or '-' (08-unified §10.5)."""
    if exact and key in exact:
        return float(exact[key])
    parts = re.split(r"[/:]", _normalise(key))
    for part in parts:
        for base, mult in sorted(overrides.items()):
            i = part.rfind(base)
            if i >= 0 and (i + len(base) == len(part) or part[i + len(base)] == "-"):
                return float(mult)
    return 1.0


class Rates:
    __slots__ = ("key", "input", "output", "cw5m", "cread", "input_above", "output_above", "cw5m_above",
                 "cread_above", "fast")

    def __init__(self, key, input, output, cw5m, cread, input_above, output_above, cw5m_above, cread_above, fast):
        self.key = key
        self.input = float(input)
        self.output = float(output)
        # HEAD: missing cache rates default to 1.25x / 0.1x input.
        self.cw5m = float(cw5m) if cw5m is not None else self.input * 1.25
        self.cread = float(cread) if cread is not None else self.input * 0.1
        self.input_above = input_above
        self.output_above = output_above
        self.cw5m_above = cw5m_above
        self.cread_above = cread_above
        self.fast = float(fast)


# 08-unified §10.1 item 1: the LiteLLM keys the reference embeds.
LITELLM_PREFIXES = ("claude-", "anthropic.", "anthropic/", "us.anthropic.", "eu.anthropic.", "global.anthropic.",
                    "jp.anthropic.", "au.anthropic.", "gpt-", "openai/", "azure/", "zai/", "openrouter/openai/")

# 08-unified §10.1 item 2, the rows beyond Claude (the Claude rows are claude-pricing.json's headBuiltin):
# key -> (input, output, cache create, cache read, fast multiplier or None)
BUILTIN_NON_CLAUDE = {
    "gpt-5": (1.25e-6, 10e-6, 1.25e-6, 0.125e-6, None), "gpt-5.1": (1.25e-6, 10e-6, 1.25e-6, 0.125e-6, None),
    "gpt-5.1-codex": (1.25e-6, 10e-6, 1.25e-6, 0.125e-6, None),
    "gpt-5.2": (1.75e-6, 14e-6, 1.75e-6, 0.175e-6, None), "gpt-5.2-codex": (1.75e-6, 14e-6, 1.75e-6, 0.175e-6, None),
    "gpt-5.3-codex": (1.75e-6, 14e-6, 1.75e-6, 0.175e-6, 2.0), "gpt-5.4": (2.5e-6, 15e-6, 2.5e-6, 0.25e-6, 2.0),
    "gpt-5.4-mini": (0.75e-6, 4.5e-6, 0.75e-6, 0.075e-6, None), "gpt-5.4-nano": (0.2e-6, 1.25e-6, 0.2e-6, 0.02e-6, None),
    "gpt-5.5": (5e-6, 30e-6, 5e-6, 0.5e-6, 2.5), "grok-4.3": (1.25e-6, 2.5e-6, 1.25e-6, 0.125e-6, None),
    "moonshot/kimi-k2.5": (0.6e-6, 3e-6, 0.75e-6, 0.1e-6, None),
    "moonshot/kimi-k2.6": (0.95e-6, 4e-6, 1.1875e-6, 0.16e-6, None),
    "glm-4.5": (0.6e-6, 2.2e-6, 0, 0.11e-6, None), "zai/glm-4.5": (0.6e-6, 2.2e-6, 0, 0.11e-6, None),
    "glm-4.6": (0.6e-6, 2.2e-6, 0, 0.11e-6, None), "glm-4.7": (0.6e-6, 2.2e-6, 0, 0.11e-6, None),
    "zai/glm-4.5-x": (2.2e-6, 8.9e-6, 0, 0.45e-6, None), "zai/glm-4.5-air": (0.2e-6, 1.1e-6, 0, 0.03e-6, None),
    "zai/glm-4.5-airx": (1.1e-6, 4.5e-6, 0, 0.22e-6, None), "zai/glm-4.5v": (0.6e-6, 1.8e-6, 0, 0.11e-6, None),
    "zai/glm-4-32b-0414-128k": (0.1e-6, 0.1e-6, 0, 0, None), "zai/glm-4.5-flash": (0, 0, 0, 0, None),
    "glm-5": (1.0e-6, 3.2e-6, 0, 0.2e-6, None), "glm-5-turbo": (1.2e-6, 4.0e-6, 0, 0.24e-6, None),
    "glm-5.1": (1.4e-6, 4.4e-6, 0, 0.26e-6, None),
}
ALIASES = {"gpt-5.3-spark": "gpt-5.3-codex-spark"}


def _rate(entry, name):
    v = entry.get(name)
    if v is None or isinstance(v, bool) or not isinstance(v, (int, float)) or v != v or v < 0:
        return None
    return float(v)


def _litellm_rates(key, entry, fast_prefix, fast_exact):
    if not isinstance(entry, dict):
        return None
    i, o = _rate(entry, "input_cost_per_token"), _rate(entry, "output_cost_per_token")
    if i is None or o is None:
        return None
    fast = None
    provider = entry.get("provider_specific_entry")
    if isinstance(provider, dict) and isinstance(provider.get("fast"), (int, float)) \
            and not isinstance(provider.get("fast"), bool) and provider["fast"] > 0:
        fast = float(provider["fast"])
    if fast is None:
        fast = _fast_override(key, fast_prefix, fast_exact)
    return Rates(key, i, o, _rate(entry, "cache_creation_input_token_cost"), _rate(entry, "cache_read_input_token_cost"),
                 _rate(entry, "input_cost_per_token_above_200k_tokens"),
                 _rate(entry, "output_cost_per_token_above_200k_tokens"),
                 _rate(entry, "cache_creation_input_token_cost_above_200k_tokens"),
                 _rate(entry, "cache_read_input_token_cost_above_200k_tokens"), fast)


class Pricing:
    """00-decisions 21: primary = LiteLLM filtered to the reference's prefixes, the built-in table written over
    it; then the models.dev snapshot; when every table misses, the exact key in the whole LiteLLM list."""

    def __init__(self, path=None):
        path = path or os.environ.get("CCUSAGE_REFERENCE_PRICING") or DEFAULT_PRICING
        if os.path.isfile(path):
            path = os.path.dirname(path)
        def load(name):
            for candidate in (os.path.join(path, name), os.path.join(path, name + ".gz")):
                if os.path.exists(candidate):
                    opener = gzip.open if candidate.endswith(".gz") else open
                    with opener(candidate, "rt", encoding="utf-8") as f:
                        return json.load(f)
            raise FileNotFoundError(os.path.join(path, name))
        data = load("claude-pricing.json")
        assert data.get("format") == "claude-pricing/v1", "unexpected pricing format in %s" % path
        fast_file = load("fast-multiplier-overrides.json")
        prefix, exact = fast_file["normalized_prefix"], fast_file["exact"]
        litellm = load("litellm-model-prices.json")
        self.primary = {}
        self.whole = {}
        for key, entry in litellm.items():
            if key == "sample_spec":
                continue
            r = _litellm_rates(key, entry, prefix, exact)
            if r is None:
                continue
            self.whole[key] = r
            if key.startswith(LITELLM_PREFIXES):
                self.primary[key] = r
        for e in data["headBuiltin"]:
            fast = e.get("fastMultiplier")
            if fast is None:
                fast = _fast_override(e["key"], prefix, exact)
            self.primary[e["key"]] = Rates(e["key"], e["input"], e["output"], e.get("cacheWrite5m"),
                                           e.get("cacheRead"), e.get("inputAbove200k"), e.get("outputAbove200k"),
                                           e.get("cacheWrite5mAbove200k"), e.get("cacheReadAbove200k"), fast)
        for key, (i, o, cw, cr, fast) in BUILTIN_NON_CLAUDE.items():
            self.primary[key] = Rates(key, i, o, cw, cr, None, None, None, None,
                                      fast if fast is not None else _fast_override(key, prefix, exact))
        self.fallback = {}
        for key, e in load("models-dev-pricing.json").items():
            cost = e.get("cost") or {}
            if cost.get("input") is None or cost.get("output") is None or key in self.fallback:
                continue
            per = lambda v: None if v is None else float(v) / 1e6
            self.fallback[key] = Rates(key, per(cost["input"]), per(cost["output"]), per(cost.get("cache_write")),
                                       per(cost.get("cache_read")), None, None, None, None,
                                       _fast_override(key, prefix, exact))
        self._cache = {}

    def lookup(self, model, candidates=None):
        names = tuple(candidates or (model,))
        if names in self._cache:
            return self._cache[names]
        r = None
        for name in names:
            for table in (self.primary, self.fallback):
                r = _lookup_in(table, name)
                if r is None and name in ALIASES:
                    r = _lookup_in(table, ALIASES[name])
                if r is not None:
                    break
            if r is not None:
                break
        if r is None:
            for name in names:
                r = _exact_in(self.whole, name)
                if r is not None:
                    break
        self._cache[names] = r
        return r


def _tiered(n, base, above):
    if n == 0:
        return 0.0
    if above is not None and n > TIER_THRESHOLD:
        return TIER_THRESHOLD * base + (n - TIER_THRESHOLD) * float(above)
    return n * base


def calculated_cost(e, pricing):
    if e.model is None:
        return 0.0
    p = pricing.lookup(e.model)
    if p is None:
        return 0.0
    cost = (_tiered(e.input, p.input, p.input_above)
            + _tiered(e.output, p.output, p.output_above)
            + _tiered(e.cw5m, p.cw5m, p.cw5m_above)
            + _tiered(e.cw1h, 2.0 * p.input, 2.0 * float(p.input_above) if p.input_above is not None else None)
            + _tiered(e.cread, p.cread, p.cread_above))
    if e.fast:
        cost *= p.fast
    return cost


def entry_cost(e, mode, pricing):
    """02-cost.md §1."""
    if mode == "display":
        return float(e.cost_usd) if e.cost_usd is not None else 0.0
    if mode == "auto" and e.cost_usd is not None:
        return float(e.cost_usd)
    return calculated_cost(e, pricing)


# --------------------------------------------------------------------------------------------------------------
# Line validation and entries (01-data.md §2-3; 00-decisions item 4)
# --------------------------------------------------------------------------------------------------------------

TS_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?"
                   r"(Z|[+-][0-9]{2}:[0-9]{2})")
VERSION_RE = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


class Invalid(Exception):
    pass


def parse_timestamp(s):
    """Returns the instant in integer milliseconds since the epoch, or raises Invalid."""
    if not isinstance(s, str):
        raise Invalid("timestamp")
    m = TS_RE.fullmatch(s)
    if not m:
        raise Invalid("timestamp format")
    y, mo, d, h, mi, sec = (int(m.group(i)) for i in range(1, 7))
    frac = m.group(7) or ""
    ms = int((frac[:3]).ljust(3, "0")) if frac else 0
    zone = m.group(8)
    if zone == "Z":
        offset = 0
    else:
        oh, om = int(zone[1:3]), int(zone[4:6])
        if oh > 23 or om > 59:
            raise Invalid("offset range")
        offset = (oh * 60 + om) * (1 if zone[0] == "+" else -1)
    try:
        local = datetime(y, mo, d, h, mi, sec, tzinfo=timezone.utc)
    except ValueError:
        raise Invalid("timestamp range")
    delta = local - EPOCH
    return (delta.days * 86400 + delta.seconds) * 1000 + ms - offset * 60_000


def _reject_constant(name):
    raise ValueError("non-standard JSON constant " + name)


_decoder = json.JSONDecoder(parse_constant=_reject_constant)


def _count(obj, key, required=False):
    """A token count: absent/null -> 0 (unless required); otherwise a non-negative JSON integer."""
    v = obj.get(key)
    if v is None:
        if required:
            raise Invalid(key + " missing")
        return 0
    if type(v) is not int or v < 0:
        raise Invalid(key + " not a non-negative integer")
    return v


def _opt_nonempty_str(obj, key):
    v = obj.get(key)
    if v is None:
        return None
    if not isinstance(v, str) or v == "":
        raise Invalid(key + " empty or not a string")
    return v


def _opt_bool(obj, key):
    v = obj.get(key)
    if v is None:
        return False
    if type(v) is not bool:
        raise Invalid(key + " not a boolean")
    return v


def _opt_number(obj, key):
    v = obj.get(key)
    if v is None:
        return None
    if type(v) not in (int, float):
        raise Invalid(key + " not a number")
    return v


def _check_version(obj):
    v = obj.get("version")
    if v is None:
        return None
    if not isinstance(v, str) or not VERSION_RE.match(v):
        raise Invalid("version")
    return v


class Entry:
    __slots__ = ("ms", "msg_id", "req_id", "sidechain", "has_speed", "fast", "model", "input", "output", "cw5m",
                 "cw1h", "cread", "cost_usd", "session_id", "project_path", "order", "line_ref", "agent")

    @property
    def cache_creation(self):
        return self.cw5m + self.cw1h

    @property
    def total(self):
        return self.input + self.output + self.cw5m + self.cw1h + self.cread

    @property
    def display_model(self):
        if self.model is None or self.model == "<synthetic>":
            return None
        return self.model + "-fast" if self.fast else self.model


def entry_from_object(obj):
    """Returns an Entry (without file-derived fields) or None when the line holds no usage; raises Invalid."""
    if not isinstance(obj, dict):
        return None
    outer = obj
    src = obj  # object holding timestamp / requestId / isSidechain / costUSD
    msg = obj.get("message")
    if not (isinstance(msg, dict) and isinstance(msg.get("usage"), dict)):
        # A progress line carrying a nested sub-agent response (00-decisions item 4).
        if obj.get("type") != "progress":
            return None
        data = obj.get("data")
        dm = data.get("message") if isinstance(data, dict) else None
        inner = dm.get("message") if isinstance(dm, dict) else None
        if not (isinstance(inner, dict) and isinstance(inner.get("usage"), dict)):
            return None
        src, msg = dm, inner
    usage = msg["usage"]

    e = Entry()
    e.ms = parse_timestamp(src.get("timestamp"))
    e.input = _count(usage, "input_tokens", required=True)
    e.output = _count(usage, "output_tokens", required=True)
    e.cread = _count(usage, "cache_read_input_tokens")
    flat_cc = _count(usage, "cache_creation_input_tokens")
    cc = usage.get("cache_creation")
    if cc is None:
        e.cw5m, e.cw1h = flat_cc, 0
    else:
        if not isinstance(cc, dict):
            raise Invalid("cache_creation not an object")
        e.cw5m = _count(cc, "ephemeral_5m_input_tokens")
        e.cw1h = _count(cc, "ephemeral_1h_input_tokens")
    speed = usage.get("speed")
    if speed is not None and not isinstance(speed, str):
        raise Invalid("speed not a string")
    e.has_speed = speed is not None
    e.fast = speed == "fast"
    e.msg_id = _opt_nonempty_str(msg, "id")
    e.model = _opt_nonempty_str(msg, "model")
    e.req_id = _opt_nonempty_str(src, "requestId")
    e.sidechain = _opt_bool(src, "isSidechain")
    e.cost_usd = _opt_number(src, "costUSD")
    # Fields of the enclosing line (and of the nested copy, when present) that invalidate when wrong.
    for o in {id(outer): outer, id(src): src}.values():
        _check_version(o)
        _opt_nonempty_str(o, "sessionId")
    if src is not outer:
        _opt_nonempty_str(outer, "requestId")
    return e


def session_identity(rel_parts):
    """01-data.md §5.2 [HEAD] column: (sessionId, projectPath) from the path segments after `projects`."""
    stem = rel_parts[-1][: -len(".jsonl")]
    if len(rel_parts) == 1:
        return stem, "unknown"
    if len(rel_parts) == 2:
        return stem, rel_parts[0]
    if len(rel_parts) >= 4 and rel_parts[-2] == "subagents":
        return rel_parts[-3], "/".join(rel_parts[:-3])
    return rel_parts[-2], "/".join(rel_parts[:-2])


def file_agent(rel_parts):
    """The sub-agent id of a sub-agent transcript (`agent-<id>.jsonl`, or any file under `subagents/`), else None."""
    stem = rel_parts[-1][: -len(".jsonl")]
    if stem.startswith("agent-") and len(stem) > 6:
        return stem[6:]
    if "subagents" in rel_parts[:-1]:
        return stem
    return None


def entry_agent(obj, e, agent_of_file):
    """Which agent an entry belongs to (None: the main agent): the sub-agent of its file; in a parent, the agent
    named by the progress line that replays it (`data.agentId`), else `sidechain` for sidechain lines."""
    if agent_of_file is not None:
        return agent_of_file
    data = obj.get("data") if obj.get("type") == "progress" else None
    msg = obj.get("message")
    if isinstance(data, dict) and not (isinstance(msg, dict) and isinstance(msg.get("usage"), dict)):
        agent = data.get("agentId")
        if isinstance(agent, str) and agent:
            return agent
    return "sidechain" if e.sidechain else None


def base_dirs(config):
    bases = []
    seen = set()
    for part in config.split(","):
        part = part.strip()
        if not part:
            continue
        part = os.path.expanduser(part)
        if os.path.basename(os.path.normpath(part)) == "projects" and os.path.isdir(part) \
                and not os.path.isdir(os.path.join(part, "projects")):
            part = os.path.dirname(os.path.normpath(part))
        if not os.path.isdir(os.path.join(part, "projects")):
            continue
        real = os.path.realpath(part)
        if real in seen:
            continue
        seen.add(real)
        bases.append(part)
    return bases


def discover(config):
    """All `.jsonl` regular files under <base>/projects, in byte-sorted full-path order."""
    files = []
    for base in base_dirs(config):
        root = os.path.join(base, "projects")
        visited = set()
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
            real = os.path.realpath(dirpath)
            if real in visited:
                dirnames[:] = []
                continue
            visited.add(real)
            for name in filenames:
                if not name.endswith(".jsonl"):
                    continue
                path = os.path.join(dirpath, name)
                if not os.path.isfile(path):
                    continue
                rel = os.path.relpath(path, root).split(os.sep)
                files.append((os.path.abspath(path), rel))
    files.sort(key=lambda f: os.fsencode(f[0]))
    return files


def load_entries(config, stats=None):
    """Every valid usage entry in processing order (files by path, lines top-down)."""
    entries = []
    stats = stats if stats is not None else {}
    stats.setdefault("files", 0)
    stats.setdefault("invalid", 0)
    for path, rel in discover(config):
        stats["files"] += 1
        session_id, project_path = session_identity(rel)
        agent_of_file = file_agent(rel)
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError:
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        for lineno, line in enumerate(raw.split(b"\n"), 1):
            line = line.rstrip(b"\r")
            if not line.strip():
                continue
            try:
                text = line.decode("utf-8")
                obj = _decoder.decode(text)
            except (UnicodeDecodeError, ValueError):
                stats["invalid"] += 1
                continue
            try:
                e = entry_from_object(obj)
            except Invalid:
                stats["invalid"] += 1
                continue
            if e is None:
                continue
            e.session_id, e.project_path = session_id, project_path
            e.agent = entry_agent(obj, e, agent_of_file)
            e.order = len(entries)
            e.line_ref = "%s:%d" % (path, lineno)
            entries.append(e)
    return entries


# --------------------------------------------------------------------------------------------------------------
# Deduplication (00-decisions item 1; 01-data.md §4 [HEAD])
# --------------------------------------------------------------------------------------------------------------

def _better(new, old, mode, pricing):
    if new.sidechain != old.sidechain:
        return not new.sidechain
    if new.total != old.total:
        return new.total > old.total
    cn, co = entry_cost(new, mode, pricing), entry_cost(old, mode, pricing)
    if cn != co:
        return cn > co
    if new.has_speed != old.has_speed:
        return new.has_speed
    return False


def deduplicate(entries, mode, pricing):
    """Survivors, each in the position of the first copy of its duplicate group.

    The spec defines "duplicate" pairwise: (1) same (message.id, requestId-or-absent) key; (2) same message.id,
    different requestId, and either side a sidechain copy. The relation is not transitive: two non-sidechain
    entries with the same message.id and different requestIds are never duplicates of each other, even when a
    sidechain replay duplicates both. So:
      - copies with the same key collapse to their best copy (a key group; it is a sidechain group only when
        every copy is a sidechain copy, because a non-sidechain copy always wins);
      - a sidechain key group is a duplicate of every other key group with the same message.id: when a
        non-sidechain group exists for that message.id it loses to it (dropped); sidechain groups with the same
        message.id are all duplicates of each other and collapse to their best copy.
    Entries without message.id are never deduplicated.
    """
    # 00-decisions 22: a copy without requestId is the same response as the copies of its message.id that
    # carry one: it takes the requestId of the first of them in processing order (before or after it).
    first_request = {}
    for e in entries:
        if e.msg_id is not None and e.req_id is not None:
            first_request.setdefault(e.msg_id, e.req_id)
    groups = []     # [first position, survivor]
    by_key = {}     # (message.id, requestId or None) -> group index
    for e in entries:
        if e.msg_id is None:
            groups.append([e.order, e])
            continue
        key = (e.msg_id, e.req_id if e.req_id is not None else first_request.get(e.msg_id))
        g = by_key.get(key)
        if g is None:
            by_key[key] = len(groups)
            groups.append([e.order, e])
        elif _better(e, groups[g][1], mode, pricing):
            groups[g][1] = e
    # Sidechain replays across key groups of one message.id.
    by_msg = {}
    for index, (_, e) in enumerate(groups):
        if e.msg_id is not None:
            by_msg.setdefault(e.msg_id, []).append(index)
    dropped = set()
    for indices in by_msg.values():
        if len(indices) < 2:
            continue
        side = [i for i in indices if groups[i][1].sidechain]
        if not side:
            continue
        if len(side) < len(indices):
            dropped.update(side)  # a non-sidechain copy beats every sidechain copy
            continue
        # Only sidechain groups: one duplicate set; the best survivor takes the first position.
        side.sort(key=lambda i: groups[i][0])
        keep = side[0]
        best = groups[keep][1]
        for i in side[1:]:
            # Later groups challenge the survivor in first-seen order of their best copy.
            if _better(groups[i][1], best, mode, pricing):
                best = groups[i][1]
            dropped.add(i)
        groups[keep][1] = best
    survivors = [g for i, g in enumerate(groups) if i not in dropped]
    survivors.sort(key=lambda g: g[0])
    return [e for _, e in survivors]


# --------------------------------------------------------------------------------------------------------------
# Reports (03-reports.md §2-6)
# --------------------------------------------------------------------------------------------------------------

def report_date(ms, zone):
    return (EPOCH + timedelta(milliseconds=ms)).astimezone(zone).date()


def week_start(d, start_day):
    weekday = (d.weekday() + 1) % 7  # 0 = Sunday
    shift = (weekday - start_day + 7) % 7
    return d - timedelta(days=shift)


class Row:
    def __init__(self, key):
        self.key = key
        self.input = self.output = self.cc = self.cr = 0
        self.cost = 0.0
        self.models = set()
        self.last_ms = None
        self.session_id = self.project_path = None
        self.agents = {}  # session rows: sub-agent id -> Row of its entries

    def add(self, e, cost):
        self.input += e.input
        self.output += e.output
        self.cc += e.cache_creation
        self.cr += e.cread
        self.cost += cost
        if e.display_model is not None:
            self.models.add(e.display_model)

    def as_dict(self):
        return {"key": self.key, "inputTokens": self.input, "outputTokens": self.output,
                "cacheCreationTokens": self.cc, "cacheReadTokens": self.cr,
                "totalTokens": self.input + self.output + self.cc + self.cr, "totalCost": self.cost,
                "models": sorted(self.models)}


def build_report(survivors, report, mode, tz_name, pricing, start_of_week="sunday"):
    zone = ZoneInfo(tz_name)
    start_day = WEEKDAYS.index(start_of_week.lower())
    rows = {}
    for e in survivors:
        cost = entry_cost(e, mode, pricing)
        if report == "session":
            key = (e.project_path, e.session_id)
        else:
            d = report_date(e.ms, zone)
            if report == "daily":
                key = d.isoformat()
            elif report == "monthly":
                key = d.isoformat()[:7]
            elif report == "weekly":
                key = week_start(d, start_day).isoformat()
            else:
                raise ValueError("unknown report " + report)
        row = rows.get(key)
        if row is None:
            row = rows[key] = Row(key)
        row.add(e, cost)
        if report == "session" and e.agent is not None:
            agent = row.agents.get(e.agent)
            if agent is None:
                agent = row.agents[e.agent] = Row(e.agent)
            agent.add(e, cost)
        if report == "session" and (row.last_ms is None or e.ms >= row.last_ms):
            row.last_ms = e.ms
            row.session_id, row.project_path = e.session_id, e.project_path
    out = []
    if report == "session":
        for row in rows.values():
            if row.input == row.output == row.cc == row.cr == 0:
                continue  # [HEAD] drops sessions whose four token sums are all 0 (03-reports §6)
            d = row.as_dict()
            d["key"] = row.session_id
            d["sessionId"] = row.session_id
            d["projectPath"] = row.project_path
            d["lastActivity"] = report_date(row.last_ms, zone).isoformat()
            d["subagents"] = {k: a.as_dict() for k, a in row.agents.items()}
            out.append(d)
        out.sort(key=lambda r: (-r["totalCost"], r["key"]))
    else:
        out = [rows[k].as_dict() for k in sorted(rows)]
    return out


def main(argv):
    args = list(argv)
    start_of_week = "sunday"
    pricing_path = None
    for flag in ("--start-of-week", "--pricing"):
        if flag in args:
            i = args.index(flag)
            value = args[i + 1]
            del args[i:i + 2]
            if flag == "--start-of-week":
                start_of_week = value
            else:
                pricing_path = value
    if len(args) != 4 or args[1] not in ("daily", "monthly", "weekly", "session") or args[2] not in MODES:
        print(__doc__, file=sys.stderr)
        return 2
    config, report, mode, tz_name = args
    pricing = Pricing(pricing_path)
    stats = {}
    survivors = deduplicate(load_entries(config, stats), mode, pricing)
    rows = build_report(survivors, report, mode, tz_name, pricing, start_of_week)
    json.dump(rows, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
