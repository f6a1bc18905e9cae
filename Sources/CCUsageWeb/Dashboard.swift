import CCUsageCLI
import CCUsageKit
import Foundation

/// The dashboard page: every number is in the HTML (it reads without JavaScript); charts are inline SVG.
struct Dashboard {
    var query: ReportQuery
    /// What the daily bars are stacked by: model, agent or project (team: model, user or machine).
    var by: String
    var today: CalendarDay
    var daily: CapturedRun
    var sessions: CapturedRun
    var blocks: CapturedRun
    /// `daily --all --by-agent`, `daily --instances` or `daily --team --by-user|--by-machine` when the bars are
    /// stacked by agent, project, user or machine.
    var parts: CapturedRun?

    /// What the bars can be stacked by: a team report has no agents or projects to group (the CLI refuses
    /// `--all` and `--instances` with `--team`), it has users and machines.
    static func groupings(team: Bool) -> [String] { team ? ["model", "user", "machine"] : ["model", "agent", "project"] }

    func render() -> String {
        var body = header()
        guard daily.code == 0 else {
            body += "<section class=\"error\" id=\"error\"><h2>No report</h2><pre>\(escape(daily.stderr))</pre></section>"
            return Page.wrap(title: "ccusage", body: body)
        }
        let report = PeriodReport(json: daily.stdout)
        let unpriced = unpricedModels(stderr: daily.stderr)
        let sessionRows = SessionRow.list(json: sessions.stdout)
        body += cards(report, sessions: sessionRows, unpriced: unpriced)
        if !unpriced.isEmpty {
            body += "<p class=\"warning\" id=\"unpriced\">No price known for \(unpriced.map { "<code>\(escape($0))</code>" }.joined(separator: ", ")): their cost is not counted (shown as “unpriced”, not $0).</p>"
        }
        body += costChart(report)
        body += "<section><h2>Tokens by kind</h2>\(legend(Charts.kindColors))\(Charts.tokenKinds(report.rows))</section>"
        body += "<div class=\"pair\"><section><h2>Calendar</h2>\(Charts.heatmap(Dictionary(report.rows.map { ($0.key, $0.cost) }) { a, _ in a }))</section>"
        if query.team {   // the hour chart is drawn from this machine's transcripts: not a team's
            body += "<section><h2>Cost by hour of day</h2><p class=\"sub\">Not available for team reports.</p></section></div>"
        } else {
            body += "<section><h2>Cost by hour of day</h2><img class=\"chart\" alt=\"Cost by hour of day\" src=\"/chart/hours.svg\(escape(query.queryString()))\"></section></div>"
        }
        body += blocksSection()
        body += sessionsSection(sessionRows, unpriced: Set(unpriced))
        body += dailyTable(report, unpriced: Set(unpriced))
        return Page.wrap(title: "ccusage · \(webMoney(report.cost))", body: body)
    }

    // MARK: header, filters and presets

    func header() -> String {
        let q = query
        var html = "<header><h1>ccusage\(q.team ? " <small id=\"team\">team</small>" : "")</h1><nav class=\"presets\" aria-label=\"Range\">"
        let presets: [(String, String?, String?)] = [
            ("7 days", today.adding(days: -6).description, today.description),
            ("30 days", today.adding(days: -29).description, today.description),
            ("90 days", today.adding(days: -89).description, today.description),
            ("Month to date", CalendarDay(year: today.year, month: today.month, day: 1)?.description, today.description),
            ("All", nil, nil),
        ]
        for (name, since, until) in presets {
            let current = q["since"] == since && q["until"] == until
            html += "<a\(current ? " class=\"current\"" : "") href=\"/\(escape(q.queryString(["since": since, "until": until, "by": byParam])))\">\(name)</a>"
        }
        html += "</nav><form method=\"get\" action=\"/\" id=\"filters\">"
        html += "<label>Since <input type=\"date\" name=\"since\" value=\"\(escape(q["since"].map(Self.dashed) ?? ""))\"></label>"
        html += "<label>Until <input type=\"date\" name=\"until\" value=\"\(escape(q["until"].map(Self.dashed) ?? ""))\"></label>"
        if !q.team {   // team reports are Claude Code's, over every project (grouped by user or machine instead)
            let agent = q.unified ? "all" : (q["agent"] ?? "claude")
            var agents = ["claude", "codex", "all"]
            if !agents.contains(agent) { agents.append(agent) }
            html += "<label>Agent " + select("agent", agents, agent) + "</label>"
        }
        html += "<label>Mode " + select("mode", ["auto", "calculate", "display"], q["mode"] ?? "auto") + "</label>"
        html += "<label>Time zone <input name=\"timezone\" size=\"14\" placeholder=\"system\" value=\"\(escape(q["timezone"] ?? ""))\"></label>"
        if q.team {
            html += "<input type=\"hidden\" name=\"team\" value=\"1\">"
            for name in ["user", "machine"] {
                html += "<label>\(name.capitalized) <input name=\"\(name)\" size=\"12\" placeholder=\"all\" value=\"\(escape(q[name] ?? ""))\"></label>"
            }
        } else {
            html += "<label>Project <input name=\"project\" size=\"14\" placeholder=\"all\" value=\"\(escape(q["project"] ?? ""))\"></label>"
        }
        if let offline = q["offline"] { html += "<input type=\"hidden\" name=\"offline\" value=\"\(offline)\">" }
        html += "<input type=\"hidden\" name=\"by\" value=\"\(escape(by))\">"
        html += "<button type=\"submit\">Apply</button></form></header>"
        return html
    }

    var byParam: String? { by == "model" ? nil : by }

    /// `20250131` → `2025-01-31` for the date inputs.
    static func dashed(_ text: String) -> String { CalendarDay(text)?.description ?? text }

    func select(_ name: String, _ options: [String], _ chosen: String) -> String {
        "<select name=\"\(name)\">" + options.map {
            "<option\($0 == chosen ? " selected" : "")>\(escape($0))</option>"
        }.joined() + "</select>"
    }

    // MARK: cards

    func cards(_ report: PeriodReport, sessions: [SessionRow], unpriced: [String]) -> String {
        let t = report.tokens
        let cacheable = t.input + t.cacheCreation + t.cacheRead
        let hitRate = cacheable > 0 ? Double(t.cacheRead) / Double(cacheable) * 100 : 0
        var saved = 0.0
        for row in report.rows {
            for (model, entry) in row.models {
                guard let price = PriceTable.embedded.price(for: model)?.price else { continue }
                saved += Double(entry.tokens.cacheRead) * (price.input - price.cacheRead)
            }
        }
        let flag = unpriced.isEmpty ? "" : " <span class=\"unpriced\" title=\"Some models have no price\">+ unpriced</span>"
        return """
        <section class="cards">
        <div class="card"><h3>Cost</h3><p class="big" id="total-cost">\(webMoney(report.cost))</p>\(flag)<p class="sub">\(report.rows.count) \(report.rows.count == 1 ? "day" : "days")</p></div>
        <div class="card"><h3>Tokens</h3><p class="big" id="total-tokens">\(Format.integer(t.total))</p><p class="sub">\(Format.integer(t.input)) in · \(Format.integer(t.output)) out</p></div>
        <div class="card"><h3>Cache hit rate</h3><p class="big" id="cache-hit">\(Format.percent(hitRate))</p><p class="sub">caching saved ≈ <span id="cache-saved">\(webMoney(saved))</span></p></div>
        <div class="card"><h3>Sessions</h3><p class="big" id="session-count">\(Format.integer(sessions.count))</p><p class="sub">\(Format.integer(report.rows.isEmpty ? 0 : sessions.count / max(report.rows.count, 1))) per day</p></div>
        </section>
        """
    }

    // MARK: charts

    func costChart(_ report: PeriodReport) -> String {
        var rows: [(key: String, parts: [String: Double])] = report.rows.map { ($0.key, $0.parts) }
        if let parts, parts.code == 0 {
            let byKey = by == "agent" ? PeriodReport.agentParts(json: parts.stdout)
                                      : PeriodReport.projectParts(json: parts.stdout)
            rows = report.rows.map { ($0.key, byKey[$0.key] ?? [:]) }
        }
        let (svg, series) = Charts.stackedCost(rows)
        var html = "<section><h2>Daily cost by \(escape(by)) <small>(line: cumulative, right axis)</small></h2><nav class=\"switch\">"
        for option in Self.groupings(team: query.team) {
            html += "<a\(option == by ? " class=\"current\"" : "") href=\"/\(escape(query.queryString(["by": option == "model" ? nil : option])))\">\(option)</a>"
        }
        if let parts, parts.code != 0 {
            html += " <span class=\"warning\">\(escape(parts.stderr.split(separator: "\n").first.map(String.init) ?? "not available"))</span>"
        }
        return html + "</nav>" + legend(series.map { (Format.shortModel($0.0), $0.1) }) + svg + "</section>"
    }

    func legend(_ items: [(String, String)]) -> String {
        "<ul class=\"legend\">" + items.map {
            "<li><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"\($0.1)\"/></svg> \(escape($0.0))</li>"
        }.joined() + "</ul>"
    }

    // MARK: tables

    func blocksSection() -> String {
        guard blocks.code == 0 else {
            return "<section><h2>5-hour blocks</h2><p class=\"warning\">\(escape(blocks.stderr))</p></section>"
        }
        let rows = BlockRow.list(json: blocks.stdout).suffix(8).reversed()
        var html = "<section id=\"blocks\"><h2>5-hour blocks</h2><table><thead><tr><th>Start</th><th>Models</th><th class=\"n\">Requests</th><th class=\"n\">Tokens</th><th class=\"n\">Cost</th><th class=\"n\">Burn rate</th><th class=\"n\">Projected</th></tr></thead><tbody>"
        for block in rows {
            let burn = block.costPerHour.map { webMoney($0) + "/h" } ?? ""
            var projected = ""
            if let cost = block.projectedCost { projected = webMoney(cost) + (block.remainingMinutes.map { " (\($0) min left)" } ?? "") }
            html += "<tr\(block.active ? " class=\"active\"" : "")><td>\(escape(block.start.replacingOccurrences(of: ".000Z", with: "Z")))\(block.active ? " <b>active</b>" : "")</td><td>\(escape(block.models.map(Format.shortModel).joined(separator: ", ")))</td><td class=\"n\">\(block.entries)</td><td class=\"n\">\(Format.integer(block.tokens))</td><td class=\"n\">\(webMoney(block.cost))</td><td class=\"n\">\(burn)</td><td class=\"n\">\(projected)</td></tr>"
        }
        if rows.isEmpty { html += "<tr><td colspan=\"7\">No blocks in this range.</td></tr>" }
        return html + "</tbody></table></section>"
    }

    func sessionsSection(_ rows: [SessionRow], unpriced: Set<String>) -> String {
        let sorted = rows.sorted { $0.cost > $1.cost }
        var html = "<section id=\"sessions\"><h2>Sessions <small>(most expensive first; \(min(sorted.count, 50)) of \(sorted.count))</small> <a class=\"csv\" href=\"/csv/session\(escape(query.queryString()))\" download>CSV</a></h2>"
        html += "<table><thead><tr><th>Session</th><th>Project</th><th>Models</th><th class=\"n\">Tokens</th><th class=\"n\">Cost</th><th>Last activity</th></tr></thead><tbody>"
        for row in sorted.prefix(50) {
            let href = "/session/" + ReportQuery.escape(row.id) + query.queryString()
            let cost = row.cost == 0 && row.models.contains(where: unpriced.contains) ? "<span class=\"unpriced\">unpriced</span>" : webMoney(row.cost)
            html += "<tr><td><a class=\"session\" href=\"\(escape(href))\">\(escape(String(row.id.suffix(17))))</a></td><td>\(escape(ProjectNames.display(row.project, aliases: [:])))</td><td>\(escape(row.models.map(Format.shortModel).joined(separator: ", ")))</td><td class=\"n\">\(Format.integer(row.tokens.total))</td><td class=\"n\">\(cost)</td><td>\(escape(row.last))</td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    func dailyTable(_ report: PeriodReport, unpriced: Set<String>) -> String {
        var html = "<section id=\"daily\"><h2>By day <a class=\"csv\" href=\"/csv/daily\(escape(query.queryString()))\" download>CSV</a></h2><table><thead><tr><th>Date</th><th>Models</th><th class=\"n\">Input</th><th class=\"n\">Output</th><th class=\"n\">Cache create</th><th class=\"n\">Cache read</th><th class=\"n\">Total tokens</th><th class=\"n\">Cost</th></tr></thead><tbody>"
        for row in report.rows.reversed() {
            let models = row.models.keys.sorted().map { name in
                unpriced.contains(name) ? "\(escape(Format.shortModel(name))) <span class=\"unpriced\">unpriced</span>" : escape(Format.shortModel(name))
            }
            html += "<tr><td>\(escape(row.key))</td><td>\(models.joined(separator: ", "))</td><td class=\"n\">\(Format.integer(row.tokens.input))</td><td class=\"n\">\(Format.integer(row.tokens.output))</td><td class=\"n\">\(Format.integer(row.tokens.cacheCreation))</td><td class=\"n\">\(Format.integer(row.tokens.cacheRead))</td><td class=\"n\">\(Format.integer(row.tokens.total))</td><td class=\"n\">\(webMoney(row.cost))</td></tr>"
        }
        let t = report.tokens
        html += "</tbody><tfoot><tr><th>Total</th><th></th><th class=\"n\">\(Format.integer(t.input))</th><th class=\"n\">\(Format.integer(t.output))</th><th class=\"n\">\(Format.integer(t.cacheCreation))</th><th class=\"n\">\(Format.integer(t.cacheRead))</th><th class=\"n\">\(Format.integer(t.total))</th><th class=\"n\">\(webMoney(report.cost))</th></tr></tfoot></table></section>"
        return html
    }
}
