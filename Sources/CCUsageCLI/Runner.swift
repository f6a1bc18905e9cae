import ArgumentParser
import CCUsageKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fatal, user-facing error: one clear line, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// Everything a report command needs, resolved once from flags and the process environment.
struct Context {
    /// Loaded data parked until the process exits (freeing it is wasted work).
    nonisolated(unsafe) static var keepAlive: [LoadedUsage] = []
    var env: Environment
    var zone: ReportZone
    var mode: CostMode
    var render: RenderOptions
    var json: Bool
    var jq: String?
    var debug: Bool
    var debugSamples: Int
    var singleThread: Bool
    var cacheDirectory: String?
    /// The archive of past usage (nil: `--no-archive` or `CCUSAGE_NO_ARCHIVE`).
    var archivePath: String?

    /// The configuration-file options of this command.
    var config: ConfigLayer
    /// `--since` / `--until`, from the flags or the config file.
    var range: DateRange
    /// `--order` when given on the command line or in the config file.
    var order: ReportOrder?
    var prices: PriceTable
    /// Prices from the embedded snapshot only (`--offline`, `CCUSAGE_OFFLINE`, config, or `--mode display`).
    var offline: Bool
    var hasPricingOverrides: Bool
    var quiet: Bool

    /// Resolves every shared option: explicit flag > environment > config file > default.
    init(_ flags: ReportFlags, command: String = "daily", env: Environment = .live()) throws {
        Trace.mark("arguments parsed, environment read")
        self.env = env
        config = try ConfigLayer.load(explicit: flags.config, env: env, command: command)
        Trace.mark("configuration loaded")
        let c = config
        func day(_ key: String) throws -> CalendarDay? {
            guard let text = c.string(key) else { return nil }
            guard let value = CalendarDay(text) else { throw CLIError("Invalid configuration: '\(key)' must be YYYYMMDD") }
            return value
        }
        range = DateRange(since: try flags.since ?? day("since"), until: try flags.until ?? day("until"))
        if let since = range.since, let until = range.until, until < since {
            throw CLIError("--since \(since) is after --until \(until).")
        }
        zone = try Context.zone(flag: flags.timezone, config: c.string("timezone"), env: env)
        mode = flags.mode ?? c.string("mode").flatMap(CostMode.init(rawValue:)) ?? .auto
        order = flags.order ?? c.string("order").flatMap(ReportOrder.init(rawValue:))
        jq = flags.jq ?? c.string("jq")
        json = flags.json || c.bool("json") == true || jq != nil
        debug = flags.debug || c.bool("debug") == true
        debugSamples = max(0, flags.debugSamples ?? c.int("debugSamples") ?? 5)
        singleThread = flags.singleThread || c.bool("singleThread") == true
        let noCache = flags.noCache || (Context.switchVariable("CCUSAGE_NO_CACHE", env) ?? c.bool("noCache") ?? false)
        // --debug reads every file itself: its counts, bytes and line offsets never come from a cache.
        cacheDirectory = noCache || debug ? nil : ScanCache.defaultDirectory(env)
        archivePath = flags.noArchive ? nil : UsageArchive.defaultPath(env)
        let logLevel = Int(env.variables["LOG_LEVEL"] ?? "") ?? 3
        quiet = logLevel == 0
        let color = Context.color(flag: flags.color, config: c, env: env)
        let style = TerminalStyle.decide(flag: color, environment: env.variables, isTTY: Terminal.isTTY(STDOUT_FILENO))
        var aliases = ProjectNames.parseAliases(c.string("projectAliases") ?? "")
        aliases.merge(ProjectNames.parseAliases(env.variables["CCUSAGE_PROJECT_ALIASES"] ?? "")) { $1 }
        render = RenderOptions(style: style, width: Terminal.width(env.variables),
                               forceCompact: flags.compact || c.bool("compact") == true,
                               breakdown: flags.breakdown || c.bool("breakdown") == true,
                               hideCost: flags.noCost || c.bool("noCost") == true,
                               projectAliases: aliases, showTitle: !quiet)
        var offline = flags.offline ?? Context.switchVariable("CCUSAGE_OFFLINE", env) ?? c.bool("offline")
            ?? c.bool("noOffline").map { !$0 } ?? false
        if mode == .display { offline = true }   // display mode never needs prices
        self.offline = offline
        var table = PriceTable.embedded
        Trace.mark("embedded prices")
        if !offline { table = OnlinePricing.table(base: table, env: env, verbose: logLevel >= 4 || debug) }
        let overrides = try c.pricingOverrides()
        hasPricingOverrides = !overrides.isEmpty
        prices = table.applying(overrides: overrides)
        if debug {
            Terminal.error(config.searchLog.map { "[debug] " + $0 }.joined(separator: "\n"))
        }
    }

    /// The report zone: `--timezone` > `TZ` > the config file's `timezone` > the system zone.
    static func zone(flag: String?, config: String?, env: Environment) throws -> ReportZone {
        let tz = (env.variables["TZ"] ?? "").trimmed
        guard let name = flag ?? (tz.isEmpty ? config : nil) else { return ReportZone(env.timeZone) }
        guard let zone = ReportZone(identifier: name) else {
            throw CLIError("Unknown time zone '\(name)'. Use an IANA name such as America/New_York or Asia/Tokyo.")
        }
        return zone
    }

    /// `--color`/`--no-color` > `NO_COLOR`/`FORCE_COLOR` (decided by `TerminalStyle`) > the config file's
    /// `color`/`noColor` > whether stdout is a terminal. Nil leaves the choice to the environment and the terminal.
    static func color(flag: Bool?, config: ConfigLayer, env: Environment) -> Bool? {
        if let flag { return flag }
        if env.variables["NO_COLOR"] != nil || env.variables["FORCE_COLOR"] != nil { return nil }
        return config.bool("color") ?? (config.bool("noColor") == true ? false : nil)
    }

    /// A yes/no environment variable: `1`/`true`/`yes` or `0`/`false`/`no` (any case); nil when unset or other.
    static func switchVariable(_ name: String, _ env: Environment) -> Bool? {
        switch (env.variables[name] ?? "").trimmed.lowercased() {
        case "1", "true", "yes": return true
        case "0", "false", "no": return false
        default: return nil
        }
    }

    /// The project folder `--project` names: the folder name itself, or the name `--instances` shows for it
    /// (see `NameLookup.project`). An unknown or ambiguous name is an error that lists the projects.
    func resolveProject(_ query: String) throws -> String {
        var problems: [LoadProblem] = []
        let bases: [String]
        do {
            bases = try Discovery.baseDirectories(env, problems: &problems)
        } catch let error as NoDataDirectoryError {
            throw CLIError(error.description)
        }
        let raws = Discovery.projectFolders(in: bases)
        let aliases = render.projectAliases
        func shown(_ raw: String) -> String {
            let name = ProjectNames.display(raw, aliases: aliases)
            return name == raw ? raw : "\(name) (\(raw))"
        }
        switch NameLookup.project(query, among: raws, aliases: aliases) {
        case .found(let raw):
            return raw
        case .ambiguous(let matches):
            throw CLIError("Project '\(query)' matches \(matches.count) project folders: \(listed(matches.map(shown))). "
                           + "Give the folder name.")
        case .notFound(let close):
            if raws.isEmpty { throw CLIError("No project named '\(query)': there are no project folders.") }
            let others = raws.filter { !close.contains($0) }.sorted {
                (ProjectNames.display($0, aliases: aliases), $0) < (ProjectNames.display($1, aliases: aliases), $1)
            }
            throw CLIError("No project named '\(query)'. Projects (name shown by --instances, then folder): "
                           + listed((close + others).map(shown), limit: 20) + ".")
        }
    }

    /// Every file is read, whatever its modification time: a file's entries are not trusted to be older than
    /// the file (copied or synthetic data), so `--since` never skips files.
    func loadOptions(project: String? = nil, keepRawTimestamps: Bool = false) -> LoadOptions {
        var options = LoadOptions(mode: mode, prices: prices, project: project, keepRawTimestamps: keepRawTimestamps,
                                  singleThread: singleThread, cacheDirectory: cacheDirectory)
        options.writeCachesInBackground = true   // CCUsageCommand.run waits for them before it returns
        if debug { options.skippedSamples = debugSamples }
        options.archive = archivePath.map { ArchiveOptions(path: $0, now: env.now) }
        return options
    }

    /// Runs a report command whose output depends only on the loaded usage and `keyParts` (with the output
    /// options): a repeat run on unchanged files prints the cached text (see `ReportCache`). `build`
    /// returns the report text (JSON before any `--jq`, or the table).
    func runReport(_ keyParts: [String], project: String? = nil, build: (LoadedUsage) throws -> String) throws {
        if TeamHandoff.provider != nil {   // `--team`: the team database, never local files
            return try output(build(TeamHandoff.load(keyParts.first ?? "daily", zone: zone, range: range, mode: mode)))
        }
        let options = loadOptions(project: project)
        let discovered: UsageLoader.Discovered
        do {
            discovered = try UsageLoader.discover(options, env)
        } catch let error as NoDataDirectoryError {
            // No transcripts here, but an archive (say, imported from another machine): report from it.
            guard let archivePath, access(archivePath, F_OK) == 0 else { throw CLIError(error.description) }
            discovered = .none
        }
        var key: String?, signature: UInt64 = 0
        if let directory = cacheDirectory, !debug, discovered.problems.isEmpty {
            var parts = ["ccusage", ccusageVersion, Context.buildStamp, "mode", mode.rawValue, "zone", zone.identifier,
                         "hideCost", "\(render.hideCost)", "breakdown", "\(render.breakdown)", "quiet", "\(quiet)"]
                + keyParts
            parts += ["aliases"] + render.projectAliases.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
            if json {
                parts.append("json")
            } else {
                parts += ["table", "\(render.width)", "\(render.style.colors)", "\(render.forceCompact)",
                          "\(render.showTitle)"]
            }
            key = ReportCache.key(parts)
            signature = discovered.signature(options)
            // The archive's events are part of the report: its state is part of the key.
            if let archivePath { signature ^= UsageArchive.stamp(path: archivePath) }
            if let entry = ReportCache.read(directory: directory, key: key!, signature: signature) {
                Trace.mark("report cache hit")
                if !entry.notices.isEmpty { Terminal.error(entry.notices) }
                try output(entry.text)
                if !entry.warnings.isEmpty { Terminal.error(entry.warnings) }
                return
            }
        }
        let progress = ProgressLine(enabled: Terminal.isTTY(STDERR_FILENO) && !debug)
        let usage = UsageLoader.load(discovered, options: options, progress: progress.callback)
        progress.finish()
        let notices = report(usage)
        Trace.mark("loaded")
        let text = try build(usage)
        Trace.mark("report built")
        try output(text)
        let warnings = pricingWarnings(usage)
        if !warnings.isEmpty { Terminal.error(warnings) }
        if let key, let directory = cacheDirectory, usage.problems.isEmpty {
            let entry = ReportCache.Entry(notices: notices, text: text, warnings: warnings)
            // Under the archive's state after this run's update, so the next run on the same data hits.
            let inputs = discovered.signature(options) ^ (archivePath.map { UsageArchive.stamp(path: $0) } ?? 0)
            CacheWrites.run(inBackground: true) {
                ReportCache.write(directory: directory, key: key, signature: inputs, entry: entry)
            }
        }
        Context.keepAlive.append(usage)
    }

    /// Size and modification time of the running binary: a rebuilt ccusage never prints a report that an
    /// earlier build rendered, even with the same version number.
    static let buildStamp: String = {
        #if os(Linux)
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "" }
        return "\(st.st_size)-\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
        #else
        return ""
        #endif
    }()

    /// The report text: JSON (with a final newline) or the table.
    func text(json value: @autoclosure () -> JSONValue, table: @autoclosure () -> String) -> String {
        json ? value().rendered() + "\n" : table()
    }

    /// Prints report text, through `--jq` when given.
    func output(_ text: String) throws {
        if json, let jq { try JQ.run(filter: jq, input: text) } else { Terminal.out(text) }
    }

    func load(project: String? = nil, keepRawTimestamps: Bool = false) throws -> LoadedUsage {
        if TeamHandoff.provider != nil { return try TeamHandoff.load("events", zone: zone, range: range, mode: mode) }
        let options = loadOptions(project: project, keepRawTimestamps: keepRawTimestamps)
        let progress = ProgressLine(enabled: Terminal.isTTY(STDERR_FILENO) && !debug)
        let usage: LoadedUsage
        do {
            usage = try UsageLoader.load(options, env, progress: progress.callback)
        } catch let error as NoDataDirectoryError {
            progress.finish()
            guard let archivePath, access(archivePath, F_OK) == 0 else { throw CLIError(error.description) }
            usage = UsageLoader.load(.none, options: options)
        }
        progress.finish()
        report(usage)
        Trace.mark("loaded")
        return usage
    }

    /// Skipped lines and unreadable files always reach stderr; `--debug` adds the full diagnostics.
    /// Returns the skipped-lines notice it printed ("" when none).
    @discardableResult
    func report(_ usage: LoadedUsage) -> String {
        let s = usage.stats
        if debug {
            var lines = ["[debug] data directories: " + usage.baseDirectories.joined(separator: ", ")]
            lines.append("[debug] files: \(s.files), bytes: \(s.bytes), lines: \(s.lines)")
            lines.append("[debug] usage entries: \(s.usageLines), duplicates removed: \(usage.duplicatesRemoved) (\(usage.requestlessDuplicates) of them copies without requestId), kept: \(usage.records.count)")
            lines.append("[debug] load: every file read (--debug uses no cache)")
            lines.append("[debug] malformed lines: \(s.malformedLines), invalid usage lines: \(s.invalidLines)")
            lines.append("[debug] cost mode: \(mode.rawValue), time zone: \(zone.identifier)")
            // --debug-samples N bounds every list: problems, files with skipped lines, their offsets, models.
            let n = debugSamples
            func more(_ count: Int, _ what: String) {
                if count > n { lines.append("[debug] … and \(count - n) more \(what) (--debug-samples \(n))") }
            }
            for problem in usage.problems.prefix(n) { lines.append("[debug] " + problem.description) }
            more(usage.problems.count, "problems")
            for file in usage.skipped.prefix(n) {
                let offsets = file.offsets.prefix(n)
                let at = offsets.isEmpty ? "" : " (at byte " + offsets.map(String.init).joined(separator: ", ")
                    + (file.malformed + file.invalid > offsets.count ? ", …" : "") + ")"
                lines.append("[debug] skipped lines in \(file.path): \(file.malformed) malformed, \(file.invalid) invalid\(at)")
            }
            more(usage.skipped.count, "files with skipped lines")
            lines.append("[debug] prices: embedded " + PriceTable.snapshotDescription
                         + (offline ? "" : "; LiteLLM refresh allowed") + (hasPricingOverrides ? "; config overrides" : ""))
            if !usage.unpricedModels.isEmpty {
                var tokens: [String: Int] = [:]
                let unpriced = Set(usage.unpricedModels)
                for record in usage.records {
                    guard let model = record.record.model, unpriced.contains(model) else { continue }
                    tokens[model, default: 0] += record.tokens.total
                }
                let models = usage.unpricedModels
                var text = models.prefix(n).map { "\($0) (\(Format.integer(tokens[$0] ?? 0)) tokens)" }.joined(separator: ", ")
                if models.count > n { text += (n == 0 ? "" : ", ") + "… and \(models.count - n) more (--debug-samples \(n))" }
                lines.append("[debug] models without pricing (cost 0): " + text)
            }
            Terminal.error(lines.joined(separator: "\n"))
            Terminal.error(PricingMismatchReport(usage, prices: prices, sampleLimit: debugSamples).render())
        } else if !quiet {
            for problem in usage.problems { Terminal.error("warning: " + problem.description) }
        }
        if s.malformedLines + s.invalidLines > 0, !debug, !quiet {
            let notice = "warning: skipped \(s.malformedLines) malformed and \(s.invalidLines) invalid usage line(s); run with --debug for details"
            Terminal.error(notice)
            return notice
        }
        return ""
    }

    /// One line per model without a price (cost 0 in the report); "" when every model is priced.
    func pricingWarnings(_ usage: LoadedUsage) -> String {
        guard mode != .display, !quiet else { return "" }
        return usage.unpricedModels.map {
            "WARN  Missing embedded pricing for \($0); cost excludes this model. Update ccusage after pricing is added."
        }.joined(separator: "\n")
    }

    /// Writes a report: JSON (optionally through jq) or the table, then pricing warnings.
    func emit(json value: @autoclosure () -> JSONValue, table: @autoclosure () -> String, usage: LoadedUsage?) throws {
        Trace.mark("report built")
        try output(text(json: value(), table: table()))
        if let usage {
            let warnings = pricingWarnings(usage)
            if !warnings.isEmpty { Terminal.error(warnings) }
        }
        // The report is out: leave now rather than spend time releasing every record one by one.
        if let usage { Context.keepAlive.append(usage) }
    }
}
