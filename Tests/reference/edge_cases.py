#!/usr/bin/env python3
"""Writes a small hand-made Claude data tree whose lines exercise the rules the specification states explicitly
(00-decisions items 1-4, 01-data §2-5, 02-cost §1-3) and that generated trees rarely hit.

Usage: python3 edge_cases.py <out-dir>      (compare.py calls write_tree() itself)

Every case is written from the spec text; expectations are not stored here -- reference.py computes them.
"""
import json
import os
import sys


def usage_line(ts, mid=None, rid=None, model="claude-sonnet-4-20250514", inp=10, out=20, cc=None, cr=None,
               cc5=None, cc1=None, speed=None, cost=None, side=None, version="1.0.100", session="s", typ="assistant",
               extra=None, msg_extra=None, usage_extra=None):
    """A compact Claude Code transcript line; None means the field is left out."""
    usage = {"input_tokens": inp, "output_tokens": out}
    if cc is not None:
        usage["cache_creation_input_tokens"] = cc
    if cr is not None:
        usage["cache_read_input_tokens"] = cr
    if cc5 is not None or cc1 is not None:
        usage["cache_creation"] = {"ephemeral_5m_input_tokens": cc5 or 0, "ephemeral_1h_input_tokens": cc1 or 0}
    if speed is not None:
        usage["speed"] = speed
    usage.update(usage_extra or {})
    message = {"type": "message", "role": "assistant"}
    if mid is not None:
        message["id"] = mid
    if model is not None:
        message["model"] = model
    message["content"] = [{"type": "text", "text": "ok"}]
    message["usage"] = usage
    message.update(msg_extra or {})
    line = {"parentUuid": None, "isSidechain": bool(side), "userType": "external", "cwd": "/Users/me/app",
            "sessionId": session, "version": version, "type": typ, "message": message}
    if side is None:
        del line["isSidechain"]
    if version is None:
        del line["version"]
    if session is None:
        del line["sessionId"]
    if rid is not None:
        line["requestId"] = rid
    if cost is not None:
        line["costUSD"] = cost
    line["timestamp"] = ts
    line.update(extra or {})
    return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


def progress_line(ts_outer, ts_inner, mid, rid, model, inp, out, cr=0, session="s", side=None):
    inner = {"type": "assistant", "timestamp": ts_inner, "requestId": rid,
             "message": {"id": mid, "type": "message", "role": "assistant", "model": model,
                         "content": [{"type": "text", "text": "sub-agent"}],
                         "usage": {"input_tokens": inp, "output_tokens": out, "cache_read_input_tokens": cr,
                                   "cache_creation_input_tokens": 0}}}
    if side is not None:
        inner["isSidechain"] = side
    line = {"parentUuid": None, "isSidechain": False, "userType": "external", "cwd": "/Users/me/app",
            "sessionId": session, "version": "2.0.76", "type": "progress",
            "data": {"message": inner, "type": "agent_progress", "agentId": "a1"},
            "toolUseID": "agent_x", "uuid": "u-" + mid, "timestamp": ts_outer}
    return json.dumps(line, separators=(",", ":"))


def files():
    """{relative path under projects/: bytes}"""
    out = {}
    S1 = "11111111-aaaa-4bbb-8ccc-000000000001"
    S2 = "22222222-aaaa-4bbb-8ccc-000000000002"
    S3 = "33333333-aaaa-4bbb-8ccc-000000000003"

    # --- Session 1: dedup winners, modes, pricing ---------------------------------------------------------------
    a = []
    # Streaming snapshots: the largest copy wins (00-decisions 1), wherever it sits.
    a.append(usage_line("2025-06-28T10:00:00.000Z", "msg_stream", "req_stream", out=5, cr=1000, session=S1))
    a.append(usage_line("2025-06-28T10:00:01.000Z", "msg_stream", "req_stream", out=500, cr=1000, session=S1))
    a.append(usage_line("2025-06-28T10:00:02.000Z", "msg_stream", "req_stream", out=50, cr=1000, session=S1))
    # Equal tokens, different recorded cost: auto/display keep the dearer copy (dated 06-29), calculate sees equal
    # costs, then neither has `speed` -> the first (dated 06-28) stays.
    a.append(usage_line("2025-06-28T23:30:00.000Z", "msg_cost", "req_cost", out=70, cost=0.5, session=S1))
    a.append(usage_line("2025-06-29T00:30:00.000Z", "msg_cost", "req_cost", out=70, cost=0.75, session=S1))
    # Equal tokens and cost: the copy with a `speed` field wins (its date is 06-30).
    a.append(usage_line("2025-06-29T12:00:00.000Z", "msg_speed", "req_speed", out=33, session=S1))
    a.append(usage_line("2025-06-30T12:00:00.000Z", "msg_speed", "req_speed", out=33, speed="standard", session=S1))
    # Missing requestId: id-only copies deduplicate with each other (largest wins).
    a.append(usage_line("2025-06-29T05:00:00.000Z", "msg_noreq", None, out=10, session=S1))
    a.append(usage_line("2025-06-29T05:00:01.000Z", "msg_noreq", None, out=90, session=S1))
    # requestId null = absent: same key as above -> duplicate (smaller, dropped).
    a.append(usage_line("2025-06-29T05:00:02.000Z", "msg_noreq", None, out=20, session=S1,
                        extra={"requestId": None}))
    # Same message.id, different requestId, neither a sidechain: two entries.
    a.append(usage_line("2025-06-29T07:00:00.000Z", "msg_tworeq", "req_a", out=11, session=S1))
    a.append(usage_line("2025-06-29T07:00:00.000Z", "msg_tworeq", "req_b", out=13, session=S1))
    # Missing message.id: never deduplicated (both count). (The same lines *before* a message.id with two
    # requestIds are the separate `idless_first_files` set.)
    a.append(usage_line("2025-06-29T06:00:00.000Z", None, "req_noid", out=7, session=S1))
    a.append(usage_line("2025-06-29T06:00:00.000Z", None, "req_noid", out=7, session=S1))
    # Tiered pricing above 200k per token type per entry (sonnet-4 has above-200k rates), 1h writes at 2x input.
    a.append(usage_line("2025-06-29T08:00:00.000Z", "msg_tier", "req_tier", inp=250000, out=201000, cc=999,
                        cr=300000, cc5=210000, cc1=220000, session=S1))
    # Exactly at the threshold: no above-rate part.
    a.append(usage_line("2025-06-29T08:10:00.000Z", "msg_tier2", "req_tier2", inp=200000, out=200000, cr=200000,
                        session=S1))
    # cache_creation object present: the flat field is ignored.
    a.append(usage_line("2025-06-29T08:20:00.000Z", "msg_split", "req_split", cc=5000, cc5=100, cc1=300,
                        model="claude-opus-4-1-20250805", session=S1))
    # Fast mode: opus-4-6 x6, opus-4-8 x2; unknown speed value = standard.
    a.append(usage_line("2025-06-29T09:00:00.000Z", "msg_fast6", "req_fast6", model="claude-opus-4-6", inp=100,
                        out=1000, cr=5000, cc5=10, cc1=20, speed="fast", session=S1))
    a.append(usage_line("2025-06-29T09:01:00.000Z", "msg_fast2", "req_fast2", model="claude-opus-4-8", out=1000,
                        speed="fast", session=S1))
    a.append(usage_line("2025-06-29T09:02:00.000Z", "msg_turbo", "req_turbo", model="claude-opus-4-6", out=1000,
                        speed="turbo", session=S1))
    # costUSD 0 is a recorded cost (auto uses it); no model: auto uses costUSD, calculate 0.
    a.append(usage_line("2025-06-29T10:00:00.000Z", "msg_zero", "req_zero", out=4000, cost=0, session=S1))
    a.append(usage_line("2025-06-29T10:01:00.000Z", "msg_nomodel", "req_nomodel", model=None, out=4000,
                        cost=0.125, session=S1))
    a.append(usage_line("2025-06-29T10:02:00.000Z", "msg_nomodel2", "req_nomodel2", model=None, out=4000,
                        session=S1))
    # <synthetic>: counts in totals, never in model lists.
    a.append(usage_line("2025-06-29T10:03:00.000Z", "msg_synth", "req_synth", model="<synthetic>", inp=3, out=4,
                        session=S1))
    # Model-name matching (02-cost §3.2).
    models = ["claude-sonnet-4.5", "anthropic/claude-opus-4-6", "claude-opus-4-20250514", "claude-3-5-haiku@20241022",
              "claude-fable-5", "claude-unknown-model-9", "claude-opus-4-1", "us.anthropic.claude-sonnet-4-6",
              "claude-haiku-4-5-thinking", "claude-sonnet-4-6-20260101", "claude-sonnet-4-202505140", "opus-4-6",
              "claude-sonnet", "claude-opus-4-5-20251101", "claude-3-7-sonnet-20250219", "claude-3-haiku-20240307",
              "claude-opus-4-7"]
    for i, m in enumerate(models):
        a.append(usage_line("2025-06-29T11:%02d:00.000Z" % i, "msg_model_%d" % i, "req_model_%d" % i, model=m,
                            inp=1000 + i, out=2000 + i, cc=300 + i, cr=40000 + i, session=S1))
    # Nulls in optional fields mean absent; nulls elsewhere (also nested) do not drop the line.
    a.append(usage_line("2025-06-29T12:30:00.000Z", "msg_nulls", "req_nulls", out=77, session=S1,
                        extra={"cwd": None, "costUSD": None, "version": None, "gitBranch": None},
                        usage_extra={"cache_read_input_tokens": None, "cache_creation_input_tokens": None,
                                     "speed": None, "service_tier": None},
                        msg_extra={"content": [{"type": "tool_use", "id": None, "input": {"model": None}}]}))
    a.append(usage_line("2025-06-29T12:31:00.000Z", "msg_nullmodel", "req_nullmodel", model=None, out=78,
                        session=S1, msg_extra={"model": None}))
    # Lines that do not count (00-decisions 4; 01-data §3.2).
    bad = [
        usage_line("2025-06-29T13:00:00.000Z", "bad1", "rb1", out=1.0, session=S1),
        usage_line("2025-06-29T13:00:00.000Z", "bad2", "rb2", inp=-5, session=S1),
        usage_line("2025-06-29T13:00:00.000Z", "bad3", "rb3", inp="5", session=S1),
        usage_line("2025-06-29T13:00:00.000Z", "bad4", "", session=S1),
        usage_line("2025-06-29T13:00:00.000Z", "", "rb5", session=S1),
        usage_line("2025-06-29T13:00:00.000Z", "bad6", "rb6", model="", session=S1),
        usage_line("2025-06-29T13:00:00.000Z", "bad7", "rb7", session=""),
        usage_line("2025-06-29T13:00:00.000Z", "bad8", "rb8", version="1.0", session=S1),
        usage_line("2025-06-29T13:00:00.000Z", "bad9", "rb9", version="v1.0.0", session=S1),
        usage_line("2025-02-30T13:00:00.000Z", "bad10", "rb10", session=S1),
        usage_line("2025-06-29T24:00:00.000Z", "bad11", "rb11", session=S1),
        usage_line("2025-06-29 13:00:00.000Z", "bad12", "rb12", session=S1),
        usage_line("2025-06-29T13:00:00.000z", "bad13", "rb13", session=S1),
        usage_line("2025-06-29T13:00:00+0530", "bad14", "rb14", session=S1),
        usage_line("2025-06-29T13:00:00.1234567891Z", "bad15", "rb15", session=S1),
        usage_line("2025-06-29T13:00:00", "bad16", "rb16", session=S1),
        usage_line("2025-06-29T13:00:00.Z", "bad17", "rb17", session=S1),
        usage_line("2025-06-29T13:60:00Z", "bad18", "rb18", session=S1),
        usage_line("2025-06-29", "bad19", "rb19", session=S1),
        usage_line("2025-06-29T13:00:00.000Z", "bad20", "rb20", session=S1, usage_extra={"output_tokens": None}),
        usage_line("2025-06-29T13:00:00.000Z", "bad21", "rb21", session=S1, extra={"timestamp": None}),
    ]
    a.extend(bad)
    # Exponent form and a missing output count are written by hand.
    a.append('{"type":"assistant","sessionId":"%s","timestamp":"2025-06-29T13:00:00.000Z","requestId":"rb22",'
             '"message":{"id":"bad22","model":"claude-sonnet-4-20250514","usage":{"input_tokens":1e2,'
             '"output_tokens":3}}}' % S1)
    a.append('{"type":"assistant","sessionId":"%s","timestamp":"2025-06-29T13:00:00.000Z","requestId":"rb23",'
             '"message":{"id":"bad23","model":"claude-sonnet-4-20250514","usage":{"input_tokens":2}}}' % S1)
    # Valid: whitespace inside the JSON, duplicate keys (last wins), `type` other than assistant, versions with
    # a suffix, fractions of 1 and 9 digits, offsets.
    a.append('{ "type" : "user" , "sessionId" : "%s" , "version" : "1.0.33-beta" , "timestamp" : '
             '"2025-06-29T14:00:00.5+02:00" , "requestId" : "req_ws" , "message" : { "id" : "msg_ws" , "model" : '
             '"claude-sonnet-4-20250514" , "usage" : { "input_tokens" : 5 , "output_tokens" : 5 , '
             '"output_tokens" : 55 , "cache_read_input_tokens" : 100 } } }' % S1)
    a.append(usage_line("2025-06-29T14:30:00.123456789-08:00", "msg_frac9", "req_frac9", out=21, session=S1))
    a.append(usage_line("2025-06-30T23:59:59.9999999Z", "msg_lastsec", "req_lastsec", out=22, session=S1))
    # Date boundaries: Tokyo / Chatham next day, LA previous day, month edge.
    a.append(usage_line("2025-06-30T14:59:59.999Z", "msg_tokyo1", "req_tokyo1", out=23, session=S1))
    a.append(usage_line("2025-06-30T15:00:00.000Z", "msg_tokyo2", "req_tokyo2", out=24, session=S1))
    a.append(usage_line("2025-06-30T11:14:59.999Z", "msg_chatham1", "req_chatham1", out=25, session=S1))
    a.append(usage_line("2025-06-30T11:15:00.000Z", "msg_chatham2", "req_chatham2", out=26, session=S1))
    a.append(usage_line("2025-07-01T06:59:59.999Z", "msg_la1", "req_la1", out=27, session=S1))
    a.append(usage_line("2025-07-01T07:00:00.000Z", "msg_la2", "req_la2", out=28, session=S1))
    a.append(usage_line("2025-07-01T00:30:00+09:00", "msg_offset", "req_offset", out=29, session=S1))
    a.append('{"type":"summary","summary":"not usage","leafUuid":"x"}')
    a.append('not json at all')
    a.append('[1,2,3]')
    a.append('{"type":"assistant","timestamp":"2025-06-29T13:00:00.000Z","message":{"id":"nousage","usage":null}}')
    a.append('{"type":"assistant","timestamp":"2025-06-29T13:00:00.000Z","message":"text"}')
    body = "\n".join(a) + "\n"
    # UTF-8 BOM at the start, CRLF line ends, one line that is not valid UTF-8 (skipped alone).
    data = b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode("utf-8")
    data += b'{"type":"assistant","note":"\xff\xfe","timestamp":"2025-06-29T15:00:00Z","requestId":"rbad",' \
            b'"message":{"id":"badutf","model":"claude-sonnet-4-20250514","usage":{"input_tokens":1,' \
            b'"output_tokens":1}}}\r\n'
    data += usage_line("2025-06-29T15:01:00.000Z", "msg_after_bad_utf8", "req_after_bad_utf8", out=31,
                       session=S1).encode() + b"\r\n"
    out["-Users-me-code-app/%s.jsonl" % S1] = data

    # --- Session 2 and its sub-agent: sidechain replays and progress lines -------------------------------------
    b = []
    # Sidechain copy seen first (in a file that sorts earlier? no: same file, earlier line) with more tokens;
    # the non-sidechain copy with a different requestId still wins, with its own date.
    b.append(usage_line("2025-07-02T10:00:00.000Z", "msg_btw", "req_btw_side", out=900, cr=50000, side=True,
                        session=S2))
    b.append(usage_line("2025-07-03T10:00:00.000Z", "msg_btw", "req_btw_main", out=100, cr=50000, side=False,
                        session=S2))
    # Progress line holding a sub-agent response: counts in this session, dedups against the sub-agent file's
    # sidechain copy (the non-sidechain progress copy wins even with fewer tokens).
    b.append(progress_line("2025-07-04T09:00:00.100Z", "2025-07-04T09:00:00.000Z", "msg_agent1", "req_agent1",
                           "claude-haiku-4-5-20251001", 6, 300, cr=8000, session=S2))
    # A progress copy only (its sub-agent file lacks this request).
    b.append(progress_line("2025-07-04T09:05:00.100Z", "2025-07-04T09:05:00.000Z", "msg_agent2", "req_agent2",
                           "claude-haiku-4-5-20251001", 7, 400, cr=9000, session=S2))
    b.append(usage_line("2025-07-04T10:00:00.000Z", "msg_s2", "req_s2", out=1234, cr=777, side=False, session=S2,
                        model="claude-opus-4-1-20250805"))
    out["-Users-me-code-app/%s.jsonl" % S2] = ("\n".join(b) + "\n").encode()
    sub = [
        usage_line("2025-07-04T09:00:00.050Z", "msg_agent1", "req_agent1", model="claude-haiku-4-5-20251001",
                   inp=6, out=999, cr=8000, side=True, session=S2),
        usage_line("2025-07-04T09:30:00.000Z", "msg_agent3", "req_agent3", model="claude-haiku-4-5-20251001",
                   inp=8, out=500, cr=1000, side=True, session=S2),
    ]
    out["-Users-me-code-app/%s/subagents/agent-a1.jsonl" % S2] = ("\n".join(sub) + "\n").encode()

    # --- Cross-file duplicates and session attribution --------------------------------------------------------
    # The same request resumed into another session of another project: the bigger copy decides the session.
    out["-Users-me-code-api/%s.jsonl" % S3] = ("\n".join([
        usage_line("2025-07-05T08:00:00.000Z", "msg_resume", "req_resume", out=10, cr=100, session=S3),
        usage_line("2025-07-05T08:00:00.000Z", "msg_zero_session", "req_zero_session", model="<synthetic>", inp=0,
                   out=0, session=S3),
    ]) + "\n").encode()
    out["-Users-me-code-zzz/%s.jsonl" % S1] = ("\n".join([
        usage_line("2025-07-06T08:00:00.000Z", "msg_resume", "req_resume", out=60, cr=100, session=S1),
        usage_line("2025-07-06T09:00:00.000Z", "msg_same_stem", "req_same_stem", out=61, session=S1),
    ]) + "\n").encode()
    # A session made only of zero-token lines is left out of the session report (03-reports §6, [HEAD]).
    out["-Users-me-code-api/44444444-aaaa-4bbb-8ccc-000000000004.jsonl"] = (usage_line(
        "2025-07-05T09:00:00.000Z", "msg_only_zero", "req_only_zero", model="<synthetic>", inp=0, out=0,
        session="44444444-aaaa-4bbb-8ccc-000000000004") + "\n").encode()
    # Legacy nested layout P/D/F.jsonl -> session D; dot directories are included; non-.jsonl files are not.
    out["-Users-me-code-api/legacy-dir/transcript.jsonl"] = (usage_line(
        "2025-07-07T08:00:00.000Z", "msg_legacy", "req_legacy", out=70, session="legacy") + "\n").encode()
    out["-Users-me-code-api/.hidden/dotted.jsonl"] = (usage_line(
        "2025-07-07T09:00:00.000Z", "msg_dot", "req_dot", out=71, session="dotted") + "\n").encode()
    out["-Users-me-code-api/ignored.json"] = (usage_line(
        "2025-07-07T10:00:00.000Z", "msg_ignored", "req_ignored", out=72) + "\n").encode()
    out["-Users-me-code-api/ignored.jsonl.bak"] = out["-Users-me-code-api/ignored.json"]
    # A file with no final newline and a blank line in the middle.
    out["-Users-me-code-api/55555555-aaaa-4bbb-8ccc-000000000005.jsonl"] = (
        usage_line("2025-07-08T08:00:00.000Z", "msg_nl1", "req_nl1", out=80, session="s5") + "\n\n   \n" +
        usage_line("2025-07-08T08:00:01.000Z", "msg_nl2", "req_nl2", out=81, session="s5")).encode()
    return out


def idless_first_files():
    """An entry without message.id, then one message.id under two requestIds (neither a sidechain): three
    entries, nothing is a duplicate (01-data §4 [HEAD])."""
    sid = "66666666-aaaa-4bbb-8ccc-000000000006"
    lines = [usage_line("2025-06-29T07:00:00.000Z", None, "req_0", out=7, session=sid),
             usage_line("2025-06-29T07:00:00.000Z", "msg_m", "req_a", out=11, session=sid),
             usage_line("2025-06-29T07:00:00.000Z", "msg_m", "req_b", out=13, session=sid)]
    return {"-Users-me-code-app/%s.jsonl" % sid: ("\n".join(lines) + "\n").encode()}


def sidechain_key_reuse_files():
    """A sidechain copy S = (m, r1), then N1 = (m, r2) and N2 = (m, r1), both non-sidechain, in this file order,
    then a second, larger copy of N2.
    Pairwise (00-decisions 1): S~N1 (sidechain replay) and S~N2 (same key), but N1 and N2 are not duplicates
    (same message.id, different requestId, neither a sidechain): N1 and N2 both count, in any file order
    (01-data §1.3: order does not affect results)."""
    sid = "77777777-aaaa-4bbb-8ccc-000000000007"
    s = usage_line("2025-07-01T12:00:00.000Z", "msg_x", "req_1", inp=1, out=20, side=True, session=sid)
    n1 = usage_line("2025-07-01T12:00:00.000Z", "msg_x", "req_2", inp=1, out=10, side=False, session=sid)
    n2 = usage_line("2025-07-02T12:00:00.000Z", "msg_x", "req_1", inp=1, out=5, side=False, session=sid)
    # A later streaming copy of N2 (same key, more output): replaces N2, never counts beside it.
    n2b = usage_line("2025-07-02T12:00:01.000Z", "msg_x", "req_1", inp=1, out=8, side=False, session=sid)
    return {"-Users-me-code-app/%s.jsonl" % sid: ("\n".join([s, n1, n2, n2b]) + "\n").encode()}


def mixed_dedup_files(seed=2025, lines=400):
    """Pseudo-random streaming copies, resumed sessions, sidechain replays and id-less entries that exercise
    every step of the winner rule (sidechain, token total, cost under the mode, `speed` field, first seen)
    across files, days and modes."""
    import random
    rng = random.Random(seed)
    paths = ["-Users-me-code-app/%08d-aaaa-4bbb-8ccc-%012d.jsonl" % (i, i) for i in range(1, 4)] + \
            ["-Users-me-code-api/%08d-aaaa-4bbb-8ccc-%012d.jsonl" % (i, i) for i in range(4, 6)] + \
            ["-Users-me-code-app/00000001-aaaa-4bbb-8ccc-000000000001/subagents/agent-%d.jsonl" % i
             for i in range(2)]
    out = {p: [] for p in paths}
    models = ["claude-sonnet-4-20250514", "claude-opus-4-6", "claude-haiku-4-5-20251001", "<synthetic>"]
    for n in range(lines):
        mid = "msg_%02d" % rng.randrange(60) if rng.random() < 0.97 else None
        rid = rng.choice(["req_a", "req_b", "req_c", None])
        path = rng.choice(paths)
        hour = rng.choice([0, 1, 7, 12, 14, 15, 22, 23])
        ts = "2025-07-%02dT%02d:%02d:%02d.%03dZ" % (rng.randint(5, 7), hour, rng.randrange(60), rng.randrange(60),
                                                  rng.randrange(1000))
        out[path].append(usage_line(
            ts, mid, rid, model=rng.choice(models), inp=rng.choice([1, 2, 3]), out=rng.choice([10, 20, 30]),
            cr=rng.choice([None, 0, 1000, 250000]), cc5=rng.choice([None, 0, 500]), cc1=rng.choice([None, 300]),
            speed=rng.choice([None, None, "standard", "fast"]), cost=rng.choice([None, None, 0, 0.01, 0.02]),
            side=rng.choice([None, False, False, True]), session=path.split("/")[1][:36]))
    return {p: ("\n".join(v) + "\n").encode() for p, v in out.items() if v}


def rewritten_history_files():
    """00-decisions 22: a session rewritten a day later without requestId (new uuids, one shared timestamp, the
    same message.id and usage) in a file that sorts before the original, so the copies come first; one
    message written under two requestIds and once without; a rewrite of a message never seen with a requestId."""
    old = "88888888-aaaa-4bbb-8ccc-000000000008"
    new = "08888888-aaaa-4bbb-8ccc-000000000009"  # sorts first: its copies are seen before the originals
    originals = [usage_line("2025-08-01T10:00:%02d.000Z" % i, "msg_r%d" % i, "req_r%d" % i, out=10 + i, cr=1000 * i,
                            session=old) for i in range(4)]
    originals += [usage_line("2025-08-01T11:00:00.000Z", "msg_two", "req_t1", out=3, session=old),
                  usage_line("2025-08-01T11:00:01.000Z", "msg_two", "req_t2", out=4, session=old)]
    rewritten = [usage_line("2025-08-02T09:30:00.000Z", "msg_r%d" % i, None, out=10 + i, cr=1000 * i, session=new)
                 for i in range(4)]
    rewritten += [usage_line("2025-08-02T09:30:00.000Z", "msg_two", None, out=9, session=new),
                  usage_line("2025-08-02T09:30:00.000Z", "msg_lone", None, out=6, session=new),
                  usage_line("2025-08-02T09:30:01.000Z", "msg_lone", None, out=7, session=new)]
    return {"-Users-me-code-app/%s.jsonl" % old: ("\n".join(originals) + "\n").encode(),
            "-Users-me-code-app/%s.jsonl" % new: ("\n".join(rewritten) + "\n").encode()}


DATASETS = {"edge cases": files, "mixed duplicates": mixed_dedup_files,
            "id-less entry first": idless_first_files, "sidechain key reused": sidechain_key_reuse_files,
            "rewritten history": rewritten_history_files}
# Regression sets of a few lines: compared for daily and session in UTC only.
SMALL_DATASETS = {"id-less entry first", "sidechain key reused"}


def write_tree(root, builder=files):
    projects = os.path.join(root, "projects")
    for rel, data in builder().items():
        path = os.path.join(projects, *rel.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    return root


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    write_tree(sys.argv[1])
