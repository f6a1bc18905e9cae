import Dispatch

/// What the status line asks the service for: the figures of one hook call (today's cost, the session's
/// cost, the active block, the context), resolved by the status line from its flags and config section.
public struct StatuslineRequest: Sendable {
    /// The zone of "today".
    public var zone: ReportZone
    /// Prices may be refreshed from LiteLLM (the status line is offline unless told otherwise).
    public var online = false
    /// `pricingOverrides` of the config file.
    public var overrides: [String: [String: Double]] = [:]
    /// `--debug`: the price refresh says why it failed.
    public var verbose = false

    public init(zone: ReportZone, online: Bool = false, overrides: [String: [String: Double]] = [:],
                verbose: Bool = false) {
        self.zone = zone; self.online = online; self.overrides = overrides; self.verbose = verbose
    }
}

/// The status line's figures and how they were found (for `--debug`).
public struct StatuslineData: Sendable {
    public var status: StatuslineStatus
    /// What was loaded (empty when there is no data directory).
    public var usage: LoadedUsage
    /// Why nothing was loaded (no data directory), else nil.
    public var loadError: String?
    /// The context's tokens read from the transcript's tail when the hook gave none.
    public var transcriptTokens: Int?
    /// When pricing started and when loading ended (uptime).
    public var started: DispatchTime
    public var loaded: DispatchTime
}

extension UsageService {
    /// The status line's figures for one hook call: prices (embedded, refreshed when `online`, overrides on
    /// top), the recent usage (`recentUsage`), and the status built from them and the hook.
    public func statusline(_ hook: StatuslineHook, _ request: StatuslineRequest) -> StatuslineData {
        let started = DispatchTime.now()
        var prices = PriceTable.embedded
        if request.online { prices = OnlinePricing.table(base: prices, env: env, verbose: request.verbose, notices: notices) }
        prices = prices.applying(overrides: request.overrides)
        let noScanCache = ["1", "true", "yes"].contains((env.variables["CCUSAGE_NO_CACHE"] ?? "").lowercased())
        var options = LoadOptions(mode: .auto, prices: prices,
                                  cacheDirectory: noScanCache ? nil : ScanCache.defaultDirectory(env))
        options.keepSession = hook.sessionID
        var usage: LoadedUsage, loadError: String?
        do {
            usage = try recentUsage(options, zone: request.zone)
        } catch {
            // No data directory: the model, Claude Code's cost and the context can still be shown.
            loadError = "\(error)"
            usage = LoadedUsage()
        }
        let loaded = DispatchTime.now()
        let transcriptTokens = hook.contextWindow?.totalInputTokens == nil
            ? TranscriptTail.lastContextTokens(path: hook.transcriptPath) : nil
        let status = StatuslineStatus(hook: hook, usage: usage, now: env.now, zone: request.zone,
                                      transcriptContextTokens: transcriptTokens, prices: prices)
        return StatuslineData(status: status, usage: usage, loadError: loadError, transcriptTokens: transcriptTokens,
                              started: started, loaded: loaded)
    }

    /// Remembers Claude's own limits the hook carries, per config directory (the transcript's, else the first
    /// data directory), for `blocks`. Returns why they could not be written, else nil.
    public func rememberRateLimits(_ hook: StatuslineHook) -> String? {
        var ignored: [LoadProblem] = []
        guard let limits = hook.rateLimits,
              let directory = RateLimitStore.configDirectory(ofTranscript: hook.transcriptPath)
                  ?? (try? Discovery.baseDirectories(env, problems: &ignored))?.first else { return nil }
        let cache = ScanCache.defaultDirectory(env)
        if RateLimitStore.remember(limits, configDirectory: directory, now: env.now, cacheDirectory: cache) { return nil }
        return "could not remember the rate limits in \(cache)"
    }

    /// Loads only files touched in the last few days (plus this session's files): enough for today's
    /// cost, the session's cost and the active block. The window widens until it provably holds the
    /// start of the active block's chain (a silence longer than a block after the cut-off), or covers
    /// everything.
    public func recentUsage(_ base: LoadOptions, zone: ReportZone) throws -> LoadedUsage {
        let clock = zone.clock(ofMillis: env.now)
        let todayStart = env.now - Int64(((clock.hour * 60 + clock.minute) * 60 + clock.second) * 1000) - env.now % 1000
        let length = Int64(SessionBlocks.defaultHours * 3_600_000)
        var days: Int64 = 2
        while true {
            var options = base
            let cutoff = todayStart - days * 86_400_000
            options.modifiedSince = days > 512 ? nil : cutoff
            options.cacheSlot = "statusline-\(days > 512 ? 0 : days)"
            let usage = try UsageLoader.load(options, env)
            guard options.modifiedSince != nil else { return usage }
            var previous = cutoff
            var exact = false
            for time in usage.records.map(\.time).filter({ $0 >= cutoff }).sorted() {
                if time - previous > length { exact = true }
                previous = time
            }
            // No entry within a block of now: no active block, whatever came before.
            if exact || env.now - previous >= length { return usage }
            days *= 8
        }
    }
}
