#!/usr/bin/env python3
"""End-to-end test of `ccusage mcp` with the official MCP Python SDK as the client.

Usage: python3 Tests/mcp/client.py PATH/TO/ccusage [FIXTURE_DIR]

Launches `ccusage mcp` over stdio, initializes, lists the tools and checks their input schemas, calls every
tool with several argument sets on the fixture tree (default Tests/Fixtures/basic) and compares each result
with what the CLI prints for `--json` with the same options, checks that bad arguments come back as tool
errors (isError) without killing the server, and that a client closing stdin right after its requests still
gets every answer. Exits 0 when every check passes, 1 otherwise (each failure is printed).
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

TOOLS = {"daily", "weekly", "monthly", "session", "blocks"}
COMMON = {"agent", "since", "until", "mode", "timezone", "offline", "order", "breakdown", "team", "user", "machine"}
EXTRA = {
    "daily": {"groupBy"},
    "weekly": {"groupBy", "startOfWeek"},
    "monthly": {"groupBy"},
    "session": {"id"},
    "blocks": {"active", "recent", "tokenLimit", "sessionLength"},
}
ENUMS = {
    "agent": ["claude", "codex", "all"],
    "mode": ["auto", "calculate", "display"],
    "order": ["asc", "desc"],
    "startOfWeek": ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"],
    "groupBy": ["user", "machine"],
}
TYPES = {
    "agent": "string",
    "since": "string", "until": "string", "mode": "string", "timezone": "string", "offline": "boolean",
    "order": "string", "breakdown": "boolean", "startOfWeek": "string", "id": "string", "active": "boolean",
    "recent": "boolean", "tokenLimit": "string", "sessionLength": "number", "team": "boolean", "user": "string",
    "machine": "string", "groupBy": "string",
}
# MCP argument -> CLI flag; booleans become a bare flag when true.
FLAGS = {
    "since": "--since", "until": "--until", "mode": "--mode", "timezone": "--timezone", "offline": "--offline",
    "order": "--order", "breakdown": "--breakdown", "startOfWeek": "--start-of-week", "id": "--id",
    "active": "--active", "recent": "--recent", "tokenLimit": "--token-limit", "sessionLength": "--session-length",
}

DATE_ARGS = [
    {"timezone": "UTC"},
    {"timezone": "UTC", "order": "desc", "breakdown": True, "offline": True},
    {"timezone": "UTC", "since": "20250720", "until": "2025-08-31"},
    {"timezone": "UTC", "since": "2025-08-01", "mode": "calculate"},
    {"timezone": "UTC", "mode": "display", "until": "20250731"},
    {"timezone": "America/Los_Angeles"},
    {"timezone": "Asia/Tokyo", "order": "asc"},
    {},  # no arguments: the server's TZ (UTC here), as the CLI without --timezone
]
CALLS = {
    "daily": DATE_ARGS,
    "monthly": DATE_ARGS,
    "weekly": DATE_ARGS + [
        {"timezone": "UTC", "startOfWeek": "monday"},
        {"timezone": "UTC", "startOfWeek": "saturday", "order": "desc"},
        {"timezone": "Asia/Tokyo", "startOfWeek": "wednesday", "since": "20250801"},
    ],
    "session": DATE_ARGS + [{"timezone": "UTC", "order": "asc"}],
    "blocks": [
        {"timezone": "UTC"},
        {"timezone": "UTC", "order": "desc", "mode": "calculate"},
        {"timezone": "UTC", "since": "20250801", "until": "20250831"},
        {"timezone": "UTC", "sessionLength": 3},
        {"timezone": "UTC", "sessionLength": 1.5, "tokenLimit": "500000"},
        {"timezone": "UTC", "tokenLimit": "max"},
        {"timezone": "UTC", "recent": True},
        {"timezone": "UTC", "active": True},
        {"timezone": "Asia/Tokyo", "since": "2025-07-20"},
        {},
    ],
}
BAD_CALLS = [
    ("daily", {"since": "2025-13-01"}, "YYYYMMDD"),
    ("daily", {"until": "yesterday"}, "YYYYMMDD"),
    ("daily", {"since": 20250801}, "must be a string"),
    ("daily", {"since": "20250802", "until": "20250801"}, "is after"),
    ("daily", {"timezone": "Mars/Olympus"}, "Unknown time zone"),
    ("daily", {"mode": "cheap"}, "must be one of auto, calculate, display"),
    ("monthly", {"order": "sideways"}, "must be one of asc, desc"),
    ("monthly", {"breakdown": "yes"}, "must be a boolean"),
    ("daily", {"startOfWeek": "monday"}, "Unknown argument 'startOfWeek'"),
    ("weekly", {"startOfWeek": "funday"}, "must be one of sunday"),
    ("session", {"id": "nope"}, "No session found with ID: nope"),
    ("session", {"id": 42}, "must be a string"),
    ("blocks", {"sessionLength": 0}, "Session length must be a positive number"),
    ("blocks", {"sessionLength": -2.5}, "Session length must be a positive number"),
    ("blocks", {"sessionLength": "5"}, "must be a number"),
    ("blocks", {"tokenLimit": "lots"}, "tokenLimit"),
    ("blocks", {"tokenLimit": "-5"}, "tokenLimit"),
    ("blocks", {"active": "true"}, "must be a boolean"),
    ("yearly", {}, "Unknown tool 'yearly'"),
]


class Checks:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def check(self, condition, label, detail=""):
        if condition:
            self.passed += 1
        else:
            self.failures.append(f"{label}{': ' + detail if detail else ''}")
        return condition


def cli_args(tool, args):
    out = [tool, "--json"]
    for key, value in args.items():
        if isinstance(value, bool):
            if value:
                out.append(FLAGS[key])
        else:
            out += [FLAGS[key], str(value)]
    return out


def run_cli(binary, env, args, cwd=None):
    result = subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=120, cwd=cwd)
    return result.returncode, result.stdout, result.stderr


def text_of(result):
    texts = [item.text for item in result.content if getattr(item, "type", None) == "text"]
    return texts[0] if len(texts) == 1 else None


async def check_session(binary, env, checks):
    params = StdioServerParameters(command=binary, args=["mcp"], env=env)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            code, version, _ = run_cli(binary, env, ["--version"])
            checks.check(init.serverInfo.name == "ccusage", "server name", init.serverInfo.name)
            version = version.strip().splitlines()[0] if version.strip() else ""
            checks.check(code == 0 and init.serverInfo.version == version, "server version",
                         f"{init.serverInfo.version!r} vs CLI {version!r}")
            checks.check(init.capabilities.tools is not None, "tools capability")

            listed = await session.list_tools()
            names = {tool.name for tool in listed.tools}
            checks.check(names == TOOLS, "tool names", str(sorted(names)))
            for tool in listed.tools:
                schema = tool.inputSchema
                props = schema.get("properties", {})
                expected = COMMON | EXTRA.get(tool.name, set())
                checks.check(schema.get("type") == "object", f"{tool.name} schema type", str(schema.get("type")))
                checks.check(set(props) == expected, f"{tool.name} schema properties",
                             f"{sorted(props)} != {sorted(expected)}")
                checks.check(not schema.get("required"), f"{tool.name} has no required argument")
                checks.check(bool(tool.description), f"{tool.name} description")
                for name, prop in props.items():
                    checks.check(prop.get("type") == TYPES.get(name), f"{tool.name}.{name} type", str(prop.get("type")))
                    if name in ENUMS:
                        checks.check(prop.get("enum") == ENUMS[name], f"{tool.name}.{name} enum", str(prop.get("enum")))

            async def compare(tool, args):
                label = f"{tool} {json.dumps(args, sort_keys=True)}"
                result = await session.call_tool(tool, args)
                text = text_of(result)
                if not checks.check(not result.isError and text is not None, f"{label} succeeds",
                                    text or str(result.content)):
                    return None
                code, out, err = run_cli(binary, env, cli_args(tool, args))
                if not checks.check(code == 0, f"{label}: CLI exit code", f"{code}: {err.strip()}"):
                    return None
                checks.check(text + "\n" == out, f"{label}: same JSON text as the CLI's --json",
                             f"\nMCP:\n{text[:800]}\nCLI:\n{out[:800]}")
                parsed = json.loads(text)
                checks.check(result.structuredContent == parsed, f"{label}: structuredContent equals the text")
                return parsed

            for tool, arg_sets in CALLS.items():
                for args in arg_sets:
                    await compare(tool, args)

            # Every session, looked up by id (the detail view), in every cost mode.
            report = await compare("session", {"timezone": "UTC"})
            ids = [row["sessionId"] for row in (report or {}).get("sessions", [])]
            checks.check(len(ids) >= 2, "fixture has sessions", str(ids))
            for session_id in ids:
                for mode in ("auto", "calculate", "display"):
                    detail = await compare("session", {"id": session_id, "mode": mode, "timezone": "UTC"})
                    checks.check(detail is not None and detail.get("sessionId") == session_id and detail.get("entries"),
                                 f"session detail {session_id} ({mode}) has entries")

            for tool, args, message in BAD_CALLS:
                label = f"bad {tool} {json.dumps(args, sort_keys=True)}"
                result = await session.call_tool(tool, args)
                text = text_of(result) or ""
                checks.check(result.isError is True, f"{label} is a tool error", text)
                checks.check(message in text, f"{label} message", f"{text!r} lacks {message!r}")

            # Still serving after all those errors.
            again = await session.call_tool("monthly", {"timezone": "UTC"})
            checks.check(not again.isError, "server still answers after bad calls")


async def check_missing_data(binary, env, checks):
    missing = dict(env, CLAUDE_CONFIG_DIR="/nonexistent/claude-data")
    params = StdioServerParameters(command=binary, args=["mcp"], env=missing)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            result = await session.call_tool("daily", {})
            text = text_of(result) or ""
            checks.check(result.isError is True, "no data directory is a tool error", text)
            checks.check("CLAUDE_CONFIG_DIR" in text and "/nonexistent/claude-data" in text,
                         "no data directory message names the directory", text)


CONFIG = {"defaults": {"order": "desc", "noCost": True, "mode": "calculate", "breakdown": True},
          "commands": {"weekly": {"startOfWeek": "monday"}, "blocks": {"sessionLength": 2, "tokenLimit": "max"},
                       "session": {"order": "asc"}}}


async def check_config_file(binary, env, checks):
    """With ./.ccusage/ccusage.json in the working directory, every tool still equals the CLI's --json."""
    with tempfile.TemporaryDirectory() as cwd:
        os.makedirs(os.path.join(cwd, ".ccusage"))
        with open(os.path.join(cwd, ".ccusage", "ccusage.json"), "w") as f:
            json.dump(CONFIG, f)
        params = StdioServerParameters(command=binary, args=["mcp"], env=env, cwd=cwd)
        async with stdio_client(params) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                for tool, args in [("daily", {}), ("weekly", {"timezone": "Asia/Tokyo"}), ("monthly", {"order": "asc"}),
                                   ("session", {}), ("blocks", {"timezone": "UTC"}), ("daily", {"mode": "display"})]:
                    label = f"config file: {tool} {json.dumps(args, sort_keys=True)}"
                    result = await session.call_tool(tool, args)
                    text = text_of(result)
                    code, out, err = run_cli(binary, env, cli_args(tool, args), cwd=cwd)
                    checks.check(not result.isError and code == 0, f"{label} succeeds", f"{text} / {err.strip()}")
                    checks.check(text is not None and text + "\n" == out, f"{label}: same JSON text as the CLI's --json",
                                 f"\nMCP:\n{(text or '')[:800]}\nCLI:\n{out[:800]}")
                    if tool != "blocks":
                        checks.check("cost" not in out.lower(), f"{label}: the file's noCost took effect", out[:300])


def check_raw_stdio(binary, env, checks):
    """Requests written at once and stdin closed: every answer still arrives, stdout holds only JSON-RPC."""
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
        {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "daily", "arguments": {"timezone": "UTC"}}},
        {"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "blocks", "arguments": {"sessionLength": 0}}},
    ]
    stdin = "".join(json.dumps(m) + "\n" for m in messages)
    try:
        proc = subprocess.run([binary, "mcp"], input=stdin, env=env, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        checks.check(False, "raw stdio: server exits when stdin closes", "timed out")
        return
    checks.check(proc.returncode == 0, "raw stdio: exit code 0", f"{proc.returncode}: {proc.stderr.strip()}")
    lines = [line for line in proc.stdout.split("\n") if line]
    replies = {}
    for line in lines:
        try:
            message = json.loads(line)
        except ValueError:
            checks.check(False, "raw stdio: stdout holds only JSON-RPC", repr(line[:200]))
            continue
        replies[message.get("id")] = message
    checks.check(sorted(k for k in replies if k is not None) == [1, 2, 3, 4], "raw stdio: every request answered",
                 str(sorted(replies, key=str)))
    daily = replies.get(3, {}).get("result", {})
    code, out, _ = run_cli(binary, env, ["daily", "--json", "--timezone", "UTC"])
    checks.check(code == 0 and daily.get("content", [{}])[0].get("text", "") + "\n" == out,
                 "raw stdio: daily text equals the CLI's")
    checks.check(replies.get(4, {}).get("result", {}).get("isError") is True, "raw stdio: bad sessionLength is a tool error")
    checks.check(proc.stderr == "", "raw stdio: nothing logged", proc.stderr[:300])


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    fixture = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent / "Fixtures" / "basic"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": "/nonexistent-home",
        "TZ": "UTC",
        "CLAUDE_CONFIG_DIR": str(fixture.resolve()),
        # As the CLI tests: no archive in the shared home (another run's archive would answer "no data" calls).
        "CCUSAGE_NO_ARCHIVE": "1",
    }
    checks = Checks()

    async def run_all():
        with anyio.fail_after(300):
            await check_session(binary, env, checks)
            await check_missing_data(binary, env, checks)
            await check_config_file(binary, env, checks)

    anyio.run(run_all)
    check_raw_stdio(binary, env, checks)

    for failure in checks.failures:
        print("FAIL " + failure)
    print(f"mcp client: {checks.passed} checks passed, {len(checks.failures)} failed")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
