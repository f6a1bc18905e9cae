extension UsageService {
    /// `ccusage <agent> daily|weekly|monthly|session` for one agent read through `AgentSource` (09, 10): its
    /// roots from the environment and the request's path flags.
    public func agentReport(_ request: ReportRequest) throws(RequestError) -> Report {
        try agentReport(request, prices: prices(for: request))
    }

    /// As `agentReport(_:)`, with the prices already chosen (`prices(for:)`).
    public func agentReport(_ request: ReportRequest, prices: PriceTable) throws(RequestError) -> Report {
        let id = request.agents.first ?? ""
        guard request.agents.count == 1, let source = AgentSources.named(id) else {
            throw RequestError("Unknown agent '\(id)'.")
        }
        guard let kind = AgentReportKind(rawValue: request.kind.rawValue), source.reports.contains(kind.rawValue) else {
            throw RequestError("The \"\(request.kind.rawValue)\" report is not available for \(source.displayName) usage.")
        }
        let render = request.output.render
        let loadRequest = AgentLoadRequest(env: env, mode: request.mode, prices: request.mode == .display ? nil : prices,
                                           paths: request.agentChoice.paths,
                                           singleThread: request.diagnostics.singleThread)
        let load = source.load(loadRequest)
        sayAgentIssues([LoadedAgent(source: source, load: load)], request, roots: source.roots(loadRequest))
        let options = AgentReportOptions(zone: request.zone, range: request.range, order: request.order ?? .asc)
        let built = AgentReport(agent: source.id, kind: kind, entries: load.entries, style: source.style, options: options)
        if request.output.json { return Report(text: AgentReport.render(built.json(hideCost: render.hideCost))) }
        guard !built.rows.isEmpty else {
            notices(source.style.emptyMessage)
            return Report(text: "")
        }
        let text = AgentTable.render(built, render)
        var after: [String] = []
        if source.style.table == .usage {
            let warnings = request.diagnostics.quiet ? [] : built.pricingWarnings(offline: request.pricing.offline)
            if !warnings.isEmpty { after.append(warnings.joined(separator: "\n")) }
            if render.compact { after.append(AgentReport.compactFooter) }
        }
        return Report(text: text, warnings: after.joined(separator: "\n"))
    }

    /// Every agent in one report (08-unified.md): Claude Code (a missing data directory is no usage here),
    /// Codex and every `AgentSource` agent from their environment and default roots, read once for all the
    /// request's sections.
    public func unifiedReport(_ request: ReportRequest) throws(RequestError) -> Report {
        try unifiedReport(request, prices: prices(for: request))
    }

    /// As `unifiedReport(_:)`, with the prices already chosen (`prices(for:)`).
    public func unifiedReport(_ request: ReportRequest, prices: PriceTable) throws(RequestError) -> Report {
        guard let kind = UnifiedKind(rawValue: request.kind.rawValue) else {
            throw RequestError("The \"\(request.kind.rawValue)\" report is only available for Claude Code usage.")
        }
        let offline = request.pricing.offline, render = request.output.render
        var warnings: [String] = []
        let claude = try? load(request, prices: prices)
        if let claude {
            let claudeWarnings = LoadNotices.pricingWarnings(claude, request)
            if !claudeWarnings.isEmpty { warnings.append(claudeWarnings) }
        }
        let codex = CodexSource.load(env, singleThread: request.diagnostics.singleThread,
                                     cacheDirectory: request.caching.directory)
        // Every other agent (09, 10): environment and default roots only (path flags are for focused reports).
        let agents = AgentSources.loadAll(AgentLoadRequest(env: env, mode: request.mode,
                                                           prices: request.mode == .display ? nil : prices,
                                                           singleThread: request.diagnostics.singleThread))
        sayAgentIssues(agents, request)
        var reports: [UnifiedReport] = []
        let sections = request.agentChoice.sections.isEmpty ? [request.kind] : request.agentChoice.sections
        for section in sections.compactMap({ UnifiedKind(rawValue: $0.rawValue) }) {
            let (report, codexReport) = UnifiedReport.build(section, claude: claude, codex: codex, zone: request.zone,
                                                            range: request.range, order: request.order ?? .asc,
                                                            prices: prices, agents: agents)
            if section == kind {
                sayCodexProblems(codex, codexReport, request, fast: CodexDiscovery.configuresFastTier(homes: codex.homes))
                warnings += CodexTable.pricingWarnings(codexReport, offline: offline)
                warnings += UnifiedTable.agentPricingWarnings(report, offline: offline)
            }
            reports.append(report)
        }
        if request.output.json {
            return Report(text: unifiedJSON(reports, request), usage: claude, codex: codex)
        }
        var parts: [Report.Part] = []
        for report in reports {
            if report.rows.isEmpty {
                if render.showTitle {
                    parts.append(.text(UnifiedTable.title(["Coding (Agent) CLI Usage Report - \(report.kind.title)",
                                                           UnifiedTable.detectedLine(report)], style: render.style)))
                }
                parts.append(.notice("No usage data found."))
            } else {
                parts.append(.text(UnifiedTable.render(report, render)))
            }
        }
        var after: [String] = []
        if !request.diagnostics.quiet, !warnings.isEmpty { after.append(warnings.joined(separator: "\n")) }
        if render.compact, reports.contains(where: { !$0.rows.isEmpty }) { after.append(AgentReport.compactFooter) }
        var text = ""
        for case .text(let piece) in parts { text += piece }
        return Report(text: text, warnings: after.joined(separator: "\n"), usage: claude, parts: parts, codex: codex)
    }

    /// The unified JSON: the invoked report's object, or with several sections one key per section (in
    /// section order) and the invoked report's totals.
    func unifiedJSON(_ reports: [UnifiedReport], _ request: ReportRequest) -> String {
        let hideCost = request.output.render.hideCost, byAgent = request.agentChoice.byAgent
        guard let first = reports.first else { return "" }
        let invoked = first.json(hideCost: hideCost, byAgent: byAgent)
        guard reports.count > 1, case .object(let members) = invoked else {
            return ReferenceJSON.render(invoked, floatKeys: ["cost"]) + "\n"
        }
        var envelope: [JSONValue.Member] = []
        for report in reports {
            if case .object(let parts) = report.json(hideCost: hideCost, byAgent: byAgent),
               let rows = parts.first(where: { $0.key == report.kind.rawValue }) {
                envelope.append(rows)
            }
        }
        envelope += members.filter { $0.key == "totals" }
        return ReferenceJSON.render(.object(envelope), floatKeys: ["cost"], topLevelInOrder: true) + "\n"
    }

    /// Problems of agents read through `AgentSource` (decision 23), to `notices`: one warning line per agent,
    /// or every issue (bounded by `--debug-samples`) with `--debug`; `roots` (focused reports) are listed too.
    func sayAgentIssues(_ agents: [LoadedAgent], _ request: ReportRequest, roots: [String]? = nil) {
        let samples = request.diagnostics.samples
        for agent in agents {
            let load = agent.load, id = agent.source.id
            if request.diagnostics.debug {
                var lines: [String] = []
                if let roots {
                    lines.append("[debug] \(agent.source.displayName) roots: " + (roots.isEmpty ? "(none)" : roots.joined(separator: ", ")))
                }
                lines.append("[debug] \(id): files: \(load.filesRead), bytes: \(load.bytes), entries: \(load.entries.count), issues: \(load.issues.count)")
                for issue in load.issues.prefix(samples) {
                    lines.append("[debug] \(id) \(issue.kind.rawValue): \(issue.path): \(issue.detail)")
                }
                if load.issues.count > samples {
                    lines.append("[debug] … and \(load.issues.count - samples) more \(id) issues (--debug-samples \(samples))")
                }
                notices(lines.joined(separator: "\n"))
            } else if !request.diagnostics.quiet {
                for issue in load.issues where issue.kind == .warning { notices("WARN  " + issue.detail) }
                let skipped = load.issues.filter { $0.kind != .warning }.count
                if skipped > 0 {
                    notices("warning: skipped \(skipped) unreadable or malformed item(s) in \(agent.source.displayName) data; run with --debug for details")
                }
            }
        }
    }
}
