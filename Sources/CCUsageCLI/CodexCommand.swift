import ArgumentParser
import CCUsageKit

extension CodexSpeed: ExpressibleByArgument {}

/// `ccusage codex [daily|monthly|session]`: OpenAI Codex CLI usage (07-codex.md).
struct CodexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codex",
        abstract: "OpenAI Codex CLI usage by day (default), month or session.",
        discussion: """
        Reads the rollout files Codex writes under ~/.codex/sessions and ~/.codex/archived_sessions (or the \
        comma-separated homes in CODEX_HOME; a home without those folders is read as a folder of saved \
        `codex exec --json` logs). Costs use OpenAI prices; --speed fast (or service_tier = "fast" in a home's \
        config.toml, with --speed auto) bills the fast tier.

        Examples:
          ccusage codex                        daily report (also: ccusage codex:daily)
          ccusage codex monthly --json
          ccusage codex session --since 20260501 --speed standard
        """,
        subcommands: [CodexDaily.self, CodexMonthly.self, CodexSession.self],
        defaultSubcommand: CodexDaily.self
    )
}

struct CodexFlags: ParsableArguments {
    @OptionGroup var report: ReportFlags
    @Option(help: "Fast-tier pricing: auto (from config.toml's service_tier), standard or fast.")
    var speed: CodexSpeed?
}

struct CodexDaily: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "daily", abstract: "Codex usage by day.")
    @OptionGroup var flags: CodexFlags
    func run() async throws { try runCodex(.daily, flags) }
}

struct CodexMonthly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "monthly", abstract: "Codex usage by month.")
    @OptionGroup var flags: CodexFlags
    func run() async throws { try runCodex(.monthly, flags) }
}

struct CodexSession: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "session",
                                                    abstract: "Codex usage by session (rollout file).")
    @OptionGroup var flags: CodexFlags
    func run() async throws { try runCodex(.session, flags) }
}

func runCodex(_ kind: CodexReportKind, _ flags: CodexFlags) throws {
    let context = try Context(flags.report, command: "codex " + kind.rawValue)
    let speed = flags.speed ?? context.config.string("speed").flatMap(CodexSpeed.init(rawValue:)) ?? .auto
    let homes = CodexDiscovery.homes(context.env)
    let files = CodexDiscovery.files(homes: homes)
    let fast = speed == .fast || (speed == .auto && CodexDiscovery.configuresFastTier(homes: homes))
    let options = CodexReportOptions(zone: context.zone, range: context.range, order: context.order ?? .asc, fast: fast)
    // A repeat run on unchanged files prints the report it cached (see `ReportCache`).
    var key: String?, signature: UInt64 = 0
    if let directory = context.cacheDirectory, !context.debug {
        var parts = ["ccusage-codex", ccusageVersion, Context.buildStamp, kind.rawValue, "zone", context.zone.identifier,
                     "since", context.range.since?.description ?? "", "until", context.range.until?.description ?? "",
                     "order", options.order.rawValue, "fast", "\(fast)", "offline", "\(context.offline)",
                     "hideCost", "\(context.render.hideCost)", "quiet", "\(context.quiet)"] + homes
        parts += context.json ? ["json"] : ["table", "\(context.render.width)", "\(context.render.style.colors)",
                                            "\(context.render.breakdown)", "\(context.render.showTitle)"]
        key = ReportCache.key(parts)
        signature = CodexSource.signature(files: files, prices: context.prices)
        if let key, let entry = ReportCache.read(directory: directory, key: key, signature: signature) {
            Trace.mark("report cache hit")
            if !entry.notices.isEmpty { Terminal.error(entry.notices) }
            try context.output(entry.text)
            if !entry.warnings.isEmpty { Terminal.error(entry.warnings) }
            return
        }
    }
    let load = CodexSource.load(files: files, homes: homes, singleThread: context.singleThread,
                                cacheDirectory: context.cacheDirectory)
    Trace.mark("loaded")
    let report = load.report(kind, options: options, pricing: CodexPricing(table: context.prices))
    let notices = reportCodexProblems(load, report, context: context, fast: fast)
    Trace.mark("report built")
    var text = "", warnings = "", notice = notices
    if context.json {
        text = ReferenceJSON.render(report.json(hideCost: context.render.hideCost)) + "\n"
    } else if report.rows.isEmpty {
        Terminal.error("No Codex usage data found.")
        notice += (notice.isEmpty ? "" : "\n") + "No Codex usage data found."
    } else {
        text = CodexTable.render(report, context.render)
        if !context.quiet { warnings = CodexTable.pricingWarnings(report, offline: context.offline).joined(separator: "\n") }
    }
    if !text.isEmpty { try context.output(text) }
    if !warnings.isEmpty { Terminal.error(warnings) }
    if let key, let directory = context.cacheDirectory, load.unreadable.isEmpty {
        let entry = ReportCache.Entry(notices: notice, text: text, warnings: warnings), inputs = signature
        CacheWrites.run(inBackground: true) {
            ReportCache.write(directory: directory, key: key, signature: inputs, entry: entry)
        }
    }
}

/// Skipped lines, bad timestamps and unreadable files: one warning line, or the details with `--debug`.
/// Returns the warning it printed without `--debug` ("" when none).
@discardableResult
func reportCodexProblems(_ load: CodexLoad, _ report: CodexReport, context: Context, fast: Bool) -> String {
    let malformed = load.malformedLines, badTimes = report.invalidTimestamps.count
    if context.debug {
        var lines = ["[debug] Codex homes: " + (load.homes.isEmpty ? "(none)" : load.homes.joined(separator: ", "))]
        lines.append("[debug] files: \(load.files.count), bytes: \(load.bytes), lines: \(load.lines)")
        lines.append("[debug] usage events: \(load.eventCount), duplicates removed: \(report.duplicatesRemoved)")
        lines.append("[debug] malformed lines: \(malformed), events with an invalid timestamp: \(badTimes)")
        lines.append("[debug] speed: \(fast ? "fast" : "standard"), time zone: \(context.zone.identifier)")
        for file in load.malformedFiles.prefix(context.debugSamples) {
            let at = file.offsets.map(String.init).joined(separator: ", ")
            lines.append("[debug] malformed lines in \(file.path): \(file.count) (at byte \(at))")
        }
        for bad in report.invalidTimestamps.prefix(context.debugSamples) {
            lines.append("[debug] invalid timestamp in session \(bad.session): \(bad.timestamp)")
        }
        for problem in load.unreadable { lines.append("[debug] unreadable: " + problem) }
        if !report.unpricedModels.isEmpty {
            lines.append("[debug] models without pricing (cost 0): " + report.unpricedModels.joined(separator: ", "))
        }
        Terminal.error(lines.joined(separator: "\n"))
        return ""
    }
    guard !context.quiet else { return "" }
    for problem in load.unreadable { Terminal.error("warning: cannot read " + problem) }
    guard malformed + badTimes > 0 else { return "" }
    let notice = "warning: skipped \(malformed) malformed line(s) and \(badTimes) event(s) with an invalid "
        + "timestamp in Codex logs; run with --debug for details"
    Terminal.error(notice)
    return notice
}
