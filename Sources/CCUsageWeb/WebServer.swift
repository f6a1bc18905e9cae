import CCUsageCLI
import CCUsageKit
import CCUsageTeam
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// `ccusage web`: the dashboard's HTTP server. Reports come from the CLI's own code path in this process
/// (`CapturedRun`), so `/api/<report>` is byte for byte what `ccusage <report> --json` prints; with `team=1`,
/// what `ccusage <report> --team --json` prints (`ccusage-team`'s code, the team database as the usage source
/// for that run only; its URL from `CCUSAGE_TEAM_URL` or the config file, never from the request).
public enum WebServer {
    public static let reports: Set = ["daily", "weekly", "monthly", "session", "blocks"]

    /// Serves until the process is stopped. `onRunning` gets the bound port (useful with port 0).
    /// `onWarm`: called once the default page's reports are in the caches, with the time that took.
    public static func run(host: String, port: Int, onRunning: @escaping @Sendable (Int) -> Void,
                           onWarm: @escaping @Sendable (Duration) -> Void = { _ in }) async throws {
        let router = Router()
        let hours = HourOfDay()

        @Sendable func query(_ request: Request, page: Bool) throws -> ReportQuery {
            // The page groups with `by=user|machine` (its rows are always by day); `by-user`/`by-machine` are the API's.
            try ReportQuery(pairs(request.uri.query), extra: page ? ["by", "by-user", "by-machine"] : [])
        }
        @Sendable func byParam(_ request: Request, _ q: ReportQuery) -> String {
            let by = pairs(request.uri.query).last { $0.0 == "by" }?.1 ?? "model"
            return Dashboard.groupings(team: q.team).contains(by) ? by : "model"
        }
        @Sendable func run(_ report: String, _ q: ReportQuery, _ more: [String] = []) async -> CapturedRun {
            var words = q.arguments(report: report)
            words.insert(contentsOf: more, at: words.count - 1)
            // A team report comes from the team database only: never answered with this machine's data.
            return q.team ? await TeamMain.captured(words) : await CapturedRun.run(words)
        }

        router.get("/") { request, _ -> Response in
            let q: ReportQuery
            do { q = try query(request, page: true) } catch { return text(.badRequest, "\(error)\n") }
            let by = byParam(request, q)
            let daily = await run("daily", q)
            let sessions = await run("session", q)
            let blocks = await run("blocks", q)
            var parts: CapturedRun?
            if by == "agent" {
                var all = q; all["agent"] = "all"
                parts = await run("daily", all, ["--by-agent"])
            } else if by == "project" {
                parts = await run("daily", q, ["--instances"])
            } else if by == "user" || by == "machine" {
                parts = await run("daily", q, ["--by-\(by)"])
            }
            let dashboard = Dashboard(query: q, by: by, today: today(q), daily: daily, sessions: sessions,
                                      blocks: blocks, parts: parts)
            return html(daily.code == 0 ? .ok : status(daily), dashboard.render())
        }
        router.get("/api/stamp") { _, _ -> Response in
            json(.ok, "{\"stamp\":\"\(hours.stamp())\"}\n")
        }
        router.get("/api/:report") { request, context -> Response in
            let report = context.parameters.get("report") ?? ""
            guard reports.contains(report) else {
                return json(.notFound, errorLine("Unknown report. Reports: blocks, daily, monthly, session, weekly."))
            }
            let q: ReportQuery
            do { q = try query(request, page: false) } catch {
                return json(.badRequest, errorLine("\(error)"))
            }
            let result = await run(report, q)
            guard result.code == 0 else {
                return json(status(result), errorLine(result.stderr.trimmed))
            }
            return json(.ok, result.stdout)
        }
        router.get("/session/:id") { request, context -> Response in
            let id = context.parameters.get("id") ?? ""
            guard !id.isEmpty, id.count <= 200, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
                return text(.badRequest, "Bad session id.\n")
            }
            let q: ReportQuery
            do { q = try query(request, page: true) } catch { return text(.badRequest, "\(error)\n") }
            let result = await run("session", q, ["--id=\(id)"])
            return html(result.code == 0 ? .ok : .notFound, SessionPage.render(id: id, query: q, run: result))
        }
        router.get("/csv/:report") { request, context -> Response in
            let report = context.parameters.get("report") ?? ""
            let q: ReportQuery
            do { q = try query(request, page: true) } catch { return text(.badRequest, "\(error)\n") }
            guard ["daily", "weekly", "monthly", "session"].contains(report) else { return text(.notFound, "Unknown report.\n") }
            let result = await run(report, q)
            guard result.code == 0 else { return text(status(result), result.stderr) }
            let body = report == "session" ? CSV.sessions(SessionRow.list(json: result.stdout))
                                           : CSV.periods(PeriodReport(json: result.stdout))
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"ccusage-\(report).csv\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.get("/chart/hours.svg") { request, _ -> Response in
            let q: ReportQuery
            do { q = try query(request, page: true) } catch { return text(.badRequest, "\(error)\n") }
            // Drawn from this machine's transcripts: never shown as a team's.
            guard !q.team else { return text(.notFound, "The hour-of-day chart is drawn from local transcripts only.\n") }
            let costs = await hours.costs(q)
            return respond(.ok, "image/svg+xml; charset=utf-8", Charts.hours(costs))
        }
        router.get("/assets/app.css") { _, _ in respond(.ok, "text/css; charset=utf-8", Page.css) }
        router.get("/favicon.svg") { _, _ in respond(.ok, "image/svg+xml", Page.favicon) }
        router.get("/favicon.ico") { _, _ in respond(.ok, "image/svg+xml", Page.favicon) }
        router.get("/assets/app.js") { _, _ in respond(.ok, "text/javascript; charset=utf-8", Page.js) }

        var logger = Logger(label: "ccusage-web")
        logger.logLevel = .warning   // stdout is for the address; Hummingbird's start-up notice is not needed
        let app = Application(responder: Guarded(router.buildResponder(), boundHost: host), configuration: .init(address: .hostname(host, port: port), serverName: nil),
                              onServerRunning: { channel in
                                  onRunning(channel.localAddress?.port ?? port)
                                  // Warm the default page's reports under this binary's cache keys (the report
                                  // cache is per build), so the first page is served from the caches.
                                  Task {
                                      let start = ContinuousClock.now
                                      for report in ["daily", "session", "blocks"] { _ = await run(report, ReportQuery()) }
                                      _ = await hours.costs(ReportQuery())
                                      onWarm(ContinuousClock.now - start)
                                  }
                              },
                              logger: logger)
        try await app.runService()
    }

    /// An API error: one line of JSON, `{"error": "…"}`.
    static func errorLine(_ message: String) -> String {
        "{\"error\": " + JSONValue.string(message).rendered() + "}\n"
    }

    /// A failed run's HTTP status: 502 when the team database could not be used (none configured,
    /// unreachable, wrong password, other schema), 400 for refused options and other errors.
    static func status(_ run: CapturedRun) -> HTTPResponse.Status {
        run.code == TeamMain.databaseFailure ? .badGateway : .badRequest
    }

    /// Today in the report's time zone (for the range presets).
    static func today(_ query: ReportQuery) -> CalendarDay {
        let env = Environment.live()
        let tz = (env.variables["TZ"] ?? "").trimmed
        let zone = (query["timezone"] ?? (tz.isEmpty ? nil : tz)).flatMap(ReportZone.init(identifier:)) ?? ReportZone(env.timeZone)
        return zone.day(ofMillis: env.now)
    }

    /// The query string's name/value pairs, decoded as a browser's form encodes them (`+` is a space).
    static func pairs(_ query: String?) -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { part in
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(halves[0]), halves.count > 1 ? decode(halves[1]) : "")
        }
    }

    static func respond(_ status: HTTPResponse.Status, _ type: String, _ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
    static func html(_ status: HTTPResponse.Status, _ body: String) -> Response { respond(status, "text/html; charset=utf-8", body) }
    static func json(_ status: HTTPResponse.Status, _ body: String) -> Response { respond(status, "application/json", body) }
    static func text(_ status: HTTPResponse.Status, _ body: String) -> Response { respond(status, "text/plain; charset=utf-8", body) }
}

extension WebServer {
    public static func isLoopback(_ host: String) -> Bool { HostPolicy.isLoopback(host) }

    /// `xdg-open` (Linux) or `open` (macOS) on the dashboard's address; a failure is one line on stderr.
    public static func openBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        #endif
        process.arguments = (process.executableURL?.path == "/usr/bin/env" ? ["xdg-open"] : []) + [url]
        do { try process.run() } catch {
            FileHandle.standardError.write(Data("Could not open a browser (\(error.localizedDescription)); open \(url) yourself.\n".utf8))
        }
    }
}
