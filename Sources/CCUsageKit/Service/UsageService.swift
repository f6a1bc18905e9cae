#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The front door: `UsageService(env).report(request)`. Owns discovery, the caches (listing, scan, merged,
/// report), the archive, pricing (embedded, the online refresh, config overrides), loading and report
/// building. Front ends build a `ReportRequest` and write out what comes back; they never load or price.
///
/// Side remarks for the user (skipped lines, problems, `--debug` lists) go to `notices` as they happen, in
/// the order a run meets them; the CLI writes them to stderr, the MCP server drops them.
public struct UsageService: Sendable {
    public var env: Environment
    /// Identifies the running build in report-cache keys (a rebuilt binary never prints an earlier build's report).
    public var buildStamp: String
    public var notices: @Sendable (String) -> Void
    /// Called while files are read: (files done, bytes done).
    public var progress: (@Sendable (Int, Int64) -> Void)?
    /// Called when the files are read (the CLI clears its progress line).
    public var loaded: @Sendable () -> Void = {}
    /// Replaces every local load when set (`--team`: the team database): no discovery, no caches, no archive,
    /// and never a fallback to local files. Called with the request and whether it needs single events
    /// (blocks, `session --id`) rather than rows aggregated for the request's kind.
    public var usageSource: (@Sendable (ReportRequest, _ events: Bool) throws(RequestError) -> LoadedUsage)?

    public init(_ env: Environment, buildStamp: String = "", notices: @escaping @Sendable (String) -> Void = { _ in },
                progress: (@Sendable (Int, Int64) -> Void)? = nil) {
        self.env = env; self.buildStamp = buildStamp; self.notices = notices; self.progress = progress
    }

    /// A finished report: its text (JSON with a final newline, or the table), and what to say after it.
    public struct Report: Sendable {
        /// One piece of a report written as several: text for stdout, or a line for stderr between them.
        public enum Part: Sendable, Equatable {
            case text(String)
            case notice(String)
        }

        /// JSON (before any `--jq`) or the table; "" when there is nothing for stdout (an empty table report
        /// says so in a notice).
        public var text: String
        /// Pricing warnings and footers, for stderr after the report ("" when none).
        public var warnings: String
        /// The loaded usage (nil when the report came from the report cache).
        public var usage: LoadedUsage?
        /// Table reports of several sections (`--sections`): the texts and the notices between them, in the
        /// order a terminal shows them; empty otherwise. `text` holds the texts alone.
        public var parts: [Part] = []
        /// The Codex files read for the report (nil when none were): a caller that exits after printing may
        /// keep them rather than release every event.
        public var codex: CodexLoad?

        public init(text: String, warnings: String = "", usage: LoadedUsage? = nil, parts: [Part] = [],
                    codex: CodexLoad? = nil) {
            self.text = text; self.warnings = warnings; self.usage = usage; self.parts = parts; self.codex = codex
        }
    }

    // MARK: Pricing

    /// The price table a request computes costs with: the embedded snapshot, refreshed from LiteLLM unless
    /// offline, with the config file's overrides on top.
    public func prices(for request: ReportRequest) -> PriceTable {
        var table = PriceTable.embedded
        Trace.mark("embedded prices")
        if !request.pricing.offline {
            table = OnlinePricing.table(base: table, env: env, verbose: request.diagnostics.verbose, notices: notices)
        }
        return table.applying(overrides: request.pricing.overrides)
    }

    // MARK: Loading

    /// What the loader reads with. Every file is read, whatever its modification time: a file's entries are
    /// not trusted to be older than the file (copied or synthetic data), so `--since` never skips files.
    public func loadOptions(_ request: ReportRequest, prices: PriceTable, project: String? = nil,
                            keepRawTimestamps: Bool = false) -> LoadOptions {
        var options = LoadOptions(mode: request.mode, prices: prices, project: project,
                                  keepRawTimestamps: keepRawTimestamps, singleThread: request.diagnostics.singleThread,
                                  cacheDirectory: request.caching.directory)
        options.writeCachesInBackground = true   // CacheWrites.wait() before the process exits
        if request.diagnostics.debug { options.skippedSamples = request.diagnostics.samples }
        options.archive = request.caching.archivePath.map { ArchiveOptions(path: $0, now: env.now) }
        options.archive?.quiet = request.diagnostics.quiet
        return options
    }

    /// Loads the request's Claude Code usage; with no data directory, reports from the archive when there is one.
    public func load(_ request: ReportRequest, prices: PriceTable, project: String? = nil,
                     keepRawTimestamps: Bool = false) throws(RequestError) -> LoadedUsage {
        if let usageSource { return try usageSource(request, true) }
        let options = loadOptions(request, prices: prices, project: project, keepRawTimestamps: keepRawTimestamps)
        let usage = UsageLoader.load(try discover(request, options), options: options, progress: progress)
        loaded()
        LoadNotices.say(usage, request, prices: prices, to: notices)
        Trace.mark("loaded")
        return usage
    }

    func discover(_ request: ReportRequest, _ options: LoadOptions) throws(RequestError) -> UsageLoader.Discovered {
        do {
            return try UsageLoader.discover(options, env)
        } catch let error as NoDataDirectoryError {
            // No transcripts here, but an archive (say, imported from another machine): report from it.
            guard let path = request.caching.archivePath, access(path, F_OK) == 0 else {
                throw RequestError(error.description)
            }
            return .none
        } catch {
            throw RequestError(String(describing: error))
        }
    }

    // MARK: Reports

    /// Builds the report `request` asks for: Claude Code's (`daily`, `weekly`, `monthly`, `session` with or
    /// without an id, `blocks`), Codex's, another agent's, or every agent's in one (see `scope`). A repeat run
    /// on unchanged files returns the text the report cache holds (Claude Code and Codex).
    public func report(_ request: ReportRequest) throws(RequestError) -> Report {
        let table = self.prices(for: request)
        return try report(request, prices: table)
    }

    /// As `report(_:)`, with the prices already chosen (`prices(for:)`).
    public func report(_ request: ReportRequest, prices: PriceTable) throws(RequestError) -> Report {
        switch request.scope {
        case .claude: break
        case .codex: return try codexReport(request, prices: prices)
        case .agent: return try agentReport(request, prices: prices)
        case .unified: return try unifiedReport(request, prices: prices)
        }
        let render = request.output.render, zone = request.zone, range = request.range
        switch request.kind {
        case .daily, .weekly, .monthly:
            let query = request.grouping.project
            var project: String?
            if let query { project = try resolveProject(query, request) }
            let period: Period = request.kind == .weekly ? .week(startDay: request.startOfWeek.index)
                : request.kind == .monthly ? .month : .day
            let options = ReportOptions(zone: zone, range: range, order: request.order ?? .asc,
                                        instances: request.grouping.instances, project: project)
            let key = [request.kind.rawValue, "\(period)", "since", range.since?.description ?? "",
                       "until", range.until?.description ?? "", "order", options.order.rawValue,
                       "instances", "\(options.instances)", "project", project ?? "", project == nil ? "all" : "one",
                       "as typed", query ?? ""]   // an empty report names the project as it was typed
            return try cachedReport(request, prices: prices, key: key, project: project) { usage in
                let report = PeriodReport(usage, period: period, options: options)
                return text(request, json: report.json(hideCost: render.hideCost),
                            table: report.rows.isEmpty
                                ? NoDataMessage(range: range, project: query).text(usage, zone: zone)
                                : UsageTable.render(report, render))
            }
        case .session:
            if let query = request.sessionID {
                let usage = try load(request, prices: prices, keepRawTimestamps: true)
                let id = try SessionLookup.resolve(query, in: usage)
                guard var detail = SessionDetail(usage, id: id) else {
                    throw RequestError("No session found with ID: \(query).")
                }
                detail.attachSubagents(usage)
                return finished(request, usage: usage, text: text(request, json: detail.json(hideCost: render.hideCost),
                                                                  table: UsageTable.render(detail, render, zone: zone)))
            }
            let order = request.order ?? .desc
            let key = ["session", "since", range.since?.description ?? "", "until", range.until?.description ?? "",
                       "order", order.rawValue]
            return try cachedReport(request, prices: prices, key: key) { usage in
                var report = SessionReport(usage, zone: zone, range: range, order: order)
                if render.breakdown { report.attachSubagents(usage) }
                return text(request, json: report.json(hideCost: render.hideCost),
                            table: report.rows.isEmpty
                                ? NoDataMessage(subject: .sessions, range: range).text(usage, zone: zone)
                                : UsageTable.render(report, render))
            }
        case .blocks:
            // Every file: a block's start depends on the chain of entries before it, however old their files are.
            let usage = try load(request, prices: prices)
            let report = blocksReport(request, usage: usage)
            // Only the form asked for is rendered (the table of every block is not cheap).
            func table() -> String {
                if report.blocks.isEmpty {
                    return request.blocks.active ? "No active session block found.\n"
                        : NoDataMessage(subject: .blocks, range: range, recentDays: request.blocks.recent ? 3 : nil)
                            .text(usage, zone: zone)
                }
                if request.blocks.active, report.blocks.count == 1 {
                    return BlocksTable.renderActive(report.blocks[0], report, render)
                }
                return BlocksTable.render(report, render)
            }
            return finished(request, usage: usage, text: text(request, json: report.json(breakdown: render.breakdown),
                                                              table: table()))
        }
    }

    /// The blocks report of loaded usage, with Claude's own limits as the status line last saw them.
    public func blocksReport(_ request: ReportRequest, usage: LoadedUsage) -> BlocksReport {
        let options = BlocksOptions(zone: request.zone, range: request.range, order: request.order ?? .asc,
                                    active: request.blocks.active, recent: request.blocks.recent,
                                    tokenLimit: request.blocks.tokenLimit?.text, hours: request.blocks.hours,
                                    now: env.now)
        var report = BlocksReport(usage, options: options)
        report.rateLimits = RateLimitStore.current(RateLimitStore.read(cacheDirectory: ScanCache.defaultDirectory(env)),
                                                   directories: usage.baseDirectories, now: env.now)
        return report
    }

    /// JSON (with a final newline) or the table, as the request asks.
    func text(_ request: ReportRequest, json value: @autoclosure () -> JSONValue,
              table: @autoclosure () -> String) -> String {
        request.output.json ? value().rendered() + "\n" : table()
    }

    func finished(_ request: ReportRequest, usage: LoadedUsage, text: String) -> Report {
        Trace.mark("report built")
        return Report(text: text, warnings: LoadNotices.pricingWarnings(usage, request), usage: usage)
    }

    /// The project folder `--project` names: the folder name itself, or the name `--instances` shows for it.
    /// An unknown or ambiguous name is an error that lists the projects.
    public func resolveProject(_ query: String, _ request: ReportRequest) throws(RequestError) -> String {
        var problems: [LoadProblem] = []
        let bases: [String]
        do {
            bases = try Discovery.baseDirectories(env, problems: &problems)
        } catch let error as NoDataDirectoryError {
            throw RequestError(error.description)
        } catch {
            throw RequestError(String(describing: error))
        }
        return try ProjectLookup.resolve(query, among: Discovery.projectFolders(in: bases),
                                         aliases: request.output.render.projectAliases)
    }
}
