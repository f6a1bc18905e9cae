#!/usr/bin/env python3
"""Drives the `ccusage web` dashboard in headless Chromium (Debian's chromium + chromium-driver, selenium)
and checks it against the CLI's own JSON.

usage: dashboard_test.py BASE_URL CCUSAGE_BINARY SCREENSHOT.png

The server and the CLI must see the same environment (CLAUDE_CONFIG_DIR, TZ, HOME): this script runs the CLI
with its own environment. Prints one line per check and exits non-zero on the first failure.
"""
import http.client
import json
import subprocess
import sys
import urllib.parse
import urllib.request
from decimal import ROUND_HALF_UP, Decimal

BASE, CLI, SHOT = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
PARSED = urllib.parse.urlparse(BASE)


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        sys.exit(1)


def cli(*args):
    done = subprocess.run([CLI, *args], capture_output=True)
    if done.returncode != 0:
        check(False, f"ccusage {' '.join(args)} exits 0 ({done.stderr.decode()[:300]})")
    return done.stdout


def money(value):
    """`$1,234.56`: half away from zero on the shortest decimal form of the double."""
    d = Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    return f"{sign}${abs(d):,.2f}"


def get(path, host=None, method="GET"):
    conn = http.client.HTTPConnection(PARSED.hostname, PARSED.port, timeout=120)
    conn.putrequest(method, path, skip_host=True)
    conn.putheader("Host", host or PARSED.netloc)
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), body


# 1. The API is byte for byte the CLI's JSON, for several option sets.
first_day = json.loads(cli("daily", "--json", "--timezone", "UTC"))["daily"][0]["date"]
cases = [
    ("daily", "timezone=UTC", ["daily", "--timezone", "UTC"]),
    ("daily", "timezone=UTC&breakdown=1&order=desc", ["daily", "--timezone", "UTC", "--breakdown", "--order", "desc"]),
    ("daily", f"since={first_day.replace('-', '')}&until={first_day}&timezone=Asia/Tokyo",
     ["daily", "--since", first_day.replace("-", ""), "--until", first_day, "--timezone", "Asia/Tokyo"]),
    ("daily", "instances=1&mode=calculate", ["daily", "--instances", "--mode", "calculate"]),
    ("weekly", "timezone=UTC", ["weekly", "--timezone", "UTC"]),
    ("monthly", "timezone=America/New_York&breakdown=true", ["monthly", "--timezone", "America/New_York", "--breakdown"]),
    ("session", "timezone=UTC", ["session", "--timezone", "UTC"]),
    ("session", "order=asc&breakdown=1", ["session", "--order", "asc", "--breakdown"]),
    ("blocks", "timezone=UTC", ["blocks", "--timezone", "UTC"]),
    ("daily", "agent=all&timezone=UTC", ["daily", "--all", "--timezone", "UTC"]),
]
for report, query, args in cases:
    status, headers, body = get(f"/api/{report}?{query}")
    expected = cli(*args, "--json")
    check(status == 200 and body == expected, f"/api/{report}?{query} equals `ccusage {' '.join(args)} --json` ({len(body)} bytes)")
    check("default-src 'none'" in headers.get("Content-Security-Policy", ""), f"/api/{report} has a Content-Security-Policy")

# 2. Only our own Host, only GET/HEAD, unknown options refused.
status, _, _ = get("/api/daily?timezone=UTC", host="evil.example:80")
check(400 <= status < 500, f"a foreign Host header is refused ({status})")
status, _, _ = get("/", host="attacker.test")
check(400 <= status < 500, f"the page refuses a foreign Host too ({status})")
status, _, _ = get("/", host=f"localhost:{PARSED.port}")
check(status == 200, f"Host localhost is served ({status})")
status, _, _ = get("/api/daily", method="POST")
check(status == 405, f"POST is refused with 405 ({status})")
status, _, body = get("/api/daily", method="HEAD")
check(status == 200 and body == b"", f"HEAD answers without a body ({status})")
status, _, _ = get("/api/daily?debug=1")
check(status == 400, f"an option outside the report options is refused ({status})")
status, _, body = get("/api/daily?team=1")
check(status == 502 and b"No team database" in body and body.count(b"\n") == 1,
      f"a team report without a team database is one error line, never local data ({status})")

# 3. The page in a real browser.
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2200",
            "--force-color-profile=srgb", "--hide-scrollbars"]:
    options.add_argument(arg)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get(BASE + "/?timezone=UTC")
    total = json.loads(cli("daily", "--json", "--timezone", "UTC"))["totals"]["totalCost"]
    shown = driver.find_element(By.ID, "total-cost").text
    check(shown == money(total), f"the page's total cost {shown} equals the CLI's {money(total)}")
    body_text = driver.find_element(By.TAG_NAME, "body").text
    check("5-hour blocks" in body_text and "Sessions" in body_text and "Calendar" in body_text,
          "the page has blocks, sessions and the calendar")
    driver.save_screenshot(SHOT)
    print("screenshot:", SHOT)

    # Changing a filter (the Since field, then Apply) changes the numbers, to the CLI's.
    days = json.loads(cli("daily", "--json", "--timezone", "UTC"))["daily"]
    middle = days[len(days) // 2]["date"]
    driver.execute_script("document.querySelector('input[name=since]').value = arguments[0];", middle)
    driver.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    narrowed = json.loads(cli("daily", "--json", "--timezone", "UTC", "--since", middle))["totals"]["totalCost"]
    shown_after = driver.find_element(By.ID, "total-cost").text
    check(shown_after == money(narrowed) and shown_after != shown,
          f"after since={middle} the total is {shown_after} (CLI {money(narrowed)}, was {shown})")

    # A session opens its requests.
    link = driver.find_elements(By.CSS_SELECTOR, "a.session")
    check(len(link) > 0, "the session table lists sessions")
    href = link[0].get_attribute("href")
    link[0].click()
    session_id = urllib.parse.unquote(urllib.parse.urlparse(href).path.split("/")[-1])
    detail = json.loads(cli("session", "--id", session_id, "--json", "--timezone", "UTC", "--since", middle))
    rows = driver.find_elements(By.CSS_SELECTOR, "#requests tr.request")
    check(len(rows) == len(detail["entries"]) and len(rows) > 0,
          f"session {session_id[:8]}… shows its {len(rows)} requests (CLI: {len(detail['entries'])})")
    check(driver.find_element(By.ID, "session-cost").text == money(detail["totalCost"]), "the session's cost equals the CLI's")

    # No Content-Security-Policy violations or script errors.
    driver.get(BASE + "/?timezone=UTC&by=project")
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    check(not errors, f"no console errors ({errors[:2]})")
finally:
    driver.quit()
print("all checks passed")
