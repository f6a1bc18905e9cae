extension UsageService {
    /// `ccusage codex daily|monthly|session` (07-codex.md): the homes of `CODEX_HOME`, priced with `prices`
    /// at the request's speed. A repeat run on unchanged files returns the text `ReportCache` kept.
    public func codexReport(_ request: ReportRequest) throws(RequestError) -> Report {
        try codexReport(request, prices: prices(for: request))
    }

    /// As `codexReport(_:)`, with the prices already chosen (`prices(for:)`).
    public func codexReport(_ request: ReportRequest, prices: PriceTable) throws(RequestError) -> Report {
        guard let kind = CodexReportKind(rawValue: request.kind.rawValue) else {
            throw RequestError("The \"\(request.kind.rawValue)\" report is not available for Codex usage.")
        }
        let render = request.output.render, quiet = request.diagnostics.quiet, offline = request.pricing.offline
        let speed = request.agentChoice.speed
        let homes = CodexDiscovery.homes(env)
        let files = CodexDiscovery.files(homes: homes)
        let fast = speed == .fast || (speed == .auto && CodexDiscovery.configuresFastTier(homes: homes))
        let options = CodexReportOptions(zone: request.zone, range: request.range, order: request.order ?? .asc,
                                         fast: fast)
        var key: String?, signature: UInt64 = 0
        if let directory = request.caching.directory, !request.diagnostics.debug {
            var parts = ["ccusage-codex", ccusageVersion, buildStamp, kind.rawValue, "zone", request.zone.identifier,
                         "since", request.range.since?.description ?? "", "until", request.range.until?.description ?? "",
                         "order", options.order.rawValue, "fast", "\(fast)", "offline", "\(offline)",
                         "hideCost", "\(render.hideCost)", "quiet", "\(quiet)"] + homes
            parts += request.output.json ? ["json"] : ["table", "\(render.width)", "\(render.style.colors)",
                                                       "\(render.breakdown)", "\(render.showTitle)"]
            key = ReportCache.key(parts)
            signature = CodexSource.signature(files: files, prices: prices)
            if let key, let entry = ReportCache.read(directory: directory, key: key, signature: signature) {
                Trace.mark("report cache hit")
                if !entry.notices.isEmpty { notices(entry.notices) }
                return Report(text: entry.text, warnings: entry.warnings)
            }
        }
        let load = CodexSource.load(files: files, homes: homes, singleThread: request.diagnostics.singleThread,
                                    cacheDirectory: request.caching.directory)
        Trace.mark("loaded")
        let report = load.report(kind, options: options, pricing: CodexPricing(table: prices))
        var notice = sayCodexProblems(load, report, request, fast: fast)
        Trace.mark("report built")
        var text = "", warnings = ""
        if request.output.json {
            text = ReferenceJSON.render(report.json(hideCost: render.hideCost)) + "\n"
        } else if report.rows.isEmpty {
            notices("No Codex usage data found.")
            notice += (notice.isEmpty ? "" : "\n") + "No Codex usage data found."
        } else {
            text = CodexTable.render(report, render)
            if !quiet { warnings = CodexTable.pricingWarnings(report, offline: offline).joined(separator: "\n") }
        }
        if let key, let directory = request.caching.directory, load.unreadable.isEmpty {
            let entry = ReportCache.Entry(notices: notice, text: text, warnings: warnings), inputs = signature
            CacheWrites.run(inBackground: true) {
                ReportCache.write(directory: directory, key: key, signature: inputs, entry: entry)
            }
        }
        return Report(text: text, warnings: warnings, codex: load)
    }

    /// Skipped lines, bad timestamps and unreadable files of a Codex load, to `notices`: one warning line, or
    /// the details with `--debug`. Returns the skipped-lines warning it sent ("" when none): the report cache
    /// repeats it on a hit.
    @discardableResult
    func sayCodexProblems(_ load: CodexLoad, _ report: CodexReport, _ request: ReportRequest, fast: Bool) -> String {
        let malformed = load.malformedLines, badTimes = report.invalidTimestamps.count
        let samples = request.diagnostics.samples
        if request.diagnostics.debug {
            var lines = ["[debug] Codex homes: " + (load.homes.isEmpty ? "(none)" : load.homes.joined(separator: ", "))]
            lines.append("[debug] files: \(load.files.count), bytes: \(load.bytes), lines: \(load.lines)")
            lines.append("[debug] usage events: \(load.eventCount), duplicates removed: \(report.duplicatesRemoved)")
            lines.append("[debug] malformed lines: \(malformed), events with an invalid timestamp: \(badTimes)")
            lines.append("[debug] speed: \(fast ? "fast" : "standard"), time zone: \(request.zone.identifier)")
            for file in load.malformedFiles.prefix(samples) {
                let at = file.offsets.map(String.init).joined(separator: ", ")
                lines.append("[debug] malformed lines in \(file.path): \(file.count) (at byte \(at))")
            }
            for bad in report.invalidTimestamps.prefix(samples) {
                lines.append("[debug] invalid timestamp in session \(bad.session): \(bad.timestamp)")
            }
            for problem in load.unreadable { lines.append("[debug] unreadable: " + problem) }
            if !report.unpricedModels.isEmpty {
                lines.append("[debug] models without pricing (cost 0): " + report.unpricedModels.joined(separator: ", "))
            }
            notices(lines.joined(separator: "\n"))
            return ""
        }
        guard !request.diagnostics.quiet else { return "" }
        for problem in load.unreadable { notices("warning: cannot read " + problem) }
        guard malformed + badTimes > 0 else { return "" }
        let notice = "warning: skipped \(malformed) malformed line(s) and \(badTimes) event(s) with an invalid "
            + "timestamp in Codex logs; run with --debug for details"
        notices(notice)
        return notice
    }
}
