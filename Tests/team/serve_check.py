#!/usr/bin/env python3
"""Team reports through the servers, against a real, throwaway PostgreSQL server.

Usage: python3 serve_check.py <path-to-ccusage-binary> web|mcp

Two generated machines with overlapping transcripts are synced as two users. Then:
  web: `ccusage-web` (its database from CCUSAGE_TEAM_URL) answers `/api/<report>?team=1…` byte for byte as
       `ccusage <report> --team --json …` prints, also with user=, machine=, by-user=1, by-machine=1; a local
       call after the team ones is this machine's data again; the options CLI --team refuses are refused with
       the CLI's message; the page shows the team's total (also in headless Chromium when selenium is there)
       and stacks the bars by user; a wrong password, an unreachable server and no database at all give a 502
       with one JSON line that never holds the password, and never local data.
  mcp: `ccusage-mcp` tools with `team: true` (and user, machine, groupBy) return exactly the CLI's team JSON;
       refused options and a wrong password are one-line tool errors without the password.
Prints each mismatch and `serve-<mode>: N checks, M mismatches`; exits 1 on any mismatch.
"""
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from decimal import ROUND_HALF_UP, Decimal

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pgserver  # noqa: E402

MISMATCHES = []
CHECKS = [0]
SECRET = "Wrong-Pass-123"


def check(ok, message):
    CHECKS[0] += 1
    if not ok:
        MISMATCHES.append(message)
        print("MISMATCH: " + message, flush=True)


def money(value):
    """`$1,234.56` as the page prints it (half away from zero on the shortest decimal form)."""
    d = Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return ("-" if d < 0 else "") + "${:,.2f}".format(abs(d))


class Env:
    def __init__(self, work, data, url):
        self.vars = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.path.join(work, "home"), "TZ": "UTC",
                     "CCUSAGE_NO_ARCHIVE": "1", "CCUSAGE_OFFLINE": "1", "SWIFT_BACKTRACE": "enable=no",
                     "XDG_CACHE_HOME": os.path.join(work, "cache"), "CLAUDE_CONFIG_DIR": data,
                     "CODEX_HOME": os.path.join(work, "no-codex")}
        if url:
            self.vars["CCUSAGE_TEAM_URL"] = url


def run(binary, args, env):
    return subprocess.run([binary] + args, capture_output=True, env=env.vars, timeout=600)


class Web:
    """A running `ccusage-web` on a free loopback port."""

    def __init__(self, binary, env):
        self.process = subprocess.Popen([os.path.join(os.path.dirname(binary), "ccusage-web"), "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env.vars)
        self.printed = ""
        while "reports cached" not in self.printed:
            line = self.process.stdout.readline().decode()
            if not line:
                raise RuntimeError("ccusage-web stopped: " + self.process.stderr.read().decode()[-2000:])
            self.printed += line
        url = [l for l in self.printed.splitlines() if l.startswith("ccusage dashboard: ")][0].split(": ", 1)[1]
        self.base = url.rstrip("/")
        self.port = urllib.parse.urlparse(url).port

    def get(self, path):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        conn.request("GET", path, headers={"Host": "127.0.0.1:%d" % self.port})
        response = conn.getresponse()
        body = response.read()
        conn.close()
        return response.status, body

    def cmdline(self):
        with open("/proc/%d/cmdline" % self.process.pid, "rb") as f:
            return f.read().decode(errors="replace")

    def stop(self):
        self.process.terminate()
        out, err = self.process.communicate(timeout=60)
        return self.printed + out.decode(errors="replace") + err.decode(errors="replace")


def one_json_error(status, body, label):
    text = body.decode(errors="replace")
    lines = text.strip().splitlines()
    check(len(lines) == 1, "%s: one line, got %r" % (label, text[:300]))
    try:
        return json.loads(text)["error"]
    except (ValueError, KeyError):
        check(False, "%s: not a JSON error: %r" % (label, text[:300]))
        return ""


def web_checks(binary, work, pg, machines):
    url = pg.url()
    env = Env(work, machines["m1"], url)
    web = Web(binary, env)
    try:
        check(url not in web.cmdline() and pg.password not in web.cmdline(), "the server's process title holds no URL")
        cases = [
            ("daily", "team=1&timezone=UTC", ["daily", "--team", "--timezone", "UTC"]),
            ("daily", "team=1&timezone=Asia/Kolkata&breakdown=1", ["daily", "--team", "-z", "Asia/Kolkata", "--breakdown"]),
            ("daily", "team=1&since=20250601&until=2025-06-10&timezone=Asia/Tokyo&order=desc",
             ["daily", "--team", "--since", "20250601", "--until", "2025-06-10", "-z", "Asia/Tokyo", "--order", "desc"]),
            ("weekly", "team=1&timezone=UTC", ["weekly", "--team", "--timezone", "UTC"]),
            ("monthly", "team=1&timezone=UTC&mode=calculate", ["monthly", "--team", "--timezone", "UTC", "--mode", "calculate"]),
            ("session", "team=1&timezone=UTC", ["session", "--team", "--timezone", "UTC"]),
            ("blocks", "team=1&timezone=UTC", ["blocks", "--team", "--timezone", "UTC"]),
            ("daily", "team=1&by-user=1&timezone=UTC", ["daily", "--team", "--by-user", "--timezone", "UTC"]),
            ("monthly", "team=1&by-machine=1&timezone=UTC", ["monthly", "--team", "--by-machine", "--timezone", "UTC"]),
            ("daily", "team=1&user=alice&timezone=UTC", ["daily", "--team", "--user", "alice", "--timezone", "UTC"]),
            ("session", "team=1&machine=m2&timezone=UTC", ["session", "--team", "--machine", "m2", "--timezone", "UTC"]),
            ("weekly", "team=1&user=bob&by-machine=1&timezone=UTC",
             ["weekly", "--team", "--user", "bob", "--by-machine", "--timezone", "UTC"]),
        ]
        team_daily = None
        for report, query, args in cases:
            status, body = web.get("/api/%s?%s" % (report, query))
            expected = run(binary, args + ["--json"], env)
            check(expected.returncode == 0 and expected.stdout.startswith(b"{"),
                  "ccusage %s: exit %d %r" % (" ".join(args), expected.returncode, expected.stderr[:300]))
            check(status == 200 and body == expected.stdout,
                  "/api/%s?%s equals `ccusage %s --json` (%d: %d vs %d bytes)" % (report, query, " ".join(args), status,
                                                                                 len(body), len(expected.stdout)))
            if query == "team=1&timezone=UTC" and report == "daily":
                team_daily = json.loads(body)
        # The team's data is not this machine's, and a local call after the team ones is local again.
        local = run(binary, ["daily", "--json", "--timezone", "UTC"], env).stdout
        status, body = web.get("/api/daily?timezone=UTC")
        check(status == 200 and body == local, "a local call after team calls equals the local CLI")
        check(team_daily is not None and json.loads(local)["totals"]["totalTokens"] != team_daily["totals"]["totalTokens"],
              "the team's totals differ from this machine's (the test would notice local data)")

        # Options CLI --team refuses are refused the same way (the CLI's message), team options need team=1.
        for query, args in (("project=-work-better", ["--project", "-work-better"]), ("all=1", ["--all"]),
                            ("instances=1", ["--instances"]), ("agent=codex", None)):
            status, body = web.get("/api/daily?team=1&timezone=UTC&" + query)
            message = one_json_error(status, body, "refused " + query)
            cli_args = (["codex", "daily"] if args is None else ["daily"] + args) + ["--team", "--json", "--timezone", "UTC"]
            expected = run(binary, cli_args, env)
            check(status == 400 and expected.returncode == 1 and message == expected.stderr.decode().strip(),
                  "team=1&%s is refused as the CLI refuses it: %d %r vs %r" % (query, status, message, expected.stderr))
        status, body = web.get("/api/session?team=1&by-user=1")
        check(status == 400 and "--by-user" in one_json_error(status, body, "session by-user"), "session by-user refused")
        status, body = web.get("/api/daily?user=alice")
        check(status == 400 and "team=1" in one_json_error(status, body, "user without team"), "user= without team=1 refused")
        status, body = web.get("/api/daily?team=1&team-url=postgres://x@y/z")
        check(status == 400, "the database URL is never a query parameter (%d)" % status)

        # The page: the team's total, grouping by user and machine, a team session's requests.
        status, page = web.get("/?team=1&timezone=UTC")
        shown = money(team_daily["totals"]["totalCost"]) if team_daily else "?"
        check(status == 200 and ('id="total-cost">%s<' % shown).encode() in page,
              "the team page shows the team's total %s (%d)" % (shown, status))
        check(b"Not available for team reports" in page and b"/chart/hours.svg" not in page,
              "the team page draws no hour chart from local transcripts")
        status, page = web.get("/?team=1&timezone=UTC&by=user")
        check(status == 200 and b"alice" in page and b"bob" in page, "the team page stacks the bars by user")
        status, page = web.get("/?team=1&timezone=UTC&by=machine")
        check(status == 200 and b"m1" in page and b"m2" in page, "the team page stacks the bars by machine")
        status, page = web.get("/?team=1&timezone=UTC&user=bob")
        bob = json.loads(run(binary, ["daily", "--team", "--json", "--timezone", "UTC", "--user", "bob"], env).stdout)
        check(status == 200 and ('id="total-cost">%s<' % money(bob["totals"]["totalCost"])).encode() in page,
              "the team page filtered to bob shows bob's total")
        sessions = json.loads(run(binary, ["session", "--team", "--json", "--timezone", "UTC"], env).stdout)["sessions"]
        sid = sessions[0]["sessionId"]
        status, page = web.get("/session/%s?team=1&timezone=UTC" % urllib.parse.quote(sid))
        detail = json.loads(run(binary, ["session", "--team", "--json", "--timezone", "UTC", "--id", sid], env).stdout)
        check(status == 200 and page.count(b'class="request"') == len(detail["entries"]) > 0,
              "a team session opens its %d requests" % len(detail["entries"]))
        status, _ = web.get("/chart/hours.svg?team=1")
        check(status == 404, "the hour chart is not drawn for a team (%d)" % status)
        browser_check(web.base, shown)
    finally:
        log = web.stop()
    check(pg.password not in log, "the server's output never holds the password")

    # A wrong password, an unreachable server, no database: 502, one JSON line, no password, no local data.
    dead = "postgres://ccusage_admin:%s@127.0.0.1:%d/postgres" % (SECRET, pgserver.free_port())
    for label, bad_url, words in (("wrong password", pg.url(password=SECRET), "password"),
                                  ("unreachable", dead, "reach"), ("no database", None, "No team database")):
        env = Env(work, machines["m1"], bad_url)
        web = Web(binary, env)
        try:
            check(SECRET not in web.cmdline(), "%s: the process title holds no password" % label)
            for report in ("daily", "session", "blocks"):
                status, body = web.get("/api/%s?team=1&timezone=UTC" % report)
                message = one_json_error(status, body, label)
                check(status == 502 and words in message and SECRET not in body.decode(),
                      "%s /api/%s: %d %r" % (label, report, status, message))
                cli = run(binary, [report, "--team", "--json", "--timezone", "UTC"], env)
                check(cli.returncode == 1 and message == cli.stderr.decode().strip(),
                      "%s /api/%s: the CLI's message (%r vs %r)" % (label, report, message, cli.stderr))
            status, page = web.get("/?team=1&timezone=UTC")
            check(status == 502 and words.encode() in page and SECRET.encode() not in page and b"total-cost" not in page,
                  "%s: the page shows the message, no numbers (%d)" % (label, status))
            status, body = web.get("/api/daily?timezone=UTC")
            check(status == 200 and body == run(binary, ["daily", "--json", "--timezone", "UTC"], env).stdout,
                  "%s: local reports still work" % label)
        finally:
            log = web.stop()
        check(SECRET not in log, "%s: the server's output never holds the password" % label)


def browser_check(base, shown):
    """The team page in headless Chromium (Debian's chromium-driver and selenium), when they are installed."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
    except ImportError:
        print("serve-web: selenium is not installed; the team page was checked over HTTP only")
        return
    if not os.access("/usr/bin/chromedriver", os.X_OK):
        print("serve-web: no /usr/bin/chromedriver; the team page was checked over HTTP only")
        return
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2200"]:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(base + "/?team=1&timezone=UTC")
        text = driver.find_element(By.ID, "total-cost").text
        check(text == shown, "Chromium shows the team's total %s (page: %s)" % (shown, text))
        check(driver.find_element(By.ID, "team").text == "team", "Chromium shows the team badge")
    finally:
        driver.quit()


class MCP:
    """`ccusage-mcp` over stdio, newline-delimited JSON-RPC."""

    def __init__(self, binary, env):
        self.process = subprocess.Popen([os.path.join(os.path.dirname(binary), "ccusage-mcp")], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env.vars)
        self.next = 1
        self.request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                    "clientInfo": {"name": "serve_check", "version": "1"}})
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def send(self, message):
        self.process.stdin.write((json.dumps(message) + "\n").encode())
        self.process.stdin.flush()

    def request(self, method, params):
        ident = self.next
        self.next += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("ccusage-mcp stopped: " + self.process.stderr.read().decode()[-2000:])
            message = json.loads(line)
            if message.get("id") == ident:
                return message

    def call(self, tool, arguments):
        result = self.request("tools/call", {"name": tool, "arguments": arguments})["result"]
        return result.get("isError", False), result["content"][0]["text"]

    def stop(self):
        self.process.stdin.close()
        out, err = self.process.stdout.read(), self.process.stderr.read()
        self.process.wait(timeout=60)
        return out.decode(errors="replace") + err.decode(errors="replace")


def mcp_checks(binary, work, pg, machines):
    env = Env(work, machines["m1"], pg.url())
    mcp = MCP(binary, env)
    try:
        tools = mcp.request("tools/list", {})["result"]["tools"]
        daily = [t for t in tools if t["name"] == "daily"][0]["inputSchema"]["properties"]
        check({"team", "user", "machine", "groupBy"} <= set(daily), "daily takes team, user, machine, groupBy")
        cases = [
            ("daily", {"team": True, "timezone": "UTC"}, ["daily", "--timezone", "UTC"]),
            ("weekly", {"team": True, "timezone": "UTC", "startOfWeek": "monday"},
             ["weekly", "--timezone", "UTC", "--start-of-week", "monday"]),
            ("monthly", {"team": True, "timezone": "Asia/Kolkata", "mode": "calculate", "breakdown": True},
             ["monthly", "-z", "Asia/Kolkata", "--mode", "calculate", "--breakdown"]),
            ("session", {"team": True, "timezone": "UTC", "order": "asc"}, ["session", "--timezone", "UTC", "--order", "asc"]),
            ("blocks", {"team": True, "timezone": "UTC", "tokenLimit": "max"}, ["blocks", "--timezone", "UTC", "--token-limit", "max"]),
            ("daily", {"team": True, "timezone": "UTC", "groupBy": "user"}, ["daily", "--timezone", "UTC", "--by-user"]),
            ("monthly", {"team": True, "timezone": "UTC", "groupBy": "machine"}, ["monthly", "--timezone", "UTC", "--by-machine"]),
            ("daily", {"team": True, "timezone": "UTC", "user": "alice", "since": "20250601", "until": "2025-06-15"},
             ["daily", "--timezone", "UTC", "--user", "alice", "--since", "20250601", "--until", "20250615"]),
            ("session", {"team": True, "timezone": "UTC", "machine": "m2"}, ["session", "--timezone", "UTC", "--machine", "m2"]),
        ]
        for tool, arguments, args in cases:
            error, text = mcp.call(tool, arguments)
            expected = run(binary, args + ["--team", "--json"], env)
            check(expected.returncode == 0, "ccusage %s --team: %r" % (" ".join(args), expected.stderr[:300]))
            check(not error and (text + "\n").encode() == expected.stdout,
                  "%s %s equals `ccusage %s --team --json` (%d vs %d bytes)" % (tool, arguments, " ".join(args), len(text),
                                                                              len(expected.stdout)))
        sid = json.loads(run(binary, ["session", "--team", "--json"], env).stdout)["sessions"][0]["sessionId"]
        error, text = mcp.call("session", {"team": True, "id": sid, "timezone": "UTC"})
        expected = run(binary, ["session", "--team", "--json", "--id", sid, "--timezone", "UTC"], env).stdout
        check(not error and (text + "\n").encode() == expected, "session id with team equals the CLI")
        # A local call after team calls is local data again.
        error, text = mcp.call("daily", {"timezone": "UTC"})
        check(not error and (text + "\n").encode() == run(binary, ["daily", "--json", "--timezone", "UTC"], env).stdout,
              "a local call after team calls equals the local CLI")
        for arguments, args in (({"agent": "all"}, ["daily", "--all"]), ({"agent": "codex"}, ["codex", "daily"])):
            error, text = mcp.call("daily", dict(arguments, team=True))
            expected = run(binary, args + ["--team", "--json"], env).stderr.decode().strip()
            check(error and len(text.splitlines()) == 1 and "Error: " + text == expected,
                  "team with %s is a one-line tool error like the CLI's (%r vs %r)" % (arguments, text, expected))
        error, text = mcp.call("session", {"team": True, "groupBy": "user"})
        check(error, "groupBy is not a session argument")
        error, text = mcp.call("daily", {"user": "alice"})
        check(error and "team: true" in text, "user without team is refused: %r" % text)
    finally:
        mcp.stop()
    for label, bad_url, words in (("wrong password", pg.url(password=SECRET), "password"), ("no database", None, "No team database")):
        env = Env(work, machines["m1"], bad_url)
        mcp = MCP(binary, env)
        try:
            error, text = mcp.call("daily", {"team": True})
            check(error and len(text.splitlines()) == 1 and words in text and SECRET not in text,
                  "%s: one-line tool error without the password: %r" % (label, text))
        finally:
            log = mcp.stop()
        check(SECRET not in log, "%s: nothing printed holds the password" % label)


def main(argv):
    if len(argv) != 2 or argv[1] not in ("web", "mcp"):
        print(__doc__)
        return 2
    binary = os.path.abspath(argv[0])
    generator = os.path.join(os.path.dirname(binary), "ccusage-fixtures")
    needed = [binary, generator] + [os.path.join(os.path.dirname(binary), n) for n in ("ccusage-team", "ccusage-" + argv[1])]
    for tool in needed:
        if not os.access(tool, os.X_OK):
            print("serve-%s: missing executable %s" % (argv[1], tool))
            return 2
    work = tempfile.mkdtemp(prefix="ccusage-serve-check-")
    os.chmod(work, 0o755)
    os.makedirs(os.path.join(work, "home"))
    try:
        trees = {}
        for name, seed in (("A", 21), ("B", 22)):
            trees[name] = os.path.join(work, "tree-" + name)
            subprocess.run([generator, "--out", trees[name], "--size", "400K", "--seed", str(seed),
                            "--start", "2025-05-25", "--days", "30"], check=True, capture_output=True)
        machines = {"m1": trees["A"], "m2": os.path.join(work, "machine-m2")}
        # m2: all of B and some of A's projects (the overlap counts once).
        shutil.copytree(trees["B"], machines["m2"])
        src = os.path.join(trees["A"], "projects")
        for i, project in enumerate(sorted(os.listdir(src))):
            if i % 3 == 0:
                shutil.copytree(os.path.join(src, project), os.path.join(machines["m2"], "projects", project), dirs_exist_ok=True)
        with pgserver.Server() as pg:
            for machine, user in (("m1", "alice"), ("m2", "bob")):
                r = run(binary, ["sync", "--machine", machine, "--user", user], Env(work, machines[machine], pg.url()))
                check(r.returncode == 0, "sync %s: %r" % (machine, r.stderr))
            (web_checks if argv[1] == "web" else mcp_checks)(binary, work, pg, machines)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("serve-%s: %d checks, %d mismatches" % (argv[1], CHECKS[0], len(MISMATCHES)))
    return 1 if MISMATCHES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
