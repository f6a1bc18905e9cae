import CCUsageCLI
import CCUsageKit

/// The HTML shell, stylesheet and script, all served from the binary (no CDN). Light and dark follow
/// `prefers-color-scheme`.
enum Page {
    static func wrap(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark"><title>\(escape(title))</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/assets/app.css"><script src="/assets/app.js" defer></script></head>
        <body><main>\(body)</main><footer>ccusage \(escape(CCUsageKit.ccusageVersion)) · local dashboard · the transcripts are only read · <a href="/api/daily">JSON</a></footer></body></html>
        """
    }

    static let favicon = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="1" y="8" width="4" height="7" fill="#4e79a7"/>\
    <rect x="6" y="4" width="4" height="11" fill="#f28e2b"/><rect x="11" y="1" width="4" height="14" fill="#59a14f"/></svg>
    """

    static let css = """
    :root{--bg:#f7f7f8;--fg:#1d1d1f;--muted:#6b6b70;--card:#fff;--line:#e3e3e6;--accent:#4e79a7;--warn:#b3261e;
    --h0:#ebedf0;--h1:#c6dbef;--h2:#6baed6;--h3:#3182bd;--h4:#08519c}
    @media (prefers-color-scheme: dark){:root{--bg:#141416;--fg:#e8e8ea;--muted:#9a9aa0;--card:#1e1e21;--line:#333338;
    --accent:#7aa6d6;--warn:#f2b8b5;--h0:#26262b;--h1:#0e3a5e;--h2:#1d5f91;--h3:#3b8bd0;--h4:#8cc3f2}}
    *{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);
    font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
    main{max-width:1180px;margin:0 auto;padding:16px 20px}footer{text-align:center;color:var(--muted);padding:16px;font-size:12px}
    a{color:var(--accent)}h1{margin:0 16px 0 0;font-size:22px}h2{font-size:16px;margin:0 0 8px}h2 small{color:var(--muted);font-weight:400}
    header{display:flex;flex-wrap:wrap;align-items:center;gap:10px;margin-bottom:14px}
    .presets a,.switch a{display:inline-block;padding:3px 10px;border:1px solid var(--line);border-radius:14px;text-decoration:none;margin-right:4px;background:var(--card)}
    .presets a.current,.switch a.current{background:var(--accent);color:#fff;border-color:var(--accent)}
    form{display:flex;flex-wrap:wrap;gap:8px;align-items:center}label{color:var(--muted);font-size:12px}
    input,select,button{font:inherit;background:var(--card);color:var(--fg);border:1px solid var(--line);border-radius:6px;padding:3px 6px}
    button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer}
    section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin:0 0 14px}
    .cards{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;background:none;border:0;padding:0}
    .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
    .card h3{margin:0;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
    .big{font-size:28px;font-weight:650;margin:4px 0 0}.sub{margin:2px 0 0;color:var(--muted);font-size:12px}
    .pair{display:grid;grid-template-columns:1fr 1fr;gap:14px}.pair section{margin:0 0 14px}
    @media (max-width:800px){.cards{grid-template-columns:1fr 1fr}.pair{grid-template-columns:1fr}}
    svg.chart,img.chart{width:100%;height:auto;display:block}svg.heatmap{max-width:100%;height:auto;display:block}svg.heatmap .axis{font-size:6.5px}
    .chart text,.axis{fill:var(--muted);font-size:11px}.grid{stroke:var(--line);stroke-width:1}
    .line{stroke:var(--fg);stroke-width:2}.cumulative{fill:var(--fg)}
    .heat0{fill:var(--h1)}.heat1{fill:var(--h1)}.heat2{fill:var(--h2)}.heat3{fill:var(--h3)}.heat4{fill:var(--h4)}.heat.empty{fill:var(--h0)}
    .legend{list-style:none;padding:0;margin:4px 0 6px;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:var(--muted)}
    table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left}
    th{font-size:12px;color:var(--muted);font-weight:600}.n{text-align:right}tfoot th{color:var(--fg)}
    tr.active{background:color-mix(in srgb,var(--accent) 14%,transparent)}
    .warning,.unpriced{color:var(--warn)}.unpriced{font-size:12px;font-weight:600}
    .csv{font-size:12px;font-weight:400;margin-left:8px}pre{white-space:pre-wrap}
    """

    /// Refreshes the page when the transcripts change (polls a cheap stamp), and applies a filter as soon as
    /// a menu changes.
    static let js = """
    (function () {
      var form = document.getElementById('filters');
      if (form) {
        form.querySelectorAll('select').forEach(function (s) {
          s.addEventListener('change', function () { form.submit(); });
        });
      }
      var stamp = null;
      function poll() {
        fetch('/api/stamp', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (j) {
          if (stamp !== null && j.stamp !== stamp) { location.reload(); return; }
          stamp = j.stamp;
        }).catch(function () {}).finally(function () { setTimeout(poll, 5000); });
      }
      poll();
    })();
    """
}

/// One session's requests (`ccusage session --id <id> --json`), as a page.
enum SessionPage {
    static func render(id: String, query: ReportQuery, run: CapturedRun) -> String {
        let back = "<p><a href=\"/\(escape(query.queryString()))\">← Dashboard</a></p>"
        guard run.code == 0 else {
            return Page.wrap(title: "ccusage · session", body: back + "<section class=\"error\"><pre>\(escape(run.stderr))</pre></section>")
        }
        let detail = RequestRow.detail(json: run.stdout)
        var html = back + "<section id=\"requests\"><h2>Session <code>\(escape(id))</code></h2>"
        html += "<p>Cost <b id=\"session-cost\">\(webMoney(detail.cost))</b> · \(Format.integer(detail.tokens)) tokens · \(detail.rows.count) requests</p>"
        html += "<table><thead><tr><th>Time</th><th>Model</th><th class=\"n\">Input</th><th class=\"n\">Output</th><th class=\"n\">Cache create</th><th class=\"n\">Cache read</th><th class=\"n\">Cost</th></tr></thead><tbody>"
        for row in detail.rows {
            html += "<tr class=\"request\"><td>\(escape(row.timestamp))</td><td>\(escape(Format.shortModel(row.model)))</td><td class=\"n\">\(Format.integer(row.tokens.input))</td><td class=\"n\">\(Format.integer(row.tokens.output))</td><td class=\"n\">\(Format.integer(row.tokens.cacheCreation))</td><td class=\"n\">\(Format.integer(row.tokens.cacheRead))</td><td class=\"n\">\(webMoney(row.cost))</td></tr>"
        }
        return Page.wrap(title: "ccusage · session", body: html + "</tbody></table></section>")
    }
}

/// CSV of what the page shows: the period rows or the sessions.
enum CSV {
    static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func periods(_ report: PeriodReport) -> String {
        var out = "period,models,input_tokens,output_tokens,cache_creation_tokens,cache_read_tokens,total_tokens,cost_usd\n"
        for row in report.rows {
            let t = row.tokens
            out += [row.key, row.models.keys.sorted().joined(separator: " "), "\(t.input)", "\(t.output)",
                    "\(t.cacheCreation)", "\(t.cacheRead)", "\(t.total)", "\(row.cost)"].map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    static func sessions(_ rows: [SessionRow]) -> String {
        var out = "session_id,project,models,input_tokens,output_tokens,cache_creation_tokens,cache_read_tokens,total_tokens,cost_usd,last_activity\n"
        for row in rows {
            let t = row.tokens
            out += [row.id, row.project, row.models.joined(separator: " "), "\(t.input)", "\(t.output)",
                    "\(t.cacheCreation)", "\(t.cacheRead)", "\(t.total)", "\(row.cost)", row.last].map(field).joined(separator: ",") + "\n"
        }
        return out
    }
}
