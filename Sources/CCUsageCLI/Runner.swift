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

/// Everything a report command needs: the resolved `ReportRequest`, the `UsageService` that runs it, and the
/// prices chosen once (the online refresh happens here, before any report).
struct Context {
    /// Loaded data parked until the process exits (freeing it is wasted work).
    nonisolated(unsafe) static var keepAlive: [any Sendable] = []
    var env: Environment
    var request: ReportRequest
    var service: UsageService
    var prices: PriceTable

    /// Resolves every option (explicit flag > environment > config file > default, see `RequestResolver`);
    /// `extra` adds the command's own flags.
    init(_ flags: ReportFlags, command: String = "daily", env: Environment = .live(),
         extra: (inout RequestFlags) -> Void = { _ in }) throws {
        Trace.mark("arguments parsed, environment read")
        self.env = env
        var explicit = flags.request
        extra(&explicit)
        let config = try ConfigLayer.load(explicit: explicit.config, env: env, command: command)
        for warning in config.warnings { Terminal.error(warning) }
        Trace.mark("configuration loaded")
        request = try RequestResolver.resolve(command, flags: explicit, config: config, env: env,
                                              target: OutputTarget(isTerminal: Terminal.isTTY(STDOUT_FILENO),
                                                                   width: Terminal.width(env.variables)))
        service = UsageService(env, buildStamp: Context.buildStamp, notices: { Terminal.error($0) })
        service.usageSource = TeamHandoff.usageSource   // `ccusage-team`: the team database, never local files
        prices = service.prices(for: request)
        if request.diagnostics.debug {
            Terminal.error(config.searchLog.map { "[debug] " + $0 }.joined(separator: "\n"))
        }
    }

    var config: ConfigLayer { request.config }
    var zone: ReportZone { request.zone }
    var mode: CostMode { request.mode }
    var range: DateRange { request.range }
    /// `--order` when given on the command line or in the config file.
    var order: ReportOrder? { request.order }
    var render: RenderOptions { request.output.render }
    var json: Bool { request.output.json }
    var jq: String? { request.output.jq }
    var debug: Bool { request.diagnostics.debug }
    var debugSamples: Int { request.diagnostics.samples }
    var singleThread: Bool { request.diagnostics.singleThread }
    var quiet: Bool { request.diagnostics.quiet }
    var cacheDirectory: String? { request.caching.directory }
    var archivePath: String? { request.caching.archivePath }
    /// Prices from the embedded snapshot only (`--offline`, `CCUSAGE_OFFLINE`, config, or `--mode display`).
    var offline: Bool { request.pricing.offline }

    /// The service with a progress line on stderr while files are read (on a terminal, without `--debug`).
    func service(showing progress: ProgressLine) -> UsageService {
        var copy = self.service
        copy.progress = progress.callback
        copy.loaded = { progress.finish() }
        return copy
    }

    /// Runs the request through the service and writes the report, then its warnings.
    func write(_ request: ReportRequest) throws {
        let progress = ProgressLine(enabled: Terminal.isTTY(STDERR_FILENO) && !debug)
        let report = try service(showing: progress).report(request, prices: prices)
        if report.parts.isEmpty {
            if !report.text.isEmpty { try output(report.text) }
        } else {
            for part in report.parts {
                switch part {
                case .text(let text): try output(text)
                case .notice(let line): Terminal.error(line)
                }
            }
        }
        if !report.warnings.isEmpty { Terminal.error(report.warnings) }
        // The report is out: leave now rather than spend time releasing every record one by one.
        if let usage = report.usage { Context.keepAlive.append(usage) }
        if let codex = report.codex { Context.keepAlive.append(codex) }
    }

    /// The running binary's stamp in report-cache keys (see `BuildStamp`).
    static var buildStamp: String { BuildStamp.current }

    /// The report text: JSON (with a final newline) or the table.
    func text(json value: @autoclosure () -> JSONValue, table: @autoclosure () -> String) -> String {
        json ? value().rendered() + "\n" : table()
    }

    /// Prints report text, through `--jq` when given.
    func output(_ text: String) throws {
        if json, let jq { try JQ.run(filter: jq, input: text) } else { Terminal.out(text) }
    }

    func load(project: String? = nil, keepRawTimestamps: Bool = false) throws -> LoadedUsage {
        let progress = ProgressLine(enabled: Terminal.isTTY(STDERR_FILENO) && !debug)
        return try service(showing: progress).load(request, prices: prices, project: project, keepRawTimestamps: keepRawTimestamps)
    }

    /// Skipped lines and unreadable files always reach stderr; `--debug` adds the full diagnostics.
    func report(_ usage: LoadedUsage) {
        LoadNotices.say(usage, request, prices: prices) { Terminal.error($0) }
    }

    /// One line per model without a price (cost 0 in the report); "" when every model is priced.
    func pricingWarnings(_ usage: LoadedUsage) -> String { LoadNotices.pricingWarnings(usage, request) }

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
