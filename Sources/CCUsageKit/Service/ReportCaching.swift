extension UsageService {
    /// A report whose text depends only on the loaded usage, `keyParts` and the output options: a repeat run
    /// on unchanged files (and an unchanged archive) returns the text `ReportCache` kept, with its notices
    /// and warnings, without loading. `build` returns the report text (JSON before any `--jq`, or the table).
    func cachedReport(_ request: ReportRequest, prices: PriceTable, key keyParts: [String], project: String? = nil,
                      build: (LoadedUsage) -> String) throws(RequestError) -> Report {
        if let usageSource {   // `--team`: the rows come aggregated from the team database, never cached locally
            let usage = try usageSource(request, false)
            return finished(request, usage: usage, text: build(usage))
        }
        let options = loadOptions(request, prices: prices, project: project)
        let discovered = try discover(request, options)
        let archivePath = request.caching.archivePath
        var key: String?
        if let directory = request.caching.directory, !request.diagnostics.debug, discovered.problems.isEmpty {
            let render = request.output.render
            var parts = ["ccusage", ccusageVersion, buildStamp, "mode", request.mode.rawValue,
                         "zone", request.zone.identifier, "hideCost", "\(render.hideCost)",
                         "breakdown", "\(render.breakdown)", "quiet", "\(request.diagnostics.quiet)"] + keyParts
            parts += ["aliases"] + render.projectAliases.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
            if request.output.json {
                parts.append("json")
            } else {
                parts += ["table", "\(render.width)", "\(render.style.colors)", "\(render.forceCompact)",
                          "\(render.showTitle)"]
            }
            let cacheKey = ReportCache.key(parts)
            key = cacheKey
            // The archive's events are part of the report: its state is part of the key.
            let signature = discovered.signature(options) ^ (archivePath.map { UsageArchive.stamp(path: $0) } ?? 0)
            if let entry = ReportCache.read(directory: directory, key: cacheKey, signature: signature) {
                Trace.mark("report cache hit")
                if !entry.notices.isEmpty { notices(entry.notices) }
                return Report(text: entry.text, warnings: entry.warnings, usage: nil)
            }
        }
        let usage = UsageLoader.load(discovered, options: options, progress: progress)
        loaded()
        let said = LoadNotices.say(usage, request, prices: prices, to: notices)
        Trace.mark("loaded")
        let text = build(usage)
        let report = finished(request, usage: usage, text: text)
        if let key, let directory = request.caching.directory, usage.problems.isEmpty {
            let entry = ReportCache.Entry(notices: said, text: text, warnings: report.warnings)
            let files = discovered.signature(options)
            CacheWrites.run(inBackground: true) {
                // Under the archive's state after this run's update (a first archive may still be being
                // written: `failed` waits for it), so the next run on the same data hits; not at all when
                // the archive could not be written, so the next run tries again and says why.
                guard !ArchiveBackground.failed else { return }
                let inputs = files ^ (archivePath.map { UsageArchive.stamp(path: $0) } ?? 0)
                ReportCache.write(directory: directory, key: key, signature: inputs, entry: entry)
            }
        }
        return report
    }
}

/// Finds the one session or project a user named, or says which ones they could have meant.
public enum SessionLookup {
    /// The full id of the one session `query` names: the id itself, or a unique prefix or suffix of it (the
    /// table shows the last two parts); otherwise an error listing the candidates or the closest ids.
    public static func resolve(_ query: String, in usage: LoadedUsage) throws(RequestError) -> String {
        switch NameLookup.session(query, among: SessionDetail.ids(in: usage)) {
        case .found(let id):
            return id
        case .ambiguous(let ids):
            throw RequestError("Session ID '\(query)' matches \(ids.count) sessions: \(listed(ids)). Give more of the ID.")
        case .notFound(let close):
            throw RequestError("No session found with ID: \(query)."
                               + (close.isEmpty ? "" : " Closest session IDs: \(listed(close))."))
        }
    }

    /// `a, b, c` for at most `limit` names, then `and N more`.
    public static func listed(_ names: [String], limit: Int = 10) -> String {
        let shown = names.prefix(limit).joined(separator: ", ")
        return names.count > limit ? shown + " and \(names.count - limit) more" : shown
    }
}

public enum ProjectLookup {
    /// The project folder `query` names among `raws` (the folder name, or the name `--instances` shows).
    public static func resolve(_ query: String, among raws: [String],
                               aliases: [String: String]) throws(RequestError) -> String {
        func shown(_ raw: String) -> String {
            let name = ProjectNames.display(raw, aliases: aliases)
            return name == raw ? raw : "\(name) (\(raw))"
        }
        let listed = SessionLookup.listed
        switch NameLookup.project(query, among: raws, aliases: aliases) {
        case .found(let raw):
            return raw
        case .ambiguous(let matches):
            throw RequestError("Project '\(query)' matches \(matches.count) project folders: "
                               + "\(listed(matches.map(shown), 10)). Give the folder name.")
        case .notFound(let close):
            if raws.isEmpty { throw RequestError("No project named '\(query)': there are no project folders.") }
            let others = raws.filter { !close.contains($0) }.sorted {
                (ProjectNames.display($0, aliases: aliases), $0) < (ProjectNames.display($1, aliases: aliases), $1)
            }
            throw RequestError("No project named '\(query)'. Projects (name shown by --instances, then folder): "
                               + listed((close + others).map(shown), 20) + ".")
        }
    }
}
