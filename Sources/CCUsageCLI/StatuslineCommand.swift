import ArgumentParser
import CCUsageKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StatuslineCostSource: ExpressibleByArgument {}
extension BurnRateVisual: ExpressibleByArgument {}

private func parseThreshold(_ text: String) throws -> Int {
    guard let value = Int(text), (0...100).contains(value) else {
        throw ValidationError("A context threshold must be a whole number from 0 to 100, got '\(text)'.")
    }
    return value
}

struct Statusline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One status line for Claude Code's statusLine hook (beta): reads the hook JSON on stdin.",
        discussion: """
        Prints: 🤖 <model> | 💰 <session> session / <today> today / <block> | 🧠 <context>
        and, when Claude Code passes its plan limits (rate_limits), | ⏳ 5h 24% (resets 14:00) · 7d 41% (Tue 09:00): \
        yellow from 70%, red from 90%, ▲ when usage runs ahead of the time elapsed in the window.
        The line is cached per session for --refresh-interval seconds (until the transcript changes) in \
        $TMPDIR/ccusage-semaphore/<session_id>.lock.

        In ~/.claude/settings.json:
          "statusLine": {"type": "command", "command": "ccusage statusline"}

        Examples:
          ccusage statusline --visual-burn-rate emoji-text
          ccusage statusline --cost-source both
          ccusage statusline --context-low-threshold 60 --context-medium-threshold 90
          ccusage statusline --no-rate-limits
        """)

    @OptionGroup(title: "Pricing") var offlineOption: OfflineOption

    @Option(help: "Session cost: auto (Claude Code's, else computed), ccusage (computed), cc (Claude Code's) or both (default auto).")
    var costSource: StatuslineCostSource?

    @Option(name: [.customShort("B"), .long], help: "Burn-rate level: off, emoji, text or emoji-text (default off).")
    var visualBurnRate: BurnRateVisual?

    @Flag(inversion: .prefixedNo, help: "Reuse the last line for --refresh-interval seconds while the transcript is unchanged (default: on).")
    var cache: Bool?

    @Option(help: "Seconds a cached line stays fresh (default 1).")
    var refreshInterval: Double?

    @Option(help: "Context use below this percentage is green (0-100, default 50).", transform: parseThreshold)
    var contextLowThreshold: Int?

    @Option(help: "Context use below this percentage is yellow, else red (0-100, default 80).", transform: parseThreshold)
    var contextMediumThreshold: Int?

    @Flag(inversion: .prefixedNo, help: "Show Claude's 5-hour and 7-day plan usage when the hook carries it (default: on).")
    var rateLimits: Bool?

    // Shared with the reports (declared once, in Flags.swift).
    @OptionGroup(title: "Filters") var zone: ZoneOption
    @OptionGroup(title: "Output") var colorOption: ColorOption
    @OptionGroup(title: "Diagnostics") var debugOption: DebugOption
    @OptionGroup(title: "Diagnostics") var configOption: ConfigOption

    var offline: Bool? { offlineOption.offline }
    var timezone: String? { zone.timezone }
    var color: Bool? { colorOption.color }
    var debug: Bool { debugOption.debug }
    var config: String? { configOption.config }

    mutating func validate() throws {
        if let low = contextLowThreshold, let medium = contextMediumThreshold,
           let problem = ContextThresholds(low: low, medium: medium).problem {
            throw ValidationError(problem)
        }
        if let refreshInterval, !(refreshInterval >= 0 && refreshInterval.isFinite) {
            throw ValidationError("--refresh-interval must be 0 or more seconds.")
        }
    }

    func run() async throws {
        let env = Environment.live()
        let layer = try ConfigLayer.load(explicit: config, env: env, command: "statusline")
        for warning in layer.warnings { Terminal.error(warning) }
        let debug = self.debug || layer.bool("debug") == true
        func log(_ message: @autoclosure () -> String) { if debug { Terminal.error("[debug] " + message()) } }
        if debug { layer.searchLog.forEach { log($0) } }

        let thresholds = ContextThresholds(
            low: contextLowThreshold ?? layer.int("contextLowThreshold") ?? ContextThresholds.default.low,
            medium: contextMediumThreshold ?? layer.int("contextMediumThreshold") ?? ContextThresholds.default.medium)
        if let problem = thresholds.problem { throw CLIError(problem) }
        let format = StatuslineFormat(
            costSource: costSource ?? layer.string("costSource").flatMap(StatuslineCostSource.init(rawValue:)) ?? .auto,
            burnRateVisual: visualBurnRate ?? layer.string("visualBurnRate").flatMap(BurnRateVisual.init(rawValue:)) ?? .off,
            thresholds: thresholds,
            showRateLimits: rateLimits ?? layer.bool("rateLimits") ?? true)
        let zone = try RequestResolver.zone(flag: timezone, config: layer.string("timezone"), env: env)
        let useCache = cache ?? layer.bool("cache") ?? (layer.bool("noCache").map { !$0 } ?? true)
        let refreshSeconds = refreshInterval ?? layer.number("refreshInterval") ?? 1
        let colorFlag = RequestResolver.color(flag: color, config: layer, env: env)
        let style = TerminalStyle.decide(flag: colorFlag, environment: env.variables, isTTY: Terminal.isTTY(STDOUT_FILENO))
        let online = !(offline ?? layer.bool("offline") ?? true)
        var overrides: [String: [String: Double]] = [:]
        do { overrides = try layer.pricingOverrides() } catch { log("\(error)") }

        // The hook input.
        let hook: StatuslineHook
        do {
            hook = try StatuslineHook.parse(try StdinReader.read())
        } catch {
            Terminal.out("\(error)\n")
            throw ExitCode.failure
        }
        var label = hook.model.displayName
        if case .object(let aliases)? = layer.values["modelLabelAliases"], case .string(let alias)? = aliases[label] {
            label = alias
        }

        // The per-session cache, keyed by the options too.
        let optionsKey = StatuslineCache.optionsKey(format: format, label: label, zone: zone.identifier,
                                                    colors: style.colors, online: online, overrides: overrides)
        let transcriptMtime = AgentPaths.modifiedMillis(hook.transcriptPath)
        let pid = getpid()
        var cacheDirectory: String?
        if useCache {
            let directory = StatuslineCache.directory(tmp: env.variables["TMPDIR"] ?? "/tmp")
            cacheDirectory = StatuslineCache.prepareDirectory(directory, uid: getuid())
            if cacheDirectory == nil { log("cache disabled: \(directory) cannot be used") }
        }
        let previous = cacheDirectory.flatMap { StatuslineCache.read(directory: $0, sessionID: hook.sessionID) }
        if let cacheDirectory {
            let decision = StatuslineCache.decide(previous, now: env.now, refreshSeconds: refreshSeconds,
                                                  transcriptPath: hook.transcriptPath, transcriptMtime: transcriptMtime,
                                                  options: optionsKey, isAlive: Self.isAlive)
            if case .reuse(let line) = decision {
                log("cached line reused (\(env.now - (previous?.lastUpdateTime ?? env.now)) ms old)")
                Terminal.out(line + "\n")
                return
            }
            var marker = previous ?? StatuslineCacheState(date: Timestamp.iso(env.now), lastOutput: "", lastUpdateTime: 0,
                                                          transcriptPath: hook.transcriptPath,
                                                          transcriptMtime: transcriptMtime)
            // The marker keeps the options its line was made with: only runs with those reuse it meanwhile.
            marker.isUpdating = true
            marker.pid = pid
            StatuslineCache.write(marker, directory: cacheDirectory, sessionID: hook.sessionID)
        }

        // Compute. Claude's own limits are remembered per config directory for `blocks` (here, not on the
        // cached path: a reused line is at most --refresh-interval old, and so are the limits remembered).
        let service = UsageService(env, buildStamp: BuildStamp.current, notices: { Terminal.error($0) })
        if let problem = service.rememberRateLimits(hook) { log(problem) }
        let data = service.statusline(hook, StatuslineRequest(zone: zone, online: online, overrides: overrides,
                                                              verbose: debug))
        if let problem = data.loadError { log(problem) }
        let usage = data.usage, transcriptTokens = data.transcriptTokens, started = data.started, loaded = data.loaded
        var status = data.status
        status.model = label
        let line = format.render(status, style: style)
        Terminal.out(line + "\n")
        if debug {
            let ms = { (a: DispatchTime, b: DispatchTime) in (b.uptimeNanoseconds - a.uptimeNanoseconds) / 1_000_000 }
            log("data directories: \(usage.baseDirectories.joined(separator: ", "))")
            log("files: \(usage.files.count), entries kept: \(usage.records.count), load: \(ms(started, loaded)) ms, total: \(ms(started, DispatchTime.now())) ms")
            log("session \(hook.sessionID): computed cost \(status.computedSessionCost.map(Format.money) ?? "N/A"), hook cost \(status.hookSessionCost.map(Format.money) ?? "N/A")")
            log("context: \(hook.contextWindow?.totalInputTokens != nil ? "from the hook" : transcriptTokens != nil ? "from the transcript" : "unavailable")")
        }
        if let cacheDirectory {
            let state = StatuslineCacheState(date: Timestamp.iso(env.now), lastOutput: line,
                                             lastUpdateTime: Self.nowMillis(), transcriptPath: hook.transcriptPath,
                                             transcriptMtime: transcriptMtime, isUpdating: false, pid: nil,
                                             options: optionsKey)
            if !StatuslineCache.write(state, directory: cacheDirectory, sessionID: hook.sessionID) {
                log("could not write the cache file in \(cacheDirectory)")
            }
        }
    }

    static func nowMillis() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    @Sendable static func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }
}

/// Reads the hook input without ever hanging: a terminal on stdin counts as no input, the size is bounded,
/// and a writer that neither writes nor closes is given up on after `timeout` seconds.
enum StdinReader {
    static let limit = 4 << 20

    static func read(timeout: Double = 5) throws(StatuslineInputError) -> [UInt8] {
        if isatty(STDIN_FILENO) == 1 { return [] }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { break }
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(Int64(Int32.max), Int64((deadline - now) / 1_000_000) + 1)))
            if ready < 0 { if errno == EINTR { continue }; break }
            if ready == 0 { break }
            let n = buffer.withUnsafeMutableBytes { raw in
                #if canImport(Glibc)
                Glibc.read(STDIN_FILENO, raw.baseAddress!, raw.count)
                #else
                Darwin.read(STDIN_FILENO, raw.baseAddress!, raw.count)
                #endif
            }
            if n < 0 { if errno == EINTR || errno == EAGAIN { continue }; break }
            if n == 0 { break }
            bytes += buffer[0..<n]
            if bytes.count > limit { throw .invalid("the input is larger than \(limit >> 20) MiB") }
        }
        return bytes
    }
}
